-- Keeps customer_activity (db/schema/customer-activity.ts) equal to each customer's live orders and follow-ups,
-- inside the writing transaction. Printed by scripts/activity-triggers.ts from db/activity-sql.ts.
CREATE TRIGGER customer_activity_orders_insert AFTER INSERT ON orders WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO customer_activity (customer_id, orders, rev) SELECT NEW.customer_id, (SELECT '[' || coalesce(group_concat(entry, ',' ORDER BY day), '') || ']' FROM (
      SELECT CAST(julianday(order_date) - 2440587.5 AS INTEGER) AS day,
        CAST(julianday(order_date) - 2440587.5 AS INTEGER) || ',' || sum(kind = 'sale') || ',' || coalesce(sum(CASE WHEN kind = 'sale' THEN base_amount_minor END), 0) || ',' ||
        coalesce(sum(CASE WHEN kind = 'return' THEN base_amount_minor END), 0) || ',' || coalesce(sum(base_cost_minor), 0) || ',' || count(base_cost_minor) AS entry
      FROM orders WHERE customer_id = NEW.customer_id AND deleted_at IS NULL GROUP BY order_date)), (SELECT coalesce(max(rev), 0) + 1 FROM customer_activity) WHERE true
    ON CONFLICT (customer_id) DO UPDATE SET orders = excluded.orders, rev = excluded.rev;
END;
--> statement-breakpoint
CREATE TRIGGER customer_activity_orders_update AFTER UPDATE OF customer_id, order_date, deleted_at, base_amount_minor, base_cost_minor, kind ON orders
  WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.order_date IS NOT NEW.order_date OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.base_amount_minor IS NOT NEW.base_amount_minor OR OLD.base_cost_minor IS NOT NEW.base_cost_minor OR OLD.kind IS NOT NEW.kind BEGIN
  INSERT INTO customer_activity (customer_id, orders, rev) SELECT OLD.customer_id, (SELECT '[' || coalesce(group_concat(entry, ',' ORDER BY day), '') || ']' FROM (
      SELECT CAST(julianday(order_date) - 2440587.5 AS INTEGER) AS day,
        CAST(julianday(order_date) - 2440587.5 AS INTEGER) || ',' || sum(kind = 'sale') || ',' || coalesce(sum(CASE WHEN kind = 'sale' THEN base_amount_minor END), 0) || ',' ||
        coalesce(sum(CASE WHEN kind = 'return' THEN base_amount_minor END), 0) || ',' || coalesce(sum(base_cost_minor), 0) || ',' || count(base_cost_minor) AS entry
      FROM orders WHERE customer_id = OLD.customer_id AND deleted_at IS NULL GROUP BY order_date)), (SELECT coalesce(max(rev), 0) + 1 FROM customer_activity) WHERE true
    ON CONFLICT (customer_id) DO UPDATE SET orders = excluded.orders, rev = excluded.rev;
  INSERT INTO customer_activity (customer_id, orders, rev) SELECT NEW.customer_id, (SELECT '[' || coalesce(group_concat(entry, ',' ORDER BY day), '') || ']' FROM (
      SELECT CAST(julianday(order_date) - 2440587.5 AS INTEGER) AS day,
        CAST(julianday(order_date) - 2440587.5 AS INTEGER) || ',' || sum(kind = 'sale') || ',' || coalesce(sum(CASE WHEN kind = 'sale' THEN base_amount_minor END), 0) || ',' ||
        coalesce(sum(CASE WHEN kind = 'return' THEN base_amount_minor END), 0) || ',' || coalesce(sum(base_cost_minor), 0) || ',' || count(base_cost_minor) AS entry
      FROM orders WHERE customer_id = NEW.customer_id AND deleted_at IS NULL GROUP BY order_date)), (SELECT coalesce(max(rev), 0) + 1 FROM customer_activity) WHERE NEW.customer_id IS NOT OLD.customer_id
    ON CONFLICT (customer_id) DO UPDATE SET orders = excluded.orders, rev = excluded.rev;
END;
--> statement-breakpoint
CREATE TRIGGER customer_activity_orders_delete AFTER DELETE ON orders WHEN OLD.deleted_at IS NULL BEGIN
  INSERT INTO customer_activity (customer_id, orders, rev) SELECT OLD.customer_id, (SELECT '[' || coalesce(group_concat(entry, ',' ORDER BY day), '') || ']' FROM (
      SELECT CAST(julianday(order_date) - 2440587.5 AS INTEGER) AS day,
        CAST(julianday(order_date) - 2440587.5 AS INTEGER) || ',' || sum(kind = 'sale') || ',' || coalesce(sum(CASE WHEN kind = 'sale' THEN base_amount_minor END), 0) || ',' ||
        coalesce(sum(CASE WHEN kind = 'return' THEN base_amount_minor END), 0) || ',' || coalesce(sum(base_cost_minor), 0) || ',' || count(base_cost_minor) AS entry
      FROM orders WHERE customer_id = OLD.customer_id AND deleted_at IS NULL GROUP BY order_date)), (SELECT coalesce(max(rev), 0) + 1 FROM customer_activity) WHERE true
    ON CONFLICT (customer_id) DO UPDATE SET orders = excluded.orders, rev = excluded.rev;
END;
--> statement-breakpoint
CREATE TRIGGER customer_activity_follow_ups_insert AFTER INSERT ON follow_ups WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO customer_activity (customer_id, follow_ups, rev) SELECT NEW.customer_id, (SELECT '[' || coalesce(group_concat(json_quote(occurred_at) || ',' || json_quote(intent), ',' ORDER BY occurred_at, id), '') || ']'
      FROM follow_ups WHERE customer_id = NEW.customer_id AND deleted_at IS NULL), (SELECT coalesce(max(rev), 0) + 1 FROM customer_activity) WHERE true
    ON CONFLICT (customer_id) DO UPDATE SET follow_ups = excluded.follow_ups, rev = excluded.rev;
