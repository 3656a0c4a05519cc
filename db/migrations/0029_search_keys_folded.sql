CREATE TABLE `maintenance_tasks` (
	`name` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- Search keys now include the name with its full-width letters and digits folded ("ＡＢＣ贸易" → "abc贸易"): the
-- customers and products keyed before are keyed again when the app next opens the file (core/maintenance.ts).
INSERT INTO `maintenance_tasks` (`name`) VALUES ('search_keys_folded');
