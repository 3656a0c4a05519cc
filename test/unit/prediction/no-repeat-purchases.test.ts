/**
 * A base where nobody has bought on a second day (every order dated today, every order on one day, or only
 * one-time buyers) carries nothing about how often customers come back: the model refuses to fit rather than
 * hand back the prior's centre (the published CDNOW values) as if it had learnt them.
 */
import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihood, fitBase, predictCustomers, type CustomerHistory } from '../../../shared/prediction';

const once = (id: string, T: number): CustomerHistory => ({ id, x: 0, tx: 0, T, repeatMeanValue: 0, meanValue: 1000 });

describe('no repeat purchase anywhere: no fit, and a reason', () => {
  it.each([
    ['every order dated today', Array.from({ length: 200 }, (_, i) => once(`c${i}`, 0))],
    ['every order on one day two months ago', Array.from({ length: 200 }, (_, i) => once(`c${i}`, 60))],
    ['one-time buyers over a year', Array.from({ length: 200 }, (_, i) => once(`c${i}`, 30 + i))],
    ['one customer, one order today', [once('only', 0)]],
  ])('%s', (_, histories) => {
    const result = predictCustomers(histories);
    expect(result.model).toBeNull();
    expect(result.customers).toEqual([]);
    expect(result.refused).toEqual({ reason: 'no-repeat-purchases', customers: histories.length });
  });

  it('the fit itself refuses too, so no other path (the holdout check) can use the prior as a fit', () => {
    expect(() => fitBase([{ x: 0, tx: 0, T: 0 }], 'day')).toThrow(/no repeat purchase/i);
  });

  it('why: with x = 0 for all, the likelihood is Σ r·ln(α/(α+T)), the same whatever a and b are (worked out here by hand)', () => {
    const rows = [0, 0, 60, 90].map((T) => ({ x: 0, tx: 0, T, count: 1 }));
    const byHand = (r: number, alpha: number) => rows.reduce((s, row) => s + r * Math.log(alpha / (alpha + row.T)), 0);
    for (const [a, b] of [[0.2, 5], [3, 0.4]] as const) {
      expect(bgNbdLogLikelihood({ r: 0.5, alpha: 20, a, b }, rows)).toBeCloseTo(byHand(0.5, 20), 10);
    }
    // All today (T = 0): the likelihood is 0 for every parameter, nothing to learn at all.
    expect(bgNbdLogLikelihood({ r: 0.5, alpha: 20, a: 1, b: 1 }, [{ x: 0, tx: 0, T: 0, count: 50 }])).toBe(0);
  });
});

describe('one repeat purchase is enough to fit (pulled toward typical values, and saying so)', () => {
  it('199 one-time buyers and one who came back: a shrunk fit, every customer predicted', () => {
    const histories = [...Array.from({ length: 199 }, (_, i) => once(`c${i}`, 30 + i)), { id: 'back', x: 1, tx: 20, T: 100, repeatMeanValue: 900, meanValue: 950 }];
    const result = predictCustomers(histories);
    expect(result.refused).toBeNull();
    expect(result.model!.method).toBe('shrunk');
    expect(result.model!.fallbackReason).toBe('few-repeat-buyers');
    expect(result.customers).toHaveLength(200);
  });
});
