import type { Db } from '../open';

export interface PolicyRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  scheme: string;
  classKey: string;
  cadenceDays: number | null;
  priority: number;
  notes: string;
  nextAction: string;
  /** Who answers for the class; null: nobody named. */
  responsible: string | null;
}

type PolicyValues = Omit<PolicyRecord, 'id' | 'createdAt' | 'updatedAt'>;

const COLUMNS = `id, created_at AS createdAt, updated_at AS updatedAt, scheme, class_key AS classKey,
  cadence_days AS cadenceDays, priority, notes, next_action AS nextAction, responsible`;

export function livePolicies(db: Db, scheme?: string): PolicyRecord[] {
  const where = scheme === undefined ? '' : 'AND scheme = ?';
  return db.$client
    .prepare(`SELECT ${COLUMNS} FROM service_policies WHERE deleted_at IS NULL ${where} ORDER BY scheme, priority, class_key`)
    .all(...(scheme === undefined ? [] : [scheme])) as PolicyRecord[];
}

export function findPolicy(db: Db, scheme: string, classKey: string): PolicyRecord | undefined {
  return db.$client.prepare(`SELECT ${COLUMNS} FROM service_policies WHERE scheme = ? AND class_key = ? AND deleted_at IS NULL`).get(scheme, classKey) as
    | PolicyRecord
    | undefined;
}

/** Saving a removed policy brings it back with the new values (one row per scheme + class for life). */
export function upsertPolicy(db: Db, id: string, values: PolicyValues, now: string): void {
  db.$client
    .prepare(
      `INSERT INTO service_policies (id, created_at, updated_at, scheme, class_key, cadence_days, priority, notes, next_action, responsible)
       VALUES (@id, @now, @now, @scheme, @classKey, @cadenceDays, @priority, @notes, @nextAction, @responsible)
       ON CONFLICT (scheme, class_key) DO UPDATE SET cadence_days = excluded.cadence_days, priority = excluded.priority,
         notes = excluded.notes, next_action = excluded.next_action, responsible = excluded.responsible, updated_at = excluded.updated_at, deleted_at = NULL`,
    )
    .run({ id, now, ...values });
}

export function softDeletePolicy(db: Db, scheme: string, classKey: string, now: string): boolean {
  return (
    db.$client.prepare(`UPDATE service_policies SET deleted_at = ?, updated_at = ? WHERE scheme = ? AND class_key = ? AND deleted_at IS NULL`).run(now, now, scheme, classKey)
      .changes > 0
  );
}

/**
 * Inserts each default whose scheme + class never had a row (removed ones stay removed). The rows there are read
 * first and only missing ones inserted: Today and the tiers call this on each new connection, and an insert that
 * inserts nothing still waits for the write lock, so a read would fail while another process writes the file.
 */
export function insertMissingPolicies(db: Db, defaults: readonly PolicyValues[], newId: () => string, now: string): void {
  const present = new Set((db.$client.prepare(`SELECT scheme, class_key FROM service_policies`).raw().all() as [string, string][]).map(([scheme, classKey]) => `${scheme}\u0000${classKey}`));
  const missing = defaults.filter((values) => !present.has(`${values.scheme}\u0000${values.classKey}`));
  if (missing.length === 0) return;
  const insert = db.$client.prepare(
    `INSERT INTO service_policies (id, created_at, updated_at, scheme, class_key, cadence_days, priority, notes, next_action, responsible)
     VALUES (@id, @now, @now, @scheme, @classKey, @cadenceDays, @priority, @notes, @nextAction, @responsible)
     ON CONFLICT (scheme, class_key) DO NOTHING`,
  );
  for (const values of missing) insert.run({ id: newId(), now, ...values });
}
