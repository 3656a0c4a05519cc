DROP INDEX `orders_number_live`;--> statement-breakpoint
ALTER TABLE `orders` ADD `order_number_key` text;--> statement-breakpoint
-- Order numbers are now compared width- and case-folded (INV-1 = inv-1 = ＩＮＶ－１, shared/domain/order-number.ts).
-- For a number of printable ASCII (nearly all) that form is lower(trim(number)) — NFKC changes no ASCII — and it is
-- keyed so here. The others are keyed as they are, which the index this replaces kept unique among live orders, so
-- the new index holds from the start: numbers holding other characters, which only the app can fold, and live
-- numbers that fold to one (INV-1 and inv-1 both live), which the app settles. Both are done by the task below, as the
-- app next opens the file.
UPDATE `orders` SET `order_number_key` = CASE
    WHEN `order_number` GLOB '*[^ -~]*' THEN `order_number`
    WHEN `deleted_at` IS NULL AND lower(trim(`order_number`)) IN (
      SELECT lower(trim(`order_number`)) FROM `orders`
      WHERE `deleted_at` IS NULL AND `order_number` IS NOT NULL AND `order_number` NOT GLOB '*[^ -~]*'
      GROUP BY 1 HAVING count(*) > 1
    ) THEN `order_number`
    ELSE lower(trim(`order_number`))
  END
WHERE `order_number` IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `orders_number_key_live` ON `orders` (`order_number_key`) WHERE "orders"."order_number_key" IS NOT NULL AND "orders"."deleted_at" IS NULL;--> statement-breakpoint
-- The app keys the numbers left as they were; of two live orders whose numbers are one (INV-1 and inv-1 entered
-- twice) both stay: the one entered first keeps its number, the later is renumbered `<number>-<last 6 of its id>`,
-- as a collision between two laptops is (core/maintenance.ts).
INSERT INTO `maintenance_tasks` (`name`) VALUES ('order_numbers_keyed');
--> statement-breakpoint
-- A number is compared by its key alone: a writer that stores a number without one would put it beyond the unique
-- index, and one that stores a key without a number would hold a number nobody sees. Refused here, whoever writes.
CREATE TRIGGER orders_number_key_pairs_insert BEFORE INSERT ON orders WHEN (NEW.order_number IS NULL) <> (NEW.order_number_key IS NULL) BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: orders_number_key_pairs');
END;--> statement-breakpoint
CREATE TRIGGER orders_number_key_pairs_update BEFORE UPDATE OF order_number, order_number_key ON orders WHEN (NEW.order_number IS NULL) <> (NEW.order_number_key IS NULL) BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: orders_number_key_pairs');
END;
