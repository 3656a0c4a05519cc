/** The analytic gradient the fast fit follows, against central differences of the likelihood itself. */
import { describe, expect, it } from 'vitest';
import { digamma, groupRecency, logGamma, prepareGroups, preparedLogLikelihood, preparedValueAndGradient } from '../../../shared/prediction';
import { simulateBgNbd } from './simulate';

describe('BG/NBD gradient', () => {
  it('matches central differences in every log-parameter, at several points', () => {
    const groups = prepareGroups(groupRecency(simulateBgNbd(3, 2000, { r: 0.6, alpha: 12, a: 0.7, b: 2 }, [5, 60])));
    for (const p of [{ r: 0.6, alpha: 12, a: 0.7, b: 2 }, { r: 2, alpha: 3, a: 1.5, b: 0.4 }, { r: 0.1, alpha: 80, a: 0.2, b: 9 }]) {
      const { ll, grad } = preparedValueAndGradient(p, groups);
      expect(ll).toBeCloseTo(preparedLogLikelihood(p, groups), 8);
      const v = [p.r, p.alpha, p.a, p.b].map(Math.log);
      const at = (w: number[]) => preparedLogLikelihood({ r: Math.exp(w[0]!), alpha: Math.exp(w[1]!), a: Math.exp(w[2]!), b: Math.exp(w[3]!) }, groups);
      const h = 1e-5;
      v.forEach((_, i) => {
        const up = v.slice(), down = v.slice();
        up[i]! += h;
        down[i]! -= h;
        const numeric = (at(up) - at(down)) / (2 * h);
        expect(Math.abs(grad[i]! - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
      });
    }
  });

  it('digamma is the derivative of log-gamma', () => {
    for (const x of [0.01, 0.3, 1, 2.5, 7, 40, 1e4]) {
      const h = 1e-6 * Math.max(1, x);
      expect(digamma(x)).toBeCloseTo((logGamma(x + h) - logGamma(x - h)) / (2 * h), 5);
    }
    // ψ(1) = −γ (Euler–Mascheroni)
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 10);
  });
});

describe('Gamma-Gamma fit', () => {
  it('BFGS and Nelder–Mead reach the same maximum on simulated spend', async () => {
    const { fitGammaGamma, gammaGammaLogLikelihood, minimize } = await import('../../../shared/prediction');
    const { simulateSpend } = await import('./simulate');
    const rows = simulateSpend(9, Array.from({ length: 3000 }, (_, i) => 1 + (i % 5)), { p: 4, q: 3, gamma: 20 });
    const fit = fitGammaGamma(rows);
    const nm = minimize((v) => -gammaGammaLogLikelihood({ p: Math.exp(v[0]!), q: Math.exp(v[1]!), gamma: Math.exp(v[2]!) }, rows), [0, Math.log(2), Math.log(30)]);
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.ll - -nm.value)).toBeLessThan(1e-6 * Math.abs(fit.ll));
    expect(fit.params.p).toBeCloseTo(Math.exp(nm.x[0]!), 3);
  });
});
