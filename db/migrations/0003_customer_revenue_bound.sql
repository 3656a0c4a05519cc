-- A customer's revenue is the sum of their orders' base amounts, kept by the repo. Each order is bounded
-- by a CHECK, but a sum of bounded values is not: these triggers refuse a total beyond JavaScript's exact
-- integers (2^53 - 1), with the message of a CHECK so callers map it like the others. Triggers rather than
-- a CHECK because adding a CHECK means rebuilding `customers`, which every other table refers to.
CREATE TRIGGER `customers_revenue_safe_integer_insert` BEFORE INSERT ON `customers`
WHEN typeof(NEW.revenue_base_minor) <> 'integer' OR NEW.revenue_base_minor NOT BETWEEN -9007199254740991 AND 9007199254740991
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: customers_revenue_safe_integer'); END;--> statement-breakpoint
CREATE TRIGGER `customers_revenue_safe_integer_update` BEFORE UPDATE OF `revenue_base_minor` ON `customers`
WHEN typeof(NEW.revenue_base_minor) <> 'integer' OR NEW.revenue_base_minor NOT BETWEEN -9007199254740991 AND 9007199254740991
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: customers_revenue_safe_integer'); END;
