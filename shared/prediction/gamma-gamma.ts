/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"): each transaction's value is
 * Gamma(p, ν), and ν ~ Gamma(q, γ) across customers. Fitted on repeat buyers' mean repeat-order value;
 * customers whose mean is 0 (only zero-value orders) carry no information about ν's scale and are left
 * out of the fit (their log-density is −∞), then predicted like everyone else.
 */
import { bfgsInSteps } from './bfgs';
import { runSteps, type Steps } from '../domain/steps';
import { digamma, logGamma } from './log-gamma';
import { minimizeInSteps } from './nelder-mead';

export interface Spend {
  /** Number of repeat purchases the mean is over. */
  x: number;
  /** Mean value of those purchases (any currency unit; the fit is scale-equivariant). */
  mean: number;
}

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  ll: number;
  converged: boolean;
  customers: number;
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, rows: readonly Spend[]): number {
  return preparedSpendLogLikelihood(params, prepareSpend(rows));
}

/** Rows with their parameter-free logarithms taken once, and indices into the distinct x values. */
interface PreparedSpend {
  x: Float64Array;
  mean: Float64Array;
  logMean: Float64Array;
  logX: Float64Array;
  xIndex: Int32Array;
  distinctX: Float64Array;
}

function prepareSpend(rows: readonly Spend[]): PreparedSpend {
  const distinct = new Map<number, number>();
  const xIndex = new Int32Array(rows.length);
  rows.forEach((r, i) => {
    if (!distinct.has(r.x)) distinct.set(r.x, distinct.size);
    xIndex[i] = distinct.get(r.x)!;
  });
  return {
    x: Float64Array.from(rows, (r) => r.x),
    mean: Float64Array.from(rows, (r) => r.mean),
    logMean: Float64Array.from(rows, (r) => Math.log(r.mean)),
    logX: Float64Array.from(rows, (r) => Math.log(r.x)),
    xIndex,
    distinctX: Float64Array.from(distinct.keys()),
  };
}

/** The log-gamma pair depends on x only: computed once per distinct x, leaving one logarithm per row. */
function preparedSpendLogLikelihood(params: GammaGammaParams, s: PreparedSpend): number {
  const { p, q, gamma } = params;
  if (!(p > 0 && q > 0 && gamma > 0)) return Number.NaN;
  const perX = s.distinctX.map((x) => logGamma(p * x + q) - logGamma(p * x));
  const constant = -logGamma(q) + q * Math.log(gamma);
  let total = 0;
  for (let i = 0; i < s.x.length; i++) {
    const x = s.x[i]!, px = p * x;
    total += perX[s.xIndex[i]!]! + constant + (px - 1) * s.logMean[i]! + px * s.logX[i]! - (px + q) * Math.log(x * s.mean[i]! + gamma);
  }
  return total;
}

/** The log-likelihood and its gradient in (ln p, ln q, ln γ); digammas once per distinct x. */
function spendValueAndGradient(params: GammaGammaParams, s: PreparedSpend): { ll: number; grad: [number, number, number] } {
  const { p, q, gamma } = params;
  const nx = s.distinctX.length;
  const perX = new Float64Array(nx), psiPxQ = new Float64Array(nx), psiPx = new Float64Array(nx);
  for (let k = 0; k < nx; k++) {
    const px = p * s.distinctX[k]!;
    perX[k] = logGamma(px + q) - logGamma(px);
    psiPxQ[k] = digamma(px + q);
    psiPx[k] = digamma(px);
  }
  const logGammaParam = Math.log(gamma), psiQ = digamma(q);
  const constant = -logGamma(q) + q * logGammaParam;
  let ll = 0, gp = 0, gq = 0, gg = 0;
  for (let i = 0; i < s.x.length; i++) {
    const x = s.x[i]!, px = p * x, k = s.xIndex[i]!;
    const logSum = Math.log(x * s.mean[i]! + gamma);
    ll += perX[k]! + constant + (px - 1) * s.logMean[i]! + px * s.logX[i]! - (px + q) * logSum;
    gp += x * (psiPxQ[k]! - psiPx[k]! + s.logMean[i]! + s.logX[i]! - logSum);
    gq += psiPxQ[k]! - psiQ + logGammaParam - logSum;
    gg += q / gamma - (px + q) / (x * s.mean[i]! + gamma);
  }
  return { ll, grad: [p * gp, q * gq, gamma * gg] };
}

/** Rows the fit can use: at least one repeat purchase and a positive mean. */
export function spendRowsForFit(rows: readonly Spend[]): Spend[] {
  return rows.filter((s) => s.x > 0 && s.mean > 0 && Number.isFinite(s.mean));
}

export function fitGammaGamma(rows: readonly Spend[]): GammaGammaFit {
  return runSteps(fitGammaGammaInSteps(rows));
}

/** fitGammaGamma, yielding between the optimisers' iterations. */
export function* fitGammaGammaInSteps(rows: readonly Spend[]): Steps<GammaGammaFit> {
  const usable = spendRowsForFit(rows);
  if (usable.length === 0) throw new RangeError('No repeat buyers with a positive order value to fit');
  // Scale γ's start to the data so the optimiser starts near the right order of magnitude (cents or dollars).
  const meanOfMeans = usable.reduce((s, r) => s + r.mean, 0) / usable.length;
  const x0 = [Math.log(1), Math.log(2), Math.log(meanOfMeans)];
  const toParams = (v: readonly number[]): GammaGammaParams => ({ p: Math.exp(v[0]!), q: Math.exp(v[1]!), gamma: Math.exp(v[2]!) });
  // The rows sorted out, their arrays made and the search each take a turn of their own (together 50-60 ms
  // at 100k customers in one turn).
  yield;
  const prepared = prepareSpend(usable);
  yield;
  // BFGS on the analytic gradient first; Nelder–Mead from where it stopped if it did not converge.
  const quick = yield* bfgsInSteps((v) => {
    if (v.some((u) => Math.abs(u) > 40)) return { f: Number.POSITIVE_INFINITY, g: [0, 0, 0] };
    const { ll, grad } = spendValueAndGradient(toParams(v), prepared);
    return { f: -ll, g: grad.map((d) => -d) };
  }, x0);
  const result = quick.converged ? quick : yield* minimizeInSteps((v) => (v.some((u) => Math.abs(u) > 40) ? Number.POSITIVE_INFINITY : -preparedSpendLogLikelihood(toParams(v), prepared)), quick.x);
  const params = toParams(result.x);
  return { params, ll: preparedSpendLogLikelihood(params, prepared), converged: result.converged && Number.isFinite(result.value), customers: usable.length };
}

/** Population mean order value p·γ/(q−1); infinite when q ≤ 1 (the model then has no finite mean). */
export function populationMeanValue(params: GammaGammaParams): number {
  return params.q > 1 ? (params.p * params.gamma) / (params.q - 1) : Number.POSITIVE_INFINITY;
}

/** E[order value | x repeat purchases with mean m]: a weighted mix of the population mean and the customer's own. */
export function expectedOrderValue(params: GammaGammaParams, s: Spend): number {
  const { p, q, gamma } = params;
  return (p * (gamma + s.x * s.mean)) / (p * s.x + q - 1);
}
