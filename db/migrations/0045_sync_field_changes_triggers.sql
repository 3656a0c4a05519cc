-- Team sync: when each synced column of a row changed, so each field is stamped with its own change (docs/team.md).
CREATE TRIGGER sync_fields_customers_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, name, company, type, industry, country, region, city, locality, locality_manual, size_band, income_band, needs, tags, owner, source, manual_level, notes, archived_at, code, created_by, updated_by ON customers WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_field_changes (doc_id, field, changed_at, seen)
  SELECT 'customers:' || NEW.id, changed.field, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), (SELECT hlc FROM sync_state WHERE id = 1) FROM (
    SELECT 'id' AS field WHERE OLD.id IS NOT NEW.id
    UNION ALL SELECT 'created_at' AS field WHERE OLD.created_at IS NOT NEW.created_at
    UNION ALL SELECT 'updated_at' AS field WHERE OLD.updated_at IS NOT NEW.updated_at
    UNION ALL SELECT 'deleted_at' AS field WHERE OLD.deleted_at IS NOT NEW.deleted_at
    UNION ALL SELECT 'name' AS field WHERE OLD.name IS NOT NEW.name
    UNION ALL SELECT 'company' AS field WHERE OLD.company IS NOT NEW.company
    UNION ALL SELECT 'type' AS field WHERE OLD.type IS NOT NEW.type
    UNION ALL SELECT 'industry' AS field WHERE OLD.industry IS NOT NEW.industry
    UNION ALL SELECT 'country' AS field WHERE OLD.country IS NOT NEW.country
    UNION ALL SELECT 'region' AS field WHERE OLD.region IS NOT NEW.region
    UNION ALL SELECT 'city' AS field WHERE OLD.city IS NOT NEW.city
    UNION ALL SELECT 'locality' AS field WHERE OLD.locality IS NOT NEW.locality
    UNION ALL SELECT 'locality_manual' AS field WHERE OLD.locality_manual IS NOT NEW.locality_manual
    UNION ALL SELECT 'size_band' AS field WHERE OLD.size_band IS NOT NEW.size_band
    UNION ALL SELECT 'income_band' AS field WHERE OLD.income_band IS NOT NEW.income_band
    UNION ALL SELECT 'needs' AS field WHERE OLD.needs IS NOT NEW.needs
    UNION ALL SELECT 'tags' AS field WHERE OLD.tags IS NOT NEW.tags
    UNION ALL SELECT 'owner' AS field WHERE OLD.owner IS NOT NEW.owner
    UNION ALL SELECT 'source' AS field WHERE OLD.source IS NOT NEW.source
    UNION ALL SELECT 'manual_level' AS field WHERE OLD.manual_level IS NOT NEW.manual_level
    UNION ALL SELECT 'notes' AS field WHERE OLD.notes IS NOT NEW.notes
    UNION ALL SELECT 'archived_at' AS field WHERE OLD.archived_at IS NOT NEW.archived_at
    UNION ALL SELECT 'code' AS field WHERE OLD.code IS NOT NEW.code
    UNION ALL SELECT 'created_by' AS field WHERE OLD.created_by IS NOT NEW.created_by
    UNION ALL SELECT 'updated_by' AS field WHERE OLD.updated_by IS NOT NEW.updated_by
  ) AS changed WHERE true
    ON CONFLICT (doc_id, field) DO UPDATE SET changed_at = max(sync_field_changes.changed_at, excluded.changed_at), seen = max(sync_field_changes.seen, excluded.seen);
END;
--> statement-breakpoint
CREATE TRIGGER sync_fields_contact_channels_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, customer_id, kind, value, label ON contact_channels WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_field_changes (doc_id, field, changed_at, seen)
  SELECT 'contact_channels:' || NEW.id, changed.field, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), (SELECT hlc FROM sync_state WHERE id = 1) FROM (
    SELECT 'id' AS field WHERE OLD.id IS NOT NEW.id
    UNION ALL SELECT 'created_at' AS field WHERE OLD.created_at IS NOT NEW.created_at
    UNION ALL SELECT 'updated_at' AS field WHERE OLD.updated_at IS NOT NEW.updated_at
    UNION ALL SELECT 'deleted_at' AS field WHERE OLD.deleted_at IS NOT NEW.deleted_at
    UNION ALL SELECT 'customer_id' AS field WHERE OLD.customer_id IS NOT NEW.customer_id
    UNION ALL SELECT 'kind' AS field WHERE OLD.kind IS NOT NEW.kind
    UNION ALL SELECT 'value' AS field WHERE OLD.value IS NOT NEW.value
    UNION ALL SELECT 'label' AS field WHERE OLD.label IS NOT NEW.label
  ) AS changed WHERE true
    ON CONFLICT (doc_id, field) DO UPDATE SET changed_at = max(sync_field_changes.changed_at, excluded.changed_at), seen = max(sync_field_changes.seen, excluded.seen);
