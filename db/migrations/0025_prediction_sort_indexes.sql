DROP INDEX `customer_predictions_score`;--> statement-breakpoint
CREATE INDEX `customer_predictions_by_score` ON `customer_predictions` (`score`,`customer_id`);--> statement-breakpoint
CREATE INDEX `customer_predictions_by_likely_value` ON `customer_predictions` (("score" * "expected_order_value_minor"),`customer_id`);