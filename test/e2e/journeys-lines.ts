import { expect } from 'vitest';
import { addDays, localDateOf } from '../../shared/domain/dates';
import { at, byTestId, invoke, type Journey } from './journeys';

/** The English date the file shows for a day: the format's own words, computed here from the parts. */
const englishDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${d}, ${y}`;
};

/**
 * Runs after the others (demo loaded). A wholesaler's order lines — two invoices, a cancellation with a
 * negative quantity — imported through the import screen become orders with lines; the customer file
 * lists the lines and says what the customer usually buys, in English and in Chinese. The import is
 * undone at the end, so the demo is as it was.
 */
export async function orderLinesImportToUsuallyBuys({ page, screenshot }: Journey, files: { write(name: string, bytes: Uint8Array): string }): Promise<void> {
  if ((await invoke(page, 'settings:get', {})).language !== 'en') await invoke(page, 'settings:update', { language: 'en' });
  // Run on its own (vitest -t), the workspace is still new: start it with the demo, as the first journey does.
  if ((await invoke(page, 'customers:list', { limit: 1 })).total === 0) {
    await invoke(page, 'workspace:loadDemo', { customers: 40, seed: 7 });
    await invoke(page, 'workspace:startEmpty', {});
  }
  // Two customers of the same pyramid class (and group, when the tiers are partitioned), the least valuable
  // of the bottom class, so a few hundred yuan of tea does not move them: the first buys tea and cups, the
  // second a teapot — which the first should then be offered.
  const phones = new Map((await invoke(page, 'customers:list', { limit: 1000 })).rows.filter((r) => r.phone).map((r) => [r.id, r.phone!]));
  const members = (await invoke(page, 'segments:members', { scheme: 'pyramid', classKey: 'lead', sort: 'revenue', direction: 'asc', limit: 500 })).rows.filter((r) => phones.has(r.id));
  const buyer = members[0]!;
  const peer = members.find((r) => r.id !== buyer.id && r.group === buyer.group)!;
  expect(peer).toBeTruthy();
  const customer = { id: buyer.id, phone: phones.get(buyer.id)! };
  const today = localDateOf(new Date());
  const [first, second, returned] = [addDays(today, -9), addDays(today, -4), addDays(today, -2)];
  const csv = [
    'InvoiceNo,Customer phone,InvoiceDate,StockCode,Description,Quantity,UnitPrice',
    `E2E-1001,${customer.phone},${first},LJ-01,Longjing tea,3,120`,
    `E2E-1001,${customer.phone},${first},CUP-6,Tea cup,2,15.50`,
    `E2E-1002,${customer.phone},${second},LJ-01,Longjing tea,2,120`,
    `CE2E-1003,${customer.phone},${returned},CUP-6,Tea cup,-1,15.50`,
    `E2E-2001,${phones.get(peer.id)},${second},POT-1,Teapot,1,88`,
  ].join('\n');
  const path = files.write('order-lines.csv', new TextEncoder().encode(csv));

  await page.goto(at(page, '#/import'));
  await page.reload();
  await byTestId(page, 'import-page').waitFor();
  await page.locator('[data-testid="import-kind"] .ant-segmented-item', { hasText: /^Orders$/ }).click();
  await page.locator('input[data-testid="import-file"]').setInputFiles(path);
  await expect.poll(() => byTestId(page, 'import-count-added').innerText(), { timeout: 30_000 }).toContain('5');
  // Five lines make four orders, one of them the cancellation.
  await expect.poll(() => byTestId(page, 'import-order-lines').innerText()).toContain('5 lines make 4 orders (1 of them returns)');
  await byTestId(page, 'import-commit-skip').click();
  await byTestId(page, 'import-done').waitFor();
  const batchId = (await invoke(page, 'import:batches', { limit: 1 })).batches[0]!.id;

  await page.goto(at(page, `#/customers/${customer.id}`));
  await byTestId(page, 'tab-offers').click();
  // Usually buys, by hand: tea 3 + 2 = 5 units at ¥120 in two orders, last on the second day; cups 2 − 1 = 1.
  const usual = page.locator('[data-testid="usual-item"]');
  await expect.poll(() => usual.count()).toBe(2);
  expect(await usual.nth(0).innerText()).toContain('Longjing tea · LJ-01');
  expect(await usual.nth(0).innerText()).toContain(`2 orders, 5 bought in all, last on ${englishDate(second)}`);
  expect(await usual.nth(0).innerText()).toContain('600.00');
  expect(await usual.nth(1).innerText()).toContain(`1 order, 1 bought, last on ${englishDate(first)}`);
  // The lines, the return's with its negative quantity.
  const lines = byTestId(page, 'order-lines-table');
  await expect.poll(() => lines.locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
  const text = await lines.innerText();
  expect(text).toContain('CE2E-1003');
  expect(text).toMatch(/Tea cup\s+CUP-6\s+-1/);
  // Customers like them: the others of the buyer's class and group as the tier list now shows them.
  const after = (await invoke(page, 'segments:members', { scheme: 'pyramid', limit: 5000 })).rows;
  const mine = after.find((r) => r.id === buyer.id)!;
  const peers = after.filter((r) => r.id !== buyer.id && r.classKey === mine.classKey && r.group === mine.group);
  expect(peers.map((r) => r.id)).toContain(peer.id);
  const also = page.locator('[data-testid="also-buy-item"]');
  await expect.poll(() => also.count()).toBe(1);
  expect(await also.first().innerText()).toContain(`Teapot · POT-1`);
  expect(await also.first().innerText()).toContain(`1 of ${peers.length} similar customers buy it (${Math.round((100 * 1) / peers.length)}%)`);
  await screenshot('customer-offers-en');

  // The tier screen's top products of the class: the buyer and the peer are among its customers.
  await page.goto(at(page, '#/tiers'));
  await byTestId(page, 'tiers-page').waitFor();
  const top = byTestId(page, 'class-top-products');
  await top.locator('.ant-collapse-header').click();
  const classBlock = byTestId(page, `class-top-${mine.classKey}`);
  const classes = await invoke(page, 'offers:classes', { scheme: 'pyramid', limit: 5 });
  const lead = classes.classes.find((c) => c.classKey === mine.classKey)!;
  // One buyer each: the tea and cups are the buyer's, the teapot the peer's; the class size is the tier list's.
  expect(lead.customers).toBe(after.filter((r) => r.classKey === mine.classKey).length);
  await expect.poll(() => classBlock.innerText()).toContain('Longjing tea · LJ-01');
  expect(await classBlock.innerText()).toContain('Teapot · POT-1');
  expect(await classBlock.innerText()).toContain(`1 of the ${lead.customers} customers in this class buy it`);
  await screenshot('tiers-top-products-en');

  // The same in Chinese.
  await page.goto(at(page, `#/customers/${customer.id}`));
  await invoke(page, 'settings:update', { language: 'zh-CN' });
  await page.reload();
  await byTestId(page, 'tab-offers').click();
  await expect.poll(() => usual.nth(0).innerText()).toContain('买过 2 单，共 5 件');
  expect(await byTestId(page, 'tab-offers').innerText()).toBe('商品与推荐');
  await screenshot('customer-offers-zh');

  await invoke(page, 'import:undo', { batchId });
  await invoke(page, 'settings:update', { language: 'en' });
  await page.reload();
}
