import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/test-app';
import { invoke } from './journeys';
import { CHROMIUM, CHROMIUM_FLAGS } from './launch-chromium';

/**
 * The user's calendar day on screen, end to end: the built CLI serves the app from a process running in the
 * user's time zone (as the app itself would), and Chromium shows it in the same zone. A follow-up logged early
 * in the morning in Shanghai is the day before in UTC; one logged late in the evening in Los Angeles is the day
 * after. Either way the list, the customer file and Today must show the user's own day.
 *
 * The follow-up's instant is chosen so that its UTC day is never the user's: the list and the file would show
 * the wrong day at any hour if they cut the ISO string. Today's "due today" depends on the server's clock,
 * which is real here: a server counting UTC days is caught when the clock puts UTC on another date than the
 * zone (Shanghai from 16:00 UTC, Los Angeles until 07:00/08:00 UTC), which is when users there would see it.
 */
const CLI = join(ROOT, 'dist', 'cli', 'tierbook.cjs');

function newestMtime(dir: string): number {
  return Math.max(...readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => statSync(join(e.parentPath, e.name)).mtimeMs));
}

/** `npm test` builds first; run alone, this test builds once itself when dist is missing or older than the sources. */
function ensureBuilt(): void {
  const page = join(ROOT, 'dist', 'renderer', 'index.html');
  const sources = Math.max(...['renderer', 'shared', 'core', 'db'].map((dir) => newestMtime(join(ROOT, dir))));
  if (existsSync(page) && existsSync(CLI) && Math.min(statSync(page).mtimeMs, statSync(CLI).mtimeMs) >= sources) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
}

/** Today's date (YYYY-MM-DD) on the wall calendar of `zone`, read independently of the process's own TZ. */
function todayIn(zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** The instant at which the clocks of `zone` read `hh:mm` on `day`: the zone's offset at that moment, taken from Intl. */
function wallClockInstant(zone: string, day: string, hh: number, mm: number): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
      .formatToParts(new Date(guess))
      .map((p) => [p.type, Number(p.value)]),
  );
  const offset = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!) - guess;
  return new Date(guess - offset);
}

/** `tierbook serve` in a child process whose clock reads `zone`; resolves with the page URL it prints. */
function serveIn(zone: string): Promise<{ child: ChildProcess; pageUrl: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--db', join(tempDir(), 'x.sqlite')], { cwd: ROOT, env: { ...process.env, TZ: zone } });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ child, pageUrl: out.trim() });
    });
    child.on('exit', (code) => reject(new Error(`tierbook serve exited with ${code}: ${err}`)));
  });
}

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

interface Seen {
  listCell: string;
  timeline: string;
  todayKind: string | null;
  todayReason: string | null;
  /** The Today screen's counts (overdue among the total) and whether it drew an overdue group. */
  todayCounts: { total: string | null; overdue: string | null; overdueGroups: number };
  /** The Today screen's text, whose title carries the day the server counts as today. */
  todayText: string;
}

/** Opens the app in `zone`, logs one follow-up at `hh:mm` local today (next contact: today), and reads what the screens show. */
async function logAndLook(browser: Browser, zone: string, hh: number, mm: number): Promise<Seen & { today: string; instant: Date }> {
  const today = todayIn(zone);
  const instant = wallClockInstant(zone, today, hh, mm);
  // The case this test exists for: cutting the instant's UTC ISO string would give another day.
  expect(instant.toISOString().slice(0, 10)).not.toBe(today);

  const { child, pageUrl } = await serveIn(zone);
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: zone, viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pageUrl);
    await byTestId(page, 'start-empty').click();
    await byTestId(page, 'nav-customers').waitFor();

    const { customer } = await invoke(page, 'customers:create', { name: '时区测试客户' });
    const { followUp } = await invoke(page, 'followups:create', { customerId: customer.id, occurredAt: instant.toISOString(), content: '清早电话', nextContactDate: today });
    expect(new Date(followUp.occurredAt).getTime()).toBe(instant.getTime());

    // The customer list: the "last contact" cell.
    await page.goto(`${pageUrl.split('#')[0]}#/customers`);
    const row = page.locator(`[data-testid="customer-row"][data-customer-id="${customer.id}"]`);
    await row.waitFor();
    const listCell = await row.locator('[data-testid="last-contact"]').innerText();

    // The customer file: the timeline's entry.
    await page.goto(`${pageUrl.split('#')[0]}#/customers/${encodeURIComponent(customer.id)}`);
    const item = byTestId(page, 'followup-item').first();
    await item.waitFor();
    const timeline = await item.innerText();

    // Today: the reminder is due today, in today's group, not overdue.
    await page.goto(`${pageUrl.split('#')[0]}#/today`);
    const todayItem = page.locator(`[data-testid="today-item"][data-customer-id="${customer.id}"]`);
    await todayItem.waitFor();
    const reason = todayItem.locator('[data-testid="today-reason"]').first();
    const todayPage = byTestId(page, 'today-page');
    await expect.poll(() => todayPage.getAttribute('data-overdue')).not.toBe('');
    const todayCounts = { total: await todayPage.getAttribute('data-total'), overdue: await todayPage.getAttribute('data-overdue'), overdueGroups: await byTestId(page, 'today-group-overdue').count() };
    const seen = {
      listCell,
      timeline,
      todayKind: await todayItem.getAttribute('data-kind'),
      todayReason: await reason.innerText(),
      todayCounts,
      todayText: await todayPage.innerText(),
    } satisfies Seen;
    expect(errors).toEqual([]);
    return { ...seen, today, instant };
  } finally {
    await context.close();
    child.kill();
  }
}

/** "2026/12/02" and "2026年12月2日", built by hand from the date's digits (not by the app's formatters). */
function shortZh(day: string): string {
  return day.replaceAll('-', '/');
}
function mediumZh(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

describe("the user's calendar day on screen (the server and the browser in the user's time zone)", () => {
  let browser: Browser;

  beforeAll(async () => {
    ensureBuilt();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('Asia/Shanghai: a follow-up at 05:16 (21:16 UTC the day before) is today on the list, the file and Today', async () => {
    const seen = await logAndLook(browser, 'Asia/Shanghai', 5, 16);
    expect(seen.instant.toISOString().slice(0, 10) < seen.today).toBe(true);
    expect(seen.instant.toISOString().slice(11, 16)).toBe('21:16');
    expect(seen.listCell).toBe(shortZh(seen.today));
    expect(seen.timeline).toContain(`${mediumZh(seen.today)} 05:16`);
    expect(seen.todayKind).toBe('due_today');
    expect(seen.todayReason).toBe('今天有跟进提醒');
    expect(seen.todayCounts).toEqual({ total: '1', overdue: '0', overdueGroups: 0 });
    expect(seen.todayText).toContain(mediumZh(seen.today));
  });

  it("America/Los_Angeles: a follow-up at 22:30 (the next day in UTC) is today on the list, the file and Today", async () => {
    const seen = await logAndLook(browser, 'America/Los_Angeles', 22, 30);
    // UTC−8 or −7: 06:30 or 05:30 UTC on the day after.
    expect(seen.instant.toISOString().slice(0, 10) > seen.today).toBe(true);
    expect(seen.listCell).toBe(shortZh(seen.today));
    expect(seen.timeline).toContain(`${mediumZh(seen.today)} 22:30`);
    expect(seen.todayKind).toBe('due_today');
    expect(seen.todayReason).toBe('今天有跟进提醒');
    expect(seen.todayCounts).toEqual({ total: '1', overdue: '0', overdueGroups: 0 });
    expect(seen.todayText).toContain(mediumZh(seen.today));
  });
});
