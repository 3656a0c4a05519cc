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
