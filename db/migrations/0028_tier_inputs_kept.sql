CREATE TABLE `tier_inputs_kept` (
	`id` integer PRIMARY KEY NOT NULL,
	`generation` text NOT NULL,
	`format` integer NOT NULL,
	`rev` integer NOT NULL,
	`zone` text NOT NULL,
	`layout` text NOT NULL,
	`written_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tier_inputs_parts` (
	`generation` text NOT NULL,
	`section` text NOT NULL,
	`part` integer NOT NULL,
	`data` blob NOT NULL,
	PRIMARY KEY(`generation`, `section`, `part`)
);