END;
--> statement-breakpoint
CREATE TRIGGER sync_fields_products_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, identity_key, sku, name, search_text, last_unit_price_minor, last_currency, last_sold_on ON products WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_field_changes (doc_id, field, changed_at, seen)
  SELECT 'products:' || NEW.id, changed.field, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), (SELECT hlc FROM sync_state WHERE id = 1) FROM (
    SELECT 'id' AS field WHERE OLD.id IS NOT NEW.id
    UNION ALL SELECT 'created_at' AS field WHERE OLD.created_at IS NOT NEW.created_at
    UNION ALL SELECT 'updated_at' AS field WHERE OLD.updated_at IS NOT NEW.updated_at
    UNION ALL SELECT 'deleted_at' AS field WHERE OLD.deleted_at IS NOT NEW.deleted_at
    UNION ALL SELECT 'identity_key' AS field WHERE OLD.identity_key IS NOT NEW.identity_key
    UNION ALL SELECT 'sku' AS field WHERE OLD.sku IS NOT NEW.sku
    UNION ALL SELECT 'name' AS field WHERE OLD.name IS NOT NEW.name
    UNION ALL SELECT 'search_text' AS field WHERE OLD.search_text IS NOT NEW.search_text
    UNION ALL SELECT 'last_unit_price_minor' AS field WHERE OLD.last_unit_price_minor IS NOT NEW.last_unit_price_minor
    UNION ALL SELECT 'last_currency' AS field WHERE OLD.last_currency IS NOT NEW.last_currency
    UNION ALL SELECT 'last_sold_on' AS field WHERE OLD.last_sold_on IS NOT NEW.last_sold_on
  ) AS changed WHERE true
    ON CONFLICT (doc_id, field) DO UPDATE SET changed_at = max(sync_field_changes.changed_at, excluded.changed_at), seen = max(sync_field_changes.seen, excluded.seen);
END;
--> statement-breakpoint
CREATE TRIGGER sync_fields_orders_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, note, order_number, kind, return_of_order_id, cost_minor, base_cost_minor, terms_unpaid_minor, terms_base_unpaid_minor, terms_set_at, payment_due_date, created_by, updated_by ON orders WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_field_changes (doc_id, field, changed_at, seen)
  SELECT 'orders:' || NEW.id, changed.field, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), (SELECT hlc FROM sync_state WHERE id = 1) FROM (
    SELECT 'id' AS field WHERE OLD.id IS NOT NEW.id
    UNION ALL SELECT 'created_at' AS field WHERE OLD.created_at IS NOT NEW.created_at
    UNION ALL SELECT 'updated_at' AS field WHERE OLD.updated_at IS NOT NEW.updated_at
    UNION ALL SELECT 'deleted_at' AS field WHERE OLD.deleted_at IS NOT NEW.deleted_at
    UNION ALL SELECT 'customer_id' AS field WHERE OLD.customer_id IS NOT NEW.customer_id
    UNION ALL SELECT 'order_date' AS field WHERE OLD.order_date IS NOT NEW.order_date
    UNION ALL SELECT 'amount_minor' AS field WHERE OLD.amount_minor IS NOT NEW.amount_minor
    UNION ALL SELECT 'currency' AS field WHERE OLD.currency IS NOT NEW.currency
    UNION ALL SELECT 'fx_rate' AS field WHERE OLD.fx_rate IS NOT NEW.fx_rate
    UNION ALL SELECT 'base_currency' AS field WHERE OLD.base_currency IS NOT NEW.base_currency
    UNION ALL SELECT 'base_amount_minor' AS field WHERE OLD.base_amount_minor IS NOT NEW.base_amount_minor
    UNION ALL SELECT 'note' AS field WHERE OLD.note IS NOT NEW.note
    UNION ALL SELECT 'order_number' AS field WHERE OLD.order_number IS NOT NEW.order_number
    UNION ALL SELECT 'kind' AS field WHERE OLD.kind IS NOT NEW.kind
    UNION ALL SELECT 'return_of_order_id' AS field WHERE OLD.return_of_order_id IS NOT NEW.return_of_order_id
    UNION ALL SELECT 'cost_minor' AS field WHERE OLD.cost_minor IS NOT NEW.cost_minor
    UNION ALL SELECT 'base_cost_minor' AS field WHERE OLD.base_cost_minor IS NOT NEW.base_cost_minor
    UNION ALL SELECT 'terms_unpaid_minor' AS field WHERE OLD.terms_unpaid_minor IS NOT NEW.terms_unpaid_minor
    UNION ALL SELECT 'terms_base_unpaid_minor' AS field WHERE OLD.terms_base_unpaid_minor IS NOT NEW.terms_base_unpaid_minor
    UNION ALL SELECT 'terms_set_at' AS field WHERE OLD.terms_set_at IS NOT NEW.terms_set_at
    UNION ALL SELECT 'payment_due_date' AS field WHERE OLD.payment_due_date IS NOT NEW.payment_due_date
    UNION ALL SELECT 'created_by' AS field WHERE OLD.created_by IS NOT NEW.created_by
    UNION ALL SELECT 'updated_by' AS field WHERE OLD.updated_by IS NOT NEW.updated_by
  ) AS changed WHERE true
    ON CONFLICT (doc_id, field) DO UPDATE SET changed_at = max(sync_field_changes.changed_at, excluded.changed_at), seen = max(sync_field_changes.seen, excluded.seen);
