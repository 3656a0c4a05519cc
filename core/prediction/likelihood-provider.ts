import type { Db } from '../../db/open';
import type { PurchaseLikelihoodProvider } from '../context';
import { nextTurn } from '../next-turn';

/** Stored scores read per turn: the 100k of a whole run read and put in a map at once held the app 50–95 ms. */
const SCORES_PER_TURN = 20_000;

type Run = { asOf: string; computedAt: string; refused: 0 | 1 };

/**
 * Today's "rank by likelihood": the purchase-likelihood scores stored by the latest prediction run
 * on or before the day asked about. No run yet, or a run that found nothing to learn from (no repeat
 * purchase, core/prediction/store.ts): null, so Today says that scores do not exist instead of ranking
 * everyone as 0. The scores are read once per stored run (its day and when it was computed), not
 * once per call, a page per turn; callers asking while a run's scores are being read wait for the same
 * read. A run replaced while its scores were read (a refit finishing in another process) is read again.
 */
export function storedLikelihood(db: Db, perTurn = SCORES_PER_TURN): PurchaseLikelihoodProvider {
  let cached: { key: string; scores: Promise<ReadonlyMap<string, number> | null> } | null = null;
  const latestRun = (asOf: string) =>
    db.$client
      .prepare(`SELECT as_of AS asOf, computed_at AS computedAt, json_type(model, '$.refused') IS NOT NULL AS refused FROM prediction_runs WHERE as_of <= ? ORDER BY as_of DESC LIMIT 1`)
      .get(asOf) as Run | undefined;
  const keyOf = (run: Run) => `${run.asOf} ${run.computedAt}`;

  async function scoresOf(run: Run): Promise<ReadonlyMap<string, number> | null> {
    for (;;) {
      const scores = await readScores(db, run.asOf, perTurn);
      const now = latestRun(run.asOf);
      if (!now || keyOf(now) === keyOf(run)) return scores;
      if (now.refused) return null;
      run = now;
    }
  }

  return async (asOf) => {
    const run = latestRun(asOf);
    if (!run || run.refused) return null;
    const key = keyOf(run);
    if (cached?.key !== key) {
      const scores = scoresOf(run);
      cached = { key, scores };
      // A read that failed is not kept: the next call reads again.
      scores.catch(() => {
        if (cached?.scores === scores) cached = null;
      });
    }
    return cached.scores;
  };
}

/** One day's stored scores by customer, read `perTurn` rows per statement from where the last stopped. */
async function readScores(db: Db, asOf: string, perTurn: number): Promise<Map<string, number>> {
  const page = db.$client.prepare('SELECT rowid AS at, customer_id AS id, score FROM customer_predictions WHERE rowid > ? AND as_of = ? ORDER BY rowid LIMIT ?');
  const scores = new Map<string, number>();
  for (let after = 0; ; ) {
    const rows = page.all(after, asOf, perTurn) as { at: number; id: string; score: number }[];
    // Today speaks of likelihood as a share (0–1); the stored score is its 0–100 form.
    for (const r of rows) scores.set(r.id, r.score / 100);
    if (rows.length < perTurn) return scores;
    after = rows[rows.length - 1]!.at;
    await nextTurn();
  }
}
