/**
 * The model run on the database's own orders: load histories, fit, and predict every customer, in the
 * contract's shape (money rounded to whole minor units, the facts behind the sentence of why attached).
 */
import type { Db } from '../../db/open';
import type { CustomerPrediction, FitSummary } from '../../shared/contract/prediction';
import type { ParsedActivity } from '../../db/repos/customer-activity';
import { readSettings } from '../../db/repos/settings';
import { DEFAULT_PREDICTION_OPTIONS, predictCustomersInSteps, type CustomerHistory, type CustomerPrediction as ModelPrediction, type FitRefusal, type Predicted, type PredictionOptions, type TimeUnit } from '../../shared/prediction';
import { inTimedStretches, runSteps, type Steps } from '../../shared/domain/steps';
import { loadHistories, UNIT_DAYS } from './histories';
import { fitSummaryOf } from './summary';

export interface DbPrediction {
  model: FitSummary | null;
  rows: CustomerPrediction[];
  /** No model although customers have orders: why (shared/prediction FitRefusal). */
  refused: FitRefusal | null;
}

function clampMinor(v: number): number {
  return Number.isFinite(v) && v > 0 ? Math.round(v) : 0;
}

type ClvOptions = Pick<PredictionOptions, 'clvMonths' | 'monthlyDiscount'>;

/** The CLV horizon and monthly discount rate the user chose in Settings (read at each fit, so a change applies at the next one). */
export function clvOptionsOf(db: Db): ClvOptions {
  const s = readSettings(db);
  return { clvMonths: s.clvHorizonMonths, monthlyDiscount: s.clvDiscountPercent / 100 };
}

/** Prediction rows made per step. */
const ROWS_MADE_PER_STEP = 20_000;

export function predictFromHistories(histories: readonly CustomerHistory[], unit: TimeUnit = 'day', clv: ClvOptions = DEFAULT_PREDICTION_OPTIONS): DbPrediction {
  return runSteps(predictFromHistoriesInSteps(histories, unit, clv));
}

/** The model fitted on `histories` and every customer's figures, as the model gives them (one per history, in order). */
export function* fitAndScoreInSteps(histories: readonly CustomerHistory[], unit: TimeUnit, clv: ClvOptions): Steps<Predicted> {
  return yield* predictCustomersInSteps(histories, { ...DEFAULT_PREDICTION_OPTIONS, ...clv, unit });
}

/** The contract's row of a customer: the model's figures (money rounded to whole minor units) and the facts behind them. */
export function predictionRowOf(c: ModelPrediction, h: CustomerHistory, unit: TimeUnit): CustomerPrediction {
  const perUnit = UNIT_DAYS[unit];
  return {
    id: c.id,
    pAlive: c.pAlive,
    expectedPurchases: c.expectedPurchases,
    expectedOrderValueMinor: clampMinor(c.expectedOrderValue),
    clvMinor: clampMinor(c.clv),
    score: c.score,
    confidence: c.confidence,
    method: c.method,
    purchases: h.x + 1,
    typicalGapDays: h.x > 0 ? (h.tx * perUnit) / h.x : null,
    daysSinceLast: Math.round((h.T - h.tx) * perUnit),
  };
}

/** predictFromHistories, yielding between the fit's iterations and stretches of customers. */
export function* predictFromHistoriesInSteps(histories: readonly CustomerHistory[], unit: TimeUnit = 'day', clv: ClvOptions = DEFAULT_PREDICTION_OPTIONS): Steps<DbPrediction> {
  const { model, customers, refused } = yield* fitAndScoreInSteps(histories, unit, clv);
  const rows = new Array<CustomerPrediction>(customers.length);
  // The rows are made a stretch of customers per step, timed: 100k at once took 40-110 ms with the
  // collector, and 20,000 still 46 ms in a refit at 100k.
  yield* inTimedStretches(customers.length, ROWS_MADE_PER_STEP, (from, to) => {
    for (let i = from; i < to; i++) rows[i] = predictionRowOf(customers[i]!, histories[i]!, unit);
  });
  return { model: model ? fitSummaryOf(model) : null, rows, refused };
}

export function predictFromDb(db: Db, asOf: string, unit: TimeUnit = 'day', parsed?: ParsedActivity): DbPrediction {
  return predictFromHistories(loadHistories(db, asOf, unit, parsed), unit, clvOptionsOf(db));
}

/** Only the fit (no per-customer predictions): what `predict fit --db` prints; null without orders, or why there is none. */
export function fitFromDb(db: Db, asOf: string, unit: TimeUnit): FitSummary | FitRefusal | null {
  const histories = loadHistories(db, asOf, unit);
  if (histories.length === 0) return null;
  const { model, refused } = predictFromHistories(histories, unit);
  return refused ?? model;
}

/** Each customer's predicted value over the CLV horizon in Settings (CLV, minor units): what pyramid basis 'predicted' ranks by. */
export function predictedValueMap(db: Db, asOf: string): Map<string, number> {
  return new Map(predictFromDb(db, asOf).rows.map((r) => [r.id, r.clvMinor]));
}