END;
--> statement-breakpoint
CREATE TRIGGER sync_fields_order_lines_update AFTER UPDATE OF id, order_id, position, product_id, sku, name, quantity, unit_price_minor, amount_minor, cost_minor ON order_lines WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_field_changes (doc_id, field, changed_at, seen)
  SELECT 'order_lines:' || NEW.id, changed.field, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT hlc FROM sync_state WHERE id = 1) FROM (
    SELECT 'id' AS field WHERE OLD.id IS NOT NEW.id
    UNION ALL SELECT 'order_id' AS field WHERE OLD.order_id IS NOT NEW.order_id
    UNION ALL SELECT 'position' AS field WHERE OLD.position IS NOT NEW.position
    UNION ALL SELECT 'product_id' AS field WHERE OLD.product_id IS NOT NEW.product_id
    UNION ALL SELECT 'sku' AS field WHERE OLD.sku IS NOT NEW.sku
    UNION ALL SELECT 'name' AS field WHERE OLD.name IS NOT NEW.name
    UNION ALL SELECT 'quantity' AS field WHERE OLD.quantity IS NOT NEW.quantity
    UNION ALL SELECT 'unit_price_minor' AS field WHERE OLD.unit_price_minor IS NOT NEW.unit_price_minor
    UNION ALL SELECT 'amount_minor' AS field WHERE OLD.amount_minor IS NOT NEW.amount_minor
    UNION ALL SELECT 'cost_minor' AS field WHERE OLD.cost_minor IS NOT NEW.cost_minor
  ) AS changed WHERE true
    ON CONFLICT (doc_id, field) DO UPDATE SET changed_at = max(sync_field_changes.changed_at, excluded.changed_at), seen = max(sync_field_changes.seen, excluded.seen);
END;
--> statement-breakpoint
CREATE TRIGGER sync_fields_order_payments_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, order_id, amount_minor, paid_on, recorded_by, closed_at ON order_payments WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_field_changes (doc_id, field, changed_at, seen)
  SELECT 'order_payments:' || NEW.id, changed.field, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), (SELECT hlc FROM sync_state WHERE id = 1) FROM (
    SELECT 'id' AS field WHERE OLD.id IS NOT NEW.id
    UNION ALL SELECT 'created_at' AS field WHERE OLD.created_at IS NOT NEW.created_at
    UNION ALL SELECT 'updated_at' AS field WHERE OLD.updated_at IS NOT NEW.updated_at
    UNION ALL SELECT 'deleted_at' AS field WHERE OLD.deleted_at IS NOT NEW.deleted_at
    UNION ALL SELECT 'order_id' AS field WHERE OLD.order_id IS NOT NEW.order_id
    UNION ALL SELECT 'amount_minor' AS field WHERE OLD.amount_minor IS NOT NEW.amount_minor
    UNION ALL SELECT 'paid_on' AS field WHERE OLD.paid_on IS NOT NEW.paid_on
    UNION ALL SELECT 'recorded_by' AS field WHERE OLD.recorded_by IS NOT NEW.recorded_by
    UNION ALL SELECT 'closed_at' AS field WHERE OLD.closed_at IS NOT NEW.closed_at
  ) AS changed WHERE true
    ON CONFLICT (doc_id, field) DO UPDATE SET changed_at = max(sync_field_changes.changed_at, excluded.changed_at), seen = max(sync_field_changes.seen, excluded.seen);
