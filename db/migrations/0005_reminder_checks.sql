PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`customer_id` text NOT NULL,
	`occurred_at` text NOT NULL,
	`channel` text NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`outcome` text,
	`intent` text,
	`satisfaction` integer,
	`next_contact_date` text,
	`next_contact_time` text,
	`done` integer DEFAULT false NOT NULL,
	`answered_by` text,
	`import_batch_id` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "follow_ups_channel_valid" CHECK("__new_follow_ups"."channel" IN ('call','visit','wechat','whatsapp','email','meeting','other')),
	CONSTRAINT "follow_ups_intent_valid" CHECK("__new_follow_ups"."intent" IS NULL OR "__new_follow_ups"."intent" IN ('interested','hesitant','not_now','never')),
	CONSTRAINT "follow_ups_satisfaction_range" CHECK("__new_follow_ups"."satisfaction" IS NULL OR ("__new_follow_ups"."satisfaction" BETWEEN 1 AND 5)),
	CONSTRAINT "follow_ups_next_date_valid" CHECK(next_contact_date IS NULL OR (next_contact_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(next_contact_date) IS next_contact_date)),
	CONSTRAINT "follow_ups_next_time_valid" CHECK(next_contact_time IS NULL OR (next_contact_date IS NOT NULL AND (length(next_contact_time) = 5 AND next_contact_time GLOB '[0-2][0-9]:[0-5][0-9]' AND substr(next_contact_time, 1, 2) <= '23'))),
	CONSTRAINT "follow_ups_occurred_at_valid" CHECK("__new_follow_ups"."occurred_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*' AND julianday("__new_follow_ups"."occurred_at") IS NOT NULL)
);
--> statement-breakpoint
INSERT INTO `__new_follow_ups`("id", "created_at", "updated_at", "deleted_at", "customer_id", "occurred_at", "channel", "content", "outcome", "intent", "satisfaction", "next_contact_date", "next_contact_time", "done", "answered_by", "import_batch_id") SELECT "id", "created_at", "updated_at", "deleted_at", "customer_id", "occurred_at", "channel", "content", "outcome", "intent", "satisfaction", "next_contact_date", "next_contact_time", "done", "answered_by", "import_batch_id" FROM `follow_ups`;--> statement-breakpoint
DROP TABLE `follow_ups`;--> statement-breakpoint
ALTER TABLE `__new_follow_ups` RENAME TO `follow_ups`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `follow_ups_customer_time` ON `follow_ups` (`customer_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `follow_ups_due` ON `follow_ups` (`done`,`next_contact_date`,`deleted_at`,`customer_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_import_batch` ON `follow_ups` (`import_batch_id`);--> statement-breakpoint
CREATE TABLE `__new_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`business_name` text DEFAULT '' NOT NULL,
	`home_country` text DEFAULT 'CN' NOT NULL,
	`home_region` text,
	`base_currency` text DEFAULT 'CNY' NOT NULL,
	`language` text,
	`sources` text NOT NULL,
	`onboarded_at` text,
	`reminders_enabled` integer DEFAULT true NOT NULL,
	`reminder_time` text DEFAULT '09:00' NOT NULL,
	`reminder_summary_shown_on` text,
	`updated_at` text NOT NULL,
	CONSTRAINT "settings_single_row" CHECK("__new_settings"."id" = 1),
	CONSTRAINT "settings_home_country_iso" CHECK(length("__new_settings"."home_country") = 2 AND "__new_settings"."home_country" = upper("__new_settings"."home_country")),
	CONSTRAINT "settings_base_currency_iso" CHECK(length("__new_settings"."base_currency") = 3 AND "__new_settings"."base_currency" = upper("__new_settings"."base_currency")),
	CONSTRAINT "settings_language_valid" CHECK("__new_settings"."language" IS NULL OR "__new_settings"."language" IN ('zh-CN','en')),
	CONSTRAINT "settings_reminder_time_valid" CHECK((length(reminder_time) = 5 AND reminder_time GLOB '[0-2][0-9]:[0-5][0-9]' AND substr(reminder_time, 1, 2) <= '23')),
	CONSTRAINT "settings_reminder_shown_valid" CHECK(reminder_summary_shown_on IS NULL OR (reminder_summary_shown_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(reminder_summary_shown_on) IS reminder_summary_shown_on)),
	CONSTRAINT "settings_sources_array" CHECK(json_valid("__new_settings"."sources") AND json_type("__new_settings"."sources") = 'array')
);
--> statement-breakpoint
INSERT INTO `__new_settings`("id", "business_name", "home_country", "home_region", "base_currency", "language", "sources", "onboarded_at", "reminders_enabled", "reminder_time", "reminder_summary_shown_on", "updated_at") SELECT "id", "business_name", "home_country", "home_region", "base_currency", "language", "sources", "onboarded_at", "reminders_enabled", "reminder_time", "reminder_summary_shown_on", "updated_at" FROM `settings`;--> statement-breakpoint
DROP TABLE `settings`;--> statement-breakpoint
ALTER TABLE `__new_settings` RENAME TO `settings`;