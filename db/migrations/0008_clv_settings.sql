ALTER TABLE `settings` ADD `clv_discount_percent` real DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `clv_horizon_months` integer DEFAULT 12 NOT NULL;