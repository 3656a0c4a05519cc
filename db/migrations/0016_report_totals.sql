CREATE TABLE `follow_up_month_totals` (
	`month` integer NOT NULL,
	`customer_id` text NOT NULL,
	`follow_ups` integer NOT NULL,
	`satisfaction_sum` real NOT NULL,
	`satisfaction_count` integer NOT NULL,
	`last_at` text NOT NULL,
	PRIMARY KEY(`month`, `customer_id`)
);
--> statement-breakpoint
CREATE TABLE `order_month_totals` (
	`month` integer NOT NULL,
	`customer_id` text NOT NULL,
	`revenue_minor` integer NOT NULL,
	`sales` integer NOT NULL,
	`returns` integer NOT NULL,
	`costed_revenue_minor` integer NOT NULL,
	`cost_minor` integer NOT NULL,
	`costed` integer NOT NULL,
	`last_sale` text,
	PRIMARY KEY(`month`, `customer_id`)
);
--> statement-breakpoint
CREATE TABLE `report_month_versions` (
	`source` text NOT NULL,
	`month` integer NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`source`, `month`)
);
--> statement-breakpoint
CREATE TABLE `report_totals_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`time_zone` text NOT NULL,
	`built_at` text NOT NULL
);
