/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"): a customer buys at a Poisson
 * rate λ ~ Gamma(r, α) while alive and, after each purchase, drops out with probability p ~ Beta(a, b).
 * Input per customer: x = repeat purchases, t_x = time of the last purchase, T = time since the first
 * purchase, all in one time unit (days or weeks). The fit maximises the total log-likelihood over the
 * log-parameters, so every step of the optimiser stays in the positive quadrant.
 */
import { logGamma } from './log-gamma';
import { minimize } from './nelder-mead';

export interface Recency {
  /** Repeat purchases (purchases after the first, counted per distinct day). */
  x: number;
  /** Time from the first to the last purchase (0 when x = 0). */
  tx: number;
  /** Time from the first purchase to the end of the calibration period. */
  T: number;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Identical (x, t_x, T) rows folded into one with a weight: the likelihood is a weighted sum. */
export interface RecencyGroup extends Recency {
  count: number;
}

export interface BgNbdFit {
  params: BgNbdParams;
  /** Total log-likelihood over all customers (not the per-customer mean some libraries report). */
  ll: number;
  converged: boolean;
  iterations: number;
  customers: number;
  repeatBuyers: number;
}

/** Log-normal prior on the four parameters: the shrinkage fall-back pulls a thin data set toward it. */
export interface BgNbdPrior {
  center: BgNbdParams;
  /** Standard deviation of each log-parameter. */
  logSd: number;
  /** How many customers' worth of evidence the prior carries. */
  weight: number;
}

export function isValidRecency(c: Recency): boolean {
  return (
    Number.isInteger(c.x) && c.x >= 0 && Number.isFinite(c.tx) && Number.isFinite(c.T) &&
    c.tx >= 0 && c.T >= c.tx && (c.x > 0 || c.tx === 0)
  );
}

/** Folds identical rows together; the order of groups follows first appearance. */
export function groupRecency(rows: readonly Recency[]): RecencyGroup[] {
  const groups = new Map<string, RecencyGroup>();
  for (const row of rows) {
    if (!isValidRecency(row)) throw new RangeError(`Not a valid (x, t_x, T): ${row.x}, ${row.tx}, ${row.T}`);
    const key = `${row.x}|${row.tx}|${row.T}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { x: row.x, tx: row.tx, T: row.T, count: 1 });
  }
  return [...groups.values()];
}

function logAddExp(u: number, v: number): number {
  if (u === Number.NEGATIVE_INFINITY) return v;
  const m = Math.max(u, v);
  return m + Math.log(Math.exp(u - m) + Math.exp(v - m));
}

/**
 * Total log-likelihood. The terms that depend only on x (three log-gammas) are computed once per distinct
 * x, so a 100k-customer fit costs a few logarithms per group and evaluation.
 */
export function bgNbdLogLikelihood(params: BgNbdParams, groups: readonly RecencyGroup[]): number {
  const { r, alpha, a, b } = params;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NaN;
  const perX = new Map<number, number>();
  const constant = -logGamma(r) + r * Math.log(alpha) + logGamma(a + b) - logGamma(b);
  const logA = Math.log(a);
  let total = 0;
  for (const g of groups) {
    let xTerm = perX.get(g.x);
    if (xTerm === undefined) {
      xTerm = logGamma(r + g.x) + logGamma(b + g.x) - logGamma(a + b + g.x);
      perX.set(g.x, xTerm);
    }
    const stillAlive = -(r + g.x) * Math.log(alpha + g.T);
    const droppedOut = g.x > 0 ? logA - Math.log(b + g.x - 1) - (r + g.x) * Math.log(alpha + g.tx) : Number.NEGATIVE_INFINITY;
    total += g.count * (constant + xTerm + logAddExp(stillAlive, droppedOut));
  }
  return total;
}

const toParams = (v: readonly number[]): BgNbdParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) });

function logPrior(v: readonly number[], prior: BgNbdPrior): number {
  const c = [prior.center.r, prior.center.alpha, prior.center.a, prior.center.b].map(Math.log);
  let s = 0;
  for (let i = 0; i < 4; i++) s += ((v[i]! - c[i]!) / prior.logSd) ** 2;
  return -0.5 * prior.weight * s;
}

/**
 * Maximum-likelihood fit (or, with a prior, the maximum a posteriori fit used as the fall-back).
 * `start` defaults to r = α = a = b = 1 scaled so α sits near the data's typical age; the optimiser
 * is insensitive to it on real data, but a sensible α saves iterations in day units.
 */
export function fitBgNbd(rows: readonly Recency[] | readonly RecencyGroup[], options: { prior?: BgNbdPrior; start?: BgNbdParams } = {}): BgNbdFit {
  const groups = rows.length > 0 && 'count' in rows[0]! ? (rows as RecencyGroup[]) : groupRecency(rows as Recency[]);
  let customers = 0, repeatBuyers = 0, ageSum = 0;
  for (const g of groups) {
    customers += g.count;
    if (g.x > 0) repeatBuyers += g.count;
    ageSum += g.T * g.count;
  }
  if (customers === 0) throw new RangeError('No customers to fit');
  const meanAge = Math.max(ageSum / customers, 1);
  const start = options.start ?? { r: 1, alpha: meanAge, a: 1, b: 1 };
  const x0 = [start.r, start.alpha, start.a, start.b].map(Math.log);
  const prior = options.prior;
  const objective = (v: number[]): number => {
    // Beyond e^±30 the likelihood is flat and the exponentials lose meaning: keep the search in range.
    if (v.some((u) => Math.abs(u) > 30)) return Number.POSITIVE_INFINITY;
    const ll = bgNbdLogLikelihood(toParams(v), groups);
    return -(ll + (prior ? logPrior(v, prior) : 0));
  };
  const result = minimize(objective, x0);
  const params = toParams(result.x);
  return {
    params,
    ll: bgNbdLogLikelihood(params, groups),
    converged: result.converged && Number.isFinite(result.value),
    iterations: result.iterations,
    customers,
    repeatBuyers,
  };
}
