CREATE TABLE `order_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`order_id` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`paid_on` text NOT NULL,
	`recorded_by` text,
	`closed_at` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "order_payments_amount_positive" CHECK((typeof(amount_minor) = 'integer' AND amount_minor BETWEEN -9007199254740991 AND 9007199254740991) AND "order_payments"."amount_minor" > 0),
	CONSTRAINT "order_payments_paid_on_valid" CHECK((paid_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(paid_on) IS paid_on))
);
--> statement-breakpoint
CREATE INDEX `order_payments_order` ON `order_payments` (`order_id`);--> statement-breakpoint
ALTER TABLE `orders` ADD `terms_unpaid_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `terms_base_unpaid_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `terms_set_at` text;