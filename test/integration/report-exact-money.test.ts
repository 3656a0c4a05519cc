import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A very large business: each customer's amounts are exact, but a class's revenue over a long range passes
 * 2^53 − 1 minor units, past which sums of JavaScript numbers are no longer exact. The report is refused with
 * a reason the screen words (it failed as an internal error), and a shorter range is reported to the cent.
 */
const TODAY = '2026-11-23';
let app: TestApp;
afterEach(() => app.cleanup());

async function twoGiants(): Promise<void> {
  app = openTestApp(TODAY);
  await app.call('settings:update', { baseCurrency: 'CNY' });
  for (const name of ['Giant A 巨额', 'Giant B 巨额']) {
    const { id } = (await app.call('customers:create', { name, industry: 'Wholesale' })).customer;
    // 4.8 × 10^15 minor units each, one order a month: under the limit alone, over it together.
    for (const month of ['2026-01', '2026-02', '2026-03']) await app.call('orders:create', { customerId: id, orderDate: `${month}-10`, amount: '16000000000000.01', currency: 'CNY' });
  }
  await app.call('segments:recompute', { asOf: '2025-12-31' });
  await app.call('segments:recompute', {});
}

const sumSql = (from: string, to: string) => app.db.$client.prepare(`SELECT sum(base_amount_minor) FROM orders WHERE deleted_at IS NULL AND order_date BETWEEN ? AND ?`).pluck().get(from, to) as number;

describe('a report whose sums pass what numbers count exactly', () => {
  it('is refused with report_amount_too_large, on screen and in the export, and a shorter range is exact', async () => {
    await twoGiants();
    const input = { scheme: 'industry', from: '2026-01-01', to: '2026-03-31', period: 'month' } as const;
    const refused = { ok: false, error: { code: 'invalid_input', issues: [{ path: ['to'], key: 'report_amount_too_large' }] } };
    expect(await app.dispatch('reports:evaluation', input)).toMatchObject(refused);
    expect(await app.dispatch('reports:export-xlsx', { ...input, language: 'en', path: `${app.dir}/big.xlsx` })).toMatchObject(refused);

    const january = await app.call('reports:evaluation', { ...input, to: '2026-01-31' });
    expect(january.periods[0]!.classes.wholesale!.revenueMinor).toBe(sumSql('2026-01-01', '2026-01-31'));
    expect(january.periods[0]!.classes.wholesale!.revenueMinor).toBe(2 * 1_600_000_000_000_001);
  });
});
