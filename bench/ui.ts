/**
 * The customer list in a real browser at 100k customers: the renderer in Debian's Chromium through the
 * loopback bridge, on the bench database. Measures what a user feels — search-to-result, and frame times
 * while scrolling — next to the frame time of the same page sitting idle (the floor).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { OpenedApp } from '../core/app';
import type { Dispatch } from '../core/dispatch';
import { startBridge } from '../core/bridge/server';
import { rendererFolder } from '../core/paths';

export const CHROMIUM = process.env.TIERBOOK_CHROMIUM ?? '/usr/bin/chromium';
export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Frame intervals (ms) over `ms` of wall time, collected inside the page. */
export const FRAMES = `(ms) => new Promise((resolve) => {
  const times = []; let last = performance.now(); const end = last + ms;
  const tick = (now) => { times.push(now - last); last = now; if (now < end) requestAnimationFrame(tick); else resolve(times); };
  requestAnimationFrame(tick);
})`;

/**
 * Frame times while a virtual table is scrolled in 30 big jumps (40,000 px, 90 ms apart: a new page of rows
 * to fetch and draw at every jump), over 3 s. The customer list and the tier members are scrolled alike.
 */
export async function scrollFrames(page: import('playwright-core').Page, testId: string) {
  return stats(await scrollSamples(page, testId));
}

/** The frame intervals themselves (ms), for a closer look than the percentiles (bench/ui-scroll.ts). */
export async function scrollSamples(page: import('playwright-core').Page, testId: string): Promise<number[]> {
  const scrolling = page.evaluate(`(${FRAMES})(3000)`) as Promise<number[]>;
  for (let i = 1; i <= 30; i++) {
    await page.evaluate(`document.querySelector('[data-testid="${testId}"]').scrollTop = ${i * 40_000}`);
    await page.waitForTimeout(90);
  }
  return scrolling;
}

export function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 100) / 100;
  return { median: at(0.5), p95: at(0.95), max: at(1) };
}

export async function measureUi(app: Pick<OpenedApp, 'dispatch' | 'fileMode'>, runs: number) {
  if (!existsSync(CHROMIUM) || !existsSync(join(rendererFolder(), 'index.html'))) {
    return { skipped: `needs ${CHROMIUM} and a built renderer (npm run build)` };
  }
  const bridge = await startBridge({ dispatch: app.dispatch, fileMode: app.fileMode, staticDir: rendererFolder() });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 860 } })).newPage();
    const input = page.locator('input[data-testid="customer-search"]');
    const openStart = performance.now();
    // Today is the home screen; this part measures the customer list, so it opens that.
    await page.goto(`${bridge.pageUrl}#/customers`);
    await page.locator('[data-testid="customer-row"]').first().waitFor({ timeout: 60_000 });
    const firstRowsMs = Math.round(performance.now() - openStart);

    const idle = stats((await page.evaluate(`(${FRAMES})(1500)`)) as number[]);

    // Scroll the virtual table in big jumps while recording frames; rows must keep arriving.
    const scroll = await scrollFrames(page, 'customer-table');
    const deepRowMs = await timeUntil(page, async () => {
      await page.evaluate(`document.querySelector('[data-testid="customer-table"]').scrollTop = 3_000_000`);
    }, '[data-testid="customer-row"]');

    // Search as typed: from the keystroke to the new count and rows on screen (includes the 150 ms debounce).
    const countText = () => page.locator('[data-testid="customer-count"]').innerText();
    const all = await countText();
    const search: number[] = [];
    for (let i = 0; i < runs; i++) {
      const query = i % 2 ? 'zhangwei' : 'zw';
      const expected = (await callList(app.dispatch, query)).total;
      const start = performance.now();
      await input.fill(query);
      // The count by its number: its words follow the plural ("1 customer"), which a small bench meets.
      await page.waitForFunction((count) => document.querySelector('[data-testid="customer-count"]')?.textContent?.replace(/\D/g, '') === count, String(expected));
      await page.locator('[data-testid="customer-row"]').first().waitFor();
      search.push(performance.now() - start);
      await input.fill('');
      await page.waitForFunction((text) => document.querySelector('[data-testid="customer-count"]')?.textContent === text, all);
    }
    const tierMembers = await measureTierMembers(page);
    return { firstRowsMs, idleFrameMs: idle, scrollFrameMs: scroll, deepRowMs, searchToRowsMs: stats(search), tierMembers };
  } finally {
    await browser.close();
    await bridge.close();
  }
}

/**
 * The Tiers screen's member table (the pyramid, every customer, by revenue) scrolled as the customer list is:
 * big jumps while frames are recorded, next to the same page idle.
 */
async function measureTierMembers(page: import('playwright-core').Page) {
  const openStart = performance.now();
  await page.evaluate(() => (location.hash = '#/tiers'));
  await page.locator('[data-testid="member-row"]').first().waitFor({ timeout: 120_000 });
  const firstRowsMs = Math.round(performance.now() - openStart);
  const idle = stats((await page.evaluate(`(${FRAMES})(1500)`)) as number[]);
  const scroll = await scrollFrames(page, 'member-table');
  const rowsAfterScroll = await page.locator('[data-testid="member-row"]').count();
  return { firstRowsMs, idleFrameMs: idle, scrollFrameMs: scroll, rowsAfterScroll };
}

async function callList(dispatch: Dispatch, search: string): Promise<{ total: number }> {
  const result = await dispatch('customers:list', { search, limit: 1 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as { total: number };
}

async function timeUntil(page: import('playwright-core').Page, act: () => Promise<void>, selector: string): Promise<number> {
  const start = performance.now();
  await act();
  await page.locator(selector).first().waitFor();
  await page.waitForFunction((s) => document.querySelectorAll(s).length > 5, selector);
  return Math.round(performance.now() - start);
}
