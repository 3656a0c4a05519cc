CREATE TABLE `customer_merge_moves` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`merge_id` text NOT NULL,
	`row_table` text NOT NULL,
	`row_id` text NOT NULL,
	`from_customer_id` text NOT NULL,
	`into_customer_id` text NOT NULL,
	`previous_updated_at` text NOT NULL,
	FOREIGN KEY (`from_customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`into_customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "customer_merge_moves_table_valid" CHECK("customer_merge_moves"."row_table" IN ('customers','orders','follow_ups','contact_channels')),
	CONSTRAINT "customer_merge_moves_customer_is_from" CHECK("customer_merge_moves"."row_table" <> 'customers' OR "customer_merge_moves"."row_id" = "customer_merge_moves"."from_customer_id")
);
--> statement-breakpoint
CREATE INDEX `customer_merge_moves_row` ON `customer_merge_moves` (`row_id`,`row_table`);--> statement-breakpoint
CREATE INDEX `customer_merge_moves_merge` ON `customer_merge_moves` (`merge_id`);--> statement-breakpoint
CREATE TABLE `restored_sales` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`order_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`sale_deleted_at` text NOT NULL,
	`deleted_by` text,
	`returned_by` text,
	`returned_at` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
