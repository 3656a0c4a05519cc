/**
 * The SQLite floor for tiers: the bare per-customer GROUP BY over the live orders on the bench file, in
 * process, prepared once. Anything that classifies customers from their orders reads at least this much;
 * the CLI's recompute and the first snapshot of a day are held to it.
 */
import type { Database } from 'better-sqlite3';
import { medianMs, round } from './measure';

export const FLOOR_SQL = `SELECT customer_id, count(*), sum(base_amount_minor), max(order_date) FROM orders WHERE deleted_at IS NULL GROUP BY customer_id`;

export async function measureSqliteFloor(raw: Database, runs: number) {
  const statement = raw.prepare(FLOOR_SQL);
  let groups = 0;
  const t = await medianMs(runs, () => (groups = statement.all().length));
  return { sql: FLOOR_SQL, groups, median: round(t.median), min: round(t.min), max: round(t.max), runs };
}
