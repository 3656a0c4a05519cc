CREATE TABLE `sync_refused` (
	`doc_id` text PRIMARY KEY NOT NULL,
	`rev` text NOT NULL,
	`reason` text NOT NULL,
	`refused_at` text NOT NULL
);
