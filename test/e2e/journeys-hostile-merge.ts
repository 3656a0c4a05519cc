import { expect } from 'vitest';
import type { Locator } from 'playwright-core';
import { at, byTestId, invoke, type Journey } from './journeys';
import { withDemo } from './journeys-discard';
import { drawnAt, setLanguage } from './journeys-hostile-screens';

const SLOW = { timeout: 30_000 };
const repeat = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Where an element is drawn, and whether it is what the window shows at its middle (not scrolled away, not covered). */
const seen = (el: Locator) =>
  el.evaluate((node) => {
    const r = node.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return { left: Math.round(r.left), right: Math.round(r.right), visible: r.left >= 0 && r.right <= window.innerWidth && (top === node || node.contains(top)) };
  });

/** How many lines an element's text takes. */
const lines = (el: Locator) =>
  el.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });

/**
 * Six likely duplicates at 1366×768, in Chinese and English: the result of the merge stays in view beside whichever
 * candidates the table is scrolled to, two 4,000-character notes keep their row to a screenful, and the field names keep
 * to one line, and the question before merging stays in the window. Then an order whose lines are named in Arabic and
 * Hebrew with digits: each name keeps the figures after it.
 */
export async function hostileMergeAndOrderLines({ page, screenshot }: Journey): Promise<void> {
  await page.waitForFunction(() => window.tierbook !== undefined, undefined, SLOW);
  await withDemo(page);
  const names = [repeat('永兴隆国际贸易有限公司WholesaleTradingCompany', 120), 'شركة الأمل للتجارة 2024-117', 'חברת שלום בע"מ (12345)', '👨‍👩‍👧‍👦 王小明👋🏽 家族商行', 'Z̴̡̢̛͉̠̞̈́͆a̸̢̛̺̫̓̾l̷̛̜̗̈́͝g̶̢̯̈́o̵̧͚͐ 贸易', '王芳'];
  const ids: string[] = [];
  for (const [i, name] of names.entries()) {
    const created = await invoke(page, 'customers:create', {
      name,
      company: i === 0 ? repeat('ExtraordinarilyLongCompanyNameWithoutSpaces', 200) : `公司${i}`,
      notes: i < 2 ? repeat('很长的备注 a very long note ', 4000) : null,
      tags: i === 0 ? Array.from({ length: 20 }, (_, k) => `${repeat('标签LongTag', 36)}${k}`) : ['🔥VIP'],
      contacts: [{ kind: 'phone', value: '+86 139 0042 4242' }],
    });
    ids.push(created.customer.id);
  }
  const shirt = 'قميص قطن 100% مقاس 42';
  const buyer = (await invoke(page, 'customers:create', { name: 'شركة الأمل 2024' })).customer.id;
  await invoke(page, 'orders:create', { customerId: buyer, orderDate: '2024-03-01', currency: 'CNY', lines: [{ sku: 'AR-7', name: shirt, quantity: 3, unitPrice: '12.50' }, { sku: 'HE-9', name: 'חולצה כותנה 2024 (XL)', quantity: 2, unitPrice: '30' }] });

  for (const language of ['zh-CN', 'en'] as const) {
    await setLanguage(page, language);
    await page.goto(at(page, '#/duplicates'));
    await page.reload();
    const group = byTestId(page, 'duplicate-group').filter({ has: byTestId(page, `merge-keep-${ids[5]}`) });
    await group.waitFor(SLOW);
    await group.scrollIntoViewIfNeeded();
    const box = group.locator('[data-testid="merge-table"]');
    // The last column is the result; a row is named by its first cell.
    const result = box.locator('thead th').last();
    const row = (field: string) => box.locator('tbody tr').filter({ has: page.locator('td:first-child', { hasText: field }) });
    const words = language === 'zh-CN' ? { notes: '备注', country: '国家/地区' } : { notes: 'Notes', country: 'Country' };
    // Scrolled to either end, the candidates move and the result stays where it is, in the window and uncovered.
    const places = [];
    for (const end of ['start', 'end'] as const) {
      await box.evaluate((node, e) => node.scrollTo({ left: e === 'end' ? node.scrollWidth : 0 }), end);
      const place = await seen(result);
      expect(place.visible).toBe(true);
      places.push(place.right);
      // The last candidate is in view beside the result at the end, the first at the start.
      expect((await seen(group.locator(`[data-testid="merge-keep-${ids[end === 'end' ? 5 : 0]}"]`))).visible).toBe(true);
    }
    expect(places[0]).toBe(places[1]);
    expect(places[0]).toBeLessThanOrEqual((await box.boundingBox())!.x + (await box.boundingBox())!.width);
    // Two notes of 4,000 characters: their row stays within the window's height (it was five screens tall).
    expect((await row(words.notes).boundingBox())!.height).toBeLessThan(768 / 2);
    // "国家/地区" kept to one line, not written down its column a character a line.
    expect(await lines(row(words.country).locator('td').first())).toBe(1);
    await screenshot(`hostile-merge-six-${language}`);

    // The question before merging names each of the six in full: a 200-letter company wraps inside it, in the window.
    await group.locator('[data-testid="merge-start"]').click();
    const question = page.locator('[data-testid="merge-confirm-body"]');
    await question.waitFor(SLOW);
    expect(await question.evaluate((node) => node.scrollWidth <= node.clientWidth && node.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
    // Its title wraps too: a 120-character name stretched the question across the whole window.
    expect((await page.locator('.ant-popconfirm:visible').boundingBox())!.width).toBeLessThan(1366 / 2);
    expect((await seen(page.locator('[data-testid="merge-confirm"]'))).visible).toBe(true);
    await screenshot(`hostile-merge-question-${language}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => question.isVisible()).toBe(false);

    // The order's lines: the Arabic shirt's name is drawn whole before its "× 3", on its line.
    await page.goto(at(page, `#/customers/${buyer}`));
    await byTestId(page, 'tab-orders').click();
    await page.locator('[data-testid="orders-table"] .ant-table-row-expand-icon-collapsed').first().click();
    const line = byTestId(page, 'order-line-view').filter({ hasText: shirt });
    await line.waitFor(SLOW);
    const order = await drawnAt(line, shirt, '×');
    expect(order).toMatchObject({ sameLine: true });
    expect(order!.firstRight).toBeLessThanOrEqual(order!.secondLeft);
    await screenshot(`hostile-order-lines-${language}`);
  }

  // The six merged into one, so later journeys see the book they expect.
  await invoke(page, 'customers:merge', { keepId: ids[0]!, mergeIds: ids.slice(1), fields: {} });
}
