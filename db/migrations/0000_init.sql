CREATE TABLE `contact_channels` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`customer_id` text NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`label` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "contact_kind_valid" CHECK("contact_channels"."kind" IN ('phone','email','wechat','whatsapp')),
	CONSTRAINT "contact_value_not_blank" CHECK(length(trim("contact_channels"."value")) > 0),
	CONSTRAINT "contact_phone_e164" CHECK("contact_channels"."kind" NOT IN ('phone','whatsapp') OR "contact_channels"."value" GLOB '+[1-9]*')
);
--> statement-breakpoint
CREATE INDEX `contact_channels_lookup` ON `contact_channels` (`kind`,`value`);--> statement-breakpoint
CREATE INDEX `contact_channels_customer` ON `contact_channels` (`customer_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `contact_channels_unique_per_customer` ON `contact_channels` (`customer_id`,`kind`,`value`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`company` text,
	`type` text NOT NULL,
	`industry` text,
	`country` text,
	`region` text,
	`city` text,
	`locality` text,
	`locality_manual` integer DEFAULT false NOT NULL,
	`size_band` text,
	`income_band` text,
	`needs` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`owner` text,
	`source` text,
	`manual_level` text,
	`notes` text,
	`archived_at` text,
	`search_text` text DEFAULT '' NOT NULL,
	`sort_name` text DEFAULT '' NOT NULL,
	`last_contact_at` text,
	`next_contact_date` text,
	`last_order_date` text,
	`order_count` integer DEFAULT 0 NOT NULL,
	`revenue_base_minor` integer DEFAULT 0 NOT NULL,
	`code` text,
	`import_batch_id` text,
	CONSTRAINT "customers_name_not_blank" CHECK(length(trim("customers"."name")) > 0),
	CONSTRAINT "customers_type_valid" CHECK("customers"."type" IN ('individual','enterprise','government','distributor','internal')),
	CONSTRAINT "customers_country_iso" CHECK("customers"."country" IS NULL OR (length("customers"."country") = 2 AND "customers"."country" = upper("customers"."country"))),
	CONSTRAINT "customers_locality_valid" CHECK("customers"."locality" IS NULL OR "customers"."locality" IN ('local','non_local','overseas')),
	CONSTRAINT "customers_needs_valid" CHECK("customers"."needs" IS NULL OR "customers"."needs" IN ('product','service','solution')),
	CONSTRAINT "customers_manual_level_valid" CHECK("customers"."manual_level" IS NULL OR "customers"."manual_level" IN ('A','B','C')),
	CONSTRAINT "customers_tags_array" CHECK(json_valid("customers"."tags") AND json_type("customers"."tags") = 'array')
);
--> statement-breakpoint
CREATE INDEX `customers_live_name` ON `customers` (`deleted_at`,`archived_at`,`sort_name`,`id`);--> statement-breakpoint
CREATE INDEX `customers_owner` ON `customers` (`owner`);--> statement-breakpoint
CREATE INDEX `customers_live_by_id` ON `customers` (`id`,`deleted_at`,`archived_at`);--> statement-breakpoint
CREATE INDEX `customers_next_contact` ON `customers` (`next_contact_date`);--> statement-breakpoint
CREATE INDEX `customers_revenue` ON `customers` (`revenue_base_minor`);--> statement-breakpoint
CREATE INDEX `customers_code` ON `customers` (`code`);--> statement-breakpoint
CREATE INDEX `customers_import_batch` ON `customers` (`import_batch_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`customer_id` text NOT NULL,
	`order_date` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`fx_rate` real NOT NULL,
	`base_currency` text NOT NULL,
	`base_amount_minor` integer NOT NULL,
	`note` text,
	`import_batch_id` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "orders_date_valid" CHECK((order_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(order_date) IS order_date)),
	CONSTRAINT "orders_amount_positive" CHECK("orders"."amount_minor" > 0),
	CONSTRAINT "orders_currency_iso" CHECK(length("orders"."currency") = 3 AND "orders"."currency" = upper("orders"."currency")),
	CONSTRAINT "orders_base_currency_iso" CHECK(length("orders"."base_currency") = 3 AND "orders"."base_currency" = upper("orders"."base_currency")),
	CONSTRAINT "orders_fx_rate_positive" CHECK("orders"."fx_rate" > 0),
	CONSTRAINT "orders_base_amount_non_negative" CHECK("orders"."base_amount_minor" >= 0)
);
--> statement-breakpoint
CREATE INDEX `orders_customer_date` ON `orders` (`customer_id`,`order_date`);--> statement-breakpoint
CREATE INDEX `orders_date` ON `orders` (`order_date`);--> statement-breakpoint
CREATE INDEX `orders_import_batch` ON `orders` (`import_batch_id`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`customer_id` text NOT NULL,
	`occurred_at` text NOT NULL,
	`channel` text NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`outcome` text,
	`intent` text,
	`satisfaction` integer,
	`next_contact_date` text,
	`done` integer DEFAULT false NOT NULL,
	`answered_by` text,
	`import_batch_id` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "follow_ups_channel_valid" CHECK("follow_ups"."channel" IN ('call','visit','wechat','whatsapp','email','meeting','other')),
	CONSTRAINT "follow_ups_intent_valid" CHECK("follow_ups"."intent" IS NULL OR "follow_ups"."intent" IN ('interested','hesitant','not_now','never')),
	CONSTRAINT "follow_ups_satisfaction_range" CHECK("follow_ups"."satisfaction" IS NULL OR ("follow_ups"."satisfaction" BETWEEN 1 AND 5)),
	CONSTRAINT "follow_ups_next_date_valid" CHECK(next_contact_date IS NULL OR (next_contact_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(next_contact_date) IS next_contact_date)),
	CONSTRAINT "follow_ups_occurred_at_valid" CHECK("follow_ups"."occurred_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*' AND julianday("follow_ups"."occurred_at") IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX `follow_ups_customer_time` ON `follow_ups` (`customer_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `follow_ups_due` ON `follow_ups` (`done`,`next_contact_date`,`deleted_at`,`customer_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_import_batch` ON `follow_ups` (`import_batch_id`);--> statement-breakpoint
CREATE TABLE `fx_rates` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`currency` text NOT NULL,
	`rate_date` text NOT NULL,
	`rate` real NOT NULL,
	CONSTRAINT "fx_rates_currency_iso" CHECK(length("fx_rates"."currency") = 3 AND "fx_rates"."currency" = upper("fx_rates"."currency")),
	CONSTRAINT "fx_rates_date_valid" CHECK((rate_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(rate_date) IS rate_date)),
	CONSTRAINT "fx_rates_rate_positive" CHECK("fx_rates"."rate" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fx_rates_currency_date` ON `fx_rates` (`currency`,`rate_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`business_name` text DEFAULT '' NOT NULL,
	`home_country` text DEFAULT 'CN' NOT NULL,
	`home_region` text,
	`base_currency` text DEFAULT 'CNY' NOT NULL,
	`language` text,
	`sources` text NOT NULL,
	`onboarded_at` text,
	`updated_at` text NOT NULL,
	CONSTRAINT "settings_single_row" CHECK("settings"."id" = 1),
	CONSTRAINT "settings_home_country_iso" CHECK(length("settings"."home_country") = 2 AND "settings"."home_country" = upper("settings"."home_country")),
	CONSTRAINT "settings_base_currency_iso" CHECK(length("settings"."base_currency") = 3 AND "settings"."base_currency" = upper("settings"."base_currency")),
	CONSTRAINT "settings_language_valid" CHECK("settings"."language" IS NULL OR "settings"."language" IN ('zh-CN','en')),
	CONSTRAINT "settings_sources_array" CHECK(json_valid("settings"."sources") AND json_type("settings"."sources") = 'array')
);
--> statement-breakpoint
CREATE TABLE `import_batch_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`batch_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`before` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "import_batch_changes_before_object" CHECK(json_valid("import_batch_changes"."before") AND json_type("import_batch_changes"."before") = 'object')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_batch_changes_batch_customer` ON `import_batch_changes` (`batch_id`,`customer_id`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`encoding` text,
	`delimiter` text,
	`on_error` text NOT NULL,
	`rows_total` integer DEFAULT 0 NOT NULL,
	`added` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`rejected` integer DEFAULT 0 NOT NULL,
	`customers_created` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'committed' NOT NULL,
	`undone_at` text,
	CONSTRAINT "import_batches_kind_valid" CHECK("import_batches"."kind" IN ('customers','orders','followups')),
	CONSTRAINT "import_batches_format_valid" CHECK("import_batches"."format" IN ('csv','xlsx')),
	CONSTRAINT "import_batches_on_error_valid" CHECK("import_batches"."on_error" IN ('abort','skip')),
	CONSTRAINT "import_batches_status_valid" CHECK("import_batches"."status" IN ('committed','undone')),
	CONSTRAINT "import_batches_undone_consistent" CHECK(("import_batches"."status" = 'undone') = ("import_batches"."undone_at" IS NOT NULL)),
	CONSTRAINT "import_batches_counts_non_negative" CHECK("import_batches"."rows_total" >= 0 AND "import_batches"."added" >= 0 AND "import_batches"."updated" >= 0 AND "import_batches"."skipped" >= 0 AND "import_batches"."rejected" >= 0 AND "import_batches"."customers_created" >= 0)
);
--> statement-breakpoint
CREATE INDEX `import_batches_created` ON `import_batches` (`created_at`);--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`kind` text NOT NULL,
	`signature` text NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "import_mappings_kind_valid" CHECK("import_mappings"."kind" IN ('customers','orders','followups')),
	CONSTRAINT "import_mappings_mapping_object" CHECK(json_valid("import_mappings"."mapping") AND json_type("import_mappings"."mapping") = 'object')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_mappings_kind_signature` ON `import_mappings` (`kind`,`signature`);--> statement-breakpoint
CREATE TABLE `custom_segments` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`rule` text NOT NULL,
	CONSTRAINT "custom_segments_name_not_blank" CHECK(length(trim("custom_segments"."name")) > 0),
	CONSTRAINT "custom_segments_rule_object" CHECK(json_valid("custom_segments"."rule") AND json_type("custom_segments"."rule") = 'object')
);
--> statement-breakpoint
CREATE TABLE `segment_assignments` (
	`scheme` text NOT NULL,
	`customer_id` text NOT NULL,
	`as_of` text NOT NULL,
	`class_key` text NOT NULL,
	PRIMARY KEY(`scheme`, `customer_id`, `as_of`),
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "segment_assignments_as_of_valid" CHECK((as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(as_of) IS as_of)),
	CONSTRAINT "segment_assignments_scheme_not_blank" CHECK(length(trim("segment_assignments"."scheme")) > 0),
	CONSTRAINT "segment_assignments_class_not_blank" CHECK(length(trim("segment_assignments"."class_key")) > 0)
);
--> statement-breakpoint
CREATE TABLE `segment_runs` (
	`as_of` text PRIMARY KEY NOT NULL,
	`computed_at` text NOT NULL,
	`customer_count` integer NOT NULL,
	CONSTRAINT "segment_runs_as_of_valid" CHECK((as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(as_of) IS as_of)),
	CONSTRAINT "segment_runs_customer_count_non_negative" CHECK("segment_runs"."customer_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE `segmentation_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`overrides` text DEFAULT '{}' NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "segmentation_settings_single_row" CHECK("segmentation_settings"."id" = 1),
	CONSTRAINT "segmentation_settings_overrides_object" CHECK(json_valid("segmentation_settings"."overrides") AND json_type("segmentation_settings"."overrides") = 'object')
);
--> statement-breakpoint
CREATE TABLE `service_policies` (
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
	CONSTRAINT "service_policies_scheme_not_blank" CHECK(length(trim("service_policies"."scheme")) > 0),
	CONSTRAINT "service_policies_class_not_blank" CHECK(length(trim("service_policies"."class_key")) > 0),
	CONSTRAINT "service_policies_cadence_range" CHECK("service_policies"."cadence_days" IS NULL OR ("service_policies"."cadence_days" BETWEEN 1 AND 3650)),
	CONSTRAINT "service_policies_priority_range" CHECK("service_policies"."priority" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_policies_scheme_class` ON `service_policies` (`scheme`,`class_key`);--> statement-breakpoint
CREATE TABLE `customer_merge_rows` (
	`id` text PRIMARY KEY NOT NULL,
	`merge_id` text NOT NULL,
	`row_table` text NOT NULL,
	`row_id` text NOT NULL,
	`from_customer_id` text NOT NULL,
	`previous_updated_at` text NOT NULL,
	FOREIGN KEY (`merge_id`) REFERENCES `customer_merges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "customer_merge_rows_table_valid" CHECK("customer_merge_rows"."row_table" IN ('customers','orders','follow_ups','contact_channels'))
);
--> statement-breakpoint
CREATE INDEX `customer_merge_rows_merge` ON `customer_merge_rows` (`merge_id`,`row_table`);--> statement-breakpoint
CREATE INDEX `customer_merge_rows_from` ON `customer_merge_rows` (`from_customer_id`);--> statement-breakpoint
CREATE TABLE `customer_merges` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`kept_customer_id` text NOT NULL,
	`kept_before` text NOT NULL,
	`kept_after` text NOT NULL,
	`status` text DEFAULT 'merged' NOT NULL,
	`undone_at` text,
	FOREIGN KEY (`kept_customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "customer_merges_status_valid" CHECK("customer_merges"."status" IN ('merged','undone')),
	CONSTRAINT "customer_merges_undone_consistent" CHECK(("customer_merges"."status" = 'undone') = ("customer_merges"."undone_at" IS NOT NULL)),
	CONSTRAINT "customer_merges_kept_before_object" CHECK(json_valid("customer_merges"."kept_before") AND json_type("customer_merges"."kept_before") = 'object'),
	CONSTRAINT "customer_merges_kept_after_object" CHECK(json_valid("customer_merges"."kept_after") AND json_type("customer_merges"."kept_after") = 'object')
);
--> statement-breakpoint
CREATE INDEX `customer_merges_created` ON `customer_merges` (`created_at`);--> statement-breakpoint
CREATE INDEX `customer_merges_kept` ON `customer_merges` (`kept_customer_id`);