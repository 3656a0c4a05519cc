-- Team sync: every write to a synced row enqueues its document (docs/team.md); identity and owner transfers are recorded.
CREATE TRIGGER sync_enqueue_customers_insert AFTER INSERT ON customers WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('customers:' || NEW.id, 'customers', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_customers_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, name, company, type, industry, country, region, city, locality, locality_manual, size_band, income_band, needs, tags, owner, source, manual_level, notes, archived_at, code, created_by, updated_by ON customers WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('customers:' || NEW.id, 'customers', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_contact_channels_insert AFTER INSERT ON contact_channels WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('contact_channels:' || NEW.id, 'contact_channels', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_contact_channels_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, customer_id, kind, value, label ON contact_channels WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('contact_channels:' || NEW.id, 'contact_channels', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_products_insert AFTER INSERT ON products WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('products:' || NEW.id, 'products', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_products_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, identity_key, sku, name, search_text, last_unit_price_minor, last_currency, last_sold_on ON products WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('products:' || NEW.id, 'products', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_orders_insert AFTER INSERT ON orders WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('orders:' || NEW.id, 'orders', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_orders_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, note, order_number, kind, return_of_order_id, cost_minor, base_cost_minor, unpaid_minor, base_unpaid_minor, payment_due_date, created_by, updated_by ON orders WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('orders:' || NEW.id, 'orders', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_order_lines_insert AFTER INSERT ON order_lines WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('order_lines:' || NEW.id, 'order_lines', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_order_lines_update AFTER UPDATE OF id, order_id, position, product_id, sku, name, quantity, unit_price_minor, amount_minor, cost_minor ON order_lines WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('order_lines:' || NEW.id, 'order_lines', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_follow_ups_insert AFTER INSERT ON follow_ups WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('follow_ups:' || NEW.id, 'follow_ups', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_follow_ups_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, customer_id, occurred_at, channel, content, outcome, intent, satisfaction, next_contact_date, next_contact_time, done, answered_by, created_by, updated_by ON follow_ups WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('follow_ups:' || NEW.id, 'follow_ups', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_fx_rates_insert AFTER INSERT ON fx_rates WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('fx_rates:' || NEW.id, 'fx_rates', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_fx_rates_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, currency, rate_date, rate ON fx_rates WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('fx_rates:' || NEW.id, 'fx_rates', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_custom_segments_insert AFTER INSERT ON custom_segments WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('custom_segments:' || NEW.id, 'custom_segments', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_custom_segments_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, name, rule ON custom_segments WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('custom_segments:' || NEW.id, 'custom_segments', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_service_policies_insert AFTER INSERT ON service_policies WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('service_policies:' || NEW.scheme || ':' || NEW.class_key, 'service_policies', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_service_policies_update AFTER UPDATE OF created_at, updated_at, deleted_at, scheme, class_key, cadence_days, priority, notes, next_action ON service_policies WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('service_policies:' || NEW.scheme || ':' || NEW.class_key, 'service_policies', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_settings_insert AFTER INSERT ON settings WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('settings:' || NEW.id, 'settings', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_settings_update AFTER UPDATE OF id, business_name, home_country, home_region, sources, clv_discount_percent, clv_horizon_months, updated_at ON settings WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('settings:' || NEW.id, 'settings', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_segmentation_settings_insert AFTER INSERT ON segmentation_settings WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('segmentation_settings:' || NEW.id, 'segmentation_settings', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_segmentation_settings_update AFTER UPDATE OF id, overrides, updated_at ON segmentation_settings WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('segmentation_settings:' || NEW.id, 'segmentation_settings', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER identity_customers_insert AFTER INSERT ON customers WHEN NEW.created_by IS NULL AND (SELECT applying FROM sync_state WHERE id = 1) IS NOT 1 AND (SELECT user_name FROM sync_state WHERE id = 1) IS NOT NULL BEGIN
  UPDATE customers SET created_by = (SELECT user_name FROM sync_state WHERE id = 1), updated_by = (SELECT user_name FROM sync_state WHERE id = 1) WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER identity_customers_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, name, company, type, industry, country, region, city, locality, locality_manual, size_band, income_band, needs, tags, owner, source, manual_level, notes, archived_at, code ON customers WHEN NEW.updated_by IS OLD.updated_by AND NEW.updated_by IS NOT (SELECT user_name FROM sync_state WHERE id = 1) AND (SELECT applying FROM sync_state WHERE id = 1) IS NOT 1 AND (SELECT user_name FROM sync_state WHERE id = 1) IS NOT NULL BEGIN
  UPDATE customers SET updated_by = (SELECT user_name FROM sync_state WHERE id = 1) WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER identity_orders_insert AFTER INSERT ON orders WHEN NEW.created_by IS NULL AND (SELECT applying FROM sync_state WHERE id = 1) IS NOT 1 AND (SELECT user_name FROM sync_state WHERE id = 1) IS NOT NULL BEGIN
  UPDATE orders SET created_by = (SELECT user_name FROM sync_state WHERE id = 1), updated_by = (SELECT user_name FROM sync_state WHERE id = 1) WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER identity_orders_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, note, order_number, kind, return_of_order_id, cost_minor, base_cost_minor, unpaid_minor, base_unpaid_minor, payment_due_date ON orders WHEN NEW.updated_by IS OLD.updated_by AND NEW.updated_by IS NOT (SELECT user_name FROM sync_state WHERE id = 1) AND (SELECT applying FROM sync_state WHERE id = 1) IS NOT 1 AND (SELECT user_name FROM sync_state WHERE id = 1) IS NOT NULL BEGIN
  UPDATE orders SET updated_by = (SELECT user_name FROM sync_state WHERE id = 1) WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER identity_follow_ups_insert AFTER INSERT ON follow_ups WHEN NEW.created_by IS NULL AND (SELECT applying FROM sync_state WHERE id = 1) IS NOT 1 AND (SELECT user_name FROM sync_state WHERE id = 1) IS NOT NULL BEGIN
  UPDATE follow_ups SET created_by = (SELECT user_name FROM sync_state WHERE id = 1), updated_by = (SELECT user_name FROM sync_state WHERE id = 1) WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER identity_follow_ups_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, customer_id, occurred_at, channel, content, outcome, intent, satisfaction, next_contact_date, next_contact_time, done, answered_by ON follow_ups WHEN NEW.updated_by IS OLD.updated_by AND NEW.updated_by IS NOT (SELECT user_name FROM sync_state WHERE id = 1) AND (SELECT applying FROM sync_state WHERE id = 1) IS NOT 1 AND (SELECT user_name FROM sync_state WHERE id = 1) IS NOT NULL BEGIN
  UPDATE follow_ups SET updated_by = (SELECT user_name FROM sync_state WHERE id = 1) WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER customer_owner_change AFTER UPDATE OF owner ON customers WHEN OLD.owner IS NOT NEW.owner BEGIN
  INSERT INTO customer_owner_changes (customer_id, from_owner, to_owner, changed_at, changed_by)
  VALUES (NEW.id, OLD.owner, NEW.owner, NEW.updated_at, CASE WHEN (SELECT applying FROM sync_state WHERE id = 1) = 1 THEN NEW.updated_by ELSE coalesce((SELECT user_name FROM sync_state WHERE id = 1), NEW.updated_by) END);
END;
