/**
 * The customers export and the command line name each tier class as the screens do: with the pyramid ranked by
 * predicted value, its 'none' holds everyone without a predicted value — buyers of today among them — and reads
 * "Not ranked: no predicted value", not "No orders" (the screens were mended first: tier-labels-predicted-basis.test.ts).
 */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tierSettings } from '../../renderer/i18n/resources/tier-settings';
import { tiers } from '../../renderer/i18n/resources/tiers';
import { cli } from '../support/cli';
import { openTestApp, type TestApp } from '../support/test-app';

const TODAY = '2026-11-23';
let app: TestApp | undefined;
afterEach(() => {
  app?.cleanup();
  app = undefined;
});

/** Twelve customers who bought today, four 200 days ago: nobody on a second day, so no prediction can be made. */
async function oneDayBook(opened: TestApp): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < 16; i++) {
    const { customer } = await opened.call('customers:create', { name: `一天客户${i + 1}` });
    ids.push(customer.id);
    await opened.call('orders:create', { customerId: customer.id, orderDate: i < 12 ? TODAY : '2026-05-07', amount: '128.00', currency: 'CNY' });
  }
  return ids;
}

async function rankPyramidBy(opened: TestApp, basis: 'revenue' | 'predicted'): Promise<void> {
  const { effective } = await opened.call('segments:config:get', {});
  const { pyramid } = effective as { pyramid: Record<string, unknown> };
  await opened.call('segments:config:set', { overrides: { pyramid: { ...pyramid, basis } } });
  await opened.call('segments:recompute', {});
}

/** Each exported customer's pyramid cell, by record ID, in `language`. */
async function pyramidCells(opened: TestApp, language: 'en' | 'zh-CN'): Promise<Map<string, string>> {
  const path = join(opened.dir, `customers-${language}.csv`);
  await opened.call('export:customers', { path, language, format: 'csv' });
  const [header, ...body] = Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const pyramidAt = header!.findIndex((h) => h.endsWith(tiers[language].schemes.pyramid));
  const idAt = header!.findIndex((h) => h === 'Record ID' || h === '系统ID');
  expect([pyramidAt >= 0, idAt >= 0]).toEqual([true, true]);
  return new Map(body.map((row) => [row[idAt]!, row[pyramidAt]!]));
}

describe('outside the screens (the customers export, the command line), a predicted-value pyramid’s unranked customers are named truthfully', () => {
  it('ranked by predicted value on a book where none can be made: every buyer reads "Not ranked", in both languages', async () => {
    app = openTestApp(TODAY);
    const ids = await oneDayBook(app);
    await rankPyramidBy(app, 'predicted');
    const buyers = app.db.$client.prepare(`SELECT DISTINCT customer_id FROM orders WHERE deleted_at IS NULL`).pluck().all() as string[];
    expect(buyers.sort()).toEqual([...ids].sort());
    for (const language of ['en', 'zh-CN'] as const) {
      const cells = await pyramidCells(app, language);
      expect(ids.map((id) => cells.get(id))).toEqual(ids.map(() => tierSettings[language].predicted.unranked));
    }
  });

  it('ranked by revenue, the buyers read their tier and a customer without orders "No orders"', async () => {
    app = openTestApp(TODAY);
    const ids = await oneDayBook(app);
    const { customer: never } = await app.call('customers:create', { name: '未下单客户' });
    await rankPyramidBy(app, 'revenue');
    for (const language of ['en', 'zh-CN'] as const) {
      const cells = await pyramidCells(app, language);
      const noOrders = tiers[language].classes.none;
      expect(cells.get(never.id)).toBe(noOrders);
      expect(ids.filter((id) => cells.get(id) === noOrders || cells.get(id) === tierSettings[language].predicted.unranked)).toEqual([]);
    }
  });

  it('the command line says the same of the pyramid\'s unranked customers, in both languages', async () => {
    app = openTestApp(TODAY);
    await oneDayBook(app);
    await rankPyramidBy(app, 'predicted');
    const zh = cli('segment', '--db', app.dbPath, '--as-of', TODAY, '--lang', 'zh-CN');
    expect([zh.code, zh.stderr]).toEqual([0, '']);
    const pyramidLine = zh.stdout.split('\n').find((line) => line.trimStart().startsWith(tiers['zh-CN'].schemes.pyramid));
    expect(pyramidLine).toContain(`${tierSettings['zh-CN'].predicted.unranked} 16`);
    expect(pyramidLine).not.toContain(tiers['zh-CN'].classes.none);
    const en = cli('segment', '--db', app.dbPath, '--as-of', TODAY, '--lang', 'en');
    const english = en.stdout.split('\n').find((line) => line.trimStart().startsWith(tiers.en.schemes.pyramid));
    expect(english).toContain(`${tierSettings.en.predicted.unranked} 16`);
    expect(english).not.toContain(tiers.en.classes.none);
  });
});
