CREATE TABLE `customer_activity` (
	`customer_id` text PRIMARY KEY NOT NULL,
	`orders` text DEFAULT '[]' NOT NULL,
	`follow_ups` text DEFAULT '[]' NOT NULL,
	`rev` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customer_activity_rev` ON `customer_activity` (`rev`);