/**
 * Parameter recovery: customers simulated from known parameters (seeded) are fitted back. The tolerance
 * is statistical, not a guess: each fitted log-parameter must lie within 4 asymptotic standard errors
 * (from the likelihood's curvature at the fit) of the truth — a chance miss is about 1 in 16,000 per
 * parameter — and those standard errors must themselves be small (< 0.15, i.e. ±15 %), so the check
 * cannot pass by the data being uninformative.
 */
import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihood, fitBgNbd, fitGammaGamma, gammaGammaLogLikelihood, groupRecency } from '../../../shared/prediction';
import { logParamStandardErrors, simulateBgNbd, simulateSpend } from './simulate';

describe('BG/NBD parameter recovery', () => {
  it.each([
    { seed: 11, truth: { r: 0.5, alpha: 6, a: 0.9, b: 3 } },
    { seed: 29, truth: { r: 1.2, alpha: 20, a: 0.4, b: 1.5 } },
  ])('seed $seed: 8,000 simulated customers give back $truth within 4 standard errors', ({ seed, truth }) => {
    const rows = simulateBgNbd(seed, 8000, truth, [20, 80]);
    const fit = fitBgNbd(rows);
    expect(fit.converged).toBe(true);
    const groups = groupRecency(rows);
    const at = [fit.params.r, fit.params.alpha, fit.params.a, fit.params.b].map(Math.log);
    const se = logParamStandardErrors((v) => bgNbdLogLikelihood({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) }, groups), at);
    const truthLog = [truth.r, truth.alpha, truth.a, truth.b].map(Math.log);
    se.forEach((s, i) => {
      expect(s).toBeLessThan(0.15);
      expect(Math.abs(at[i]! - truthLog[i]!)).toBeLessThan(4 * s);
    });
  });
});

describe('Gamma-Gamma parameter recovery', () => {
  it('10,000 simulated repeat buyers give back p 6, q 4, γ 15 within 4 standard errors', () => {
    const truth = { p: 6, q: 4, gamma: 15 };
    const xs = Array.from({ length: 10000 }, (_, i) => 1 + (i % 7));
    const rows = simulateSpend(5, xs, truth);
    const fit = fitGammaGamma(rows);
    expect(fit.converged).toBe(true);
    const at = [fit.params.p, fit.params.q, fit.params.gamma].map(Math.log);
    const se = logParamStandardErrors((v) => gammaGammaLogLikelihood({ p: Math.exp(v[0]!), q: Math.exp(v[1]!), gamma: Math.exp(v[2]!) }, rows), at);
    const truthLog = [truth.p, truth.q, truth.gamma].map(Math.log);
    se.forEach((s, i) => {
      expect(s).toBeLessThan(0.15);
      expect(Math.abs(at[i]! - truthLog[i]!)).toBeLessThan(4 * s);
    });
  });
});
