ALTER TABLE `follow_ups` ADD `next_contact_time` text;--> statement-breakpoint
ALTER TABLE `settings` ADD `reminders_enabled` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `reminder_time` text DEFAULT '09:00' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `reminder_summary_shown_on` text;