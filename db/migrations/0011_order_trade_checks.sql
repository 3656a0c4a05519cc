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
	`order_number` text,
	`kind` text DEFAULT 'sale' NOT NULL,
	`return_of_order_id` text,
	`cost_minor` integer,
	`base_cost_minor` integer,
	`unpaid_minor` integer DEFAULT 0 NOT NULL,
	`base_unpaid_minor` integer DEFAULT 0 NOT NULL,
	`payment_due_date` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "orders_date_valid" CHECK((order_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(order_date) IS order_date)),
	CONSTRAINT "orders_amount_sign" CHECK(("__new_orders"."kind" = 'sale' AND "__new_orders"."amount_minor" >= 0) OR ("__new_orders"."kind" = 'return' AND "__new_orders"."amount_minor" <= 0)),
	CONSTRAINT "orders_return_of_only_returns" CHECK("__new_orders"."return_of_order_id" IS NULL OR "__new_orders"."kind" = 'return'),
	CONSTRAINT "orders_currency_iso" CHECK(length("__new_orders"."currency") = 3 AND "__new_orders"."currency" = upper("__new_orders"."currency")),
	CONSTRAINT "orders_base_currency_iso" CHECK(length("__new_orders"."base_currency") = 3 AND "__new_orders"."base_currency" = upper("__new_orders"."base_currency")),
	CONSTRAINT "orders_fx_rate_positive" CHECK("__new_orders"."fx_rate" > 0),
	CONSTRAINT "orders_base_amount_sign" CHECK(("__new_orders"."kind" = 'sale' AND "__new_orders"."base_amount_minor" >= 0) OR ("__new_orders"."kind" = 'return' AND "__new_orders"."base_amount_minor" <= 0)),
	CONSTRAINT "orders_cost_pairs" CHECK(("__new_orders"."cost_minor" IS NULL) = ("__new_orders"."base_cost_minor" IS NULL)),
	CONSTRAINT "orders_cost_sign" CHECK("__new_orders"."cost_minor" IS NULL OR ("__new_orders"."kind" = 'sale' AND "__new_orders"."cost_minor" >= 0 AND "__new_orders"."base_cost_minor" >= 0) OR ("__new_orders"."kind" = 'return' AND "__new_orders"."cost_minor" <= 0 AND "__new_orders"."base_cost_minor" <= 0)),
	CONSTRAINT "orders_cost_safe_integer" CHECK("__new_orders"."cost_minor" IS NULL OR ((typeof(cost_minor) = 'integer' AND cost_minor BETWEEN -9007199254740991 AND 9007199254740991) AND (typeof(base_cost_minor) = 'integer' AND base_cost_minor BETWEEN -9007199254740991 AND 9007199254740991))),
	CONSTRAINT "orders_unpaid_range" CHECK("__new_orders"."unpaid_minor" >= 0 AND "__new_orders"."base_unpaid_minor" >= 0 AND "__new_orders"."unpaid_minor" <= max("__new_orders"."amount_minor", 0) AND ("__new_orders"."kind" = 'sale' OR "__new_orders"."unpaid_minor" = 0)),
	CONSTRAINT "orders_unpaid_safe_integer" CHECK((typeof(unpaid_minor) = 'integer' AND unpaid_minor BETWEEN -9007199254740991 AND 9007199254740991) AND (typeof(base_unpaid_minor) = 'integer' AND base_unpaid_minor BETWEEN -9007199254740991 AND 9007199254740991)),
	CONSTRAINT "orders_payment_due_valid" CHECK("__new_orders"."payment_due_date" IS NULL OR (payment_due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(payment_due_date) IS payment_due_date)),
	CONSTRAINT "orders_number_not_blank" CHECK("__new_orders"."order_number" IS NULL OR length(trim("__new_orders"."order_number")) > 0),
	CONSTRAINT "orders_amount_safe_integer" CHECK((typeof(amount_minor) = 'integer' AND amount_minor BETWEEN -9007199254740991 AND 9007199254740991)),
	CONSTRAINT "orders_base_amount_safe_integer" CHECK((typeof(base_amount_minor) = 'integer' AND base_amount_minor BETWEEN -9007199254740991 AND 9007199254740991)),
	CONSTRAINT "orders_fx_rate_range" CHECK((fx_rate BETWEEN 1e-9 AND 1000000000))
);
--> statement-breakpoint
INSERT INTO `__new_orders`("id", "created_at", "updated_at", "deleted_at", "customer_id", "order_date", "amount_minor", "currency", "fx_rate", "base_currency", "base_amount_minor", "note", "import_batch_id", "order_number", "kind", "return_of_order_id", "cost_minor", "base_cost_minor", "unpaid_minor", "base_unpaid_minor", "payment_due_date") SELECT "id", "created_at", "updated_at", "deleted_at", "customer_id", "order_date", "amount_minor", "currency", "fx_rate", "base_currency", "base_amount_minor", "note", "import_batch_id", "order_number", "kind", "return_of_order_id", "cost_minor", "base_cost_minor", "unpaid_minor", "base_unpaid_minor", "payment_due_date" FROM `orders`;--> statement-breakpoint
DROP TABLE `orders`;--> statement-breakpoint
ALTER TABLE `__new_orders` RENAME TO `orders`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `orders_customer_date` ON `orders` (`customer_id`,`order_date`);--> statement-breakpoint
CREATE INDEX `orders_date` ON `orders` (`order_date`);--> statement-breakpoint
CREATE INDEX `orders_import_batch` ON `orders` (`import_batch_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_number_live` ON `orders` (`order_number`) WHERE "orders"."order_number" IS NOT NULL AND "orders"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `orders_return_of` ON `orders` (`return_of_order_id`);--> statement-breakpoint
CREATE INDEX `orders_unpaid` ON `orders` (`customer_id`) WHERE "orders"."unpaid_minor" > 0 AND "orders"."deleted_at" IS NULL;