CREATE TABLE `customer_predictions` (
	`customer_id` text PRIMARY KEY NOT NULL,
	`as_of` text NOT NULL,
	`p_alive` real NOT NULL,
	`expected_30` real NOT NULL,
	`expected_90` real NOT NULL,
	`expected_365` real NOT NULL,
	`expected_order_value_minor` integer NOT NULL,
	`clv_minor` integer NOT NULL,
	`score` integer NOT NULL,
	`confidence` text NOT NULL,
	`method` text NOT NULL,
	`purchases` integer NOT NULL,
	`typical_gap_days` real,
	`days_since_last` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "customer_predictions_as_of_valid" CHECK((as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(as_of) IS as_of)),
	CONSTRAINT "customer_predictions_p_alive_range" CHECK("customer_predictions"."p_alive" >= 0 AND "customer_predictions"."p_alive" <= 1),
	CONSTRAINT "customer_predictions_expected_non_negative" CHECK("customer_predictions"."expected_30" >= 0 AND "customer_predictions"."expected_90" >= "customer_predictions"."expected_30" AND "customer_predictions"."expected_365" >= "customer_predictions"."expected_90"),
	CONSTRAINT "customer_predictions_money_non_negative" CHECK("customer_predictions"."expected_order_value_minor" >= 0 AND "customer_predictions"."clv_minor" >= 0),
	CONSTRAINT "customer_predictions_score_range" CHECK("customer_predictions"."score" BETWEEN 0 AND 100),
	CONSTRAINT "customer_predictions_purchases_positive" CHECK("customer_predictions"."purchases" >= 1 AND "customer_predictions"."days_since_last" >= 0)
);
--> statement-breakpoint
CREATE INDEX `customer_predictions_score` ON `customer_predictions` (`score`);--> statement-breakpoint
CREATE TABLE `prediction_runs` (
	`as_of` text PRIMARY KEY NOT NULL,
	`computed_at` text NOT NULL,
	`model` text NOT NULL,
	CONSTRAINT "prediction_runs_as_of_valid" CHECK((as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(as_of) IS as_of))
);
