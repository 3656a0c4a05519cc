import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { localDateOf } from '../../shared/domain/dates';
import { at, byTestId, chooseOption, invoke, type Journey } from './journeys';
import { withDemo } from './journeys-discard';

const SLOW = { timeout: 15_000 };

/** The test id on or around what holds the focus, and the text of a button in an open question. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return { testId: active?.closest('[data-testid]')?.getAttribute('data-testid') ?? null, inQuestion: active?.closest('.ant-popconfirm') ? active.textContent : null };
  });

/** Presses Tab until the focus lands on `testId`, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, testId: string, most = 20): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).testId === testId) return;
  }
  throw new Error(`Tab never reached ${testId} (stopped on ${JSON.stringify(await focused(page))})`);
}

/**
 * Deleting by keyboard: Enter on an order's Delete asks, and the question has the focus, on Cancel (antd put
 * it at the end of the page, where Tab never got to it, and left the focus on Delete). Enter there cancels
 * and the focus is back on Delete; asked again, Tab reaches Delete and Enter deletes. The customer is
 * deleted the same way, in Chinese.
 */
export async function deleteOrderAndCustomerByKeyboard({ page, screenshot }: Journey): Promise<void> {
  await withDemo(page);
  if ((await invoke(page, 'settings:get', {})).language !== 'en') await invoke(page, 'settings:update', { language: 'en' });
  const { customer } = await invoke(page, 'customers:create', { name: 'Delete By Keyboard 键删' });
  const currency = (await invoke(page, 'settings:get', {})).baseCurrency;
  // Two orders: after the first (newest) is deleted, the focus goes to the other's Delete; after that, to Add order.
  const older = await invoke(page, 'orders:create', { customerId: customer.id, orderDate: '2020-01-02', currency, amount: '120' });
  const order = await invoke(page, 'orders:create', { customerId: customer.id, orderDate: localDateOf(new Date()), currency, amount: '240' });
  await page.goto(at(page, `#/customers/${customer.id}`));
  await page.reload();
  await byTestId(page, 'tab-orders').click();
  await byTestId(page, 'order-delete').first().waitFor(SLOW);

  // Tab reaches the order's Delete; Enter asks, with the focus on Cancel.
  await byTestId(page, 'add-order').focus();
  await tabTo(page, 'order-delete');
  await page.keyboard.press('Enter');
  const question = page.locator('.ant-popconfirm:visible');
  await question.waitFor();
  await expect.poll(async () => (await focused(page)).inQuestion).toBe('Cancel');
  await screenshot('keyboard-delete-order-question-en');
  // Orders have no trash screen: the question says how one comes back (the Undo in the message, the deleted orders under the table).
  expect(await question.locator('.ant-popconfirm-title').innerText()).toBe('Delete this order? Undo in the message that follows brings it back, as does Restore under “Deleted orders” below.');

  // Enter on Cancel: nothing deleted, and the focus is back on Delete.
  await page.keyboard.press('Enter');
  await question.waitFor({ state: 'detached' });
  await expect.poll(async () => (await focused(page)).testId).toBe('order-delete');
  expect((await invoke(page, 'orders:list', { customerId: customer.id })).orders.map((o) => o.id).sort()).toEqual([older.id, order.id].sort());

  // Asked again: Tab goes from Cancel to Delete, and Enter deletes the order.
  await page.keyboard.press('Enter');
  await question.waitFor();
  await page.keyboard.press('Tab');
  expect((await focused(page)).inQuestion).toBe('Delete');
  // Delete is a danger answer, as on the exchange rates.
  expect(await question.locator('.ant-btn-dangerous').innerText()).toBe('Delete');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await invoke(page, 'orders:list', { customerId: customer.id })).orders.map((o) => o.id), SLOW).toEqual([older.id]);
  // The focus is on the remaining order's Delete, not fallen to the page.
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-row-key]')?.getAttribute('data-row-key') ?? null), SLOW).toBe(older.id);
  expect((await focused(page)).testId).toBe('order-delete');
  // Deleting the last one leaves the focus on Add order.
  await page.keyboard.press('Enter');
  await question.waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await invoke(page, 'orders:list', { customerId: customer.id })).orders.length, SLOW).toBe(0);
  await expect.poll(async () => (await focused(page)).testId, SLOW).toBe('add-order');

  // Days later the message's Undo is gone: the deleted orders under the table bring one back, by keyboard too.
  const deleted = byTestId(page, 'deleted-orders');
  await expect.poll(async () => (await deleted.locator('.ant-collapse-header').innerText()).trim(), SLOW).toBe('Deleted orders (2)');
  await deleted.locator('.ant-collapse-header').focus();
  await page.keyboard.press('Enter');
  await byTestId(page, 'deleted-order').first().waitFor(SLOW);
  // The latest deleted first: the older order, 120, deleted last.
  expect(await byTestId(page, 'deleted-order').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order-id')))).toEqual([older.id, order.id]);
  await screenshot('deleted-orders-en');
  await tabTo(page, 'deleted-order-restore');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await invoke(page, 'orders:list', { customerId: customer.id })).orders.map((o) => o.id), SLOW).toEqual([older.id]);
  await expect.poll(async () => (await deleted.locator('.ant-collapse-header').innerText()).trim(), SLOW).toBe('Deleted orders (1)');
  // The file's figures count it again: the orders total is what the live orders sum to.
  await expect.poll(async () => (await byTestId(page, 'orders-total').innerText()).includes('120.00'), SLOW).toBe(true);

  // The customer, in Chinese: Tab from "Log a follow-up" reaches 删除; Enter asks, the focus on 取消; Tab, Enter deletes.
  await chooseOption(page, 'language-switch', '中文');
  await byTestId(page, 'file-quick-followup').focus();
  await tabTo(page, 'delete-customer');
  await page.keyboard.press('Enter');
  await question.waitFor();
  await expect.poll(async () => (await focused(page)).inQuestion).toBe('取消');
  await screenshot('keyboard-delete-customer-question-zh-CN');
  await page.keyboard.press('Tab');
  expect((await focused(page)).inQuestion).toBe('删除');
  expect(await question.locator('.ant-btn-dangerous').innerText()).toBe('删除');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await invoke(page, 'customers:get', { id: customer.id })).deletedAt, SLOW).not.toBeNull();
  // Restore takes Delete's place, and the focus with it: Enter there would undo the delete.
  await expect.poll(async () => (await focused(page)).testId, SLOW).toBe('restore-customer');
  await chooseOption(page, 'language-switch', 'English');
}
