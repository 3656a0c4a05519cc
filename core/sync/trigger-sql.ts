import { SYNC_ENQUEUING, SYNC_USER_NAMED } from '../../db/trigger-guards';
import { SYNCED_TABLES, docIdSql, type SyncedTable } from './tables';

const state = (column: string) => `(SELECT ${column} FROM sync_state WHERE id = 1)`;
const now = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/** The two triggers that enqueue a synced table's document on every insert and update. */
function enqueueTriggers(spec: SyncedTable): string[] {
  const changedAt = spec.columns.includes('updated_at') ? `coalesce(NEW.updated_at, ${now})` : now;
  const enqueue = `INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES (${docIdSql(spec, 'NEW')}, '${spec.table}', NEW.id, ${changedAt})
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);`;
  return [
    `CREATE TRIGGER sync_enqueue_${spec.table}_insert AFTER INSERT ON ${spec.table} WHEN ${SYNC_ENQUEUING} BEGIN
  ${enqueue}
END;`,
    `CREATE TRIGGER sync_enqueue_${spec.table}_update AFTER UPDATE OF ${spec.columns.join(', ')} ON ${spec.table} WHEN ${SYNC_ENQUEUING} BEGIN
  ${enqueue}
END;`,
  ];
}

/**
 * The SQL of the team-sync triggers, generated from the synced-table list: every write to a synced row
 * enqueues its document; created_by/updated_by and owner transfers are recorded. The migration
 * 0015_team_sync_triggers.sql holds this text (a test keeps the two equal); tables made synced later have
 * their triggers in their own migration (addedSyncTriggerSql).
 */
export function syncTriggerSql(): string {
  const out: string[] = [];

  for (const spec of SYNCED_TABLES) if (spec.triggersIn === undefined) out.push(...enqueueTriggers(spec));

  for (const table of ['customers', 'orders', 'follow_ups']) {
    const spec = SYNCED_TABLES.find((t) => t.table === table)!;
    // SYNC_USER_NAMED last and joined by AND: a bulk write with no name set passes these triggers over (db/trigger-guards.ts).
    const local = `${state('applying')} IS NOT 1 AND ${SYNC_USER_NAMED}`;
    out.push(`CREATE TRIGGER identity_${table}_insert AFTER INSERT ON ${table} WHEN NEW.created_by IS NULL AND ${local} BEGIN
  UPDATE ${table} SET created_by = ${state('user_name')}, updated_by = ${state('user_name')} WHERE id = NEW.id;
END;`);
    const edited = spec.columns.filter((c) => c !== 'created_by' && c !== 'updated_by');
    out.push(`CREATE TRIGGER identity_${table}_update AFTER UPDATE OF ${edited.join(', ')} ON ${table} WHEN NEW.updated_by IS OLD.updated_by AND NEW.updated_by IS NOT ${state('user_name')} AND ${local} BEGIN
  UPDATE ${table} SET updated_by = ${state('user_name')} WHERE id = NEW.id;
END;`);
  }

  out.push(`CREATE TRIGGER customer_owner_change AFTER UPDATE OF owner ON customers WHEN OLD.owner IS NOT NEW.owner BEGIN
  INSERT INTO customer_owner_changes (customer_id, from_owner, to_owner, changed_at, changed_by)
  VALUES (NEW.id, OLD.owner, NEW.owner, NEW.updated_at, CASE WHEN ${state('applying')} = 1 THEN NEW.updated_by ELSE coalesce(${state('user_name')}, NEW.updated_by) END);
END;`);

  return `-- Team sync: every write to a synced row enqueues its document (docs/team.md); identity and owner transfers are recorded.\n${out.join('\n--> statement-breakpoint\n')}\n`;
}

/** The enqueue triggers of the tables that `migration` made synced (SyncedTable.triggersIn); the migration holds this text. */
export function addedSyncTriggerSql(migration: string): string {
  const out = SYNCED_TABLES.filter((spec) => spec.triggersIn === migration).flatMap(enqueueTriggers);
  return `-- Team sync of tables added later: every write to one of their rows enqueues its document (docs/team.md).\n${out.join('\n--> statement-breakpoint\n')}\n`;
}

/**
 * The trigger that enqueues a hard-deleted row's document (SyncedTable.hardDeletes), so the pump sends its deletion:
 * without it an order's replaced lines stayed on every other laptop beside the new ones, or kept the new ones out.
 */
export function addedDeleteTriggerSql(): string {
  const out = SYNCED_TABLES.filter((spec) => spec.hardDeletes).map(
    (spec) => `CREATE TRIGGER sync_enqueue_${spec.table}_delete AFTER DELETE ON ${spec.table} WHEN ${SYNC_ENQUEUING} BEGIN
  INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES (${docIdSql(spec, 'OLD')}, '${spec.table}', OLD.id, ${now})
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);
END;`,
  );
  return `-- Team sync of rows deleted outright: the delete enqueues the row's document, whose deletion the pump sends (docs/team.md).\n${out.join('\n--> statement-breakpoint\n')}\n`;
}
