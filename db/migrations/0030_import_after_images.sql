-- Each customer an import updated keeps, beside its values before the batch, its values after it: undo puts back
-- only what the batch changed and nothing changed since (core/importing/undo.ts). Batches imported before have
-- no after-image (NULL) and are undone as before, their whole earlier state put back.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_import_batch_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`batch_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`before` text NOT NULL,
	`after` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "import_batch_changes_before_object" CHECK(json_valid("__new_import_batch_changes"."before") AND json_type("__new_import_batch_changes"."before") = 'object'),
	CONSTRAINT "import_batch_changes_after_object" CHECK("__new_import_batch_changes"."after" IS NULL OR (json_valid("__new_import_batch_changes"."after") AND json_type("__new_import_batch_changes"."after") = 'object'))
);
--> statement-breakpoint
INSERT INTO `__new_import_batch_changes`("id", "batch_id", "customer_id", "before", "after", "created_at") SELECT "id", "batch_id", "customer_id", "before", NULL, "created_at" FROM `import_batch_changes`;--> statement-breakpoint
DROP TABLE `import_batch_changes`;--> statement-breakpoint
ALTER TABLE `__new_import_batch_changes` RENAME TO `import_batch_changes`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `import_batch_changes_batch_customer` ON `import_batch_changes` (`batch_id`,`customer_id`);