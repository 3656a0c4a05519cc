/** Customers and bases at the edges: nothing here may come out NaN, negative or silently absurd. */
import { describe, expect, it } from 'vitest';
import { expectedPurchases, predictCustomers, probabilityAlive, probabilityOfPurchase, type CustomerHistory } from '../../../shared/prediction';

const P = { r: 0.243, alpha: 30.9, a: 0.793, b: 2.426 }; // CDNOW's fit with α in days

function history(id: string, x: number, tx: number, T: number, repeatMeanValue = 1000, meanValue = 1000): CustomerHistory {
  return { id, x, tx, T, repeatMeanValue, meanValue };
}

function expectFinite(rows: ReturnType<typeof predictCustomers>['customers']): void {
  for (const c of rows) {
    for (const v of [c.pAlive, c.expectedPurchases.d30, c.expectedPurchases.d90, c.expectedPurchases.d365, c.expectedOrderValue, c.clv, c.score]) {
      expect(Number.isFinite(v), JSON.stringify(c)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
    }
    expect(c.pAlive).toBeLessThanOrEqual(1);
    expect(c.score).toBeLessThanOrEqual(100);
  }
}

describe('one customer at the edges', () => {
  it('T = 0 (first purchase today): alive for sure, and the forecast is the new-customer curve', () => {
    const c = { x: 0, tx: 0, T: 0 };
    expect(probabilityAlive(P, c)).toBe(1);
    // With x = 0 and T = 0 the forecast must equal E[X(t)] = (a+b−1)/(a−1)·[1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))],
    // here summed as the plain series (the production code sums Euler's transform instead).
    const t = 90, z = t / (P.alpha + t);
    let term = 1, sum = 1;
    for (let n = 0; n < 100000; n++) { term *= ((P.r + n) * (P.b + n)) / ((P.a + P.b - 1 + n) * (n + 1)) * z; sum += term; if (term < 1e-18) break; }
    const direct = ((P.a + P.b - 1) / (P.a - 1)) * (1 - (P.alpha / (P.alpha + t)) ** P.r * sum);
    expect(expectedPurchases(P, c, t)).toBeCloseTo(direct, 10);
  });

  it('last purchase today: P(alive) = 1 / (1 + a/(b+x−1)), the paper\'s formula with (α+T)/(α+t_x) = 1', () => {
    const c = { x: 5, tx: 200, T: 200 };
    expect(probabilityAlive(P, c)).toBeCloseTo(1 / (1 + P.a / (P.b + 4)), 12);
  });

  it('huge x with an old last purchase: P(alive) and the forecast are ~0, not NaN', () => {
    const c = { x: 100_000, tx: 10, T: 5000 };
    expect(probabilityAlive(P, c)).toBe(0);
    expect(expectedPurchases(P, c, 365)).toBe(0);
    expect(probabilityOfPurchase(P, c, 90)).toBe(0);
  });

  it('huge x bought today: alive and buying at about its own rate (x / T per day)', () => {
    const c = { x: 100_000, tx: 1000, T: 1000 };
    const e = expectedPurchases(P, c, 10);
    expect(Number.isFinite(e)).toBe(true);
    // Rate posterior mean (r+x)/(α+T) ≈ 97/day; 10 days give a little under 970 as dropout risk accumulates.
    expect(e).toBeGreaterThan(900);
    expect(e).toBeLessThan(((P.r + c.x) / (P.alpha + c.T)) * 10);
  });

  it('t = 0 forecasts nothing', () => {
    expect(expectedPurchases(P, { x: 3, tx: 50, T: 90 }, 0)).toBe(0);
  });
});

describe('awkward bases fall back and say so', () => {
  it('all one-time buyers: no model and no figures, but the reason (no-repeat-purchases.test.ts has the rest)', () => {
    const rows = Array.from({ length: 200 }, (_, i) => history(`c${i}`, 0, 0, 30 + i, 0, 1500));
    expect(predictCustomers(rows)).toEqual({ model: null, customers: [], refused: { reason: 'no-repeat-purchases', customers: 200 } });
  });

  it('few repeat buyers: method shrunk, one-time buyers alive, order values from the everyone-mean fall-back', () => {
    const rows = [...Array.from({ length: 200 }, (_, i) => history(`c${i}`, 0, 0, 30 + i, 0, 1500)), history('back', 1, 10, 40, 1500, 1500)];
    const { model, customers } = predictCustomers(rows);
    expect(model!.method).toBe('shrunk');
    expect(model!.fallbackReason).toBe('few-repeat-buyers');
    expectFinite(customers);
    for (const c of customers) {
      if (c.id !== 'back') expect(c.pAlive).toBe(1);
      expect(c.method).toBe('shrunk');
      expect(c.confidence).toBe('low');
    }
    // Fewer than 10 repeat buyers: order values come from the everyone-mean fall-back, 1500 for all.
    expect(model!.spendMethod).toBe('mean');
    for (const c of customers) expect(c.expectedOrderValue).toBeCloseTo(1500, 9);
  });

  it('one customer: a prediction with method shrunk', () => {
    const { model, customers } = predictCustomers([history('only', 2, 40, 100, 500, 600)]);
    expect(model!.fallbackReason).toBe('few-customers');
    expect(customers).toHaveLength(1);
    expectFinite(customers);
    // Credibility mean: (2 × 600 + 3 × 600) / (2 + 3) with the base mean equal to the customer's own.
    expect(customers[0]!.expectedOrderValue).toBeCloseTo(600, 9);
  });

  it('no customers: no model and no rows', () => {
    expect(predictCustomers([])).toEqual({ model: null, customers: [], refused: null });
  });

  it('zero-value orders: a free repeat order pulls the expected value down, never NaN', () => {
    const rows: CustomerHistory[] = [];
    for (let i = 0; i < 300; i++) rows.push(history(`c${i}`, 1 + (i % 4), 20 + (i % 50), 120 + (i % 30), 800 + (i % 9) * 100, 900));
    rows.push(history('free', 3, 60, 130, 0, 0));
    const { model, customers } = predictCustomers(rows);
    expect(model!.spendMethod).toBe('gamma-gamma');
    expectFinite(customers);
    const free = customers.find((c) => c.id === 'free')!;
    const gg = model!.gammaGamma!.params;
    // Gamma-Gamma's conditional mean with a zero mean: p·γ / (p·x + q − 1).
    expect(free.expectedOrderValue).toBeCloseTo((gg.p * gg.gamma) / (gg.p * 3 + gg.q - 1), 9);
    expect(free.expectedOrderValue).toBeLessThan(model!.populationMeanValue);
  });

  it('every repeat buyer spends exactly the same: no Gamma-Gamma with runaway parameters, the plain mean instead', () => {
    // Identical means leave no spread to estimate: the likelihood climbs as p and q run off to 1e14 and beyond.
    const rows = Array.from({ length: 60 }, (_, i) => history(`c${i}`, 2, 90, 200 + (i % 5), 25_000, 25_000));
    const { model, customers } = predictCustomers(rows);
    expect(model!.spendMethod).toBe('mean');
    expect(model!.gammaGamma).toBeNull();
    // Everyone's own mean and the population's are 25,000: so is the credibility mean (2·25,000 + 3·25,000) / 5.
    expect(model!.populationMeanValue).toBe(25_000);
    for (const c of customers) expect(c.expectedOrderValue).toBeCloseTo(25_000, 9);
  });

  it('a spend fit whose q runs away (a 30-year base of near-equal orders) falls back to the mean too', () => {
    const rows = Array.from({ length: 60 }, (_, i) => history(`c${i}`, 1 + (i % 3), 365 * (1 + (i % 10)), 365 * 25, 10_000 + i, 10_000 + i));
    const { model } = predictCustomers(rows);
    const gg = model!.gammaGamma;
    // Either a fit whose parameters stay in bounds, or none.
    if (gg) for (const v of [gg.params.p, gg.params.q]) expect(v).toBeLessThan(1e6);
    else expect(model!.spendMethod).toBe('mean');
  });

  it('every order worth 0: values and CLV are 0, forecasts still there', () => {
    const rows = Array.from({ length: 120 }, (_, i) => history(`c${i}`, i % 5, i % 5 === 0 ? 0 : 10 + (i % 40), 60 + i, 0, 0));
    const { model, customers } = predictCustomers(rows);
    expect(model!.spendMethod).toBe('mean');
    expectFinite(customers);
    for (const c of customers) {
      expect(c.expectedOrderValue).toBe(0);
      expect(c.clv).toBe(0);
    }
  });
});

describe('CLV', () => {
  it('is the month-by-month forecast times the value, discounted monthly (checked by hand here)', async () => {
    const { customerLifetimeValue } = await import('../../../shared/prediction');
    const c = { x: 3, tx: 120, T: 200 };
    const options = { months: 12, monthlyDiscount: 0.01, monthLength: 30 };
    let expected = 0;
    for (let m = 1; m <= 12; m++) expected += ((expectedPurchases(P, c, 30 * m) - expectedPurchases(P, c, 30 * (m - 1))) * 5000) / 1.01 ** m;
    expect(customerLifetimeValue(P, c, 5000, options)).toBeCloseTo(expected, 6);
    // Without discounting it is simply a year's expected purchases times the value.
    expect(customerLifetimeValue(P, c, 5000, { ...options, monthlyDiscount: 0 })).toBeCloseTo(expectedPurchases(P, c, 360) * 5000, 6);
  });
});
