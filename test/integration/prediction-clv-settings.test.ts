/**
 * The CLV horizon and monthly discount rate are user settings: the stored CLV follows them at the next
 * recompute, and equals the model's formula worked out here by plain arithmetic from the stored model's
 * parameters (BG/NBD conditional expectation with a series for the hypergeometric function), not by the
 * production CLV code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputOf } from '../../shared/contract';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
const TODAY = '2026-11-23';

beforeAll(async () => {
  app = openTestApp(TODAY);
  await app.call('workspace:loadDemo', { customers: 300, seed: 7 });
}, 120_000);
afterAll(() => app.cleanup());

/** Gauss's hypergeometric series 2F1(a, b; c; z), summed until the terms vanish (0 ≤ z < 1 here). */
function hyp2f1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 100_000 && Math.abs(term) > 1e-16 * Math.abs(sum); k++) {
    term *= ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    sum += term;
  }
  return sum;
}

/** Fader, Hardie & Lee (2005), eq. 10: expected purchases in (T, T + t] given x repeat purchases, last at tx, age T. */
function expectedPurchases(p: { r: number; alpha: number; a: number; b: number }, x: number, tx: number, T: number, t: number): number {
  const { r, alpha, a, b } = p;
  const head = ((a + b + x - 1) / (a - 1)) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t)));
  const dropped = x > 0 ? (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x) : 0;
  return head / (1 + dropped);
}

type Page = OutputOf<'prediction:customers'>;

/** Σ over months m = 1..months of (E[by day 30m] − E[by day 30(m−1)]) × order value / (1 + d)^m. */
function clvByHand(page: Page, row: Page['rows'][number], months: number, monthlyDiscount: number): number {
  const x = row.purchases - 1;
  const tx = row.typicalGapDays === null ? 0 : row.typicalGapDays * x;
  const T = tx + row.daysSinceLast;
  let total = 0;
  let before = 0;
  for (let m = 1; m <= months; m++) {
    const upTo = expectedPurchases(page.model!.bgnbd, x, tx, T, 30 * m);
    total += ((upTo - before) * row.expectedOrderValueMinor) / (1 + monthlyDiscount) ** m;
    before = upTo;
  }
  return total;
}

/** The returned order value is rounded to a whole minor unit, so the hand sum may differ by that share of the CLV, plus its own rounding. */
function expectClose(stored: number, byHand: number, orderValue: number) {
  expect(Math.abs(stored - byHand)).toBeLessThanOrEqual(1 + (byHand * 0.5) / Math.max(orderValue, 1));
}

async function storedPage(): Promise<Page> {
  await app.call('segments:recompute', {});
  const page = await app.call('prediction:customers', { sort: 'clv', limit: 60 });
  expect(page.model!.unit).toBe('day');
  return page;
}

describe('CLV follows the horizon and discount rate in Settings', () => {
  it('defaults to 12 months at 1 % a month', async () => {
    expect(await app.call('settings:get', {})).toMatchObject({ clvHorizonMonths: 12, clvDiscountPercent: 1 });
  });

  it('0 % over 12 months: the stored CLV is the undiscounted sum of monthly purchases × order value; 2 % gives the smaller discounted sum', async () => {
    expect(await app.call('settings:update', { clvDiscountPercent: 0, clvHorizonMonths: 12 })).toMatchObject({ clvDiscountPercent: 0, clvHorizonMonths: 12 });
    const flat = await storedPage();
    const valued = flat.rows.filter((r) => r.clvMinor > 100);
    expect(valued.length).toBeGreaterThan(20);
    for (const row of valued) expectClose(row.clvMinor, clvByHand(flat, row, 12, 0), row.expectedOrderValueMinor);

    await app.call('settings:update', { clvDiscountPercent: 2 });
    // A changed setting applies at the next recompute: until then the stored numbers stay as they were.
    const before = await app.call('prediction:customers', { sort: 'clv', limit: 60 });
    expect(before.rows.map((r) => r.clvMinor)).toEqual(flat.rows.map((r) => r.clvMinor));

    const discounted = await storedPage();
    const flatById = new Map(flat.rows.map((r) => [r.id, r.clvMinor]));
    for (const row of discounted.rows.filter((r) => r.clvMinor > 100)) {
      expectClose(row.clvMinor, clvByHand(discounted, row, 12, 0.02), row.expectedOrderValueMinor);
      if (flatById.has(row.id)) expect(row.clvMinor).toBeLessThan(flatById.get(row.id)!);
    }
  });

  it('a 24-month horizon is worth more than 12 at the same rate, and the best list shows the stored CLV', async () => {
    await app.call('settings:update', { clvDiscountPercent: 1.5, clvHorizonMonths: 24 });
    const page = await storedPage();
    for (const row of page.rows.filter((r) => r.clvMinor > 100).slice(0, 30)) {
      const byHand = clvByHand(page, row, 24, 0.015);
      expectClose(row.clvMinor, byHand, row.expectedOrderValueMinor);
      expect(byHand).toBeGreaterThan(clvByHand(page, row, 12, 0.015));
    }
    const stored = new Map(page.rows.map((r) => [r.id, r.clvMinor]));
    const best = await app.call('prediction:best', { limit: 5000 });
    const shared = best.rows.filter((r) => stored.has(r.id));
    expect(shared.length).toBe(page.rows.length);
    for (const r of shared) expect(r.clvMinor).toBe(stored.get(r.id));
  });

  it('refuses out-of-range values with their keys and saves nothing', async () => {
    const saved = await app.call('settings:get', {});
    for (const [input, path, key] of [
      [{ clvDiscountPercent: 10.5 }, 'clvDiscountPercent', 'clv_discount_range'],
      [{ clvDiscountPercent: -1 }, 'clvDiscountPercent', 'clv_discount_range'],
      [{ clvDiscountPercent: '2' }, 'clvDiscountPercent', 'clv_discount_range'],
      [{ clvHorizonMonths: 0 }, 'clvHorizonMonths', 'clv_horizon_range'],
      [{ clvHorizonMonths: 121 }, 'clvHorizonMonths', 'clv_horizon_range'],
      [{ clvHorizonMonths: 6.5 }, 'clvHorizonMonths', 'clv_horizon_range'],
      [{ businessName: 'Changed', clvHorizonMonths: -3 }, 'clvHorizonMonths', 'clv_horizon_range'],
    ] as const) {
      const result = await app.dispatch('settings:update', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: [path], key }] } });
    }
    expect(await app.call('settings:get', {})).toEqual(saved);
    // The bounds themselves are accepted.
    expect(await app.call('settings:update', { clvDiscountPercent: 10, clvHorizonMonths: 120 })).toMatchObject({ clvDiscountPercent: 10, clvHorizonMonths: 120 });
    expect(await app.call('settings:update', { clvHorizonMonths: 1 })).toMatchObject({ clvHorizonMonths: 1 });
  });
});
