PRAGMA foreign_keys=OFF;--> statement-breakpoint
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
	`clv_discount_percent` real DEFAULT 1 NOT NULL,
	`clv_horizon_months` integer DEFAULT 12 NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "settings_single_row" CHECK("__new_settings"."id" = 1),
	CONSTRAINT "settings_home_country_iso" CHECK(length("__new_settings"."home_country") = 2 AND "__new_settings"."home_country" = upper("__new_settings"."home_country")),
	CONSTRAINT "settings_base_currency_iso" CHECK(length("__new_settings"."base_currency") = 3 AND "__new_settings"."base_currency" = upper("__new_settings"."base_currency")),
	CONSTRAINT "settings_language_valid" CHECK("__new_settings"."language" IS NULL OR "__new_settings"."language" IN ('zh-CN','en')),
	CONSTRAINT "settings_reminder_time_valid" CHECK((length(reminder_time) = 5 AND reminder_time GLOB '[0-2][0-9]:[0-5][0-9]' AND substr(reminder_time, 1, 2) <= '23')),
	CONSTRAINT "settings_reminder_shown_valid" CHECK(reminder_summary_shown_on IS NULL OR (reminder_summary_shown_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(reminder_summary_shown_on) IS reminder_summary_shown_on)),
	CONSTRAINT "settings_clv_discount_range" CHECK("__new_settings"."clv_discount_percent" BETWEEN 0 AND 10),
	CONSTRAINT "settings_clv_horizon_range" CHECK("__new_settings"."clv_horizon_months" BETWEEN 1 AND 120 AND "__new_settings"."clv_horizon_months" = CAST("__new_settings"."clv_horizon_months" AS INTEGER)),
	CONSTRAINT "settings_sources_array" CHECK(json_valid("__new_settings"."sources") AND json_type("__new_settings"."sources") = 'array')
);
--> statement-breakpoint
INSERT INTO `__new_settings`("id", "business_name", "home_country", "home_region", "base_currency", "language", "sources", "onboarded_at", "reminders_enabled", "reminder_time", "reminder_summary_shown_on", "clv_discount_percent", "clv_horizon_months", "updated_at") SELECT "id", "business_name", "home_country", "home_region", "base_currency", "language", "sources", "onboarded_at", "reminders_enabled", "reminder_time", "reminder_summary_shown_on", "clv_discount_percent", "clv_horizon_months", "updated_at" FROM `settings`;--> statement-breakpoint
DROP TABLE `settings`;--> statement-breakpoint
ALTER TABLE `__new_settings` RENAME TO `settings`;--> statement-breakpoint
PRAGMA foreign_keys=ON;