import { SYNC_ENQUEUING, SYNC_USER_NAMED } from '../../db/trigger-guards';
import { orderUnpaidTriggerSql, TERMS_FROM_UNPAID_SQL } from '../../db/order-unpaid-sql';
import { ORDER_PAYMENTS_TRIGGERS, SYNCED_TABLES, docIdSql, type SyncedTable } from './tables';

const state = (column: string) => `(SELECT ${column} FROM sync_state WHERE id = 1)`;
const now = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/** Tables whose rows record who created and who last changed them. */
const IDENTIFIED_TABLES = ['customers', 'orders', 'follow_ups'] as const;
// SYNC_USER_NAMED last and joined by AND: a bulk write with no name set passes these triggers over (db/trigger-guards.ts).
const LOCAL_WRITE = `${state('applying')} IS NOT 1 AND ${SYNC_USER_NAMED}`;

/** The trigger that names this laptop's person as the last to change a row, on an edit of one of `columns`. */
function identityUpdateTrigger(spec: SyncedTable, columns: readonly string[] = spec.columns): string {
  const edited = columns.filter((c) => c !== 'created_by' && c !== 'updated_by');
  return `CREATE TRIGGER identity_${spec.table}_update AFTER UPDATE OF ${edited.join(', ')} ON ${spec.table} WHEN NEW.updated_by IS OLD.updated_by AND NEW.updated_by IS NOT ${state('user_name')} AND ${LOCAL_WRITE} BEGIN
  UPDATE ${spec.table} SET updated_by = ${state('user_name')} WHERE id = NEW.id;
END;`;
}

/** The two triggers that enqueue a synced table's document on every insert and update (over `columns`). */
function enqueueTriggers(spec: SyncedTable, columns: readonly string[] = spec.columns): string[] {
  const changedAt = spec.columns.includes('updated_at') ? `coalesce(NEW.updated_at, ${now})` : now;
  const enqueue = `INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES (${docIdSql(spec, 'NEW')}, '${spec.table}', NEW.id, ${changedAt})
    ON CONFLICT (doc_id) DO UPDATE SET row_id = excluded.row_id, changed_at = max(sync_outbox.changed_at, excluded.changed_at);`;
  return [
    `CREATE TRIGGER sync_enqueue_${spec.table}_insert AFTER INSERT ON ${spec.table} WHEN ${SYNC_ENQUEUING} BEGIN
  ${enqueue}
END;`,
    `CREATE TRIGGER sync_enqueue_${spec.table}_update AFTER UPDATE OF ${columns.join(', ')} ON ${spec.table} WHEN ${SYNC_ENQUEUING} BEGIN
  ${enqueue}
END;`,
  ];
}

/**
 * The trigger that records, for each synced column an update changes, when it changed and the clock this laptop had
 * reached then (sync_field_changes): the pump stamps each field from its own change rather than the row's latest, so
 * a note edited at 14:00 does not carry the terms restated at 10:00 past another laptop's restate at 12:00.
 */
function fieldChangeTrigger(spec: SyncedTable): string {
  const changedAt = spec.columns.includes('updated_at') ? `coalesce(NEW.updated_at, ${now})` : now;
  const changed = spec.columns.map((c, i) => `${i === 0 ? '' : 'UNION ALL '}SELECT '${c}' AS field WHERE OLD.${c} IS NOT NEW.${c}`).join('\n    ');
  return `CREATE TRIGGER sync_fields_${spec.table}_update AFTER UPDATE OF ${spec.columns.join(', ')} ON ${spec.table} WHEN ${SYNC_ENQUEUING} BEGIN
  INSERT INTO sync_field_changes (doc_id, field, changed_at, seen)
  SELECT ${docIdSql(spec, 'NEW')}, changed.field, ${changedAt}, ${state('hlc')} FROM (
    ${changed}
  ) AS changed WHERE true
    ON CONFLICT (doc_id, field) DO UPDATE SET changed_at = max(sync_field_changes.changed_at, excluded.changed_at), seen = max(sync_field_changes.seen, excluded.seen);
END;`;
}

