import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { localDateOf } from '../../shared/domain/dates';
import { at, byTestId, chooseOption, inputOf, invoke, type Journey } from './journeys';

const SLOW = { timeout: 15_000 };
const hashOf = (page: Page) => new URL(page.url()).hash;

/** What holds the keyboard focus: the test id on it or around it, and its own id (antd puts a field's name there). */
const focused = (page: Page) =>
  page.evaluate(() => ({ testId: document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null, id: document.activeElement?.id ?? '' }));

/** Presses Tab until the focus lands on `testId`, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, testId: string, most = 12): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).testId === testId) return;
  }
  throw new Error(`Tab never reached ${testId} (stopped on ${JSON.stringify(await focused(page))})`);
}

/**
 * A stall owner who never touches the mouse: a focused button's Enter is the button's, not the selected
 * row's; a form opens with the cursor in its first field and Enter saves; row actions are reached with
 * Tab; a popover or dialog closed with Escape gives the focus back; the tiered list's members are
 * explained with ↑↓ and Enter; filters and icon buttons have names a screen reader can say.
 */
export async function keyboardOnlyJourney({ page, screenshot }: Journey): Promise<void> {
  if ((await invoke(page, 'settings:get', {})).language !== 'en') await invoke(page, 'settings:update', { language: 'en' });
  await page.goto(at(page, '#/customers'));
  await page.reload();
  await byTestId(page, 'customer-row').first().waitFor(SLOW);

  // A row selected with ↓, then Enter on the focused "Add customer": the form opens, the row's file does not.
  await page.keyboard.press('ArrowDown');
  await page.locator('[data-testid="customer-row"][aria-selected="true"]').waitFor();
  await byTestId(page, 'add-customer').focus();
  await page.keyboard.press('Enter');
  await byTestId(page, 'new-customer-save').waitFor();
  expect(hashOf(page)).toBe('#/customers');
  // The cursor starts in the name, and Enter there saves: the new customer's file opens.
  await expect.poll(async () => (await focused(page)).testId).toBe('profile-name');
  await page.keyboard.type('Keyboard Only 键盘客户');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await invoke(page, 'customers:list', { search: 'Keyboard Only' })).rows.length, SLOW).toBe(1);
  const id = (await invoke(page, 'customers:list', { search: 'Keyboard Only' })).rows[0]!.id;
  await expect.poll(() => hashOf(page), SLOW).toBe(`#/customers/${id}`);

  // An order left unpaid, to pay and return by keyboard.
  const base = (await invoke(page, 'settings:get', {})).baseCurrency;
  await invoke(page, 'orders:create', { customerId: id, orderDate: localDateOf(new Date()), currency: base, amount: '300', payment: { status: 'unpaid' } });
  await page.reload();
  await byTestId(page, 'tab-orders').click();
  await byTestId(page, 'order-pay').waitFor(SLOW);

  // "Add order" opens with the cursor in the date, its first field.
  await byTestId(page, 'add-order').focus();
  await page.keyboard.press('Enter');
  await byTestId(page, 'order-form').waitFor({ state: 'visible' });
  await expect.poll(async () => (await focused(page)).id).toBe('orderDate');
  await page.keyboard.press('Escape');
  await byTestId(page, 'order-form').waitFor({ state: 'hidden' });

  // The order's actions are reached with Tab; "Pay" starts in the amount, all of it selected, and Enter saves.
  await byTestId(page, 'add-order').focus();
  await tabTo(page, 'order-pay');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page)).testId).toBe('payment-amount');
  expect(await page.evaluate(() => { const input = document.activeElement as HTMLInputElement; return input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0); })).toBe('300.00');
  await page.keyboard.type('120');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await invoke(page, 'orders:list', { customerId: id })).orders[0]!.unpaidMinor, SLOW).toBe(18000);
  await byTestId(page, 'payment-amount').waitFor({ state: 'hidden' });
  // Opened again, it lists the payment just recorded (its amount, day and who), and Escape closes it unchanged.
  await byTestId(page, 'add-order').focus();
  await tabTo(page, 'order-pay');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('[data-testid="payment-row"]').allInnerTexts(), SLOW).toEqual([expect.stringContaining('120.00')]);
  await page.keyboard.press('Escape');
  await byTestId(page, 'payment-amount').waitFor({ state: 'hidden' });

  // "Return" starts in the amount too; Escape closes it and gives the focus back to the button.
  await byTestId(page, 'add-order').focus();
  await tabTo(page, 'order-return');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page)).testId).toBe('return-amount');
  await page.keyboard.press('Escape');
  await byTestId(page, 'return-amount').waitFor({ state: 'hidden' });
  await expect.poll(async () => (await focused(page)).testId).toBe('order-return');
  // "Edit" too: Enter opens the order with the cursor in its date; Escape closes it and the focus is back on Edit.
  await byTestId(page, 'add-order').focus();
  await tabTo(page, 'order-edit');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page)).id).toBe('orderDate');
  await page.keyboard.press('Escape');
  await byTestId(page, 'order-form').waitFor({ state: 'hidden' });
  await expect.poll(async () => (await focused(page)).testId).toBe('order-edit');

  // A page past the first: from the last row's Delete, Tab reaches the pager and Enter on page 2 shows it.
  for (let day = 1; day <= 20; day++) await invoke(page, 'orders:create', { customerId: id, orderDate: `2024-01-${String(day).padStart(2, '0')}`, currency: base, amount: String(day) });
  await page.reload();
  await byTestId(page, 'tab-orders').click();
  await expect.poll(() => byTestId(page, 'order-delete').count(), SLOW).toBe(20);
  await byTestId(page, 'order-delete').last().focus();
  for (let i = 0; i < 4 && !(await page.evaluate(() => document.activeElement?.matches('.ant-pagination-item-2') ?? false)); i++) await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.matches('.ant-pagination-item-2') ?? false)).toBe(true);
  await page.keyboard.press('Enter');
  // Page 2 holds the one order past the first twenty: the oldest, of 1.00.
  await expect.poll(() => byTestId(page, 'order-delete').count(), SLOW).toBe(1);
  await expect.poll(() => byTestId(page, 'order-amount-cell').innerText()).toContain('1.00');

  // The file's follow-up form saves on Ctrl+Enter, as its placeholder says; the new follow-up's Edit is
  // reached with Tab from the form above the timeline.
  await byTestId(page, 'tab-followups').click();
  await byTestId(page, 'followup-form').locator('[data-testid="followup-content"]').focus();
  await page.keyboard.type('First call, by keyboard');
  await page.keyboard.press('Control+Enter');
  await expect.poll(async () => (await invoke(page, 'followups:list', { customerId: id })).followUps.map((f) => f.content), SLOW).toEqual(['First call, by keyboard']);
  await byTestId(page, 'followup-item').waitFor(SLOW);
  await byTestId(page, 'followup-add').focus();
  await tabTo(page, 'followup-edit');

  // Delete, then Undo in the message, both by keyboard.
  await byTestId(page, 'delete-customer').focus();
  await page.keyboard.press('Enter');
  await page.locator('.ant-popconfirm .ant-btn-dangerous, .ant-popconfirm .ant-btn-primary').first().focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await invoke(page, 'customers:get', { id })).deletedAt, SLOW).not.toBeNull();
  await byTestId(page, 'undo-delete').focus();
  expect((await focused(page)).testId).toBe('undo-delete');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await invoke(page, 'customers:get', { id })).deletedAt, SLOW).toBeNull();

  // A bulk action and its Undo by keyboard: Space ticks, Enter opens "Add tag", Enter applies, Undo takes it back.
  await page.goto(at(page, '#/customers'));
  await inputOf(page, 'customer-search').fill('Keyboard Only');
  const row = page.locator(`[data-testid="customer-row"][data-customer-id="${id}"]`);
  await row.waitFor(SLOW);
  await row.locator('[data-testid="row-tick"]').focus();
  await page.keyboard.press('Space');
  await byTestId(page, 'bulk-add-tag').focus();
  await page.keyboard.press('Enter');
  await byTestId(page, 'bulk-add-tag-input').waitFor();
  await page.keyboard.type('kb-tag');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await invoke(page, 'customers:get', { id })).tags, SLOW).toContain('kb-tag');
  await byTestId(page, 'bulk-undo').focus();
  expect((await focused(page)).testId).toBe('bulk-undo');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await invoke(page, 'customers:get', { id })).tags, SLOW).not.toContain('kb-tag');

  // Today: a row selected with ↓, then Enter on another row's focused "Reschedule": its popover opens, the
  // selected row's file does not; the cursor starts inside it, and Escape puts it back on the button.
  await byTestId(page, 'nav-today').click();
  const overdue = byTestId(page, 'today-group-overdue');
  await overdue.waitFor(SLOW);
  if ((await overdue.getAttribute('aria-expanded')) === 'false') await overdue.click();
  const withReminder = page.locator('[data-testid="today-item"]:has([data-testid="today-reschedule"])');
  await withReminder.nth(1).waitFor(SLOW);
  await byTestId(page, 'today-customer-link').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const selected = await page.locator('[data-testid="today-item"][aria-selected="true"]').getAttribute('data-customer-id');
  const other = (await withReminder.first().getAttribute('data-customer-id')) === selected ? withReminder.nth(1) : withReminder.first();
  await other.locator('[data-testid="today-reschedule"]').focus();
  await page.keyboard.press('Enter');
  await byTestId(page, 'today-reschedule-popover').waitFor();
  expect(hashOf(page)).toBe('#/today');
  await expect.poll(async () => (await focused(page)).testId).toBe('today-reschedule-in-1');
  await screenshot('keyboard-reschedule-en');
  await page.keyboard.press('Escape');
  await byTestId(page, 'today-reschedule-popover').waitFor({ state: 'hidden' });
  await expect.poll(async () => (await focused(page)).testId).toBe('today-reschedule');

  // Tiered lists: ↓ selects the first member, Enter opens their explanation.
  await byTestId(page, 'nav-tiers').click();
  const firstMember = byTestId(page, 'member-row').first();
  await firstMember.waitFor(SLOW);
  await byTestId(page, 'open-policies').focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => firstMember.getAttribute('aria-selected')).toBe('true');
  const name = (await firstMember.locator('.virtual-cell').first().innerText()).split('\n')[0]!.trim();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('.ant-drawer-open .ant-drawer-title').innerText().catch(() => ''), SLOW).toContain(name);
  await page.keyboard.press('Escape');
  await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
  // The search's icon button says what it does.
  expect(await page.locator('.ant-input-search button.ant-btn-icon-only').getAttribute('aria-label')).toBe('Search name, company, pinyin');

  // FX rates: adding starts in the currency; editing starts in the rate and Enter saves it.
  await byTestId(page, 'nav-fx').click();
  await byTestId(page, 'fx-add').focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page)).testId).toBe('fx-currency');
  await page.keyboard.press('Escape');
  await byTestId(page, 'fx-form').waitFor({ state: 'detached' });
  await byTestId(page, 'fx-edit').first().focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page)).testId).toBe('fx-rate');
  await page.keyboard.press('Enter');
  await byTestId(page, 'fx-form').waitFor({ state: 'detached' });
  expect(await byTestId(page, 'fx-filter').locator('input').getAttribute('aria-label')).toBe('All currencies');

  // The list's filters are named for a screen reader (a placeholder is not read out), in either language.
  const filterNames = () => page.locator('[data-testid^="filter-"] input').evaluateAll((inputs) => inputs.map((i) => i.getAttribute('aria-label')));
  await byTestId(page, 'nav-customers').click();
  await byTestId(page, 'filter-types').waitFor();
  expect(await filterNames()).toEqual(['Type', 'Locality', 'Country', 'Tag', 'Owner', 'Payment', 'Filter by tier', 'Classes']);
  await chooseOption(page, 'language-switch', '中文');
  await expect.poll(async () => (await filterNames())[0]).toBe('类型');
  expect((await filterNames()).every((label) => label && /[\u4e00-\u9fff]/.test(label))).toBe(true);
  await chooseOption(page, 'language-switch', 'English');
}
