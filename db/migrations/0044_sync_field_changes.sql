CREATE TABLE `sync_field_changes` (
	`doc_id` text NOT NULL,
	`field` text NOT NULL,
	`changed_at` text NOT NULL,
	`seen` text NOT NULL,
	PRIMARY KEY(`doc_id`, `field`)
);