/** The text of the migration FIELD_CHANGE_TRIGGERS: every synced table's field-change trigger. */
export function fieldChangeTriggerSql(): string {
  const out = SYNCED_TABLES.map(fieldChangeTrigger);
  return `-- Team sync: when each synced column of a row changed, so each field is stamped with its own change (docs/team.md).\n${out.join('\n--> statement-breakpoint\n')}\n`;
}

/**
 * The SQL of the team-sync triggers, generated from the synced-table list: every write to a synced row
 * enqueues its document; created_by/updated_by and owner transfers are recorded. The migration
 * 0015_team_sync_triggers.sql holds this text (a test keeps the two equal); tables made synced later have
 * their triggers in their own migration (addedSyncTriggerSql).
 */
export function syncTriggerSql(): string {
  const out: string[] = [];

  for (const spec of SYNCED_TABLES) if (spec.triggersIn === undefined) out.push(...enqueueTriggers(spec, spec.firstColumns));

  for (const table of IDENTIFIED_TABLES) {
    const spec = SYNCED_TABLES.find((t) => t.table === table)!;
    out.push(`CREATE TRIGGER identity_${table}_insert AFTER INSERT ON ${table} WHEN NEW.created_by IS NULL AND ${LOCAL_WRITE} BEGIN
  UPDATE ${table} SET created_by = ${state('user_name')}, updated_by = ${state('user_name')} WHERE id = NEW.id;
END;`);
    out.push(identityUpdateTrigger(spec, spec.firstColumns));
  }

  out.push(`CREATE TRIGGER customer_owner_change AFTER UPDATE OF owner ON customers WHEN OLD.owner IS NOT NEW.owner BEGIN
  INSERT INTO customer_owner_changes (customer_id, from_owner, to_owner, changed_at, changed_by)
  VALUES (NEW.id, OLD.owner, NEW.owner, NEW.updated_at, CASE WHEN ${state('applying')} = 1 THEN NEW.updated_by ELSE coalesce(${state('user_name')}, NEW.updated_by) END);
END;`);

  return `-- Team sync: every write to a synced row enqueues its document (docs/team.md); identity and owner transfers are recorded.\n${out.join('\n--> statement-breakpoint\n')}\n`;
}

/** The enqueue triggers of the tables that `migration` made synced (SyncedTable.triggersIn); the migration holds this text. */
export function addedSyncTriggerSql(migration: string): string {
  const out = SYNCED_TABLES.filter((spec) => spec.triggersIn === migration).flatMap((spec) => enqueueTriggers(spec));
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

/**
 * The update triggers of the tables whose synced columns `migration` changed (SyncedTable.retriggeredIn), dropped and
 * made again over the columns that travel now: an order's unpaid amount, derived since, no longer enqueues the order
 * or names who changed it (recording a payment is not an edit of the order).
 */
export function retriggeredSql(migration: string): string {
  const out = SYNCED_TABLES.filter((spec) => spec.retriggeredIn === migration).flatMap((spec) => {
    const identified = (IDENTIFIED_TABLES as readonly string[]).includes(spec.table);
    return [
      `DROP TRIGGER sync_enqueue_${spec.table}_update;`,
      enqueueTriggers(spec)[1]!,
      ...(identified ? [`DROP TRIGGER identity_${spec.table}_update;`, identityUpdateTrigger(spec)] : []),
    ];
  });
  return `-- Team sync of tables whose synced columns changed: their update triggers over the columns that travel now.\n${out.join('\n--> statement-breakpoint\n')}\n`;
}

/**
 * The text of the migration that made payments rows of their own (ORDER_PAYMENTS_TRIGGERS): the payments' enqueue
 * triggers, every order's unpaid amount taken as its terms (before any trigger below could enqueue or rename it),
 * the orders' update triggers over the columns that travel now, and the triggers that derive what is owed.
 */
export function orderPaymentsMigrationSql(): string {
  return [addedSyncTriggerSql(ORDER_PAYMENTS_TRIGGERS), TERMS_FROM_UNPAID_SQL, retriggeredSql(ORDER_PAYMENTS_TRIGGERS), orderUnpaidTriggerSql()].join('--> statement-breakpoint\n');
}
