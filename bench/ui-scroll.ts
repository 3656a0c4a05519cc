/**
 * The customer list's scrolling alone (the figure `npm run bench` reports as 'renderer: p95 frame scrolling
 * the customer list'), on a copy of a database built before, so a change to the list can be measured
 * before and after in the same minute without the whole bench. Each round opens the list afresh (no page
 * of rows cached in the renderer) and scrolls it as bench/ui.ts does; the tier members can be scrolled too.
 *
 *   npx tsx bench/ui-scroll.ts [database]        (default /tmp/p12/migrated.sqlite; never written to)
 *   BENCH_SCROLL_ROUNDS=5   rounds per screen
 *   BENCH_SCROLL_MEMBERS=1  the Tiers screen's member table as well
 *   BENCH_SCROLL_PROFILE=DIR  a CPU profile (customers.cpuprofile) and a Chromium trace (customers.trace.json,
 *                             for chrome://tracing or DevTools) of the renderer during the last customer-list round
 *   BENCH_SCROLL_RENDERER=DIR[,DIR...]  serve other built renderers instead, taking turns round by round on the
 *                             same database (an older build beside this one: a before/after in the same minute)
 * Needs a built renderer (node scripts/build.mjs) and Chromium.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { openApp } from '../core/app';
import { startBridge } from '../core/bridge/server';
import { fixedClock } from '../core/context';
import { migrationsFolder, rendererFolder } from '../core/paths';
import { CHROMIUM, FLAGS, FRAMES, scrollSamples, stats } from './ui';

const TODAY = '2026-11-23';
const source = process.argv[2] ?? '/tmp/p12/migrated.sqlite';
const rounds = Number(process.env.BENCH_SCROLL_ROUNDS ?? 3);
const profileDir = process.env.BENCH_SCROLL_PROFILE;

const dir = mkdtempSync(join(tmpdir(), 'tierbook-bench-scroll-'));
const dbPath = join(dir, 'scroll.sqlite');
copyFileSync(source, dbPath);
const app = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: 'bench', files: { mode: 'confined' }, clock: fixedClock(TODAY) });
const renderers = process.env.BENCH_SCROLL_RENDERER?.split(',') ?? [rendererFolder()];
const bridges = await Promise.all(renderers.map((staticDir) => startBridge({ dispatch: app.dispatch, fileMode: app.fileMode, staticDir })));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });

/** Opens `route` afresh, waits for its rows, then measures the idle page and a scroll. */
async function round(page: Page, bridge: (typeof bridges)[number], route: string, table: string, row: string, profile?: string) {
  await page.goto('about:blank');
  const start = performance.now();
  await page.goto(`${bridge.pageUrl}#/${route}`);
  await page.locator(`[data-testid="${row}"]`).first().waitFor({ timeout: 120_000 });
  const firstRowsMs = Math.round(performance.now() - start);
  const idle = stats((await page.evaluate(`(${FRAMES})(1000)`)) as number[]);
  const cdp = profile ? await page.context().newCDPSession(page) : undefined;
  if (cdp && profile) {
    mkdirSync(profile, { recursive: true });
    await browser.startTracing(page, { path: join(profile, `${route}.trace.json`), categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const samples = await scrollSamples(page, table);
  const scroll = stats(samples);
  if (cdp && profile) {
    const { profile: cpu } = await cdp.send('Profiler.stop');
    await browser.stopTracing();
    writeFileSync(join(profile, `${route}.cpuprofile`), JSON.stringify(cpu));
  }
  const rowsShown = await page.locator(`[data-testid="${row}"]`).count();
  // Frames longer than one refresh (a frame missed), out of all frames: finer than the p95 on a busy machine.
  const missed = `${samples.filter((ms) => ms > 17).length}/${samples.length}`;
  return { firstRowsMs, idleP95: idle.p95, scrollMedian: scroll.median, scrollP95: scroll.p95, scrollMax: scroll.max, missed, rowsShown };
}

try {
  const page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 860 } })).newPage();
  const results: Record<string, unknown>[] = [];
  const label = (k: number) => renderers[k]!.split('/').slice(-2).join('/');
  for (let i = 0; i < rounds; i++) {
    const last = i === rounds - 1;
    for (const [k, bridge] of bridges.entries()) {
      results.push({ renderer: label(k), screen: 'customers', ...(await round(page, bridge, 'customers', 'customer-table', 'customer-row', last && k === 0 ? profileDir : undefined)) });
    }
  }
  if (process.env.BENCH_SCROLL_MEMBERS) {
    for (let i = 0; i < rounds; i++) {
      for (const [k, bridge] of bridges.entries()) results.push({ renderer: label(k), screen: 'tier members', ...(await round(page, bridge, 'tiers', 'member-table', 'member-row')) });
    }
  }
  console.table(results);
  for (const [k] of bridges.entries()) {
    for (const screen of ['customers', 'tier members']) {
      const p95s = results.filter((r) => r.screen === screen && r.renderer === label(k)).map((r) => r.scrollP95 as number).sort((a, b) => a - b);
      if (p95s.length) console.log(`${label(k)}: ${screen}: p95 frame while scrolling, median of ${rounds} rounds: ${p95s[Math.floor(p95s.length / 2)]} ms`);
    }
  }
} finally {
  await browser.close();
  for (const bridge of bridges) await bridge.close();
  app.close();
  rmSync(dir, { recursive: true, force: true });
}
