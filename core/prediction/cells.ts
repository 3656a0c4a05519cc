/**
 * The stored predictions as a map for in-memory lists (tier members): one scan of customer_predictions,
 * kept while the table is unchanged (SQLite's data_version and total_changes say when it may have changed).
 */
import type { Db } from '../../db/open';
import { changeStamp } from '../change-stamp';
import { ONE_PURCHASE } from '../../shared/prediction/once';

export interface PredictionCells {
  likelihood: number;
  /** Null for a one-time buyer, whose P(alive) the model cannot estimate (shared/prediction/once.ts). */
  pAlive: number | null;
  expectedValueMinor: number;
  clvMinor: number;
}

const cache = new WeakMap<Db, { stamp: string; cells: ReadonlyMap<string, PredictionCells> }>();

export function predictionCells(db: Db): ReadonlyMap<string, PredictionCells> {
  const client = db.$client;
  const stamp = changeStamp(db);
  const hit = cache.get(db);
  if (hit && hit.stamp === stamp) return hit.cells;
  const rows = client
    .prepare(
      `SELECT customer_id AS id, score AS likelihood, CASE WHEN purchases > ${ONE_PURCHASE} THEN p_alive END AS pAlive, expected_order_value_minor AS expectedValueMinor, clv_minor AS clvMinor FROM customer_predictions`,
    )
    .all() as (PredictionCells & { id: string })[];
  const cells = new Map(rows.map(({ id, ...c }) => [id, c]));
  cache.set(db, { stamp, cells });
  return cells;
}
