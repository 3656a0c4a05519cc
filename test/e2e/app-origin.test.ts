import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../core/app';
import { FileHandles } from '../../core/files';
import { createRendererHandler } from '../../electron/app-protocol';
import { MIGRATIONS, ROOT, tempDir } from '../support/test-app';
import { CHROMIUM, CHROMIUM_FLAGS } from './launch-chromium';

/**
 * Electron cannot run here, but what decides whether its window stays blank is Chromium's origin rules.
 * The page is served exactly as the app serves it, by electron/app-protocol.ts's handler, under a standard
 * secure origin (https://tierbook.invalid standing in for app://tierbook), with the preload's one function
 * standing in as window.tierbook over the real dispatch. The same built page from file:// is the control.
 */
const ORIGIN = 'https://tierbook.invalid';
const RENDERER = join(ROOT, 'dist', 'renderer');

function newestMtime(dir: string): number {
  return Math.max(...readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => statSync(join(e.parentPath, e.name)).mtimeMs));
}

/** `npm test` builds first; run alone, this test builds once itself when dist/renderer is missing or stale. */
function ensureBuilt(): void {
  const page = join(RENDERER, 'index.html');
  if (existsSync(page) && statSync(page).mtimeMs >= Math.max(newestMtime(join(ROOT, 'renderer')), newestMtime(join(ROOT, 'shared')))) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
}

interface Observed {
  page: Page;
  /** Uncaught exceptions and console errors (Chromium logs blocked scripts and CORS failures there). */
  errors: string[];
}

async function observe(context: BrowserContext): Promise<Observed> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${(e.target as Element).outerHTML?.slice(0, 160) ?? ""}`));
  });
  return { page, errors };
}

const violationsOf = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
const rootText = (page: Page) => page.evaluate(() => document.getElementById('root')?.innerText.trim() ?? '');

describe('the built renderer under the app origin rules (a standard, non-file origin)', () => {
  let browser: Browser;
  const apps: OpenedApp[] = [];
  const servedCsp: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    for (const app of apps) app.close();
  });

  /** A context on a fresh database whose ORIGIN requests all go through the app's handler; `rewrite` lets a control spoil the page. */
  async function appContext(rewrite: (html: string) => string = (html) => html): Promise<BrowserContext> {
    const handler = createRendererHandler(RENDERER, ORIGIN);
    const app = openApp({ dbPath: join(tempDir(), 'origin.sqlite'), migrationsFolder: MIGRATIONS, appVersion: 'e2e', checkOutput: true, files: { mode: 'handles', handles: new FileHandles() } });
    apps.push(app);
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1360, height: 860 } });
    await context.route(`${ORIGIN}/**`, async (route) => {
      const request = route.request();
      const response = await handler(new Request(request.url(), { method: request.method(), headers: request.headers() }));
      const headers = Object.fromEntries(response.headers);
      let body = Buffer.from(await response.arrayBuffer());
      if (headers['content-type']?.startsWith('text/html')) {
        servedCsp.push(headers['content-security-policy']!);
        body = Buffer.from(rewrite(body.toString('utf8')));
        delete headers['content-length'];
      }
      await route.fulfill({ status: response.status, headers, body });
    });
    // What electron/preload.ts exposes, wired to the real dispatch instead of IPC.
    await context.exposeFunction('__invoke', (channel: string, input: unknown) => app.dispatch(channel, input));
    await context.addInitScript(() => {
      const invoke = (window as unknown as { __invoke(c: string, i: unknown): Promise<unknown> }).__invoke;
      Object.defineProperty(window, 'tierbook', { value: { invoke: (channel: string, input: unknown) => invoke(channel, input) } });
    });
    return context;
  }

  it('renders, styled by antd through the per-load nonce, with no CSP violation; file:// stays blank', async () => {
    const context = await appContext();
    const { page, errors } = await observe(context);
    await page.goto(`${ORIGIN}/index.html`);
    await page.getByText('欢迎使用客户分级簿').waitFor();
    // antd's CSS-in-JS took effect: a card has antd's rounded border (0px unstyled).
    expect(await page.getByTestId('start-empty').evaluate((el) => getComputedStyle(el).borderRadius)).toBe('8px');

    // Into the app: the themed ConfigProvider inside inherits the nonce (primary colour #1f6f5c).
    await page.getByTestId('start-empty').click();
    // The app opens on Today; the customer list carries a primary button.
    await page.getByTestId('nav-customers').click();
    const primary = page.locator('.ant-btn-color-primary.ant-btn-variant-solid').first();
    await primary.waitFor();
    expect(await primary.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(31, 111, 92)');
    // A modal (antd locks the page's scroll with a <style> of its own, asking for no nonce) and the tiers page.
    await page.getByTestId('nav-fx').click();
    await page.getByTestId('fx-add').click();
    await page.locator('.ant-modal').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await page.getByTestId('nav-tiers').click();
    await page.getByTestId('tiers-total').waitFor();
    expect(await violationsOf(page)).toEqual([]);
    expect(errors).toEqual([]);

    // The header's policy: no 'unsafe-inline' for style elements, a fresh nonce each load.
    await page.reload();
    await page.locator('.ant-layout').waitFor();
    const [first, second] = servedCsp.slice(-2);
    for (const csp of [first!, second!]) expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]{24}';/);
    expect(first).not.toBe(second);
    expect(await violationsOf(page)).toEqual([]);
    await context.close();

    // Control: the same built page from file:// (what the packaged window loaded before) stays blank.
    const fileContext = await browser.newContext();
    const control = await observe(fileContext);
    await control.page.goto(pathToFileURL(join(RENDERER, 'index.html')).toString());
    await control.page.waitForTimeout(1500);
    expect(await rootText(control.page)).toBe('');
    expect(control.errors.join('\n')).toMatch(/CORS/);
    await fileContext.close();
  });

  it('control: without the nonce the CSP blocks antd, and this test sees it', async () => {
    const context = await appContext((html) => html.replace(/<meta name="tierbook-style-nonce"[^>]*>/, ''));
    const { page } = await observe(context);
    await page.goto(`${ORIGIN}/index.html`);
    // The text arrives (the page is not blank) but antd's <style> elements are refused.
    await expect.poll(() => rootText(page)).toContain('欢迎使用客户分级簿');
    expect(await page.getByTestId('start-empty').evaluate((el) => getComputedStyle(el).borderRadius)).toBe('0px');
    expect((await violationsOf(page)).some((v) => v.startsWith('style-src-elem'))).toBe(true);
    await context.close();
  });
});
