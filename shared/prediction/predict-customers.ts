/**
 * From every customer's purchase history to what the app shows: fit BG/NBD and Gamma-Gamma on the whole
 * base, then score each customer. When the data are too thin or awkward for a trustworthy maximum-
 * likelihood fit, the BG/NBD parameters are instead pulled toward typical values (a log-normal prior,
 * maximum a posteriori) and the result says `method: 'shrunk'`; order values fall back to a credibility-
 * weighted mean (`spendMethod: 'mean'`). With no repeat purchase at all there is nothing to pull: no fit,
 * and a reason (`refused`). Never a silent nonsense number: every output carries its method or its reason.
 */
import { fitBgNbdInSteps, groupRecencyInSteps, type BgNbdFit, type BgNbdParams, type BgNbdPrior, type Recency } from './bgnbd';
import { expectedPurchases, probabilityAlive, probabilityOfPurchase } from './bgnbd-predict';
import { discountedValue } from './clv';
import { inStretches, runSteps, type Steps } from '../domain/steps';
import { expectedOrderValue, fitGammaGammaInSteps, populationMeanValue, spendRowsForFit, type GammaGammaFit } from './gamma-gamma';

export type TimeUnit = 'day' | 'week';
export type PredictionMethod = 'bgnbd' | 'shrunk';
export type SpendMethod = 'gamma-gamma' | 'mean';
export type Confidence = 'high' | 'medium' | 'low';

export interface CustomerHistory extends Recency {
  id: string;
  /** Mean value of the repeat purchases (minor units); 0 when x = 0. */
  repeatMeanValue: number;
  /** Mean value of all purchases including the first (minor units): the fall-back's evidence. */
  meanValue: number;
}

export interface PredictionOptions {
  unit: TimeUnit;
  clvMonths: number;
  monthlyDiscount: number;
}

export const DEFAULT_PREDICTION_OPTIONS: PredictionOptions = { unit: 'day', clvMonths: 12, monthlyDiscount: 0.01 };

/** Below these, a maximum-likelihood fit of four (or three) parameters is mostly noise. */
export const MIN_REPEAT_BUYERS = 20;
export const MIN_CUSTOMERS = 50;
export const MIN_SPEND_ROWS = 10;
/** Pseudo-purchases of the population mean in the spend fall-back. */
const SPEND_CREDIBILITY = 2;

/**
 * The prior's centre: the published CDNOW fit (r 0.243, α 4.414 weeks, a 0.793, b 2.426), a retail base
 * with roughly one repeat purchase a year and a dropout chance near 25 % per purchase. Its log-sd of 1
 * lets the data move each parameter by a factor of e within one standard deviation.
 */
export function bgNbdPrior(unit: TimeUnit): BgNbdPrior {
  return { center: { r: 0.243, alpha: 4.414 * (unit === 'day' ? 7 : 1), a: 0.793, b: 2.426 }, logSd: 1, weight: 1 };
}

/**
 * Why a base with customers gets no model. 'no-repeat-purchases': nobody has bought on a second day (every
 * order dated today, every order on one day, or only one-time buyers so far). BG/NBD learns how often
 * customers come back, and how soon they stop, from repeat purchases spread over time; without any, its
 * likelihood does not depend on a and b at all and has no maximum in r and α (it is Σ r·ln(α/(α+T)), 0 for
 * every parameter when every order is today's), so a fit would hand back the prior's centre — the published
 * CDNOW values — as if it had learnt them from this base.
 */
export interface FitRefusal {
  reason: 'no-repeat-purchases';
  /** Customers with a purchase: what there was to learn from. */
  customers: number;
}

/** The refusal for these histories, or null when a fit can learn from them (or there is nobody to fit). */
export function fitRefusalOf(histories: readonly Recency[]): FitRefusal | null {
  if (histories.length === 0 || histories.some((h) => h.x > 0)) return null;
  return { reason: 'no-repeat-purchases', customers: histories.length };
}

export interface ModelSummary {
  method: PredictionMethod;
  /** Why the fall-back was used; null for a plain fit. */
  fallbackReason: 'few-customers' | 'few-repeat-buyers' | 'not-converged' | 'implausible' | null;
  bgnbd: BgNbdFit;
  spendMethod: SpendMethod;
  gammaGamma: GammaGammaFit | null;
  /** Expected value of an order for a customer with no repeat history (minor units). */
  populationMeanValue: number;
  unit: TimeUnit;
}

