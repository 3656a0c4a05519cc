import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { localDateOf } from '../../shared/domain/dates';
import { at, byTestId, invoke, type Journey } from './journeys';
import { withDemo } from './journeys-discard';

const SLOW = { timeout: 15_000 };

/** Ids held by more than one element of the page (a label's for=, a skip target or aria-labelledby then finds the wrong one). */
const repeatedIds = (page: Page) =>
  page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });

/**
 * The customer file's ids are each used once, whatever is open: its tabs once visited stay in the page, the
 * follow-up form beside the quick follow-up and the edit dialog (id="content" was there twice, the first
 * taking the other's label), the order form kept rendered beside the return and payment dialogs.
 */
export async function customerFileIdsUnique({ page }: Journey): Promise<void> {
  await withDemo(page);
  if ((await invoke(page, 'settings:get', {})).language !== 'en') await invoke(page, 'settings:update', { language: 'en' });
  const customer = (await invoke(page, 'customers:list', { limit: 1 })).rows[0]!;
  const { baseCurrency } = await invoke(page, 'settings:get', {});
  // Something to edit, return and pay on this customer.
  await invoke(page, 'orders:create', { customerId: customer.id, orderDate: localDateOf(new Date()), currency: baseCurrency, amount: '120', payment: { status: 'unpaid' } });
  await invoke(page, 'followups:create', { customerId: customer.id, channel: 'call', content: 'Ids journey', outcome: null, intent: null, satisfaction: null, nextContactDate: null, nextContactTime: null });
  await page.goto(at(page, `#/customers/${customer.id}`));
  await page.reload();
  await byTestId(page, 'followup-item').first().waitFor(SLOW);
  expect(await repeatedIds(page)).toEqual([]);

  for (const tab of ['tab-orders', 'tab-tiers', 'tab-offers', 'tab-profile', 'tab-followups']) {
    await byTestId(page, tab).click();
    await expect.poll(() => page.locator(`.ant-tabs-tab-active [data-testid="${tab}"]`).count()).toBe(1);
    expect(await repeatedIds(page), tab).toEqual([]);
  }

  /** Opens a dialog with `button`, checks the ids while it is open, closes it with its Cancel. */
  const withDialog = async (button: string) => {
    await byTestId(page, button).first().click();
    const footer = page.locator('.ant-modal-wrap:visible .ant-modal-footer');
    await footer.waitFor();
    expect(await repeatedIds(page), button).toEqual([]);
    await footer.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
  };
  await withDialog('file-quick-followup');
  await withDialog('followup-edit');
  // The follow-up form's label still leads to its own text box.
  const label = page.locator('[data-testid="followup-form"] label', { hasText: 'What happened' });
  await label.click();
  expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="followup-form"]') !== null)).toBe(true);

  await byTestId(page, 'tab-orders').click();
  await withDialog('add-order');
  await withDialog('order-return');
  await withDialog('order-pay');
}
