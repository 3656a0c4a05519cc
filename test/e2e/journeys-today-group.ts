import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, localDateOf } from '../../shared/domain/dates';
import { at, byTestId, chooseOption, invoke, type Journey } from './journeys';
import { withDemo } from './journeys-discard';

const SLOW = { timeout: 15_000 };

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);

/**
 * Today's "Overdue reminders" header without the mouse: Tab reaches it (it answered clicks only), Enter
 * opens the group and Space closes it, aria-expanded and its Expand / Collapse word following, in English
 * and in Chinese.
 */
export async function overdueGroupByKeyboard({ page, screenshot }: Journey): Promise<void> {
  await withDemo(page);
  if ((await invoke(page, 'settings:get', {})).language !== 'en') await invoke(page, 'settings:update', { language: 'en' });
  // An overdue reminder, whatever the journeys before have done with the demo's.
  const customer = (await invoke(page, 'customers:list', { limit: 1 })).rows[0]!;
  // Logged a week ago, for three days ago: a reminder may not be overdue on the day it is set.
  const weekAgo = new Date(Date.now() - 7 * 86_400_000);
  const reminder = await invoke(page, 'followups:create', { customerId: customer.id, occurredAt: weekAgo.toISOString(), channel: 'call', content: 'Overdue by keyboard', outcome: null, intent: null, satisfaction: null, nextContactDate: addDays(localDateOf(new Date()), -3), nextContactTime: null });
  await page.goto(at(page, '#/today'));
  await page.reload();
  const header = byTestId(page, 'today-group-overdue');
  await header.waitFor(SLOW);
  const overdue = Number(await header.getAttribute('data-count'));
  expect(overdue).toBeGreaterThan(0);

  // From the page's title line, Tab reaches the header, past the filters.
  await byTestId(page, 'today-total').click();
  for (let i = 0; (await focusedTestId(page)) !== 'today-group-overdue'; i++) {
    if (i === 30) throw new Error(`Tab never reached the overdue group (stopped on ${await focusedTestId(page)})`);
    await page.keyboard.press('Tab');
  }
  const opened = (await header.getAttribute('aria-expanded')) === 'true';
  // Enter turns it over, Space back: the rows follow, and the word says what the next press does.
  await page.keyboard.press('Enter');
  await expect.poll(() => header.getAttribute('aria-expanded')).toBe(String(!opened));
  expect(await header.innerText()).toContain(opened ? 'Expand' : 'Collapse');
  const firstKind = () => page.locator('[data-testid="today-item"]').first().getAttribute('data-kind');
  if (!opened) await expect.poll(firstKind, SLOW).toBe('overdue');
  expect(await focusedTestId(page)).toBe('today-group-overdue');
  await screenshot('keyboard-today-overdue-en');
  await page.keyboard.press('Space');
  await expect.poll(() => header.getAttribute('aria-expanded')).toBe(String(opened));
  if (!opened) await expect.poll(firstKind, SLOW).not.toBe('overdue');

  // In Chinese: the header says 展开 / 收起, and Enter still turns it over.
  await chooseOption(page, 'language-switch', '中文');
  await header.focus();
  await expect.poll(() => header.innerText()).toContain(opened ? '收起' : '展开');
  await page.keyboard.press('Enter');
  await expect.poll(() => header.getAttribute('aria-expanded')).toBe(String(!opened));
  expect(await header.innerText()).toContain(opened ? '展开' : '收起');
  await screenshot('keyboard-today-overdue-zh-CN');
  await page.keyboard.press('Enter');
  await expect.poll(() => header.getAttribute('aria-expanded')).toBe(String(opened));
  await chooseOption(page, 'language-switch', 'English');
  await invoke(page, 'followups:markDone', { id: reminder.followUp.id });
}
