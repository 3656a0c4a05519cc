-- Bulk writes (db/schema/bulk-write.ts): while bulk_write.active is 1 inside an import or its undo, the
-- report-totals triggers of orders and follow-ups stand aside and the bulk writer recomputes the totals of the
-- customers it touched from the raw rows, set-based, before it commits (db/repos/bulk-write.ts). The triggers are
-- those of report_totals_triggers with that one condition added. "IS NOT 1" rather than "= 0": should the flag
-- row ever be missing, the triggers keep working instead of silently skipping.
INSERT INTO bulk_write (id, active) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
DROP TRIGGER report_totals_order_insert;
--> statement-breakpoint
CREATE TRIGGER report_totals_order_insert AFTER INSERT ON orders WHEN (NEW.deleted_at IS NULL)
  AND (SELECT active FROM bulk_write WHERE id = 1) IS NOT 1 BEGIN
  INSERT INTO order_month_totals (month, customer_id, revenue_minor, sales, returns, costed_revenue_minor, cost_minor, costed, last_sale)
    VALUES ((CAST(substr(NEW.order_date, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.order_date, 6, 2) AS INTEGER) - 1), NEW.customer_id, NEW.base_amount_minor, NEW.kind = 'sale', NEW.kind = 'return',
      CASE WHEN NEW.base_cost_minor IS NOT NULL THEN NEW.base_amount_minor ELSE 0 END, coalesce(NEW.base_cost_minor, 0), NEW.base_cost_minor IS NOT NULL,
      CASE WHEN NEW.kind = 'sale' THEN NEW.order_date END)
    ON CONFLICT (month, customer_id) DO UPDATE SET
      revenue_minor = revenue_minor + excluded.revenue_minor, sales = sales + excluded.sales, returns = returns + excluded.returns,
      costed_revenue_minor = costed_revenue_minor + excluded.costed_revenue_minor, cost_minor = cost_minor + excluded.cost_minor, costed = costed + excluded.costed,
      last_sale = CASE WHEN last_sale IS NULL OR excluded.last_sale > last_sale THEN coalesce(excluded.last_sale, last_sale) ELSE last_sale END;
END;
--> statement-breakpoint
DROP TRIGGER report_totals_order_update;
--> statement-breakpoint
CREATE TRIGGER report_totals_order_update AFTER UPDATE OF customer_id, order_date, deleted_at, base_amount_minor, base_cost_minor, kind ON orders
  WHEN (OLD.customer_id IS NOT NEW.customer_id OR OLD.order_date IS NOT NEW.order_date OR OLD.deleted_at IS NOT NEW.deleted_at
    OR OLD.base_amount_minor IS NOT NEW.base_amount_minor OR OLD.base_cost_minor IS NOT NEW.base_cost_minor OR OLD.kind IS NOT NEW.kind)
  AND (SELECT active FROM bulk_write WHERE id = 1) IS NOT 1 BEGIN
  DELETE FROM order_month_totals WHERE month = (CAST(substr(OLD.order_date, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.order_date, 6, 2) AS INTEGER) - 1) AND customer_id = OLD.customer_id;
  INSERT INTO order_month_totals (month, customer_id, revenue_minor, sales, returns, costed_revenue_minor, cost_minor, costed, last_sale)
    SELECT (CAST(substr(OLD.order_date, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.order_date, 6, 2) AS INTEGER) - 1), OLD.customer_id, total(base_amount_minor), sum(kind = 'sale'), sum(kind = 'return'),
      total(CASE WHEN base_cost_minor IS NOT NULL THEN base_amount_minor END), total(base_cost_minor), count(base_cost_minor), max(CASE WHEN kind = 'sale' THEN order_date END)
    FROM orders WHERE customer_id = OLD.customer_id AND order_date BETWEEN substr(OLD.order_date, 1, 7) || '-00' AND substr(OLD.order_date, 1, 7) || '-99' AND deleted_at IS NULL
    HAVING count(*) > 0;
  DELETE FROM order_month_totals WHERE month = (CAST(substr(NEW.order_date, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.order_date, 6, 2) AS INTEGER) - 1) AND customer_id = NEW.customer_id;
  INSERT INTO order_month_totals (month, customer_id, revenue_minor, sales, returns, costed_revenue_minor, cost_minor, costed, last_sale)
    SELECT (CAST(substr(NEW.order_date, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.order_date, 6, 2) AS INTEGER) - 1), NEW.customer_id, total(base_amount_minor), sum(kind = 'sale'), sum(kind = 'return'),
      total(CASE WHEN base_cost_minor IS NOT NULL THEN base_amount_minor END), total(base_cost_minor), count(base_cost_minor), max(CASE WHEN kind = 'sale' THEN order_date END)
    FROM orders WHERE customer_id = NEW.customer_id AND order_date BETWEEN substr(NEW.order_date, 1, 7) || '-00' AND substr(NEW.order_date, 1, 7) || '-99' AND deleted_at IS NULL
    HAVING count(*) > 0;
