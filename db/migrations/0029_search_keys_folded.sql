CREATE TABLE `maintenance_tasks` (
	`name` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- The keys a customer is found and sorted by now take the name with its full-width letters and digits folded
-- ("ＡＢＣ贸易" → "abc贸易"): the customers keyed before are keyed again when the app next opens the file
-- (core/maintenance.ts).
INSERT INTO `maintenance_tasks` (`name`) VALUES ('search_keys_folded');
