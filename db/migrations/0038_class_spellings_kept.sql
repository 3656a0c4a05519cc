CREATE TABLE `class_spellings_kept` (
	`scheme` text NOT NULL,
	`class_key` text NOT NULL,
	`spelling` text NOT NULL,
	PRIMARY KEY(`scheme`, `class_key`)
);
--> statement-breakpoint
CREATE INDEX `customers_industry_live` ON `customers` (`industry`) WHERE deleted_at IS NULL AND archived_at IS NULL;--> statement-breakpoint
CREATE INDEX `customers_income_live` ON `customers` (`income_band`) WHERE deleted_at IS NULL AND archived_at IS NULL;--> statement-breakpoint
CREATE INDEX `customers_size_live` ON `customers` (`size_band`) WHERE deleted_at IS NULL AND archived_at IS NULL;