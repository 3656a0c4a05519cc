import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { Dispatch } from '../dispatch';
import type { FileMode } from '../files';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const MAX_BODY = 20 * 1024 * 1024;

export interface Bridge {
  url: string;
  /** The page to open: carries the per-run token the renderer sends back with every call. */
  pageUrl: string;
  token: string;
  close(): Promise<void>;
}

/**
 * The loopback transport: serves the built renderer and the contract over HTTP on 127.0.0.1 only.
 * Every call needs this run's random token; a Host check stops DNS-rebinding pages from reaching it.
 */
export async function startBridge(options: { dispatch: Dispatch; fileMode: FileMode; staticDir: string; port?: number }): Promise<Bridge> {
  // A page in the browser is not the local user at a shell: it must not name files outside the app's folders.
  if (options.fileMode === 'paths') throw new Error('The bridge serves only an app opened with confined file access (files: { mode: "confined" })');
  const token = randomBytes(24).toString('hex');
  const tokenBytes = Buffer.from(token);
  let origin = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { ok: false, error: { code: 'internal', message: String(error) } }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.headers.host !== origin.slice('http://'.length)) return send(res, 403, { error: 'bad host' });
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/api/invoke') {
      if (req.method !== 'POST') return send(res, 405, { error: 'POST only' });
      const given = Buffer.from(String(req.headers['x-tierbook-token'] ?? ''));
      if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) return send(res, 401, { error: 'bad token' });
      const body = await readBody(req);
      let message: { channel?: unknown; input?: unknown };
      try {
        message = JSON.parse(body) as typeof message;
      } catch {
        return send(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request body is not JSON' } });
      }
      return send(res, 200, await options.dispatch(String(message.channel), message.input));
    }
    if (req.method !== 'GET') return send(res, 405, { error: 'GET only' });
    return serveStatic(url.pathname, res);
  }

  function serveStatic(pathname: string, res: ServerResponse) {
    const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)).replace(/^([/\\])+/, '');
    const file = join(options.staticDir, relative);
    if (!file.startsWith(options.staticDir + sep) || !existsSync(file) || !statSync(file).isFile()) return send(res, 404, { error: 'not found' });
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The bridge did not get a TCP port');
  origin = `http://127.0.0.1:${address.port}`;
  return {
    url: origin,
    pageUrl: `${origin}/?token=${token}`,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('Request body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
