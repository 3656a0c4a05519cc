CREATE TABLE `segment_pending` (
	`id` integer PRIMARY KEY NOT NULL,
	`as_of` text NOT NULL,
	`schemes` text NOT NULL,
	`token` text NOT NULL,
	CONSTRAINT "segment_pending_single_row" CHECK("segment_pending"."id" = 1),
	CONSTRAINT "segment_pending_as_of_valid" CHECK((as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(as_of) IS as_of)),
	CONSTRAINT "segment_pending_schemes_array" CHECK(json_valid("segment_pending"."schemes") AND json_type("segment_pending"."schemes") = 'array')
);
