import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openApp, type OpenedApp } from '../../core/app';
import { startBridge, type Bridge } from '../../core/bridge/server';
import { startTestCouch, type TestCouch } from '../support/pouchdb-server';
import { MIGRATIONS, ROOT, tempDir } from '../support/test-app';
import { CHROMIUM, CHROMIUM_FLAGS } from './launch-chromium';

/** One laptop of the team: its own database file, its own loopback bridge, its own browser tab. */
export interface Laptop {
  page: Page;
  app: OpenedApp;
  language: 'zh-CN' | 'en';
}

export interface TeamSession {
  laptops: Laptop[];
  couch: TestCouch;
  close(): Promise<void>;
}

/**
 * A team in one test: pouchdb-server on 127.0.0.1 with a server admin (as a real CouchDB install has), and
 * one app per language given, each on its own database file behind its own bridge, in one Chromium.
 */
export async function launchTeam(languages: Laptop['language'][]): Promise<TeamSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is required for the end-to-end tests but ${CHROMIUM} does not exist. Install it: apt-get install -y chromium fonts-noto-cjk`);
  const staticDir = join(ROOT, 'dist', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) throw new Error('The renderer is not built: run `npm run build` (npm test does it for you).');
  const couch = await startTestCouch();
  const opened: { app: OpenedApp; bridge: Bridge }[] = [];
  let browser: Browser | null = null;
  const errors: string[] = [];
  const close = async () => {
    await browser?.close();
    for (const { app, bridge } of opened) {
      await bridge.close();
      app.close();
    }
    await couch.stop();
  };
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
    const laptops: Laptop[] = [];
    for (const [index, language] of languages.entries()) {
      const app = openApp({ dbPath: join(tempDir(), `laptop-${index + 1}.sqlite`), migrationsFolder: MIGRATIONS, appVersion: 'e2e', files: { mode: 'confined' }, checkOutput: true });
      const bridge = await startBridge({ dispatch: app.dispatch, fileMode: app.fileMode, staticDir });
      opened.push({ app, bridge });
      const context = await browser.newContext({ locale: language, viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(`laptop ${index + 1}: ${error.message}`));
      await page.goto(bridge.pageUrl);
      laptops.push({ page, app, language });
    }
    return {
      laptops,
      couch,
      async close() {
        await close();
        if (errors.length) throw new Error(`A page threw: ${errors.join('\n')}`);
      },
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
