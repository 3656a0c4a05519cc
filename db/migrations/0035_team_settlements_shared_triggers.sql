-- Team sync of tables added later: every write to one of their rows enqueues its document (docs/team.md).
CREATE TRIGGER sync_enqueue_customer_merge_moves_insert AFTER INSERT ON customer_merge_moves WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('customer_merge_moves:' || NEW.id, 'customer_merge_moves', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_customer_merge_moves_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, merge_id, row_table, row_id, from_customer_id, into_customer_id, previous_updated_at ON customer_merge_moves WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('customer_merge_moves:' || NEW.id, 'customer_merge_moves', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_restored_sales_insert AFTER INSERT ON restored_sales WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('restored_sales:' || NEW.id, 'restored_sales', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
CREATE TRIGGER sync_enqueue_restored_sales_update AFTER UPDATE OF id, created_at, updated_at, deleted_at, order_id, customer_id, sale_deleted_at, deleted_by, returned_by, returned_at ON restored_sales WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('restored_sales:' || NEW.id, 'restored_sales', NEW.id, coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
--> statement-breakpoint
-- Merges made before this version, still standing: the customers they took away and where, so that every laptop of
-- the team can settle what reaches those customers afterwards, not only this one (core/sync/settle-merged-away.ts).
-- Each takes the id of its journal row, as a merge made from now on does; in a team, the triggers above send them.
INSERT INTO customer_merge_moves (id, created_at, updated_at, deleted_at, merge_id, row_table, row_id, from_customer_id, into_customer_id, previous_updated_at)
SELECT r.id, m.created_at, m.created_at, NULL, m.id, 'customers', r.row_id, r.from_customer_id, m.kept_customer_id, r.previous_updated_at
FROM customer_merge_rows r JOIN customer_merges m ON m.id = r.merge_id
WHERE r.row_table = 'customers' AND m.status = 'merged' AND m.deleted_at IS NULL;
