import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../core/bridge/server';
import { openTestApp, ROOT, type TestApp } from '../support/test-app';

let app: TestApp;
let bridge: Bridge;
beforeAll(async () => {
  app = openTestApp('2026-11-23', { files: { mode: 'confined' } });
  bridge = await startBridge({ dispatch: app.dispatch, fileMode: app.fileMode, staticDir: join(ROOT, 'renderer') });
});
afterAll(async () => {
  await bridge.close();
  app.cleanup();
});

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const url = new URL(path, bridge.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: url.port, path: url.pathname, method: options.method ?? 'GET', headers: { host: url.host, ...options.headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const invoke = (channel: string, input: unknown, token = bridge.token) =>
  send('/api/invoke', { method: 'POST', headers: { 'x-tierbook-token': token, 'content-type': 'application/json' }, body: JSON.stringify({ channel, input }) });

describe('the loopback bridge', () => {
  it('listens on 127.0.0.1 only, with a fresh random token in the page address', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bridge.token).toMatch(/^[0-9a-f]{48}$/);
    expect(bridge.pageUrl).toBe(`${bridge.url}/?token=${bridge.token}`);
  });
  it('runs contract calls through dispatch, envelopes included', async () => {
    const created = await invoke('customers:create', { name: '张三' });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { customer: { name: '张三' } } });
    expect(JSON.parse((await invoke('customers:create', { name: '' })).body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
  it('refuses calls without the token, with a wrong one, or from another host name', async () => {
    expect((await invoke('customers:list', {}, 'x'.repeat(48))).status).toBe(401);
    expect((await send('/api/invoke', { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await send('/index.html', { headers: { host: 'evil.example:80' } })).status).toBe(403);
    expect((await send('/api/invoke', { method: 'GET' })).status).toBe(405);
  });
  it('serves the renderer’s files and nothing outside them', async () => {
    expect((await send('/')).body).toContain('<div id="root">');
    expect((await send('/../package.json')).status).toBe(404);
    expect((await send('/%2e%2e/package.json')).status).toBe(404);
  });
  it('serves the page under the app\'s CSP as a header, with a fresh style nonce per load and no inline styles', async () => {
    const first = await send('/');
    const second = await send('/');
    const policy = String(first.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toMatch(/style-src 'self' 'nonce-/);
    expect(policy).not.toMatch(/style-src [^;]*'unsafe-inline'/);
    expect(policy).toContain("script-src 'self'");
    // The page's meta carries the same nonce for antd; the next load gets another one.
    expect(first.body).toContain(`content="${nonce}"`);
    expect(String(second.headers['content-security-policy'])).not.toContain(nonce);
    expect(first.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a body that is not JSON with a typed error', async () => {
    const res = await send('/api/invoke', { method: 'POST', headers: { 'x-tierbook-token': bridge.token }, body: 'nope' });
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'invalid_input', message: 'The request body is not JSON' } });
  });

  it('answers a malformed %-escape in the address with 400, not a server error', async () => {
    for (const path of ['/%', '/%zz', '/%E0%A4%A', '/assets/%C0']) {
      const res = await send(path);
      expect(res.status, path).toBe(400);
    }
    expect((await send('/index.html')).status).toBe(200);
  });

  it('answers a body over 20 MB with a 413 the client receives, and keeps serving', async () => {
    const oversized = Buffer.alloc(20 * 1024 * 1024 + 1024, 0x20);
    const declared = await send('/api/invoke', { method: 'POST', headers: { 'x-tierbook-token': bridge.token, 'content-length': String(oversized.length) }, body: oversized });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Chunked, so the size is only known while reading.
    const chunked = await send('/api/invoke', { method: 'POST', headers: { 'x-tierbook-token': bridge.token, 'transfer-encoding': 'chunked' }, body: oversized });
    expect(chunked.status).toBe(413);
    const after = await invoke('customers:list', {});
    expect(after.status).toBe(200);
    expect(JSON.parse(after.body)).toMatchObject({ ok: true });
  });

  it('answers a body that is JSON but not a call with 400 and a typed error', async () => {
    const bodies = ['null', '[]', '"customers:list"', '42', '{}', '{"channel":{"toString":1}}', '{"channel":["customers:list"]}', '{"channel":null}', '{"channel":7}'];
    for (const body of bodies) {
      const res = await send('/api/invoke', { method: 'POST', headers: { 'x-tierbook-token': bridge.token }, body });
      expect(res.status, body).toBe(400);
      expect(JSON.parse(res.body), body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    // A named channel with a null input still reaches dispatch, which applies the input's defaults.
    expect(JSON.parse((await send('/api/invoke', { method: 'POST', headers: { 'x-tierbook-token': bridge.token }, body: '{"channel":"customers:list","input":null}' })).body)).toMatchObject({ ok: true });
  });
});
