CREATE TABLE `customer_owner_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` text NOT NULL,
	`from_owner` text,
	`to_owner` text,
	`changed_at` text NOT NULL,
	`changed_by` text
);
--> statement-breakpoint
CREATE INDEX `customer_owner_changes_customer` ON `customer_owner_changes` (`customer_id`,`changed_at`);--> statement-breakpoint
CREATE TABLE `sync_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`field` text NOT NULL,
	`kept_value` text,
	`overwritten_value` text,
	`kept_by` text,
	`overwritten_by` text,
	`kept_at` text NOT NULL,
	`overwritten_at` text NOT NULL,
	`resolved_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_conflicts_resolved` ON `sync_conflicts` (`resolved_at`);--> statement-breakpoint
CREATE INDEX `sync_conflicts_customer` ON `sync_conflicts` (`customer_id`,`resolved_at`);--> statement-breakpoint
CREATE TABLE `sync_docs` (
	`doc_id` text PRIMARY KEY NOT NULL,
	`body` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_outbox` (
	`doc_id` text PRIMARY KEY NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`changed_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_parked` (
	`doc_id` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`node_id` text NOT NULL,
	`user_name` text,
	`hlc` text DEFAULT '' NOT NULL,
	`enqueue` integer DEFAULT 0 NOT NULL,
	`applying` integer DEFAULT 0 NOT NULL,
	`server_url` text,
	`database` text,
	`team_user` text,
	`team_password` text,
	`paused` integer DEFAULT false NOT NULL,
	`applied_seq` text DEFAULT '0' NOT NULL,
	`last_sync_at` text,
	`last_error_key` text,
	`last_error_at` text,
	CONSTRAINT "sync_state_single_row" CHECK("sync_state"."id" = 1),
	CONSTRAINT "sync_state_enqueue_flag" CHECK("sync_state"."enqueue" IN (0, 1))
);
--> statement-breakpoint
ALTER TABLE `customers` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `updated_by` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `updated_by` text;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `updated_by` text;