export interface CustomerPrediction {
  id: string;
  pAlive: number;
  expectedPurchases: { d30: number; d90: number; d365: number };
  expectedOrderValue: number;
  clv: number;
  /** 0–100: the chance, in percent, of at least one purchase in the next 90 days. */
  score: number;
  confidence: Confidence;
  method: PredictionMethod;
}

function plausible(p: BgNbdParams): boolean {
  return [p.r, p.alpha, p.a, p.b].every((v) => Number.isFinite(v) && v > 1e-6 && v < 1e6);
}

export function fitBase(histories: readonly Recency[], unit: TimeUnit): Pick<ModelSummary, 'method' | 'fallbackReason' | 'bgnbd'> {
  return runSteps(fitBaseInSteps(histories, unit));
}

/** fitBase, yielding between the optimiser's iterations. */
export function* fitBaseInSteps(histories: readonly Recency[], unit: TimeUnit): Steps<Pick<ModelSummary, 'method' | 'fallbackReason' | 'bgnbd'>> {
  // Callers ask fitRefusalOf first; a fit here would be the prior's centre and nothing else.
  if (fitRefusalOf(histories)) throw new RangeError('No repeat purchase to fit: every customer bought on one day only');
  const groups = yield* groupRecencyInSteps(histories);
  const repeatBuyers = histories.filter((h) => h.x > 0).length;
  const reason: ModelSummary['fallbackReason'] =
    histories.length < MIN_CUSTOMERS ? 'few-customers' : repeatBuyers < MIN_REPEAT_BUYERS ? 'few-repeat-buyers' : null;
  yield;
  if (reason === null) {
    const ml = yield* fitBgNbdInSteps(groups);
    if (ml.converged && plausible(ml.params)) return { method: 'bgnbd', fallbackReason: null, bgnbd: ml };
    yield;
    const shrunk = yield* fitBgNbdInSteps(groups, { prior: bgNbdPrior(unit) });
    return { method: 'shrunk', fallbackReason: ml.converged ? 'implausible' : 'not-converged', bgnbd: shrunk };
  }
  return { method: 'shrunk', fallbackReason: reason, bgnbd: yield* fitBgNbdInSteps(groups, { prior: bgNbdPrior(unit) }) };
}

/** What fitSpend decides: Gamma-Gamma or the fall-back mean, and the population's mean order value. */
type SpendFit = Pick<ModelSummary, 'spendMethod' | 'gammaGamma' | 'populationMeanValue'>;

/**
 * p and q are unit-free shapes: past 1e6 they say the order values have no spread to speak of (every repeat
 * buyer spending the same, to the cent, sends both towards infinity), and the credibility mean says the same
 * more plainly. γ is in money units: bounded as the contract bounds it.
 */
function plausibleSpend(gg: GammaGammaFit): boolean {
  const { p, q, gamma } = gg.params;
  return [p, q].every((v) => Number.isFinite(v) && v > 1e-6 && v < 1e6) && Number.isFinite(gamma) && gamma > 0 && gamma <= 1e12;
}

export function fitSpend(histories: readonly CustomerHistory[]): SpendFit {
  return runSteps(fitSpendInSteps(histories));
}

/** fitSpend, yielding between the optimiser's iterations. */
export function* fitSpendInSteps(histories: readonly CustomerHistory[]): Steps<SpendFit> {
  const rows = histories.map((h) => ({ x: h.x, mean: h.repeatMeanValue }));
  if (spendRowsForFit(rows).length >= MIN_SPEND_ROWS) {
    const gg = yield* fitGammaGammaInSteps(rows);
    const mean = populationMeanValue(gg.params);
    if (gg.converged && Number.isFinite(mean) && plausibleSpend(gg)) return { spendMethod: 'gamma-gamma', gammaGamma: gg, populationMeanValue: mean };
  }
  const all = histories.filter((h) => Number.isFinite(h.meanValue));
  const mean = all.length > 0 ? all.reduce((s, h) => s + h.meanValue, 0) / all.length : 0;
  return { spendMethod: 'mean', gammaGamma: null, populationMeanValue: mean };
}

function confidenceOf(h: Recency, method: PredictionMethod, unitDays: number): Confidence {
  const level = h.x >= 3 && h.T * unitDays >= 180 ? 2 : h.x >= 1 ? 1 : 0;
  const adjusted = method === 'shrunk' ? Math.max(0, level - 1) : level;
  return (['low', 'medium', 'high'] as const)[adjusted]!;
}

