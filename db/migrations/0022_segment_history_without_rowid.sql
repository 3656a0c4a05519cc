-- Tier history written a million rows at a time (a first snapshot of 100k customers × every scheme) must
-- be cheap per row: the table becomes WITHOUT ROWID (each row stored once, in key order, no second
-- index), drops the foreign key to customers (derived rows; customers are never erased), and the
-- report's 'segments' counter moves once per stored snapshot (db/repos/segmentation.ts writeSnapshot)
-- instead of by a trigger on every row.
DROP TRIGGER IF EXISTS report_versions_segments_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS report_versions_segments_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS report_versions_segments_delete;
--> statement-breakpoint
CREATE TABLE `__new_segment_assignments` (
	`scheme` text NOT NULL,
	`customer_id` text NOT NULL,
	`as_of` text NOT NULL,
	`class_key` text NOT NULL,
	PRIMARY KEY(`scheme`, `customer_id`, `as_of`),
	CONSTRAINT "segment_assignments_as_of_valid" CHECK((as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(as_of) IS as_of)),
	CONSTRAINT "segment_assignments_scheme_not_blank" CHECK(length(trim("__new_segment_assignments"."scheme")) > 0),
	CONSTRAINT "segment_assignments_class_not_blank" CHECK(length(trim("__new_segment_assignments"."class_key")) > 0)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_segment_assignments` (scheme, customer_id, as_of, class_key) SELECT scheme, customer_id, as_of, class_key FROM `segment_assignments` ORDER BY scheme, customer_id, as_of;
--> statement-breakpoint
DROP TABLE `segment_assignments`;
--> statement-breakpoint
ALTER TABLE `__new_segment_assignments` RENAME TO `segment_assignments`;
--> statement-breakpoint
INSERT INTO report_month_versions (source, month, version) VALUES ('segments', 0, random() >> 11) ON CONFLICT (source, month) DO UPDATE SET version = random() >> 11;
