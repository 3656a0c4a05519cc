/** Properties of the model that hold for any parameters and any customer. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihood, expectedPurchases, groupRecency, probabilityAlive, probabilityOfPurchase } from '../../../shared/prediction';

const logUniform = (lo: number, hi: number) => fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map(Math.exp);
const params = fc.record({ r: logUniform(0.01, 50), alpha: logUniform(0.01, 1000), a: logUniform(0.01, 50), b: logUniform(0.01, 50) });
const customer = fc
  .tuple(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 10_000, noNaN: true }))
  .map(([x, share, T]) => ({ x, tx: x === 0 ? 0 : share * T, T }));

describe('BG/NBD properties', () => {
  it('P(alive) and P(purchase) are in [0, 1]', () => {
    fc.assert(fc.property(params, customer, (p, c) => {
      const alive = probabilityAlive(p, c);
      const buy = probabilityOfPurchase(p, c, 90);
      return alive >= 0 && alive <= 1 && buy >= 0 && buy <= alive;
    }), { numRuns: 500 });
  });

  it('expected purchases are ≥ 0 and non-decreasing in t', () => {
    fc.assert(fc.property(params, customer, fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }), (p, c, t1, dt) => {
      const e1 = expectedPurchases(p, c, t1);
      const e2 = expectedPurchases(p, c, t1 + dt);
      return Number.isFinite(e1) && e1 >= 0 && e2 >= e1 * (1 - 1e-9) - 1e-12;
    }), { numRuns: 500 });
  });

  it('grouping identical rows does not change the log-likelihood', () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }))
      .map(([x, gap, extra]) => ({ x, tx: x === 0 ? 0 : gap + 1, T: (x === 0 ? 0 : gap + 1) + extra }));
    fc.assert(fc.property(params, fc.array(row, { minLength: 1, maxLength: 60 }), (p, rows) => {
      const grouped = bgNbdLogLikelihood(p, groupRecency(rows));
      const ungrouped = rows.reduce((s, r) => s + bgNbdLogLikelihood(p, [{ ...r, count: 1 }]), 0);
      expect(groupRecency(rows).length).toBeLessThanOrEqual(rows.length);
      return Math.abs(grouped - ungrouped) <= 1e-9 * (1 + Math.abs(ungrouped));
    }), { numRuns: 300 });
  });
});