END;
--> statement-breakpoint
CREATE TRIGGER sync_fields_follow_ups_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, customer_id, occurred_at, channel, content, outcome, intent, satisfaction, next_contact_date, next_contact_time, done, answered_by, created_by, updated_by ON follow_ups WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_field_changes (doc_id, field, changed_at, seen)
  SELECT 'follow_ups:' || NEW.id, changed.field, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), (SELECT hlc FROM sync_state WHERE id = 1) FROM (
    SELECT 'id' AS field WHERE OLD.id IS NOT NEW.id
    UNION ALL SELECT 'created_at' AS field WHERE OLD.created_at IS NOT NEW.created_at
    UNION ALL SELECT 'updated_at' AS field WHERE OLD.updated_at IS NOT NEW.updated_at
    UNION ALL SELECT 'deleted_at' AS field WHERE OLD.deleted_at IS NOT NEW.deleted_at
    UNION ALL SELECT 'customer_id' AS field WHERE OLD.customer_id IS NOT NEW.customer_id
    UNION ALL SELECT 'occurred_at' AS field WHERE OLD.occurred_at IS NOT NEW.occurred_at
    UNION ALL SELECT 'channel' AS field WHERE OLD.channel IS NOT NEW.channel
    UNION ALL SELECT 'content' AS field WHERE OLD.content IS NOT NEW.content
    UNION ALL SELECT 'outcome' AS field WHERE OLD.outcome IS NOT NEW.outcome
    UNION ALL SELECT 'intent' AS field WHERE OLD.intent IS NOT NEW.intent
    UNION ALL SELECT 'satisfaction' AS field WHERE OLD.satisfaction IS NOT NEW.satisfaction
    UNION ALL SELECT 'next_contact_date' AS field WHERE OLD.next_contact_date IS NOT NEW.next_contact_date
    UNION ALL SELECT 'next_contact_time' AS field WHERE OLD.next_contact_time IS NOT NEW.next_contact_time
    UNION ALL SELECT 'done' AS field WHERE OLD.done IS NOT NEW.done
    UNION ALL SELECT 'answered_by' AS field WHERE OLD.answered_by IS NOT NEW.answered_by
    UNION ALL SELECT 'created_by' AS field WHERE OLD.created_by IS NOT NEW.created_by
    UNION ALL SELECT 'updated_by' AS field WHERE OLD.updated_by IS NOT NEW.updated_by
  ) AS changed WHERE true
    ON CONFLICT (doc_id, field) DO UPDATE SET changed_at = max(sync_field_changes.changed_at, excluded.changed_at), seen = max(sync_field_changes.seen, excluded.seen);
END;
--> statement-breakpoint
CREATE TRIGGER sync_fields_fx_rates_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, currency, rate_date, rate ON fx_rates WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_field_changes (doc_id, field, changed_at, seen)
  SELECT 'fx_rates:' || NEW.id, changed.field, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), (SELECT hlc FROM sync_state WHERE id = 1) FROM (
    SELECT 'id' AS field WHERE OLD.id IS NOT NEW.id
    UNION ALL SELECT 'created_at' AS field WHERE OLD.created_at IS NOT NEW.created_at
    UNION ALL SELECT 'updated_at' AS field WHERE OLD.updated_at IS NOT NEW.updated_at
    UNION ALL SELECT 'deleted_at' AS field WHERE OLD.deleted_at IS NOT NEW.deleted_at
    UNION ALL SELECT 'currency' AS field WHERE OLD.currency IS NOT NEW.currency
    UNION ALL SELECT 'rate_date' AS field WHERE OLD.rate_date IS NOT NEW.rate_date
    UNION ALL SELECT 'rate' AS field WHERE OLD.rate IS NOT NEW.rate
  ) AS changed WHERE true
    ON CONFLICT (doc_id, field) DO UPDATE SET changed_at = max(sync_field_changes.changed_at, excluded.changed_at), seen = max(sync_field_changes.seen, excluded.seen);
