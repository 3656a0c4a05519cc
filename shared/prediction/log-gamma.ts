/**
 * ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, nine coefficients, as tabulated by Paul Godfrey
 * and used by Numerical Recipes 3rd ed. and many numeric libraries): relative error about 1e-15 over the
 * positive reals, which is far below what the likelihoods here need. Written out rather than taken from a
 * package because it is fifteen lines and the model must stay free of dependencies (see docs/prediction.md).
 */

const G = 7;
const COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x); NaN for x ≤ 0 or non-finite x (callers only pass positive shape parameters). */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Number.NaN;
  // Reflection keeps the approximation in its accurate range for small x: Γ(x) = Γ(x + 1) / x.
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const z = x - 1;
  let sum = COEFFICIENTS[0]!;
  for (let i = 1; i < COEFFICIENTS.length; i++) sum += COEFFICIENTS[i]! / (z + i);
  const t = z + G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * ψ(x) = d/dx ln Γ(x) for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x lifts x above 6, where the
 * asymptotic series (Abramowitz & Stegun 6.3.18, to the x⁻¹⁰ term) is accurate to about 1e-11 (ample for a gradient).
 */
export function digamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Number.NaN;
  let shift = 0;
  while (x < 6) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132)))));
  return shift + Math.log(x) - 0.5 / x - series;
}
