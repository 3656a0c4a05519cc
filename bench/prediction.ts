/**
 * The prediction model at 100k customers: the BG/NBD fit alone (the "under 2 s"), the whole
 * base scored (fit + Gamma-Gamma + every customer's P(alive), forecasts and CLV), and — inside
 * `npm run bench` — the recompute's part on the demo database (one query + fit + scoring + storing).
 * Simulated customers come from the same seeded generator the parameter-recovery test uses, with whole
 * days as the database gives them. Alone: `npx tsx bench/prediction.ts`.
 */
import { pathToFileURL } from 'node:url';
import type { Db } from '../db/open';
import { fitBgNbd, groupRecency, predictCustomers, type CustomerHistory } from '../shared/prediction';
import { storePredictions } from '../core/prediction/store';
import { simulateBgNbd } from '../test/unit/prediction/simulate';
import { medianMs, round } from './measure';


export async function measurePrediction(options: { customers?: number; runs?: number; db?: Db; asOf?: string } = {}) {
  const customers = options.customers ?? 100_000;
  const runs = options.runs ?? 5;
  const truth = { r: 0.25, alpha: 30, a: 0.8, b: 2.5 };
  const simulated = simulateBgNbd(1, customers, truth, [1, 730]).map((c) => ({ x: c.x, tx: Math.floor(c.tx), T: Math.ceil(c.T) }));
  const histories: CustomerHistory[] = simulated.map((c, i) => ({ id: `c${i}`, ...c, tx: Math.min(c.tx, c.T), repeatMeanValue: c.x > 0 ? 10_000 + (i % 97) * 100 : 0, meanValue: 10_000 + (i % 89) * 100 }));
  const groups = groupRecency(histories).length;
  let fitted = fitBgNbd(histories);
  const fit = await medianMs(runs, () => (fitted = fitBgNbd(histories)));
  const scored = await medianMs(Math.max(1, Math.floor(runs / 2)), () => predictCustomers(histories));
  const recompute = options.db ? await medianMs(1, () => storePredictions(options.db!, options.asOf!, new Date().toISOString())) : null;
  return {
    customers,
    distinctGroups: groups,
    truth,
    fitted: Object.fromEntries(Object.entries(fitted.params).map(([k, v]) => [k, round(v * 1000) / 1000])),
    converged: fitted.converged,
    fitMedianMs: round(fit.median),
    fitMaxMs: round(fit.max),
    scoreAllMedianMs: round(scored.median),
    ...(recompute ? { recomputeOnDemoMs: round(recompute.median) } : {}),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await measurePrediction({ customers: Number(process.env.BENCH_CUSTOMERS ?? 100_000) });
  console.log('Prediction model (ms):');
  console.log(JSON.stringify(result, null, 2));
}