END;
--> statement-breakpoint
CREATE TRIGGER sync_fields_custom_segments_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, name, rule ON custom_segments WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_field_changes (doc_id, field, changed_at, seen)
  SELECT 'custom_segments:' || NEW.id, changed.field, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), (SELECT hlc FROM sync_state WHERE id = 1) FROM (
    SELECT 'id' AS field WHERE OLD.id IS NOT NEW.id
    UNION ALL SELECT 'created_at' AS field WHERE OLD.created_at IS NOT NEW.created_at
    UNION ALL SELECT 'updated_at' AS field WHERE OLD.updated_at IS NOT NEW.updated_at
    UNION ALL SELECT 'deleted_at' AS field WHERE OLD.deleted_at IS NOT NEW.deleted_at
    UNION ALL SELECT 'name' AS field WHERE OLD.name IS NOT NEW.name
    UNION ALL SELECT 'rule' AS field WHERE OLD.rule IS NOT NEW.rule
  ) AS changed WHERE true
    ON CONFLICT (doc_id, field) DO UPDATE SET changed_at = max(sync_field_changes.changed_at, excluded.changed_at), seen = max(sync_field_changes.seen, excluded.seen);
END;
--> statement-breakpoint
CREATE TRIGGER sync_fields_service_policies_update AFTER UPDATE OF created_at, updated_at, deleted_at, scheme, class_key, cadence_days, priority, notes, next_action, responsible ON service_policies WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_field_changes (doc_id, field, changed_at, seen)
  SELECT 'service_policies:' || NEW.scheme || ':' || NEW.class_key, changed.field, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), (SELECT hlc FROM sync_state WHERE id = 1) FROM (
    SELECT 'created_at' AS field WHERE OLD.created_at IS NOT NEW.created_at
    UNION ALL SELECT 'updated_at' AS field WHERE OLD.updated_at IS NOT NEW.updated_at
    UNION ALL SELECT 'deleted_at' AS field WHERE OLD.deleted_at IS NOT NEW.deleted_at
    UNION ALL SELECT 'scheme' AS field WHERE OLD.scheme IS NOT NEW.scheme
    UNION ALL SELECT 'class_key' AS field WHERE OLD.class_key IS NOT NEW.class_key
    UNION ALL SELECT 'cadence_days' AS field WHERE OLD.cadence_days IS NOT NEW.cadence_days
    UNION ALL SELECT 'priority' AS field WHERE OLD.priority IS NOT NEW.priority
    UNION ALL SELECT 'notes' AS field WHERE OLD.notes IS NOT NEW.notes
    UNION ALL SELECT 'next_action' AS field WHERE OLD.next_action IS NOT NEW.next_action
    UNION ALL SELECT 'responsible' AS field WHERE OLD.responsible IS NOT NEW.responsible
  ) AS changed WHERE true
    ON CONFLICT (doc_id, field) DO UPDATE SET changed_at = max(sync_field_changes.changed_at, excluded.changed_at), seen = max(sync_field_changes.seen, excluded.seen);
END;
--> statement-breakpoint
CREATE TRIGGER sync_fields_settings_update AFTER UPDATE OF id, business_name, home_country, home_region, sources, clv_discount_percent, clv_horizon_months, updated_at ON settings WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_field_changes (doc_id, field, changed_at, seen)
  SELECT 'settings:' || NEW.id, changed.field, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), (SELECT hlc FROM sync_state WHERE id = 1) FROM (
    SELECT 'id' AS field WHERE OLD.id IS NOT NEW.id
    UNION ALL SELECT 'business_name' AS field WHERE OLD.business_name IS NOT NEW.business_name
    UNION ALL SELECT 'home_country' AS field WHERE OLD.home_country IS NOT NEW.home_country
    UNION ALL SELECT 'home_region' AS field WHERE OLD.home_region IS NOT NEW.home_region
    UNION ALL SELECT 'sources' AS field WHERE OLD.sources IS NOT NEW.sources
    UNION ALL SELECT 'clv_discount_percent' AS field WHERE OLD.clv_discount_percent IS NOT NEW.clv_discount_percent
    UNION ALL SELECT 'clv_horizon_months' AS field WHERE OLD.clv_horizon_months IS NOT NEW.clv_horizon_months
    UNION ALL SELECT 'updated_at' AS field WHERE OLD.updated_at IS NOT NEW.updated_at
  ) AS changed WHERE true
    ON CONFLICT (doc_id, field) DO UPDATE SET changed_at = max(sync_field_changes.changed_at, excluded.changed_at), seen = max(sync_field_changes.seen, excluded.seen);