/** Customers scored per step: each new (x, t_x, T) costs its BG/NBD curves, up to ~30 ms per thousand customers. */
const CUSTOMERS_PER_STEP = 1_000;

type Curve = { pAlive: number; expectedPurchases: CustomerPrediction['expectedPurchases']; score: number; monthly: number[] };
type ClvShape = { months: number; monthlyDiscount: number; monthLength: number };

/** What predictCustomers gives: the model and every customer's figures, or no model and why (refused). */
export interface Predicted {
  model: ModelSummary | null;
  customers: CustomerPrediction[];
  /** Set when the base has customers but nothing to learn from: no model, no figures. */
  refused: FitRefusal | null;
}

/** Fits the base and predicts every customer. Empty input gives an empty result, no model and no refusal. */
export function predictCustomers(histories: readonly CustomerHistory[], options: PredictionOptions = DEFAULT_PREDICTION_OPTIONS): Predicted {
  return runSteps(predictCustomersInSteps(histories, options));
}

/**
 * predictCustomers in steps: the fits yield between iterations and the customers are scored a stretch at
 * a time, so the app keeps answering while a refit runs (core/prediction/store.ts).
 */
export function* predictCustomersInSteps(
  histories: readonly CustomerHistory[],
  options: PredictionOptions = DEFAULT_PREDICTION_OPTIONS,
): Steps<Predicted> {
  if (histories.length === 0) return { model: null, customers: [], refused: null };
  const refused = fitRefusalOf(histories);
  if (refused) return { model: null, customers: [], refused };
  const unitDays = options.unit === 'day' ? 1 : 7;
  const base = yield* fitBaseInSteps(histories, options.unit);
  yield;
  const spend = yield* fitSpendInSteps(histories);
  const model: ModelSummary = { ...base, ...spend, unit: options.unit };
  const clv = { months: options.clvMonths, monthlyDiscount: options.monthlyDiscount, monthLength: 30 / unitDays };
  // Customers with the same (x, t_x, T) share every BG/NBD figure: compute each once (42k groups at 100k customers).
  const shared = new Map<string, Curve>();
  const customers = new Array<CustomerPrediction>(histories.length);
  yield;
  yield* inStretches(histories.length, CUSTOMERS_PER_STEP, (from, to) => scoreCustomers(histories, from, to, customers, shared, base, spend, clv, unitDays));
  return { model, customers, refused: null };
}

/** Scores histories[from, to) into `customers`: an ordinary function, so V8 optimises its loop (see inStretches). */
function scoreCustomers(
  histories: readonly CustomerHistory[],
  from: number,
  to: number,
  customers: CustomerPrediction[],
  shared: Map<string, Curve>,
  base: Pick<ModelSummary, 'method' | 'bgnbd'>,
  spend: SpendFit,
  clv: ClvShape,
  unitDays: number,
): void {
  const p = base.bgnbd.params;
  for (let k = from; k < to; k++) {
    const h = histories[k]!;
    const value =
      spend.gammaGamma !== null
        ? h.x > 0
          ? expectedOrderValue(spend.gammaGamma.params, { x: h.x, mean: h.repeatMeanValue })
          : spend.populationMeanValue
        : (SPEND_CREDIBILITY * spend.populationMeanValue + (h.x + 1) * h.meanValue) / (SPEND_CREDIBILITY + h.x + 1);
    const key = `${h.x}|${h.tx}|${h.T}`;
    let c = shared.get(key);
    if (!c) {
      const monthly = Array.from({ length: clv.months }, (_, m) => expectedPurchases(p, h, (m + 1) * clv.monthLength));
      c = {
        pAlive: probabilityAlive(p, h),
        expectedPurchases: { d30: expectedPurchases(p, h, 30 / unitDays), d90: expectedPurchases(p, h, 90 / unitDays), d365: expectedPurchases(p, h, 365 / unitDays) },
        score: Math.round(100 * probabilityOfPurchase(p, h, 90 / unitDays)),
        monthly,
      };
      shared.set(key, c);
    }
    customers[k] = {
      id: h.id,
      pAlive: c.pAlive,
      // One object per (x, t_x, T), shared by the customers who have it: read, never changed.
      expectedPurchases: c.expectedPurchases,
      expectedOrderValue: value,
      clv: discountedValue(c.monthly, value, clv.monthlyDiscount),
      score: c.score,
      confidence: confidenceOf(h, base.method, unitDays),
      method: base.method,
    };
  }
}
