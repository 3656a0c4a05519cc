import { expect } from 'vitest';
import { localDateOf } from '../../shared/domain/dates';
import { animationsSettled, at, byTestId, chooseOption, invoke, type Journey } from './journeys';

const SLOW = { timeout: 15_000 };

/** An input inside a test id: antd puts the id on the input itself or on a wrapper around it. */
const field = (scope: ReturnType<Journey['page']['locator']>, id: string) => scope.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

/** Whether a row's amount and payment cells end left of its pinned actions cell, so nothing of them is drawn under it. */
const figuresInView = (row: ReturnType<Journey['page']['locator']>) =>
  row.evaluate((tr) => {
    const pinnedLeft = tr.querySelector('td.ant-table-cell-fix-right, td.ant-table-cell-fix-end')!.getBoundingClientRect().left;
    const endsBefore = (id: string) => tr.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect().right <= pinnedLeft;
    return { amount: endsBefore('order-amount-cell'), payment: endsBefore('order-payment-status') };
  });

/**
 * The customer file records a trade: an order with two lines (one picked from the product list by its
 * pinyin initials), a cost and part payment → the balance owed shows on the file → a return against
 * the order → revenue, the order list and the balance follow → a payment settles part of the rest (one past
 * the balance is refused as typed) → paid off, then more returned: the row and its payments say how much is overpaid.
 * Every figure is checked against hand arithmetic on the amounts typed here.
 */
