CREATE TABLE `order_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`position` integer NOT NULL,
	`product_id` text,
	`sku` text,
	`name` text NOT NULL,
	`quantity` real NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`amount_minor` integer NOT NULL,
	`cost_minor` integer,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "order_lines_name_not_blank" CHECK(length(trim("order_lines"."name")) > 0),
	CONSTRAINT "order_lines_quantity_range" CHECK(typeof("order_lines"."quantity") IN ('integer','real') AND "order_lines"."quantity" BETWEEN -1000000000 AND 1000000000 AND "order_lines"."quantity" <> 0),
	CONSTRAINT "order_lines_unit_price_safe" CHECK((typeof(unit_price_minor) = 'integer' AND unit_price_minor BETWEEN -9007199254740991 AND 9007199254740991) AND "order_lines"."unit_price_minor" >= 0),
	CONSTRAINT "order_lines_amount_safe" CHECK((typeof(amount_minor) = 'integer' AND amount_minor BETWEEN -9007199254740991 AND 9007199254740991)),
	CONSTRAINT "order_lines_cost_safe" CHECK("order_lines"."cost_minor" IS NULL OR (typeof(cost_minor) = 'integer' AND cost_minor BETWEEN -9007199254740991 AND 9007199254740991)),
	CONSTRAINT "order_lines_position_non_negative" CHECK("order_lines"."position" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_lines_order_position` ON `order_lines` (`order_id`,`position`);--> statement-breakpoint
CREATE INDEX `order_lines_product` ON `order_lines` (`product_id`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`identity_key` text NOT NULL,
	`sku` text,
	`name` text NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`last_unit_price_minor` integer,
	`last_currency` text,
	`last_sold_on` text,
	CONSTRAINT "products_name_not_blank" CHECK(length(trim("products"."name")) > 0),
	CONSTRAINT "products_last_price_safe" CHECK("products"."last_unit_price_minor" IS NULL OR (typeof(last_unit_price_minor) = 'integer' AND last_unit_price_minor BETWEEN -9007199254740991 AND 9007199254740991)),
	CONSTRAINT "products_last_sold_valid" CHECK("products"."last_sold_on" IS NULL OR (last_sold_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(last_sold_on) IS last_sold_on))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_identity_live` ON `products` (`identity_key`) WHERE "products"."deleted_at" IS NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `order_number` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `kind` text DEFAULT 'sale' NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `return_of_order_id` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `cost_minor` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `base_cost_minor` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `unpaid_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `base_unpaid_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `payment_due_date` text;--> statement-breakpoint
CREATE UNIQUE INDEX `orders_number_live` ON `orders` (`order_number`) WHERE "orders"."order_number" IS NOT NULL AND "orders"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `orders_return_of` ON `orders` (`return_of_order_id`);--> statement-breakpoint
CREATE INDEX `orders_unpaid` ON `orders` (`customer_id`) WHERE "orders"."unpaid_minor" > 0 AND "orders"."deleted_at" IS NULL;