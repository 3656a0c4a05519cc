import { expect } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { addDays, localDateOf } from '../../shared/domain/dates';
import { at, byTestId, invoke, type Journey } from './journeys';
import { withDemo } from './journeys-discard';

const SLOW = { timeout: 15_000 };
/** More overdue customers than a page of the list holds (renderer/components/page-cache.ts PAGE_SIZE), so today's rows start past it. */
const OVERDUE_ADDED = 130;

/** The offset of every `today:list` call the page makes while `action` runs. */
async function todayListOffsets(page: Page, action: () => Promise<void>): Promise<number[]> {
  const offsets: number[] = [];
  const seen = (request: Request) => {
    if (!request.url().endsWith('/api/invoke')) return;
    const body = request.postDataJSON() as { channel: string; input: { offset?: number } };
    if (body.channel === 'today:list') offsets.push(body.input.offset ?? 0);
  };
  page.on('request', seen);
  try {
    await action();
  } finally {
    page.off('request', seen);
  }
  return offsets;
}

type Watched = Window & { placeholdersShown?: number; stopWatching?: () => void };

/**
 * Leaves Today for a light screen, comes back, and waits for its rows and a moment more for any later call.
 * Returns how many placeholder rows were drawn meanwhile: between two round trips in a row the list is drawn from
 * the first answer with today's rows still to come, each a placeholder until the second answer.
 */
async function reopenToday(page: Page): Promise<number> {
  await page.evaluate(() => (location.hash = '#/fx'));
  await byTestId(page, 'today-page').waitFor({ state: 'detached' });
  await page.evaluate(() => {
    const w = window as Watched;
    w.placeholdersShown = 0;
    const observer = new MutationObserver((mutations) => {
      for (const m of mutations) for (const node of m.addedNodes) if (node instanceof Element && (node.matches('[data-testid="today-item-loading"]') || node.querySelector('[data-testid="today-item-loading"]'))) w.placeholdersShown! += 1;
    });
    observer.observe(document.body, { childList: true, subtree: true });
    w.stopWatching = () => observer.disconnect();
    location.hash = '#/today';
  });
  await page.locator('[data-testid="today-item"]').first().waitFor(SLOW);
  await page.waitForTimeout(400);
  return page.evaluate(() => {
    const w = window as Watched;
    w.stopWatching?.();
    return w.placeholdersShown ?? 0;
  });
}

/** The loopback bridge's page calls over HTTP, where each call can be seen; the Electron app's over IPC. */
const overHttp = (page: Page) => /^https?:/.test(page.url());

/**
 * Today opened again with its overdue group collapsed asks once, for the rows it shows (today's, past the
 * overdue ones), instead of the first page and then those rows; when the overdue count moved meanwhile it
 * still shows the right rows. In English and in Chinese.
 */
export async function reopenedTodayAsksOnce({ page, screenshot }: Journey): Promise<void> {
  await withDemo(page);
  // A reminder set for three days ago on as many customers as fill more than a page of the list.
  const today = localDateOf(new Date());
  const reminders = await page.evaluate(
    async ([count, due, weekAgo]) => {
      const call = async (channel: string, input: unknown) => {
        const result = await window.tierbook!.invoke(channel, input);
        if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
        return result.value as Record<string, any>;
      };
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const { customer } = await call('customers:create', { name: `Overdue ${String(i).padStart(3, '0')}`, contacts: [] });
        const { followUp } = await call('followups:create', { customerId: customer.id, occurredAt: weekAgo, channel: 'call', content: 'Call back', outcome: null, intent: null, satisfaction: null, nextContactDate: due, nextContactTime: null });
        ids.push(followUp.id as string);
      }
      return ids;
    },
    [OVERDUE_ADDED, addDays(today, -3), new Date(Date.now() - 7 * 86_400_000).toISOString()] as const,
  );

  for (const language of ['en', 'zh-CN'] as const) {
    await invoke(page, 'settings:update', { language });
    await page.goto(at(page, '#/today'));
    await page.reload();
    const header = byTestId(page, 'today-group-overdue');
    await header.waitFor(SLOW);
    expect(await header.getAttribute('aria-expanded')).toBe('false');
    const overdue = Number(await header.getAttribute('data-count'));
    expect(overdue).toBeGreaterThanOrEqual(OVERDUE_ADDED);

    // Opened again: one call, at the page holding the first row after the overdue ones, so no row is drawn as a
    // placeholder on the way.
    let placeholders = 0;
    const offsets = await todayListOffsets(page, async () => {
      placeholders = await reopenToday(page);
    });
    expect(placeholders).toBe(0);
    if (overHttp(page)) expect(offsets).toEqual([Math.floor(overdue / 100) * 100]);
    const firstShown = await invoke(page, 'today:list', { rankBy: 'priority', offset: overdue, limit: 1 });
    await expect.poll(() => page.locator('[data-testid="today-item"]').first().getAttribute('data-customer-id'), SLOW).toBe(firstShown.items[0]!.customerId);
    await screenshot(`today-reopened-${language}`);
  }

  // A reminder done elsewhere meanwhile: the count the screen remembers is one too many, and the rows shown are still today's first.
  await invoke(page, 'followups:markDone', { id: reminders[0]! });
  expect(await reopenToday(page)).toBe(0);
  const overdueNow = Number(await byTestId(page, 'today-group-overdue').getAttribute('data-count'));
  const firstShown = await invoke(page, 'today:list', { rankBy: 'priority', offset: overdueNow, limit: 1 });
  await expect.poll(() => page.locator('[data-testid="today-item"]').first().getAttribute('data-customer-id'), SLOW).toBe(firstShown.items[0]!.customerId);
  await invoke(page, 'settings:update', { language: 'en' });
}
