import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { at, byTestId, inputOf, invoke, type Journey } from './journeys';
import { withDemo } from './journeys-discard';

const SLOW = { timeout: 15_000 };

/** What holds the focus: its test id (or the one around it), the column of a header it sits in, a row's index. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return {
      testId: active?.closest('[data-testid]')?.getAttribute('data-testid') ?? null,
      column: active?.closest('[role="columnheader"]')?.getAttribute('data-column') ?? null,
      sort: active?.closest('[role="columnheader"]')?.getAttribute('aria-sort') ?? null,
      row: active?.getAttribute('role') === 'row' ? { index: active.getAttribute('data-index'), selected: active.getAttribute('aria-selected') } : null,
    };
  });

/** Presses Tab until `reached` says the focus is there, as a keyboard user would; fails if it never is. */
async function tabUntil(page: Page, reached: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string, most = 30): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    if (reached(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${what} (stopped on ${JSON.stringify(await focused(page))})`);
}

const header = (page: Page, table: string, column: string) => page.locator(`[data-testid="${table}"] [role="columnheader"][data-column="${column}"]`);

/**
 * Without the mouse: a sortable column header is reached with Tab and sorts with Enter or Space, its
 * aria-sort saying the order; a member's explanation (or a quick follow-up) opened from the list gives the
 * focus back to that row when Escape closes it, and ↓ then carries it on; Settings → Backups' Restore is
 * reached with Tab, asks, and its question is answered from the keyboard.
 */
export async function headersRowsAndRestoreByKeyboard({ page, screenshot }: Journey): Promise<void> {
  await withDemo(page);
  if ((await invoke(page, 'settings:get', {})).language !== 'en') await invoke(page, 'settings:update', { language: 'en' });

  // The customer list: from the search box, Tab reaches the Name header, sorted A→Z.
  await page.goto(at(page, '#/customers'));
  await page.reload();
  await byTestId(page, 'customer-row').first().waitFor(SLOW);
  await inputOf(page, 'customer-search').focus();
  await tabUntil(page, (f) => f.column === 'name', 'the Name header');
  expect((await focused(page)).sort).toBe('ascending');
  // Sortable columns not sorted now say "none"; a column that cannot sort says nothing.
  expect(await header(page, 'customer-table', 'revenueBaseMinor').getAttribute('aria-sort')).toBe('none');
  expect(await header(page, 'customer-table', 'phone').getAttribute('aria-sort')).toBeNull();
  expect(await header(page, 'customer-table', 'phone').locator('button').count()).toBe(0);
  await screenshot('keyboard-header-focus-en');
  // Enter sorts Z→A, Space back to A→Z; the focus stays on the header.
  const byName = async (desc: boolean) => (await invoke(page, 'customers:list', { sort: { field: 'name', desc }, limit: 1 })).rows[0]!.id;
  await page.keyboard.press('Enter');
  await expect.poll(() => header(page, 'customer-table', 'name').getAttribute('aria-sort')).toBe('descending');
  await expect.poll(() => byTestId(page, 'customer-row').first().getAttribute('data-customer-id'), SLOW).toBe(await byName(true));
  expect((await focused(page)).column).toBe('name');
  await page.keyboard.press('Space');
  await expect.poll(() => header(page, 'customer-table', 'name').getAttribute('aria-sort')).toBe('ascending');
  await expect.poll(() => byTestId(page, 'customer-row').first().getAttribute('data-customer-id'), SLOW).toBe(await byName(false));
  // The file of the selected row does not open on the header's Enter.
  expect(new URL(page.url()).hash).toBe('#/customers');

  // ↓ then F: a quick follow-up for the selected customer; Escape closes it and the focus is on that customer's row.
  await page.keyboard.press('ArrowDown');
  const selected = page.locator('[data-testid="customer-row"][aria-selected="true"]');
  await selected.waitFor();
  await page.keyboard.press('f');
  await byTestId(page, 'quick-followup').waitFor();
  await page.keyboard.press('Escape');
  await byTestId(page, 'quick-followup').waitFor({ state: 'detached' });
  await expect.poll(async () => (await focused(page)).row).toEqual({ index: '0', selected: 'true' });
  expect((await focused(page)).testId).toBe('customer-row');
  // ↓ carries the focus on with the selection, not left behind on the row above.
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await focused(page)).row).toEqual({ index: '1', selected: 'true' });

  // Tiered lists: Tab reaches the revenue header (sorted largest first); Enter turns it round, and the members follow.
  await byTestId(page, 'nav-tiers').click();
  await byTestId(page, 'member-row').first().waitFor(SLOW);
  await byTestId(page, 'open-custom-segments').focus();
  await tabUntil(page, (f) => f.column === 'revenueMinor', 'the Revenue header of the members');
  expect((await focused(page)).sort).toBe('descending');
  await page.keyboard.press('Enter');
  await expect.poll(() => header(page, 'member-table', 'revenueMinor').getAttribute('aria-sort')).toBe('ascending');
  const smallest = (await invoke(page, 'segments:members', { scheme: 'pyramid', sort: 'revenue', direction: 'asc', limit: 1 })).rows[0]!;
  await expect.poll(() => byTestId(page, 'member-row').first().getAttribute('data-customer-id'), SLOW).toBe(smallest.id);
  // A third press turns it round again: the list always says which way it is sorted.
  await page.keyboard.press('Enter');
  await expect.poll(() => header(page, 'member-table', 'revenueMinor').getAttribute('aria-sort')).toBe('descending');

  // ↓ selects the first member, Enter explains them; Escape closes the drawer and the focus is back on that member.
  await page.keyboard.press('ArrowDown');
  const firstMember = byTestId(page, 'member-row').first();
  await expect.poll(() => firstMember.getAttribute('aria-selected')).toBe('true');
  await page.keyboard.press('Enter');
  const drawer = page.locator('.ant-drawer-open');
  await drawer.waitFor(SLOW);
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' });
  await expect.poll(async () => (await focused(page)).row).toEqual({ index: '0', selected: 'true' });
  await screenshot('keyboard-member-focus-back-en');
  // ↓ carries the focus on with the selection.
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await focused(page)).row).toEqual({ index: '1', selected: 'true' });
  // A member opened by a click: Escape gives the focus to that row too, not to the closed drawer's frame.
  await byTestId(page, 'member-row').nth(2).click();
  await drawer.waitFor(SLOW);
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' });
  await expect.poll(async () => (await focused(page)).row).toEqual({ index: '2', selected: 'true' });

  // Today: F on the selected row, Escape, and the focus is on that row.
  await byTestId(page, 'nav-today').click();
  await byTestId(page, 'today-item').first().waitFor(SLOW);
  await byTestId(page, 'today-total').click();
  await page.keyboard.press('ArrowDown');
  const todaySelected = page.locator('[data-testid="today-item"][aria-selected="true"]');
  await todaySelected.waitFor();
  await page.keyboard.press('f');
  await byTestId(page, 'quick-followup').waitFor();
  await page.keyboard.press('Escape');
  await byTestId(page, 'quick-followup').waitFor({ state: 'detached' });
  await expect.poll(async () => (await focused(page)).testId).toBe('today-item');
  expect((await focused(page)).row?.selected).toBe('true');

  // Settings → Backups: Tab from "Back up now" reaches Restore; Enter asks, the focus on Cancel; Escape puts it back.
  // A backup of the data as it is now, so the one put back at the end changes nothing: the newest, listed first.
  const made = (await invoke(page, 'backup:create', {})).path.split(/[\\/]/).pop()!;
  await byTestId(page, 'nav-settings').click();
  await expect.poll(() => byTestId(page, 'backup-row').first().getAttribute('data-name'), SLOW).toBe(made);
  await byTestId(page, 'backup-now').focus();
  await page.keyboard.press('Tab');
  expect((await focused(page)).testId).toBe('backup-restore');
  await page.keyboard.press('Enter');
  const question = page.locator('.ant-popconfirm:visible');
  await question.waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.ant-popconfirm') !== null && document.activeElement?.textContent)).toBe('Cancel');
  await screenshot('keyboard-restore-question-en');
  await page.keyboard.press('Escape');
  await question.waitFor({ state: 'detached' });
  await expect.poll(async () => (await focused(page)).testId).toBe('backup-restore');

  // Asked again and answered from the keyboard: Tab to Restore, Enter, and the backup is put back.
  await page.keyboard.press('Enter');
  await question.waitFor();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Restore');
  await page.keyboard.press('Enter');
  await byTestId(page, 'restore-summary').waitFor({ timeout: 60_000 });
  await page.locator('.ant-modal-confirm .ant-btn-primary').click();
  await byTestId(page, 'backup-panel').waitFor({ timeout: 60_000 });
}
