import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openApp, type OpenedApp } from '../../core/app';
import { startBridge, type Bridge } from '../../core/bridge/server';
import { MIGRATIONS, ROOT, tempDir } from '../support/test-app';

export const CHROMIUM = process.env.TIERBOOK_CHROMIUM ?? '/usr/bin/chromium';
// The flags this machine's closed network needs: no background calls home, no sandbox as root.
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface ChromiumSession {
  page: Page;
  app: OpenedApp;
  close(): Promise<void>;
}

/** The real renderer in Debian's Chromium, talking to a fresh database through the loopback bridge. */
export async function launchChromium(): Promise<ChromiumSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is required for the end-to-end tests but ${CHROMIUM} does not exist. Install it: apt-get install -y chromium fonts-noto-cjk`);
  const staticDir = join(ROOT, 'dist', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) throw new Error('The renderer is not built: run `npm run build` (npm test does it for you).');
  const app = openApp({ dbPath: join(tempDir(), 'e2e.sqlite'), migrationsFolder: MIGRATIONS, appVersion: 'e2e', files: { mode: 'confined' }, checkOutput: true });
  const bridge: Bridge = await startBridge({ dispatch: app.dispatch, fileMode: app.fileMode, staticDir });
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(bridge.pageUrl);
  return {
    page,
    app,
    async close() {
      await browser.close();
      await bridge.close();
      app.close();
      if (errors.length) throw new Error(`The page threw: ${errors.join('\n')}`);
    },
  };
}

/**
 * Screenshots go to test-results/screenshots on every run; `npm run screenshots` sets
 * TIERBOOK_SCREENSHOTS=docs to refresh the README's pictures in docs/screenshots instead.
 */
export function screenshotter(page: Page, prefix: string) {
  const dir = process.env.TIERBOOK_SCREENSHOTS === 'docs' ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return async (name: string) => {
    await settle(page);
    // A success message from an earlier step is not part of the screen being shown: hidden for the picture.
    const hidden = await page.evaluate(() => {
      const toasts = [...document.querySelectorAll<HTMLElement>('.ant-message, .ant-notification')];
      for (const toast of toasts) toast.style.visibility = 'hidden';
      return toasts.length;
    });
    await page.screenshot({ path: join(dir, `${prefix}${name}.png`) });
    if (hidden > 0) await page.evaluate(() => document.querySelectorAll<HTMLElement>('.ant-message, .ant-notification').forEach((t) => (t.style.visibility = '')));
  };
}

/** Waits until no CSS animation or transition is running (drawers sliding, tags fading) and fonts are in. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    for (let i = 0; i < 20; i++) {
      // A spinner loops forever: only animations that end are waited for.
      const running = document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
      if (running.length === 0) break;
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    }
  });
}
