import type { Db } from '../../db/open';
import type { PurchaseLikelihoodProvider } from '../context';

/**
 * Today's "rank by likelihood": the purchase-likelihood scores stored by the latest prediction run
 * on or before the day asked about. No run yet, or a run that found nothing to learn from (no repeat
 * purchase, core/prediction/store.ts): null, so Today says that scores do not exist instead of ranking
 * everyone as 0. The scores are read once per stored run (its day and when it was computed), not
 * once per call: at 100k customers that is a 100k-row read.
 */
export function storedLikelihood(db: Db): PurchaseLikelihoodProvider {
  let cached: { key: string; scores: ReadonlyMap<string, number> } | null = null;
  return (asOf) => {
    const run = db.$client
      .prepare(`SELECT as_of AS asOf, computed_at AS computedAt, json_type(model, '$.refused') IS NOT NULL AS refused FROM prediction_runs WHERE as_of <= ? ORDER BY as_of DESC LIMIT 1`)
      .get(asOf) as { asOf: string; computedAt: string; refused: 0 | 1 } | undefined;
    if (!run || run.refused) return null;
    const key = `${run.asOf} ${run.computedAt}`;
    if (cached?.key !== key) {
      const rows = db.$client.prepare('SELECT customer_id AS id, score FROM customer_predictions WHERE as_of = ?').all(run.asOf) as Array<{ id: string; score: number }>;
      // Today speaks of likelihood as a share (0–1); the stored score is its 0–100 form.
      cached = { key, scores: new Map(rows.map((r) => [r.id, r.score / 100])) };
    }
    return cached.scores;
  };
}
