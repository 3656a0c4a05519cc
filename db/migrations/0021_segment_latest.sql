CREATE TABLE `segment_latest` (
	`id` integer PRIMARY KEY NOT NULL,
	`as_of` text NOT NULL,
	`history_version` integer NOT NULL,
	`customer_ids` text NOT NULL,
	`schemes` text NOT NULL,
	`codes` blob NOT NULL,
	CONSTRAINT "segment_latest_single_row" CHECK("segment_latest"."id" = 1)
);
