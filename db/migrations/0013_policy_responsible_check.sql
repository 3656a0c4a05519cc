PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_service_policies` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`scheme` text NOT NULL,
	`class_key` text NOT NULL,
	`cadence_days` integer,
	`priority` integer DEFAULT 3 NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`next_action` text DEFAULT '' NOT NULL,
	`responsible` text,
	CONSTRAINT "service_policies_scheme_not_blank" CHECK(length(trim("__new_service_policies"."scheme")) > 0),
	CONSTRAINT "service_policies_class_not_blank" CHECK(length(trim("__new_service_policies"."class_key")) > 0),
	CONSTRAINT "service_policies_cadence_range" CHECK("__new_service_policies"."cadence_days" IS NULL OR ("__new_service_policies"."cadence_days" BETWEEN 1 AND 3650)),
	CONSTRAINT "service_policies_priority_range" CHECK("__new_service_policies"."priority" BETWEEN 1 AND 5),
	CONSTRAINT "service_policies_responsible_length" CHECK("__new_service_policies"."responsible" IS NULL OR length("__new_service_policies"."responsible") BETWEEN 1 AND 100)
);
--> statement-breakpoint
INSERT INTO `__new_service_policies`("id", "created_at", "updated_at", "deleted_at", "scheme", "class_key", "cadence_days", "priority", "notes", "next_action", "responsible") SELECT "id", "created_at", "updated_at", "deleted_at", "scheme", "class_key", "cadence_days", "priority", "notes", "next_action", "responsible" FROM `service_policies`;--> statement-breakpoint
DROP TABLE `service_policies`;--> statement-breakpoint
ALTER TABLE `__new_service_policies` RENAME TO `service_policies`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `service_policies_scheme_class` ON `service_policies` (`scheme`,`class_key`);