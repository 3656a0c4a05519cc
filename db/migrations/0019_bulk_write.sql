CREATE TABLE `bulk_write` (
	`id` integer PRIMARY KEY NOT NULL,
	`active` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "bulk_write_single_row" CHECK("bulk_write"."id" = 1),
	CONSTRAINT "bulk_write_active_flag" CHECK("bulk_write"."active" IN (0, 1))
);
