-- Team sync of rows deleted outright: the delete enqueues the row's document, whose deletion the pump sends (docs/team.md).
CREATE TRIGGER sync_enqueue_order_lines_delete AFTER DELETE ON order_lines WHEN (SELECT enqueue FROM sync_state WHERE id = 1) = 1 BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES ('order_lines:' || OLD.id, 'order_lines', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;