END;
--> statement-breakpoint
DROP TRIGGER report_totals_order_delete;
--> statement-breakpoint
CREATE TRIGGER report_totals_order_delete AFTER DELETE ON orders WHEN (SELECT active FROM bulk_write WHERE id = 1) IS NOT 1 BEGIN
  DELETE FROM order_month_totals WHERE month = (CAST(substr(OLD.order_date, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.order_date, 6, 2) AS INTEGER) - 1) AND customer_id = OLD.customer_id;
  INSERT INTO order_month_totals (month, customer_id, revenue_minor, sales, returns, costed_revenue_minor, cost_minor, costed, last_sale)
    SELECT (CAST(substr(OLD.order_date, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.order_date, 6, 2) AS INTEGER) - 1), OLD.customer_id, total(base_amount_minor), sum(kind = 'sale'), sum(kind = 'return'),
      total(CASE WHEN base_cost_minor IS NOT NULL THEN base_amount_minor END), total(base_cost_minor), count(base_cost_minor), max(CASE WHEN kind = 'sale' THEN order_date END)
    FROM orders WHERE customer_id = OLD.customer_id AND order_date BETWEEN substr(OLD.order_date, 1, 7) || '-00' AND substr(OLD.order_date, 1, 7) || '-99' AND deleted_at IS NULL
    HAVING count(*) > 0;
END;
--> statement-breakpoint
DROP TRIGGER report_totals_follow_up_insert;
--> statement-breakpoint
CREATE TRIGGER report_totals_follow_up_insert AFTER INSERT ON follow_ups WHEN (NEW.deleted_at IS NULL)
  AND (SELECT active FROM bulk_write WHERE id = 1) IS NOT 1 BEGIN
  INSERT INTO follow_up_month_totals (month, customer_id, follow_ups, satisfaction_sum, satisfaction_count, last_at)
    VALUES ((CAST(substr(strftime('%Y-%m', NEW.occurred_at, 'localtime'), 1, 4) AS INTEGER) * 12 + CAST(substr(strftime('%Y-%m', NEW.occurred_at, 'localtime'), 6, 2) AS INTEGER) - 1), NEW.customer_id, 1, coalesce(NEW.satisfaction, 0), NEW.satisfaction IS NOT NULL, NEW.occurred_at)
    ON CONFLICT (month, customer_id) DO UPDATE SET
      follow_ups = follow_ups + 1, satisfaction_sum = satisfaction_sum + excluded.satisfaction_sum, satisfaction_count = satisfaction_count + excluded.satisfaction_count,
      last_at = max(last_at, excluded.last_at);
