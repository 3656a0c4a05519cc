import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../core/app';
import { startBridge, type Bridge } from '../../core/bridge/server';
import { addDays, localDateOf } from '../../shared/domain/dates';
import { MIGRATIONS, ROOT, tempDir } from '../support/test-app';
import { byTestId, invoke } from './journeys';
import { CHROMIUM, CHROMIUM_FLAGS } from './launch-chromium';

/**
 * The app left open across midnight: Today and its badge move to the new day without a reload. The server's
 * clock and the page's are moved together (the server decides what today is; the page decides when to ask
 * again), both in this process's time zone, from one minute before a local midnight to just after it.
 */
describe('the app left open across midnight', () => {
  let browser: Browser;
  let app: OpenedApp;
  let bridge: Bridge;
  // The shared clock: a local 23:59:00, on a day chosen far from any daylight-saving change.
  const day = '2027-01-14';
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  let nowMs = new Date(y, m - 1, d, 23, 59, 0).getTime();

  beforeAll(async () => {
    app = openApp({
      dbPath: join(tempDir(), 'midnight.sqlite'),
      migrationsFolder: MIGRATIONS,
      appVersion: 'e2e',
      files: { mode: 'confined' },
      checkOutput: true,
      clock: { now: () => new Date(nowMs), today: () => localDateOf(new Date(nowMs)) },
    });
    bridge = await startBridge({ dispatch: app.dispatch, fileMode: app.fileMode, staticDir: join(ROOT, 'dist', 'renderer') });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
    app?.close();
  });

  it("tomorrow's reminder appears on Today and in the badge when the day turns, and the title names the new day", async () => {
    const context = await browser.newContext({ locale: 'en', timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone, viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.clock.install({ time: new Date(nowMs) });
    await page.clock.resume();
    await page.goto(bridge.pageUrl);
    await byTestId(page, 'start-empty').click();
    await byTestId(page, 'nav-customers').waitFor();
    const tomorrow = addDays(day, 1);
    const { customer } = await invoke(page, 'customers:create', { name: 'Midnight Trading' });
    await invoke(page, 'followups:create', { customerId: customer.id, content: 'quote sent', nextContactDate: tomorrow });
    // Today opened after the writes (the home screen may have been open, showing the customer as new).
    await page.goto(`${bridge.pageUrl.split('#')[0]}#/customers`);
    await page.locator(`[data-testid="customer-row"][data-customer-id="${customer.id}"]`).waitFor();
    await page.goto(`${bridge.pageUrl.split('#')[0]}#/today`);
    const todayPage = byTestId(page, 'today-page');
    await expect.poll(() => todayPage.getAttribute('data-total')).toBe('0');
    await expect.poll(() => todayPage.innerText()).toContain('Jan 14, 2027');

    // The reminder the database holds for the next day, read in plain SQL.
    const dueNextDay = (app.db.$client.prepare('SELECT count(*) AS n FROM follow_ups WHERE done = 0 AND deleted_at IS NULL AND next_contact_date = ?').get(tomorrow) as { n: number }).n;
    expect(dueNextDay).toBe(1);

    // Midnight passes: both clocks move on by two minutes; nobody touches the page.
    nowMs += 120_000;
    await page.clock.fastForward(120_000);
    const item = page.locator(`[data-testid="today-item"][data-customer-id="${customer.id}"]`);
    await item.waitFor();
    expect(await item.getAttribute('data-kind')).toBe('due_today');
    await expect.poll(() => todayPage.getAttribute('data-total')).toBe(String(dueNextDay));
    await expect.poll(() => byTestId(page, 'today-badge').innerText()).toBe(String(dueNextDay));
    await expect.poll(() => todayPage.innerText()).toContain('Jan 15, 2027');
    expect(errors).toEqual([]);
    await context.close();
  });
});
