DROP INDEX `order_lines_order_position`;--> statement-breakpoint
CREATE INDEX `order_lines_order_position` ON `order_lines` (`order_id`,`position`);