END;
--> statement-breakpoint
CREATE TRIGGER sync_fields_segmentation_settings_update AFTER UPDATE OF id, overrides, updated_at ON segmentation_settings WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_field_changes (doc_id, field, changed_at, seen)
  SELECT 'segmentation_settings:' || NEW.id, changed.field, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), (SELECT hlc FROM sync_state WHERE id = 1) FROM (
    SELECT 'id' AS field WHERE OLD.id IS NOT NEW.id
    UNION ALL SELECT 'overrides' AS field WHERE OLD.overrides IS NOT NEW.overrides
    UNION ALL SELECT 'updated_at' AS field WHERE OLD.updated_at IS NOT NEW.updated_at
  ) AS changed WHERE true
    ON CONFLICT (doc_id, field) DO UPDATE SET changed_at = max(sync_field_changes.changed_at, excluded.changed_at), seen = max(sync_field_changes.seen, excluded.seen);
END;
--> statement-breakpoint
CREATE TRIGGER sync_fields_customer_merge_moves_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, merge_id, row_table, row_id, from_customer_id, into_customer_id, previous_updated_at ON customer_merge_moves WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_field_changes (doc_id, field, changed_at, seen)
  SELECT 'customer_merge_moves:' || NEW.id, changed.field, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), (SELECT hlc FROM sync_state WHERE id = 1) FROM (
    SELECT 'id' AS field WHERE OLD.id IS NOT NEW.id
    UNION ALL SELECT 'created_at' AS field WHERE OLD.created_at IS NOT NEW.created_at
    UNION ALL SELECT 'updated_at' AS field WHERE OLD.updated_at IS NOT NEW.updated_at
    UNION ALL SELECT 'deleted_at' AS field WHERE OLD.deleted_at IS NOT NEW.deleted_at
    UNION ALL SELECT 'merge_id' AS field WHERE OLD.merge_id IS NOT NEW.merge_id
    UNION ALL SELECT 'row_table' AS field WHERE OLD.row_table IS NOT NEW.row_table
    UNION ALL SELECT 'row_id' AS field WHERE OLD.row_id IS NOT NEW.row_id
    UNION ALL SELECT 'from_customer_id' AS field WHERE OLD.from_customer_id IS NOT NEW.from_customer_id
    UNION ALL SELECT 'into_customer_id' AS field WHERE OLD.into_customer_id IS NOT NEW.into_customer_id
    UNION ALL SELECT 'previous_updated_at' AS field WHERE OLD.previous_updated_at IS NOT NEW.previous_updated_at
  ) AS changed WHERE true
    ON CONFLICT (doc_id, field) DO UPDATE SET changed_at = max(sync_field_changes.changed_at, excluded.changed_at), seen = max(sync_field_changes.seen, excluded.seen);
END;
--> statement-breakpoint
CREATE TRIGGER sync_fields_restored_sales_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, order_id, customer_id, sale_deleted_at, deleted_by, returned_by, returned_at ON restored_sales WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_field_changes (doc_id, field, changed_at, seen)
  SELECT 'restored_sales:' || NEW.id, changed.field, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), (SELECT hlc FROM sync_state WHERE id = 1) FROM (
    SELECT 'id' AS field WHERE OLD.id IS NOT NEW.id
    UNION ALL SELECT 'created_at' AS field WHERE OLD.created_at IS NOT NEW.created_at
    UNION ALL SELECT 'updated_at' AS field WHERE OLD.updated_at IS NOT NEW.updated_at
    UNION ALL SELECT 'deleted_at' AS field WHERE OLD.deleted_at IS NOT NEW.deleted_at
    UNION ALL SELECT 'order_id' AS field WHERE OLD.order_id IS NOT NEW.order_id
    UNION ALL SELECT 'customer_id' AS field WHERE OLD.customer_id IS NOT NEW.customer_id
    UNION ALL SELECT 'sale_deleted_at' AS field WHERE OLD.sale_deleted_at IS NOT NEW.sale_deleted_at
    UNION ALL SELECT 'deleted_by' AS field WHERE OLD.deleted_by IS NOT NEW.deleted_by
    UNION ALL SELECT 'returned_by' AS field WHERE OLD.returned_by IS NOT NEW.returned_by
    UNION ALL SELECT 'returned_at' AS field WHERE OLD.returned_at IS NOT NEW.returned_at
  ) AS changed WHERE true
    ON CONFLICT (doc_id, field) DO UPDATE SET changed_at = max(sync_field_changes.changed_at, excluded.changed_at), seen = max(sync_field_changes.seen, excluded.seen);
END;