END;
--> statement-breakpoint
CREATE TRIGGER customer_activity_follow_ups_update AFTER UPDATE OF customer_id, occurred_at, deleted_at, intent ON follow_ups
  WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.occurred_at IS NOT NEW.occurred_at OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.intent IS NOT NEW.intent BEGIN
  INSERT INTO customer_activity (customer_id, follow_ups, rev) SELECT OLD.customer_id, (SELECT '[' || coalesce(group_concat(json_quote(occurred_at) || ',' || json_quote(intent), ',' ORDER BY occurred_at, id), '') || ']'
      FROM follow_ups WHERE customer_id = OLD.customer_id AND deleted_at IS NULL), (SELECT coalesce(max(rev), 0) + 1 FROM customer_activity) WHERE true
    ON CONFLICT (customer_id) DO UPDATE SET follow_ups = excluded.follow_ups, rev = excluded.rev;
  INSERT INTO customer_activity (customer_id, follow_ups, rev) SELECT NEW.customer_id, (SELECT '[' || coalesce(group_concat(json_quote(occurred_at) || ',' || json_quote(intent), ',' ORDER BY occurred_at, id), '') || ']'
      FROM follow_ups WHERE customer_id = NEW.customer_id AND deleted_at IS NULL), (SELECT coalesce(max(rev), 0) + 1 FROM customer_activity) WHERE NEW.customer_id IS NOT OLD.customer_id
    ON CONFLICT (customer_id) DO UPDATE SET follow_ups = excluded.follow_ups, rev = excluded.rev;
END;
--> statement-breakpoint
CREATE TRIGGER customer_activity_follow_ups_delete AFTER DELETE ON follow_ups WHEN OLD.deleted_at IS NULL BEGIN
  INSERT INTO customer_activity (customer_id, follow_ups, rev) SELECT OLD.customer_id, (SELECT '[' || coalesce(group_concat(json_quote(occurred_at) || ',' || json_quote(intent), ',' ORDER BY occurred_at, id), '') || ']'
      FROM follow_ups WHERE customer_id = OLD.customer_id AND deleted_at IS NULL), (SELECT coalesce(max(rev), 0) + 1 FROM customer_activity) WHERE true
    ON CONFLICT (customer_id) DO UPDATE SET follow_ups = excluded.follow_ups, rev = excluded.rev;
END;
--> statement-breakpoint
CREATE TRIGGER customer_activity_customers_insert AFTER INSERT ON customers BEGIN
  INSERT INTO customer_activity (customer_id, rev) VALUES (NEW.id, (SELECT coalesce(max(rev), 0) + 1 FROM customer_activity))
    ON CONFLICT (customer_id) DO UPDATE SET rev = excluded.rev;
END;
--> statement-breakpoint
CREATE TRIGGER customer_activity_customers_update AFTER UPDATE OF name, company, code, created_at, type, industry, country, region, city, locality, size_band, income_band, needs, tags, owner, source, manual_level, search_text, sort_name, deleted_at, archived_at ON customers
  WHEN OLD.name IS NOT NEW.name OR OLD.company IS NOT NEW.company OR OLD.code IS NOT NEW.code OR OLD.created_at IS NOT NEW.created_at OR OLD.type IS NOT NEW.type OR OLD.industry IS NOT NEW.industry OR OLD.country IS NOT NEW.country OR OLD.region IS NOT NEW.region OR OLD.city IS NOT NEW.city OR OLD.locality IS NOT NEW.locality OR OLD.size_band IS NOT NEW.size_band OR OLD.income_band IS NOT NEW.income_band OR OLD.needs IS NOT NEW.needs OR OLD.tags IS NOT NEW.tags OR OLD.owner IS NOT NEW.owner OR OLD.source IS NOT NEW.source OR OLD.manual_level IS NOT NEW.manual_level OR OLD.search_text IS NOT NEW.search_text OR OLD.sort_name IS NOT NEW.sort_name OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.archived_at IS NOT NEW.archived_at BEGIN
  INSERT INTO customer_activity (customer_id, rev) VALUES (NEW.id, (SELECT coalesce(max(rev), 0) + 1 FROM customer_activity))
    ON CONFLICT (customer_id) DO UPDATE SET rev = excluded.rev;
END;
--> statement-breakpoint
INSERT INTO customer_activity (customer_id, orders, follow_ups, rev)
  SELECT src.cid, (SELECT '[' || coalesce(group_concat(entry, ',' ORDER BY day), '') || ']' FROM (
      SELECT CAST(julianday(order_date) - 2440587.5 AS INTEGER) AS day,
        CAST(julianday(order_date) - 2440587.5 AS INTEGER) || ',' || sum(kind = 'sale') || ',' || coalesce(sum(CASE WHEN kind = 'sale' THEN base_amount_minor END), 0) || ',' ||
        coalesce(sum(CASE WHEN kind = 'return' THEN base_amount_minor END), 0) || ',' || coalesce(sum(base_cost_minor), 0) || ',' || count(base_cost_minor) AS entry
      FROM orders WHERE customer_id = src.cid AND deleted_at IS NULL GROUP BY order_date)), (SELECT '[' || coalesce(group_concat(json_quote(occurred_at) || ',' || json_quote(intent), ',' ORDER BY occurred_at, id), '') || ']'
      FROM follow_ups WHERE customer_id = src.cid AND deleted_at IS NULL), 1 FROM (SELECT customer_id AS cid FROM orders UNION SELECT customer_id FROM follow_ups) AS src;
