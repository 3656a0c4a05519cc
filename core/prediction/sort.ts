import type { CustomerPrediction, PREDICTION_SORTS } from '../../shared/contract/prediction';
import { compareBinary } from '../../shared/domain/binary-order';

type PredictionSort = (typeof PREDICTION_SORTS)[number];

/** What each sort ranks by, as SORT_SQL (store.ts) orders the stored rows. */
const SORT_KEY: Record<PredictionSort, (row: CustomerPrediction) => number> = {
  score: (row) => row.score,
  pAlive: (row) => row.pAlive,
  expectedValue: (row) => row.expectedOrderValueMinor,
  clv: (row) => row.clvMinor,
  likelyValue: (row) => row.score * row.expectedOrderValueMinor,
};

/**
 * Predictions computed for a day that is not stored, in the order the stored ones are paged in: highest first,
 * ties by the higher customer id (SQLite's byte order). Without it the list came in the model's own order.
 */
export function sortPredictions<T extends CustomerPrediction>(rows: readonly T[], sort: PredictionSort): T[] {
  const key = SORT_KEY[sort];
  return [...rows].sort((a, b) => key(b) - key(a) || compareBinary(b.id, a.id));
}
