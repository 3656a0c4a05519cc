-- Team sync of tables added later: every write to one of their rows enqueues its document (docs/team.md).
CREATE TRIGGER sync_enqueue_order_payments_insert AFTER INSERT ON order_payments WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('order_payments:' || NEW.id, 'order_payments', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_order_payments_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, order_id, amount_minor, paid_on, recorded_by, closed_at ON order_payments WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('order_payments:' || NEW.id, 'order_payments', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
-- Every order's unpaid amount becomes its terms; it has no payments yet, so what it owes is unchanged.
UPDATE orders SET terms_unpaid_minor = unpaid_minor, terms_base_unpaid_minor = base_unpaid_minor;
--> statement-breakpoint
-- Team sync of tables whose synced columns changed: their update triggers over the columns that travel now.
DROP TRIGGER sync_enqueue_orders_update;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_orders_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, note, order_number, kind, return_of_order_id, cost_minor, base_cost_minor, terms_unpaid_minor, terms_base_unpaid_minor, terms_set_at, payment_due_date, created_by, updated_by ON orders WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('orders:' || NEW.id, 'orders', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
DROP TRIGGER identity_orders_update;
--> statement-breakpoint
CREATE TRIGGER identity_orders_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, note, order_number, kind, return_of_order_id, cost_minor, base_cost_minor, terms_unpaid_minor, terms_base_unpaid_minor, terms_set_at, payment_due_date ON orders WHEN NEW.updated_by IS OLD.updated_by AND NEW.updated_by IS NOT (SELECT user_name FROM sync_state WHERE id = 1) AND (SELECT applying FROM sync_state WHERE id = 1) IS NOT 1 AND (SELECT user_name FROM sync_state WHERE id = 1) IS NOT NULL BEGIN
  UPDATE orders SET updated_by = (SELECT user_name FROM sync_state WHERE id = 1) WHERE id = NEW.id;
END;
--> statement-breakpoint
-- An order's unpaid amount: its terms less its live payments, kept by every write (docs/orders.md, Payments).
CREATE TRIGGER order_unpaid_order_insert AFTER INSERT ON orders
  WHEN NEW.unpaid_minor IS NOT NEW.terms_unpaid_minor OR NEW.base_unpaid_minor IS NOT NEW.terms_base_unpaid_minor OR EXISTS (SELECT 1 FROM order_payments p WHERE p.order_id = NEW.id) BEGIN
  UPDATE orders SET (unpaid_minor, base_unpaid_minor) = (
    SELECT u, CASE WHEN u = 0 THEN 0 WHEN u = t THEN tb ELSE CAST((tb * u * 2 + t) / (t * 2) AS INTEGER) END
    FROM (SELECT max(0, CASE WHEN o.kind = 'sale' THEN min(o.terms_unpaid_minor, max(o.amount_minor, 0)) ELSE 0 END - coalesce((SELECT sum(p.amount_minor) FROM order_payments p WHERE p.order_id = o.id AND p.deleted_at IS NULL AND (p.closed_at IS NULL OR p.closed_at IS NOT o.terms_set_at)), 0)) AS u,
                 o.terms_unpaid_minor AS t, o.terms_base_unpaid_minor AS tb
          FROM orders o WHERE o.id = NEW.id))
  WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER order_unpaid_order_update AFTER UPDATE OF terms_unpaid_minor, terms_base_unpaid_minor, terms_set_at, amount_minor, kind, unpaid_minor, base_unpaid_minor ON orders BEGIN
  UPDATE orders SET (unpaid_minor, base_unpaid_minor) = (
    SELECT u, CASE WHEN u = 0 THEN 0 WHEN u = t THEN tb ELSE CAST((tb * u * 2 + t) / (t * 2) AS INTEGER) END
    FROM (SELECT max(0, CASE WHEN o.kind = 'sale' THEN min(o.terms_unpaid_minor, max(o.amount_minor, 0)) ELSE 0 END - coalesce((SELECT sum(p.amount_minor) FROM order_payments p WHERE p.order_id = o.id AND p.deleted_at IS NULL AND (p.closed_at IS NULL OR p.closed_at IS NOT o.terms_set_at)), 0)) AS u,
                 o.terms_unpaid_minor AS t, o.terms_base_unpaid_minor AS tb
          FROM orders o WHERE o.id = NEW.id))
  WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER order_unpaid_payment_insert AFTER INSERT ON order_payments BEGIN
  UPDATE orders SET (unpaid_minor, base_unpaid_minor) = (
    SELECT u, CASE WHEN u = 0 THEN 0 WHEN u = t THEN tb ELSE CAST((tb * u * 2 + t) / (t * 2) AS INTEGER) END
    FROM (SELECT max(0, CASE WHEN o.kind = 'sale' THEN min(o.terms_unpaid_minor, max(o.amount_minor, 0)) ELSE 0 END - coalesce((SELECT sum(p.amount_minor) FROM order_payments p WHERE p.order_id = o.id AND p.deleted_at IS NULL AND (p.closed_at IS NULL OR p.closed_at IS NOT o.terms_set_at)), 0)) AS u,
                 o.terms_unpaid_minor AS t, o.terms_base_unpaid_minor AS tb
          FROM orders o WHERE o.id = NEW.order_id))
  WHERE id = NEW.order_id;
END;
--> statement-breakpoint
CREATE TRIGGER order_unpaid_payment_update AFTER UPDATE OF order_id, amount_minor, deleted_at, closed_at ON order_payments BEGIN
  UPDATE orders SET (unpaid_minor, base_unpaid_minor) = (
    SELECT u, CASE WHEN u = 0 THEN 0 WHEN u = t THEN tb ELSE CAST((tb * u * 2 + t) / (t * 2) AS INTEGER) END
    FROM (SELECT max(0, CASE WHEN o.kind = 'sale' THEN min(o.terms_unpaid_minor, max(o.amount_minor, 0)) ELSE 0 END - coalesce((SELECT sum(p.amount_minor) FROM order_payments p WHERE p.order_id = o.id AND p.deleted_at IS NULL AND (p.closed_at IS NULL OR p.closed_at IS NOT o.terms_set_at)), 0)) AS u,
                 o.terms_unpaid_minor AS t, o.terms_base_unpaid_minor AS tb
          FROM orders o WHERE o.id = NEW.order_id))
  WHERE id = NEW.order_id;
  UPDATE orders SET (unpaid_minor, base_unpaid_minor) = (
    SELECT u, CASE WHEN u = 0 THEN 0 WHEN u = t THEN tb ELSE CAST((tb * u * 2 + t) / (t * 2) AS INTEGER) END
    FROM (SELECT max(0, CASE WHEN o.kind = 'sale' THEN min(o.terms_unpaid_minor, max(o.amount_minor, 0)) ELSE 0 END - coalesce((SELECT sum(p.amount_minor) FROM order_payments p WHERE p.order_id = o.id AND p.deleted_at IS NULL AND (p.closed_at IS NULL OR p.closed_at IS NOT o.terms_set_at)), 0)) AS u,
                 o.terms_unpaid_minor AS t, o.terms_base_unpaid_minor AS tb
          FROM orders o WHERE o.id = OLD.order_id))
  WHERE id = OLD.order_id;
END;
--> statement-breakpoint
CREATE TRIGGER order_unpaid_payment_delete AFTER DELETE ON order_payments BEGIN
  UPDATE orders SET (unpaid_minor, base_unpaid_minor) = (
    SELECT u, CASE WHEN u = 0 THEN 0 WHEN u = t THEN tb ELSE CAST((tb * u * 2 + t) / (t * 2) AS INTEGER) END
    FROM (SELECT max(0, CASE WHEN o.kind = 'sale' THEN min(o.terms_unpaid_minor, max(o.amount_minor, 0)) ELSE 0 END - coalesce((SELECT sum(p.amount_minor) FROM order_payments p WHERE p.order_id = o.id AND p.deleted_at IS NULL AND (p.closed_at IS NULL OR p.closed_at IS NOT o.terms_set_at)), 0)) AS u,
                 o.terms_unpaid_minor AS t, o.terms_base_unpaid_minor AS tb
          FROM orders o WHERE o.id = OLD.order_id))
  WHERE id = OLD.order_id;
END;