export async function orderLinesReturnAndBalance({ page, screenshot }: Journey): Promise<void> {
  if ((await invoke(page, 'settings:get', {})).language !== 'en') await invoke(page, 'settings:update', { language: 'en' });
  const status = await invoke(page, 'workspace:status', {});
  if (status.customers === 0) await invoke(page, 'workspace:startEmpty', {}).catch(() => undefined);
  const base = (await invoke(page, 'settings:get', {})).baseCurrency;
  const today = localDateOf(new Date());
  // A product already sold to someone else: the form finds it by "ljc" (龙井茶) and offers its last price.
  const other = (await invoke(page, 'customers:create', { name: '旅程 老客户' })).customer.id;
  await invoke(page, 'orders:create', { customerId: other, orderDate: today, currency: base, lines: [{ sku: 'LJ-250', name: '龙井茶', quantity: 1, unitPrice: '88' }] });
  const id = (await invoke(page, 'customers:create', { name: '旅程 赊账客户' })).customer.id;

  await page.goto(at(page, `#/customers/${id}`));
  await page.reload();
  await byTestId(page, 'tab-orders').click();
  await byTestId(page, 'add-order').click();
  const form = byTestId(page, 'order-form');
  await form.waitFor();
  await field(form, 'order-number').fill('E2E-001');

  await byTestId(page, 'order-add-line').click();
  await byTestId(page, 'order-add-line').click();
  const lines = form.locator('[data-testid="order-line"]');
  await expect.poll(() => lines.count()).toBe(2);
  await field(lines.nth(0), 'order-line-name').click();
  await field(lines.nth(0), 'order-line-name').pressSequentially('ljc');
  await page.locator('[data-testid="product-option"]', { hasText: '龙井茶' }).first().click();
  await expect.poll(() => field(lines.nth(0), 'order-line-sku').inputValue(), SLOW).toBe('LJ-250');
  await expect.poll(() => field(lines.nth(0), 'order-line-price').inputValue()).toBe('88.00');
  await field(lines.nth(0), 'order-line-qty').fill('2');
  await field(lines.nth(1), 'order-line-name').fill('Tea cups');
  await field(lines.nth(1), 'order-line-qty').fill('4');
  await field(lines.nth(1), 'order-line-price').fill('12.50');
  // 2 × 88.00 + 4 × 12.50 = 226.00
  await expect.poll(() => byTestId(page, 'order-lines-total').innerText()).toContain('226.00');
  await field(form, 'order-cost').fill('150');
  await byTestId(page, 'order-payment-part').click();
  // Paid past the lines' 226.00 is refused as it is typed, naming that amount, not only at Save.
  await field(form, 'order-paid').fill('300');
  await expect.poll(() => form.locator('.ant-form-item-explain-error').innerText(), SLOW).toMatch(/cannot be more than the order’s amount, .*226\.00/);
  await field(form, 'order-paid').fill('100');
  await expect.poll(() => form.locator('.ant-form-item-explain-error').count()).toBe(0);
  // Due at the end of next January: the row then says by when, as an exporter's terms do.
  await byTestId(page, 'order-due').click();
  await page.keyboard.type(`${Number(today.slice(0, 4)) + 1}-01-31`);
  await page.keyboard.press('Enter');
  await screenshot('order-lines-en');
  await byTestId(page, 'order-save').click();

  await expect.poll(async () => (await invoke(page, 'orders:list', { customerId: id })).orders.some((o) => o.orderNumber === 'E2E-001'), SLOW).toBe(true);
  const sale = (await invoke(page, 'orders:list', { customerId: id })).orders.find((o) => o.orderNumber === 'E2E-001')!;
  expect([sale.amountMinor, sale.costMinor, sale.unpaidMinor, sale.lines.length]).toEqual([22600, 15000, 22600 - 10000, 2]);
  expect(sale.lines.map((l) => [l.sku, l.name, l.quantity, l.unitPriceMinor])).toEqual([['LJ-250', '龙井茶', 2, 8800], [null, 'Tea cups', 4, 1250]]);

  // The file: owes 226.00 − 100.00 = 126.00; one order worth 226.00; profit 226.00 − 150.00 = 76.00.
  const balance = byTestId(page, 'customer-balance');
  await expect.poll(() => balance.innerText(), SLOW).toContain('126.00');
  await expect.poll(() => byTestId(page, 'customer-summary').innerText()).toMatch(/Orders: 1 · total .*226\.00/);
  const saleRow = page.locator(`tr[data-order-id="${sale.id}"]`);
  await expect.poll(() => saleRow.locator('[data-testid="order-profit"]').innerText()).toContain('76.00');
  await expect.poll(() => saleRow.locator('[data-testid="order-payment-status"]').getAttribute('data-status')).toBe('part');
  await screenshot('order-balance-en');
  // The tier engine ranks them by the sale: the pyramid's explanation names 226.00 as their amount.
  const rankedAmount = async () => {
    const explanation = (await invoke(page, 'segments:explain', { customerId: id })).schemes.pyramid!.explanation;
    return explanation.kind === 'pyramid' ? explanation.rankValue : null;
  };
  await expect.poll(rankedAmount, SLOW).toBe(22600);

  // A return of 26.00 against it: revenue 200.00, still one order, owes 126.00 − 26.00 = 100.00.
  await saleRow.locator('[data-testid="order-return"]').click();
  await expect.poll(() => field(page.locator('body'), 'return-amount').inputValue()).toBe('226.00');
  await field(page.locator('body'), 'return-amount').fill('26');
  await byTestId(page, 'return-save').click();
  await expect.poll(() => page.locator('tr[data-kind="return"]').count(), SLOW).toBe(1);
  await expect.poll(() => page.locator('tr[data-kind="return"] [data-testid="order-amount-cell"]').innerText()).toContain('-');
  await expect.poll(() => page.locator('tr[data-kind="return"] [data-testid="order-amount-cell"]').innerText()).toContain('26.00');
  await expect.poll(() => byTestId(page, 'customer-summary').innerText(), SLOW).toMatch(/Orders: 1 · total .*200\.00/);
  await expect.poll(() => byTestId(page, 'orders-total').innerText()).toContain('200.00');
  await expect.poll(() => balance.innerText()).toContain('100.00');
  const stored = (await invoke(page, 'customers:list', { search: '旅程 赊账客户' })).rows[0]!;
  expect([stored.orderCount, stored.revenueBaseMinor]).toEqual([1, 22600 - 2600]);
  // … and after the return by 226.00 − 26.00 = 200.00: the return nets out of what the tiers rank.
  await expect.poll(rankedAmount, SLOW).toBe(22600 - 2600);
  expect((await invoke(page, 'customers:list', { payment: 'owes', search: '旅程 赊账客户' })).rows.map((r) => r.id)).toEqual([id]);
  // The amount with what came back, and what is owed by when, stay in view at 1366×768: left of the row's pinned
  // actions, not under them where only a sideways scroll would find them.
  expect(await figuresInView(saleRow)).toEqual({ amount: true, payment: true });
  await screenshot('order-return-en');

  // The customer pays 60.00 of the 100.00: 40.00 left.
  await saleRow.locator('[data-testid="order-pay"]').click();
  await expect.poll(() => field(page.locator('body'), 'payment-amount').inputValue()).toBe('100.00');
  // The 100.00 paid with the order is no payment row, yet the dialog says it: 226.00 − 126.00 left by its terms.
  await expect.poll(() => byTestId(page, 'payment-with-order').innerText(), SLOW).toMatch(/^Paid with the order: .*100\.00/);
  // More than is owed is refused as it is typed, naming the balance; nothing is recorded.
  await field(page.locator('body'), 'payment-amount').fill('150');
  await expect.poll(() => page.locator('.ant-modal .ant-form-item-explain-error').innerText(), SLOW).toMatch(/more than what is owed now, .*100\.00/);
  await field(page.locator('body'), 'payment-amount').fill('60');
  await expect.poll(() => page.locator('.ant-modal .ant-form-item-explain-error').count()).toBe(0);
  // The dialog has finished zooming in: a click on a loaded machine otherwise lands where Save was a moment ago.
  await animationsSettled(page);
  await byTestId(page, 'payment-save').click();
  await expect.poll(() => balance.innerText(), SLOW).toContain('40.00');
  expect((await invoke(page, 'orders:list', { customerId: id })).balanceBaseMinor).toBe(12600 - 2600 - 6000);

  // A return without an order (goods from an old sale nobody recorded): revenue 200.00 − 10.00 = 190.00, balance unchanged.
  // Escape closes the dialog on screen (no hidden dialog takes the key), and it opens again empty.
  await byTestId(page, 'add-order').click();
  await byTestId(page, 'order-form').waitFor();
  await page.keyboard.press('Escape');
  await byTestId(page, 'order-form').waitFor({ state: 'hidden' });
  await byTestId(page, 'add-return').click();
  await byTestId(page, 'return-form').waitFor();
  await page.keyboard.press('Escape');
  await byTestId(page, 'return-form').waitFor({ state: 'hidden' });
  await byTestId(page, 'add-return').click();
  await expect.poll(() => field(page.locator('body'), 'return-amount').inputValue()).toBe('');
  await field(page.locator('body'), 'return-amount').fill('10');
  await byTestId(page, 'return-save').click();
  await expect.poll(() => page.locator('tr[data-kind="return"]').count(), SLOW).toBe(2);
  await expect.poll(() => byTestId(page, 'orders-total').innerText()).toContain('190.00');
  await expect.poll(() => byTestId(page, 'customer-summary').innerText()).toMatch(/Orders: 1 · total .*190\.00/);
  expect(await balance.innerText()).toContain('40.00');
  const standalone = (await invoke(page, 'orders:list', { customerId: id })).orders.find((o) => o.kind === 'return' && o.returnOfOrderId === null)!;
  expect([standalone.amountMinor, standalone.currency]).toEqual([-1000, base]);

  // Twenty older sales of 1.00, each with one line: 23 rows, so the tab reads them a page of 20 at a time (the latest
  // first), while the totals count them all: revenue 190.00 + 20 × 1.00 = 210.00 over 21 sales, the balance unchanged.
  for (let i = 0; i < 20; i++) await invoke(page, 'orders:create', { customerId: id, orderDate: '2020-01-01', currency: base, lines: [{ name: `Sample cup ${i}`, quantity: 1, unitPrice: '1' }] });
  await page.reload();
  // The tab's first page comes with the file: opening the tab asks nothing more (seen through the loopback bridge,
  // where each call is a request; the page of the pager below is the one that is asked).
  await expect.poll(() => byTestId(page, 'customer-summary').innerText(), SLOW).toMatch(/Orders: 21 · total .*210\.00/);
  const viaBridge = page.url().startsWith('http://127.0.0.1');
  const pagesAsked: string[] = [];
  const notePageAsked = (request: { url(): string; postData(): string | null }) => {
    const body = request.url().endsWith('/api/invoke') ? request.postData() : null;
    if (body?.includes('"orders:page"')) pagesAsked.push(body);
  };
  page.on('request', notePageAsked);
  await byTestId(page, 'tab-orders').click();
  const rows = page.locator('[data-testid="orders-table"] tr[data-order-id]');
  await expect.poll(() => byTestId(page, 'orders-total').innerText(), SLOW).toContain('210.00');
  expect(await balance.innerText()).toContain('40.00');
  await expect.poll(() => rows.count(), SLOW).toBe(20);
  expect(pagesAsked).toEqual([]);
  await expect.poll(() => rows.first().getAttribute('data-order-id')).toBe(standalone.id);
  // The tab's pager (the other tabs' tables are hidden).
  const pageButton = (n: number) => page.locator(`.ant-pagination-item-${n}:visible`);
  await pageButton(2).click();
  // Page 2: the three oldest of the twenty (same day: the first entered last), whose lines open under them.
  const oldest = (await invoke(page, 'orders:page', { customerId: id, offset: 20, limit: 20 })).orders;
  expect(oldest.map((o) => o.lines[0]!.name)).toEqual(['Sample cup 2', 'Sample cup 1', 'Sample cup 0']);
  await expect.poll(async () => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-order-id'))), SLOW).toEqual(oldest.map((o) => o.id));
  page.off('request', notePageAsked);
  // The pager's page and the call just above, both of offset 20.
  if (viaBridge) expect(pagesAsked.map((body) => (JSON.parse(body) as { input: { offset: number } }).input.offset)).toEqual([20, 20]);
  await rows.first().locator('.ant-table-row-expand-icon').click();
  await expect.poll(() => byTestId(page, 'order-lines-view').first().innerText()).toContain('Sample cup 2');
  await pageButton(1).click();
  await expect.poll(() => rows.count(), SLOW).toBe(20);

  // The customer list filtered to those who owe money shows exactly the customers the contract says owe.
  await page.goto(at(page, '#/customers'));
  await byTestId(page, 'customer-row').first().waitFor(SLOW);
  await chooseOption(page, 'filter-payment', 'Owes money');
  const owing = await invoke(page, 'customers:list', { payment: 'owes', limit: 5000 });
  const owingIds = owing.rows.map((r) => r.id);
  expect(owingIds).toContain(id);
  await expect.poll(() => byTestId(page, 'customer-count').innerText(), SLOW).toMatch(new RegExp(`^${owing.total} customers?`));
  const shown = async () => page.locator('[data-testid="customer-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-customer-id')!));
  await expect.poll(async () => (await shown()).length > 0, SLOW).toBe(true);
  expect((await shown()).every((shownId) => owingIds.includes(shownId))).toBe(true);
  if (owing.total <= 10) expect((await shown()).sort()).toEqual([...owingIds].sort());
  await screenshot('customers-owe-en');

  // The same file in Chinese: the balance in the header, the statuses in the list.
  await invoke(page, 'settings:update', { language: 'zh-CN' });
  await page.goto(at(page, `#/customers/${id}`));
  await page.reload();
  await byTestId(page, 'tab-orders').click();
  await expect.poll(() => byTestId(page, 'customer-balance').innerText(), SLOW).toMatch(/^欠款 .*40\.00$/);
  await expect.poll(() => saleRow.locator('[data-testid="order-payment-status"]').innerText()).toContain('部分付款');
  expect(await figuresInView(saleRow)).toEqual({ amount: true, payment: true });
  await screenshot('order-file-zh');

  // The 40.00 paid, then 50.00 of the goods returned: sale 226.00 − returns 76.00 − paid 200.00 (100.00 with the order,
  // 60.00 and 40.00 since) is 50.00 past what was owed. The row says so, and its payments open to read, with what to do.
  await invoke(page, 'orders:record-payment', { id: sale.id });
  await invoke(page, 'orders:return', { orderId: sale.id, amount: '50', orderDate: today });
  await page.reload();
  await byTestId(page, 'tab-orders').click();
  await expect.poll(() => saleRow.locator('[data-testid="order-overpaid"]').innerText(), SLOW).toMatch(/^多收 .*50\.00$/);
  expect(await saleRow.locator('[data-testid="order-pay"]').count()).toBe(0);
  await saleRow.locator('[data-testid="order-payments"]').click();
  await expect.poll(() => byTestId(page, 'payment-overpaid').innerText(), SLOW).toMatch(/收款比退货后应收的多 .*50\.00/);
  await expect.poll(() => page.locator('.ant-modal [data-testid="payment-row"]').count()).toBe(2);
  await animationsSettled(page);
  await screenshot('order-overpaid-zh');
  await byTestId(page, 'payment-close').click();
  await byTestId(page, 'payment-overpaid').waitFor({ state: 'hidden' });
  await invoke(page, 'settings:update', { language: 'en' });
  await page.reload();
}

