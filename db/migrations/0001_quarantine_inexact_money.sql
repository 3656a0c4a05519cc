-- Before money was bounded, an order could be stored with a float or an inexact base amount (a rate of
-- 1e300 gave 1.2e305), and a rate far outside any real one. The next migration's CHECKs refuse such rows,
-- and refusing to upgrade would lock the user out of all their other data. So each such order goes to the
-- trash with its original figures written into its note (and in-range stand-ins, so it can be read), each
-- such rate is deleted, and the customers of those orders get their totals recomputed. Nothing else changes.
UPDATE `orders` SET
  `note` = trim(coalesce(`note`, '') || ' [quarantined: amount_minor=' || `amount_minor` || ' fx_rate=' || `fx_rate` || ' base_amount_minor=' || `base_amount_minor` || ']'),
  `deleted_at` = coalesce(`deleted_at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
  `amount_minor` = CASE WHEN typeof(`amount_minor`) = 'integer' AND `amount_minor` BETWEEN 1 AND 9007199254740991 THEN `amount_minor` ELSE 1 END,
  `fx_rate` = CASE WHEN `fx_rate` BETWEEN 1e-9 AND 1000000000 THEN `fx_rate` ELSE 1 END,
  `base_amount_minor` = 0
WHERE NOT (
  typeof(`amount_minor`) = 'integer' AND `amount_minor` BETWEEN 1 AND 9007199254740991
  AND typeof(`base_amount_minor`) = 'integer' AND `base_amount_minor` BETWEEN 0 AND 9007199254740991
  AND `fx_rate` BETWEEN 1e-9 AND 1000000000
);--> statement-breakpoint
UPDATE `customers` SET
  `order_count` = (SELECT count(*) FROM `orders` o WHERE o.`customer_id` = `customers`.`id` AND o.`deleted_at` IS NULL),
  `revenue_base_minor` = (SELECT coalesce(sum(o.`base_amount_minor`), 0) FROM `orders` o WHERE o.`customer_id` = `customers`.`id` AND o.`deleted_at` IS NULL),
  `last_order_date` = (SELECT max(o.`order_date`) FROM `orders` o WHERE o.`customer_id` = `customers`.`id` AND o.`deleted_at` IS NULL)
WHERE `id` IN (SELECT `customer_id` FROM `orders` WHERE instr(`note`, '[quarantined: amount_minor=') > 0);--> statement-breakpoint
UPDATE `fx_rates` SET
  `deleted_at` = coalesce(`deleted_at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
  `rate` = 1
WHERE NOT (`rate` BETWEEN 1e-9 AND 1000000000);
