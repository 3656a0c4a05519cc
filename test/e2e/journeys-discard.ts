import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { at, byTestId, chooseOption, inputOf, invoke, questionSettled, type Journey } from './journeys';

const SLOW = { timeout: 15_000 };

/** The test id on or around what holds the keyboard focus. */
const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);

/**
 * In the open quick follow-up, the cursor in its first field: a next-contact day before today, "their 09:00" for a
 * client `hoursAhead` of UTC, then Save. The day is refused under its field, the line in their hours under it, and the dialog is still drawn whole: its body does not scroll, its first field's label
 * starts below the title, and the title, every field and the buttons lie inside the window. The cursor ends in the
 * first field.
 */
async function refusedDayFits(page: Page, hoursAhead: number): Promise<void> {
  await expect.poll(() => focusedTestId(page)).toBe('followup-content');
  const dialog = page.locator('.ant-modal-wrap:visible .ant-modal').filter({ has: byTestId(page, 'quick-followup') });
  await dialog.locator('[data-testid="followup-next-date"]').click();
  await page.keyboard.type('2020-01-02');
  await page.keyboard.press('Enter');
  // The client works in Abu Dhabi or Tokyo (UTC+4, UTC+9 all year; see abroad()): "their 09:00" sets the user's day
  // and time that is 09:00 on 2 January there, found here by arithmetic on the instant in the browser's own clock.
  await dialog.locator('[data-testid="their-call-time"]').click();
  const expected = await page.evaluate((ahead) => {
    const local = new Date(Date.UTC(2020, 0, 2, 9, 0) - ahead * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return [`${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`, `${pad(local.getHours())}:${pad(local.getMinutes())}`];
  }, hoursAhead);
  await expect.poll(() => Promise.all([dialog.locator('[data-testid="followup-next-date"]').inputValue(), dialog.locator('input[data-testid="followup-next-time"]').inputValue()])).toEqual(expected);
  await expect.poll(() => dialog.locator('[data-testid="their-time-text"]').innerText()).toMatch(/^(= 09:00 Thu in their time|对方时间 周四 09:00)$/);
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  await dialog.locator('.ant-form-item-explain-error').waitFor(SLOW);
  const layout = await dialog.evaluate((node) => {
    const body = node.querySelector('.ant-modal-body')!;
    const title = node.querySelector('.ant-modal-title')!.getBoundingClientRect();
    const label = body.querySelector('label')!.getBoundingClientRect();
    const parts = [...node.querySelectorAll('.ant-modal-title, .ant-form-item, .ant-modal-footer .ant-btn')].map((e) => e.getBoundingClientRect());
    return {
      scrolls: body.scrollHeight > body.clientHeight,
      firstFieldBelowTitle: label.top >= title.bottom,
      allInWindow: parts.every((r) => r.top >= 0 && r.bottom <= window.innerHeight),
    };
  });
  expect(layout).toEqual({ scrolls: false, firstFieldBelowTitle: true, allInWindow: true });
  // Back in the first field, as a user picks up after reading the explanation.
  await dialog.locator('textarea[data-testid="followup-content"]').focus();
}

/**
 * Moves a customer to a clock that is not the browser's, for the line under the next contact in their hours: Abu
 * Dhabi (UTC+4 all year), or Tokyo (UTC+9) where the browser keeps UTC+4. Returns what puts the place back.
 */
async function abroad(page: Page, id: string): Promise<{ hoursAhead: number; restore(): Promise<void> }> {
  const customer = await invoke(page, 'customers:get', { id });
  const offset = await page.evaluate(() => -new Date().getTimezoneOffset());
  const input = (country: string | null, region: string | null, city: string | null) => ({
    ...customer,
    country,
    region,
    city,
    contacts: customer.contacts.map(({ kind, value, label }) => ({ kind, value, label })),
  });
  const place = offset === 240 ? input('JP', null, 'Tokyo') : input('AE', null, 'Abu Dhabi');
  await invoke(page, 'customers:update', { id, customer: place });
  return {
    hoursAhead: offset === 240 ? 9 : 4,
    restore: async () => {
      await invoke(page, 'customers:update', { id, customer: input(customer.country, customer.region, customer.city) });
    },
  };
}

/** Run on its own (vitest -t), the workspace is still new: start it with the demo, as the first journey does. */
export async function withDemo(page: Page): Promise<void> {
  if ((await invoke(page, 'customers:list', { limit: 1 })).total > 0) return;
  await invoke(page, 'workspace:loadDemo', { customers: 40, seed: 7 });
  await invoke(page, 'workspace:startEmpty', {});
}

/**
 * Typed work is not dropped by a stray Esc: the quick follow-up (whose hint says Esc closes) and the order
 * form ask first, with the words of the app's unsaved-changes prompt. "Keep editing" keeps every letter;
 * "Discard and close" closes without saving; with nothing typed, Esc closes at once.
 */
export async function typedWorkAsksBeforeClosing({ page, screenshot }: Journey): Promise<void> {
  await withDemo(page);
  if ((await invoke(page, 'settings:get', {})).language !== 'en') await invoke(page, 'settings:update', { language: 'en' });
  await page.goto(at(page, '#/customers'));
  await page.reload();
  await inputOf(page, 'customer-search').fill('');
  const first = (await invoke(page, 'customers:list', { limit: 1 })).rows[0]!;
  const place = await abroad(page, first.id);
  await byTestId(page, 'customer-row').first().waitFor(SLOW);
  const logged = async () => (await invoke(page, 'followups:list', { customerId: first.id })).followUps.length;
  const before = await logged();

  // ↓ then F: the quick follow-up for the first customer; a few words typed, then Esc.
  await byTestId(page, 'customer-count').click();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.locator('[data-testid="customer-row"][aria-selected="true"]').getAttribute('data-customer-id')).toBe(first.id);
  await page.keyboard.press('f');
  const dialog = byTestId(page, 'quick-followup');
  await dialog.waitFor();
  const typed = 'Asked about the spring samples; call back Friday';
  await page.keyboard.type(typed);
  await page.keyboard.press('Escape');
  // Asked, not closed; the safe answer has the focus.
  await byTestId(page, 'unsaved-stay').waitFor();
  await expect.poll(() => focusedTestId(page)).toBe('unsaved-stay');
  expect(await dialog.isVisible()).toBe(true);
  await screenshot('discard-quick-followup-en');

  // Esc (or "Keep editing") answers "keep": the text is all there, and the cursor back in it.
  await page.keyboard.press('Escape');
  await byTestId(page, 'unsaved-stay').waitFor({ state: 'detached' });
  expect(await dialog.isVisible()).toBe(true);
  expect(await inputOf(page, 'followup-content').inputValue()).toBe(typed);
  await expect.poll(() => focusedTestId(page)).toBe('followup-content');

  // Esc again, then "Discard and close": closed, nothing saved, the focus back on the customer it was opened for.
  await page.keyboard.press('Escape');
  await questionSettled(page);
  await byTestId(page, 'unsaved-leave').click();
  await dialog.waitFor({ state: 'detached' });
  expect(await logged()).toBe(before);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-customer-id') ?? null)).toBe(first.id);

  // Nothing typed: Esc closes at once, as the hint says — after a refused next-contact day, explained under its field,
  // that left every field and Save whole in the 768 px window (stacked, the fields filled the dialog to its last
  // pixel, and the explanation made it scroll).
  await page.keyboard.press('f');
  await dialog.waitFor();
  await refusedDayFits(page, place.hoursAhead);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await byTestId(page, 'unsaved-stay').count()).toBe(0);

  // The same question in Chinese.
  await chooseOption(page, 'language-switch', '中文');
  await page.locator('[data-testid="customer-row"][aria-selected="true"]').click();
  await byTestId(page, 'customer-title').waitFor(SLOW);
  await byTestId(page, 'file-quick-followup').click();
  await dialog.waitFor();
  await refusedDayFits(page, place.hoursAhead);
  await page.keyboard.type('问了春季样品');
  await page.keyboard.press('Escape');
  await expect.poll(() => byTestId(page, 'unsaved-leave').innerText()).toBe('放弃并关闭');
  expect(await page.locator('.ant-modal-confirm-content').innerText()).toBe('关闭后，刚才填写的内容将会丢失。');
  await screenshot('discard-quick-followup-zh-CN');
  await questionSettled(page);
  await byTestId(page, 'unsaved-leave').click();
  await dialog.waitFor({ state: 'detached' });
  expect(await logged()).toBe(before);
  await chooseOption(page, 'language-switch', 'English');
  await place.restore();

  // The order form: an amount typed, then Esc asks too; discarding saves no order.
  const orders = (await invoke(page, 'orders:list', { customerId: first.id })).orders.length;
  await byTestId(page, 'tab-orders').click();
  await byTestId(page, 'add-order').click();
  await byTestId(page, 'order-form').waitFor({ state: 'visible' });
  await inputOf(page, 'order-amount').fill('88');
  await page.keyboard.press('Escape');
  await questionSettled(page);
  await byTestId(page, 'unsaved-stay').click();
  await byTestId(page, 'unsaved-stay').waitFor({ state: 'detached' });
  expect(await inputOf(page, 'order-amount').inputValue()).toBe('88');
  await page.keyboard.press('Escape');
  await questionSettled(page);
  await byTestId(page, 'unsaved-leave').click();
  await byTestId(page, 'order-form').waitFor({ state: 'hidden' });
  expect((await invoke(page, 'orders:list', { customerId: first.id })).orders.length).toBe(orders);
}
