import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, APP_PAGE_URL, contentSecurityPolicy, createRendererHandler, isOwnPage, NONCE_META_NAME, type RendererHandler } from '../../electron/app-protocol';
import { ROOT, tempDir } from '../support/test-app';

const PAGE = `<!doctype html><html><head>
    <meta
      http-equiv="Content-Security-Policy"
      content="default-src 'self'; style-src 'self' 'unsafe-inline'"
    />
  <title>t</title></head><body><div id="root"></div></body></html>`;

/** A renderer folder with a neighbour that shares its name's prefix, a secret outside, and links both ways. */
function rendererFolder(): string {
  const base = tempDir();
  const dir = join(base, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), PAGE);
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(dir, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(dir, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(dir, 'assets', 'data.bin'), 'raw');
  writeFileSync(join(base, 'secret.txt'), 'SECRET');
  mkdirSync(join(base, 'renderer-old'));
  writeFileSync(join(base, 'renderer-old', 'secret.txt'), 'SECRET');
  symlinkSync(join(base, 'secret.txt'), join(dir, 'assets', 'out.txt'));
  symlinkSync(join(base, 'renderer-old'), join(dir, 'old'));
  symlinkSync(join(dir, 'assets', 'app.css'), join(dir, 'same.css'));
  return dir;
}

const get = (handler: RendererHandler, path: string, method = 'GET') => handler(new Request(`${APP_ORIGIN}${path}`, { method }));
const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

describe('app://tierbook: the renderer handler', () => {
  let handler: RendererHandler;
  beforeAll(() => {
    handler = createRendererHandler(rendererFolder());
  });

  it('serves index.html with the CSP header and the same fresh nonce in the page, different on every load', async () => {
    const first = await get(handler, '/index.html');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = first.headers.get('content-security-policy');
    const nonce = nonceOf(csp);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(csp).toBe(contentSecurityPolicy(nonce!));
    const html = await first.text();
    expect(html).toContain(`<meta name="${NONCE_META_NAME}" content="${nonce}" />`);
    expect(html).toContain(`content="${contentSecurityPolicy(nonce!, 'meta')}"`);
    expect(html).not.toContain('unsafe-inline\'"');
    expect(html.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1);

    const second = await get(handler, '/');
    expect(await second.text()).toContain('<div id="root">');
    expect(nonceOf(second.headers.get('content-security-policy'))).not.toBe(nonce);
  });

  it('names every asset by its MIME type and forbids sniffing', async () => {
    const types: Record<string, string> = {
      '/assets/app.js': 'text/javascript; charset=utf-8',
      '/assets/app.css': 'text/css; charset=utf-8',
      '/assets/font.woff2': 'font/woff2',
      '/assets/logo.svg': 'image/svg+xml',
      '/assets/data.bin': 'application/octet-stream',
      '/same.css': 'text/css; charset=utf-8',
    };
    for (const [path, type] of Object.entries(types)) {
      const response = await get(handler, path);
      expect([path, response.status, response.headers.get('content-type'), response.headers.get('x-content-type-options')]).toEqual([path, 200, type, 'nosniff']);
      expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self';/);
    }
    expect(await (await get(handler, '/assets/app.js')).text()).toBe('console.log(1)');
  });

  it('answers 404 for what is missing, a folder, or anything that leaves the folder', async () => {
    const refused = [
      '/missing.js',
      '/assets',
      '/assets/',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/assets/..%2F..%2Fsecret.txt',
      '/..%5csecret.txt',
      '/assets%5c..%5c..%5csecret.txt',
      '/index.html%00.js',
      '/%E0%A4%A',
      '/assets//app.js',
      '/assets/out.txt',
      '/old/secret.txt',
      '/C:%5cWindows%5cwin.ini',
    ];
    for (const path of refused) {
      const response = await get(handler, path);
      expect([path, response.status]).toEqual([path, 404]);
      expect(await response.text()).not.toContain('SECRET');
    }
  });

  it('takes GET (and HEAD) only, and only for app://tierbook', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const response = await get(handler, '/index.html', method);
      expect([method, response.status, response.headers.get('allow')]).toEqual([method, 405, 'GET, HEAD']);
    }
    const head = await get(handler, '/assets/app.js', 'HEAD');
    expect([head.status, await head.text()]).toEqual([200, '']);
    for (const url of ['app://other/index.html', 'app://tierbook.evil/index.html', 'app://tierbook:8080/index.html', 'https://tierbook/index.html', 'file:///index.html']) {
      expect([url, (await handler(new Request(url))).status]).toEqual([url, 403]);
    }
  });

  it('answers 404, not a crash, when the renderer folder does not exist', async () => {
    expect((await get(createRendererHandler(join(tempDir(), 'nowhere')), '/index.html')).status).toBe(404);
  });
});

describe('isOwnPage: the origin the navigation guards and the IPC sender check trust', () => {
  it('accepts app://tierbook/... only', () => {
    expect([APP_PAGE_URL, `${APP_ORIGIN}/`, `${APP_ORIGIN}/index.html#/customers/1`, `${APP_ORIGIN}/index.html?x=1`].map((u) => isOwnPage(u))).toEqual([true, true, true, true]);
    const others = ['file:///app/dist/renderer/index.html', 'http://127.0.0.1:5173/index.html', 'app://other/index.html', 'app://tierbook.evil/', 'app://tierbook:1/', 'app://user@tierbook/', 'https://tierbook/', '', 'not a url'];
    expect(others.map((u) => [u, isOwnPage(u)])).toEqual(others.map((u) => [u, false]));
  });
});

describe('the two copies of the policy', () => {
  it("renderer/index.html's meta (browser mode) is the app's policy with the nonce as 'unsafe-inline'", () => {
    const html = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(contentSecurityPolicy('N', 'meta').replace("'nonce-N'", "'unsafe-inline'"));
    const header = contentSecurityPolicy('N');
    expect(header).toContain("frame-ancestors 'none'");
    expect(/style-src ([^;]+)/.exec(header)?.[1]).toBe("'self' 'nonce-N'");
    expect(header).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
