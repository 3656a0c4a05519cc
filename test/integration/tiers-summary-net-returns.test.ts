/**
 * The tier summary's revenue-share column when returns exceed sales: a class's share of the window's net
 * revenue can be negative or above 100 %, and the total can be 0 or less. The overview comes from a real
 * database through dispatch; the expected shares are worked out here from the rows with plain SQL.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ClassSummary } from '../../renderer/features/tiers/ClassSummary';
import { setupI18n } from '../../renderer/i18n';
import { openTestApp, type TestApp } from '../support/test-app';

const TODAY = '2026-11-23';
let app: TestApp;
beforeAll(() => {
  setupI18n('en');
});
afterEach(() => app?.cleanup());

async function customerWith(name: string, sale: string, returned: string | null): Promise<string> {
  const id = (await app.call('customers:create', { name })).customer.id;
  await app.call('orders:create', { customerId: id, orderDate: '2026-06-01', amount: sale, currency: 'CNY' });
  if (returned) await app.call('orders:return', { customerId: id, currency: 'CNY', orderDate: '2026-06-10', amount: returned });
  return id;
}

/** The text of each row's share cell, by class key, from the rendered table. */
function shareTexts(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of html.split('<tr').slice(1)) {
    const key = /data-class="([^"]+)"/.exec(row)?.[1];
    const cells = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!);
    if (key) out[key] = (cells.at(-1) ?? '').replace(/<[^>]+>/g, '');
  }
  return out;
}

function sqlRevenue(ids: string[]): number[] {
  const raw = new Database(app.dbPath, { readonly: true });
  try {
    return ids.map((id) => (raw.prepare('SELECT SUM(base_amount_minor) AS r FROM orders WHERE customer_id = ? AND deleted_at IS NULL').get(id) as { r: number }).r);
  } finally {
    raw.close();
  }
}

describe('tier summary: revenue share with net returns', () => {
  it('shows the true share past 0–100 %, never "0%" for a class of net returns nor a tick for more than all', async () => {
    app = openTestApp(TODAY);
    // The biggest buyer stays ahead (iron); the other returns more than it bought (lead).
    const big = await customerWith('Big', '300', null);
    const small = await customerWith('Small', '50', '150');
    await app.call('segments:config:set', { overrides: { pyramid: { ironShare: 0.5 } } });
    const overview = await app.call('segments:overview', { scheme: 'pyramid' });
    const [bigRevenue, smallRevenue] = sqlRevenue([big, small]);
    expect([bigRevenue, smallRevenue]).toEqual([30_000, -10_000]);
    const total = bigRevenue! + smallRevenue!;
    expect(overview.revenueMinor).toBe(total);
    const html = renderToStaticMarkup(createElement(ClassSummary, { overview, selected: undefined, onSelect: () => {} }));
    const texts = shareTexts(html);
    // 30,000 ÷ 20,000 = 150 %, −10,000 ÷ 20,000 = −50 %.
    expect(texts.iron).toBe('150%');
    expect(texts.lead).toBe('-50%');
    expect(texts.gold).toBe('0%');
    expect(html).not.toContain('anticon-check');
  });

  it('shows no share at all when the window nets to a loss', async () => {
    app = openTestApp(TODAY);
    await customerWith('A', '10', '500');
    await customerWith('B', '20', '500');
    const overview = await app.call('segments:overview', { scheme: 'pyramid' });
    expect(overview.revenueMinor).toBe(1000 + 2000 - 100_000);
    const texts = shareTexts(renderToStaticMarkup(createElement(ClassSummary, { overview, selected: undefined, onSelect: () => {} })));
    expect(Object.values(texts).length).toBe(5);
    for (const text of Object.values(texts)) expect(text).toBe('—');
  });
});

describe('the overview\'s revenue share in the contract (what scripts and the bridge read)', () => {
  const netOf = (ids: string[]) => sqlRevenue(ids).reduce((a, b) => a + b, 0);

  it.each(['all', 'more'] as const)('is null, not 0, for every class when returns take back %s of what was sold', async (returned) => {
    app = openTestApp(TODAY);
    const ids: string[] = [];
    for (const [name, sale] of [['A', '120'], ['B', '80'], ['C', '45.50']] as const) {
      const id = (await app.call('customers:create', { name })).customer.id;
      const order = await app.call('orders:create', { customerId: id, orderDate: '2026-06-01', amount: sale, currency: 'CNY' });
      // All that is left of the order (net zero), or a standalone return worth more than it (a loss).
      await app.call('orders:return', returned === 'all' ? { orderId: order.id, orderDate: '2026-06-05' } : { customerId: id, currency: 'CNY', orderDate: '2026-06-05', amount: '500' });
      ids.push(id);
    }
    const net = netOf(ids);
    expect(net).toBe(returned === 'all' ? 0 : 24_550 - 150_000);
    for (const scheme of ['pyramid', 'rfm', 'value', 'lifecycle'] as const) {
      const overview = await app.call('segments:overview', { scheme });
      expect(overview.revenueMinor).toBe(net);
      expect(overview.classes.map((c) => [c.classKey, c.revenueShare])).toEqual(overview.classes.map((c) => [c.classKey, null]));
    }
    // The screen's RFM view sums cells into their segment: no share there either.
    const rfm = await app.call('segments:overview', { scheme: 'rfm' });
    const texts = shareTexts(renderToStaticMarkup(createElement(ClassSummary, { overview: rfm, selected: undefined, onSelect: () => {} })));
    expect(Object.values(texts).length).toBeGreaterThan(0);
    for (const text of Object.values(texts)) expect(text).toBe('—');
  });

  it('is each class\'s revenue over the window\'s net revenue when that is positive (worked out from the rows)', async () => {
    app = openTestApp(TODAY);
    const big = await customerWith('Big', '300', null);
    const small = await customerWith('Small', '50', '150');
    const other = await customerWith('Other', '75.25', null);
    await app.call('segments:config:set', { overrides: { pyramid: { ironShare: 0.34 } } });
    const overview = await app.call('segments:overview', { scheme: 'pyramid' });
    const net = netOf([big, small, other]);
    expect(net).toBe(30_000 - 10_000 + 7_525);
    const members = await app.call('segments:members', { scheme: 'pyramid', limit: 100 });
    for (const c of overview.classes) {
      const ids = members.rows.filter((r) => r.classKey === c.classKey).map((r) => r.id);
      expect(c.revenueShare).toBeCloseTo(netOf(ids) / net, 12);
    }
  });
});
