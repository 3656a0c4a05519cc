/**
 * What a fitted BG/NBD says about one customer: the probability of still being "alive", the expected
 * number of purchases in the next t, and the probability of at least one. All in log space where the
 * naive formula overflows: a customer with many purchases long ago has ((α+T)/(α+t_x))^(r+x) far beyond
 * the range of a double, and must come out as P(alive) ≈ 0, never NaN.
 */
import type { BgNbdParams, Recency } from './bgnbd';

/** ln of the odds that the customer dropped out at t_x rather than being alive at T. */
function logDropoutOdds(p: BgNbdParams, c: Recency): number {
  if (c.x === 0) return Number.NEGATIVE_INFINITY;
  return Math.log(p.a) - Math.log(p.b + c.x - 1) + (p.r + c.x) * (Math.log(p.alpha + c.T) - Math.log(p.alpha + c.tx));
}

/** 1 / (1 + e^L) without overflow for large L. */
function logistic(L: number): number {
  if (L === Number.NEGATIVE_INFINITY) return 1;
  return L > 0 ? Math.exp(-L) / (1 + Math.exp(-L)) : 1 / (1 + Math.exp(L));
}

/** P(alive at T | x, t_x, T). */
export function probabilityAlive(p: BgNbdParams, c: Recency): number {
  return logistic(logDropoutOdds(p, c));
}

/**
 * S − 1 where S = ₂F₁(c−A, c−B; c; z) after Euler's transformation of the paper's
 * ₂F₁(r+x, b+x; a+b+x−1; z): the transformed parameters a+b−1−r and a−1 do not grow with x, so the series
 * converges quickly and its terms stay small, while the factor (1−z)^(c−A−B) cancels analytically
 * against the paper's ((α+T)/(α+T+t))^(r+x). Terms from n = 1 on share one sign, so there is no
 * cancellation in the sum.
 */
function eulerSeriesMinusOne(p: BgNbdParams, x: number, z: number): number {
  const A = p.a + p.b - 1 - p.r, B = p.a - 1, C = p.a + p.b + x - 1;
  let term = 1, sum = 0;
  for (let n = 0; n < 1_000_000; n++) {
    term *= ((A + n) * (B + n)) / ((C + n) * (n + 1)) * z;
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(1 + sum) || term === 0) break;
  }
  return sum;
}

/** E[purchases in (T, T + t] | x, t_x, T]. */
export function expectedPurchases(p: BgNbdParams, c: Recency, t: number): number {
  if (t <= 0) return 0;
  // a = 1 makes the paper's (a+b+x−1)/(a−1) a removable singularity: step around it.
  const a = Math.abs(p.a - 1) < 1e-9 ? 1 + 1e-9 : p.a;
  // A copy only when a moved: this runs for every month of every distinct history in a refit.
  const q = a === p.a ? p : { ...p, a };
  const z = t / (q.alpha + c.T + t);
  // 1 − (1−z)^(a−1) · S, via expm1/log1p so small t keeps its relative precision.
  const bracket = -Math.expm1((a - 1) * Math.log1p(-z) + Math.log1p(eulerSeriesMinusOne(q, c.x, z)));
  const value = ((a + q.b + c.x - 1) / (a - 1)) * bracket * logistic(logDropoutOdds(q, c));
  return value > 0 && Number.isFinite(value) ? value : 0;
}

/**
 * P(at least one purchase in (T, T + t]). An alive customer's rate has the posterior Gamma(r+x, α+T), so
 * P(no purchase | alive) = ((α+T)/(α+T+t))^(r+x); a dead one never buys.
 */
export function probabilityOfPurchase(p: BgNbdParams, c: Recency, t: number): number {
  if (t <= 0) return 0;
  const none = Math.exp((p.r + c.x) * (Math.log(p.alpha + c.T) - Math.log(p.alpha + c.T + t)));
  return probabilityAlive(p, c) * (1 - none);
}