END;
--> statement-breakpoint
DROP TRIGGER report_totals_follow_up_update;
--> statement-breakpoint
CREATE TRIGGER report_totals_follow_up_update AFTER UPDATE OF customer_id, occurred_at, deleted_at, satisfaction ON follow_ups
  WHEN (OLD.customer_id IS NOT NEW.customer_id OR OLD.occurred_at IS NOT NEW.occurred_at OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.satisfaction IS NOT NEW.satisfaction)
  AND (SELECT active FROM bulk_write WHERE id = 1) IS NOT 1 BEGIN
  DELETE FROM follow_up_month_totals WHERE month = (CAST(substr(strftime('%Y-%m', OLD.occurred_at, 'localtime'), 1, 4) AS INTEGER) * 12 + CAST(substr(strftime('%Y-%m', OLD.occurred_at, 'localtime'), 6, 2) AS INTEGER) - 1) AND customer_id = OLD.customer_id;
  INSERT INTO follow_up_month_totals (month, customer_id, follow_ups, satisfaction_sum, satisfaction_count, last_at)
    SELECT (CAST(substr(strftime('%Y-%m', OLD.occurred_at, 'localtime'), 1, 4) AS INTEGER) * 12 + CAST(substr(strftime('%Y-%m', OLD.occurred_at, 'localtime'), 6, 2) AS INTEGER) - 1), OLD.customer_id, count(*), total(satisfaction), count(satisfaction), max(occurred_at)
    FROM follow_ups WHERE customer_id = OLD.customer_id AND strftime('%Y-%m', occurred_at, 'localtime') = strftime('%Y-%m', OLD.occurred_at, 'localtime') AND deleted_at IS NULL
    HAVING count(*) > 0;
  DELETE FROM follow_up_month_totals WHERE month = (CAST(substr(strftime('%Y-%m', NEW.occurred_at, 'localtime'), 1, 4) AS INTEGER) * 12 + CAST(substr(strftime('%Y-%m', NEW.occurred_at, 'localtime'), 6, 2) AS INTEGER) - 1) AND customer_id = NEW.customer_id;
  INSERT INTO follow_up_month_totals (month, customer_id, follow_ups, satisfaction_sum, satisfaction_count, last_at)
    SELECT (CAST(substr(strftime('%Y-%m', NEW.occurred_at, 'localtime'), 1, 4) AS INTEGER) * 12 + CAST(substr(strftime('%Y-%m', NEW.occurred_at, 'localtime'), 6, 2) AS INTEGER) - 1), NEW.customer_id, count(*), total(satisfaction), count(satisfaction), max(occurred_at)
    FROM follow_ups WHERE customer_id = NEW.customer_id AND strftime('%Y-%m', occurred_at, 'localtime') = strftime('%Y-%m', NEW.occurred_at, 'localtime') AND deleted_at IS NULL
    HAVING count(*) > 0;
END;
--> statement-breakpoint
DROP TRIGGER report_totals_follow_up_delete;
--> statement-breakpoint
CREATE TRIGGER report_totals_follow_up_delete AFTER DELETE ON follow_ups WHEN (SELECT active FROM bulk_write WHERE id = 1) IS NOT 1 BEGIN
  DELETE FROM follow_up_month_totals WHERE month = (CAST(substr(strftime('%Y-%m', OLD.occurred_at, 'localtime'), 1, 4) AS INTEGER) * 12 + CAST(substr(strftime('%Y-%m', OLD.occurred_at, 'localtime'), 6, 2) AS INTEGER) - 1) AND customer_id = OLD.customer_id;
  INSERT INTO follow_up_month_totals (month, customer_id, follow_ups, satisfaction_sum, satisfaction_count, last_at)
    SELECT (CAST(substr(strftime('%Y-%m', OLD.occurred_at, 'localtime'), 1, 4) AS INTEGER) * 12 + CAST(substr(strftime('%Y-%m', OLD.occurred_at, 'localtime'), 6, 2) AS INTEGER) - 1), OLD.customer_id, count(*), total(satisfaction), count(satisfaction), max(occurred_at)
    FROM follow_ups WHERE customer_id = OLD.customer_id AND strftime('%Y-%m', occurred_at, 'localtime') = strftime('%Y-%m', OLD.occurred_at, 'localtime') AND deleted_at IS NULL
    HAVING count(*) > 0;
END;
