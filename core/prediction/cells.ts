/**
 * The stored predictions for in-memory lists (tier members): every customer's in one scan of customer_predictions,
 * kept while the table is unchanged (SQLite's data_version and total_changes say when it may have changed), or a
 * page's own.
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

const CELLS_SELECT = `SELECT customer_id AS id, score AS likelihood, CASE WHEN purchases > ${ONE_PURCHASE} THEN p_alive END AS pAlive,
    expected_order_value_minor AS expectedValueMinor, clv_minor AS clvMinor FROM customer_predictions`;

const cellsMap = (rows: (PredictionCells & { id: string })[]): ReadonlyMap<string, PredictionCells> => new Map(rows.map(({ id, ...c }) => [id, c]));

export function predictionCells(db: Db): ReadonlyMap<string, PredictionCells> {
  const stamp = changeStamp(db);
  const hit = cache.get(db);
  if (hit && hit.stamp === stamp) return hit.cells;
  const cells = cellsMap(db.$client.prepare(CELLS_SELECT).all() as (PredictionCells & { id: string })[]);
  cache.set(db, { stamp, cells });
  return cells;
}

/**
 * The stored predictions as a list asks for them: every customer's to sort by a prediction, or only the shown
 * rows' otherwise. After any write the whole table was read again for the next page of tier members, sorted by
 * revenue or name as often as not: 100k rows, about 115 ms at 100k customers, where a page's 100 take 1 ms.
 */
export interface PredictionLookup {
  /** Every stored customer's cells (kept until the database changes). */
  all(): ReadonlyMap<string, PredictionCells>;
  /** The cells of `ids` (those without a stored prediction are absent). */
  of(ids: readonly string[]): ReadonlyMap<string, PredictionCells>;
}

export function predictionLookup(db: Db): PredictionLookup {
  return {
    all: () => predictionCells(db),
    of(ids) {
      const hit = cache.get(db);
      if (hit && hit.stamp === changeStamp(db)) return hit.cells;
      if (ids.length === 0) return new Map();
      const rows = db.$client.prepare(`${CELLS_SELECT} WHERE customer_id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as (PredictionCells & { id: string })[];
      return cellsMap(rows);
    },
  };
}
