/**
 * Today in a real browser: how long from "open Today" to its rows painted, at the bench size and at the
 * demo size (the figure the screen is held to: under 200 ms), and frame times while scrolling the bench
 * size's list (tens of thousands of rows, virtualised). The timing runs inside the page, from the hash
 * change to the first animation frame after the rows exist, so Playwright's polling does not count.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { OpenedApp } from '../core/app';
import { startBridge } from '../core/bridge/server';
import { rendererFolder } from '../core/paths';
import { CHROMIUM, FLAGS, FRAMES } from './ui';

// The same browser, flags and frame sampler as the list's UI bench (bench/ui.ts).

/** From setting the hash to the frame after `[data-testid=testId]` appears. */
const OPEN = `([route, testId]) => new Promise((resolve) => {
  const start = performance.now();
  const seen = () => {
    if (!document.querySelector('[data-testid="' + testId + '"]')) return false;
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
    return true;
  };
  const observer = new MutationObserver(() => seen() && observer.disconnect());
  observer.observe(document.body, { childList: true, subtree: true });
  location.hash = '#/' + route;
})`;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 100) / 100;
  return { median: at(0.5), p95: at(0.95), max: at(1) };
}

export async function measureToday(app: Pick<OpenedApp, 'dispatch' | 'fileMode'>, runs: number, options: { scroll: boolean }) {
  if (!existsSync(CHROMIUM) || !existsSync(join(rendererFolder(), 'index.html'))) {
    return { skipped: `needs ${CHROMIUM} and a built renderer (npm run build)` };
  }
  const bridge = await startBridge({ dispatch: app.dispatch, fileMode: app.fileMode, staticDir: rendererFolder() });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 768 } })).newPage();
    const start = performance.now();
    await page.goto(bridge.pageUrl);
    await page.locator('[data-testid="today-item"]').first().waitFor({ timeout: 120_000 });
    const startupToRowsMs = Math.round(performance.now() - start);
    const total = Number(await page.locator('[data-testid="today-page"]').getAttribute('data-total'));

    // Open Today from the FX page (a light screen) again and again: the list is cached on the server
    // while nothing changes, so this is the screen's own cost plus one call.
    const open: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.evaluate(() => (location.hash = '#/fx'));
      await page.locator('[data-testid="today-page"]').waitFor({ state: 'detached' });
      await page.waitForTimeout(300);
      open.push((await page.evaluate(`(${OPEN})(['today', 'today-item'])`)) as number);
    }
    const result: Record<string, unknown> = { rows: total, startupToRowsMs, openToRowsMs: stats(open) };
    if (options.scroll) {
      const idle = stats((await page.evaluate(`(${FRAMES})(1500)`)) as number[]);
      const scrolling = page.evaluate(`(${FRAMES})(3000)`) as Promise<number[]>;
      for (let i = 1; i <= 30; i++) {
        await page.evaluate(`document.querySelector('[data-testid="today-list"]').scrollTop = ${i * 20_000}`);
        await page.waitForTimeout(90);
      }
      result.idleFrameMs = idle;
      result.scrollFrameMs = stats(await scrolling);
      result.domRowsAfterScroll = await page.locator('[data-testid="today-item"], [data-testid="today-item-loading"]').count();
    }
    return result;
  } finally {
    await browser.close();
    await bridge.close();
  }
}
