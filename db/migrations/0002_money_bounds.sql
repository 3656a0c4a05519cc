PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_orders` (
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
	CONSTRAINT "orders_amount_positive" CHECK("__new_orders"."amount_minor" > 0),
	CONSTRAINT "orders_currency_iso" CHECK(length("__new_orders"."currency") = 3 AND "__new_orders"."currency" = upper("__new_orders"."currency")),
	CONSTRAINT "orders_base_currency_iso" CHECK(length("__new_orders"."base_currency") = 3 AND "__new_orders"."base_currency" = upper("__new_orders"."base_currency")),
	CONSTRAINT "orders_fx_rate_positive" CHECK("__new_orders"."fx_rate" > 0),
	CONSTRAINT "orders_base_amount_non_negative" CHECK("__new_orders"."base_amount_minor" >= 0),
	CONSTRAINT "orders_amount_safe_integer" CHECK((typeof(amount_minor) = 'integer' AND amount_minor BETWEEN -9007199254740991 AND 9007199254740991)),
	CONSTRAINT "orders_base_amount_safe_integer" CHECK((typeof(base_amount_minor) = 'integer' AND base_amount_minor BETWEEN -9007199254740991 AND 9007199254740991)),
	CONSTRAINT "orders_fx_rate_range" CHECK((fx_rate BETWEEN 1e-9 AND 1000000000))
);
--> statement-breakpoint
INSERT INTO `__new_orders`("id", "created_at", "updated_at", "deleted_at", "customer_id", "order_date", "amount_minor", "currency", "fx_rate", "base_currency", "base_amount_minor", "note", "import_batch_id") SELECT "id", "created_at", "updated_at", "deleted_at", "customer_id", "order_date", "amount_minor", "currency", "fx_rate", "base_currency", "base_amount_minor", "note", "import_batch_id" FROM `orders`;--> statement-breakpoint
DROP TABLE `orders`;--> statement-breakpoint
ALTER TABLE `__new_orders` RENAME TO `orders`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `orders_customer_date` ON `orders` (`customer_id`,`order_date`);--> statement-breakpoint
CREATE INDEX `orders_date` ON `orders` (`order_date`);--> statement-breakpoint
CREATE INDEX `orders_import_batch` ON `orders` (`import_batch_id`);--> statement-breakpoint
CREATE TABLE `__new_fx_rates` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`currency` text NOT NULL,
	`rate_date` text NOT NULL,
	`rate` real NOT NULL,
	CONSTRAINT "fx_rates_currency_iso" CHECK(length("__new_fx_rates"."currency") = 3 AND "__new_fx_rates"."currency" = upper("__new_fx_rates"."currency")),
	CONSTRAINT "fx_rates_date_valid" CHECK((rate_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(rate_date) IS rate_date)),
	CONSTRAINT "fx_rates_rate_positive" CHECK("__new_fx_rates"."rate" > 0),
	CONSTRAINT "fx_rates_rate_range" CHECK((rate BETWEEN 1e-9 AND 1000000000))
);
--> statement-breakpoint
INSERT INTO `__new_fx_rates`("id", "created_at", "updated_at", "deleted_at", "currency", "rate_date", "rate") SELECT "id", "created_at", "updated_at", "deleted_at", "currency", "rate_date", "rate" FROM `fx_rates`;--> statement-breakpoint
DROP TABLE `fx_rates`;--> statement-breakpoint
ALTER TABLE `__new_fx_rates` RENAME TO `fx_rates`;--> statement-breakpoint
CREATE UNIQUE INDEX `fx_rates_currency_date` ON `fx_rates` (`currency`,`rate_date`) WHERE deleted_at IS NULL;