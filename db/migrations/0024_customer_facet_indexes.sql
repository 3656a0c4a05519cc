CREATE INDEX `customers_country` ON `customers` (`country`);--> statement-breakpoint
CREATE INDEX `customers_tags` ON `customers` (`tags`);