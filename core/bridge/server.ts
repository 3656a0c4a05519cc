import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Dispatch } from '../dispatch';
import { createRendererHandler, type RendererHandler } from '../renderer-serving';
import type { FileMode } from '../files';

const MAX_BODY = 20 * 1024 * 1024;
/**
 * How much of an oversized body is still read (and thrown away) so the client gets its 413: a client
 * that is still writing when the socket closes sees a reset instead of the answer. Beyond this the
 * connection is cut, so a sender that never stops cannot keep the bridge busy.
 */
const MAX_DRAIN = 256 * 1024 * 1024;

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
  let serveRenderer: RendererHandler = async () => new Response('starting', { status: 503 });

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { ok: false, error: { code: 'internal', message: String(error) } }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.headers.host !== origin.slice('http://'.length)) return send(res, 403, { error: 'bad host' });
    const url = parseUrl(req.url ?? '/', origin);
    if (url === null) return send(res, 400, { error: 'malformed address' });
    if (url.pathname === '/api/invoke') {
      if (req.method !== 'POST') return send(res, 405, { error: 'POST only' });
      const given = Buffer.from(String(req.headers['x-tierbook-token'] ?? ''));
      if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) return send(res, 401, { error: 'bad token' });
      const body = await readBody(req);
      if (body === null) return send(res, 413, { ok: false, error: { code: 'invalid_input', message: `The request body is larger than ${MAX_BODY} bytes` } }, { connection: 'close' });
      let message: unknown;
      try {
        message = JSON.parse(body);
      } catch {
        return send(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request body is not JSON' } });
      }
      if (!isCallMessage(message)) return send(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request body must be an object with a channel name' } });
      return send(res, 200, await options.dispatch(message.channel, message.input));
    }
    if (req.method !== 'GET') return send(res, 405, { error: 'GET only' });
    return serveStatic(url, res);
  }

  /** The renderer exactly as the app serves it: confined to its folder, CSP header, a style nonce per load. */
  async function serveStatic(url: URL, res: ServerResponse) {
    if (decodePath(url.pathname) === null) return send(res, 400, { error: 'malformed path' });
    const response = await serveRenderer(new Request(new URL(url.pathname === '/' ? '/index.html' : url.pathname, origin)));
    const headers = Object.fromEntries(response.headers);
    res.writeHead(response.status, { ...headers, 'cache-control': 'no-store' });
    res.end(Buffer.from(await response.arrayBuffer()));
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The bridge did not get a TCP port');
  origin = `http://127.0.0.1:${address.port}`;
  serveRenderer = createRendererHandler(options.staticDir, origin);
  return {
    url: origin,
    pageUrl: `${origin}/?token=${token}`,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The whole body as text, or null when it is larger than MAX_BODY. An oversized body is read to its end
 * without keeping it (up to MAX_DRAIN), so the caller can answer 413 to a client that is listening.
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN) req.destroy();
      else if (size > MAX_BODY) chunks.length = 0;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The request target as a URL, or null when it is not one (an absolute-form target such as "http://[x"). */
function parseUrl(target: string, origin: string): URL | null {
  try {
    return new URL(target, origin);
  } catch {
    return null;
  }
}

/** A URL path with its %-escapes decoded, or null when an escape is malformed ("%E0%A4%A", "%zz"). */
function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/** `{ channel: "<name>", input?: … }`: anything else (null, an array, a channel that is not text) is refused before dispatch. */
function isCallMessage(message: unknown): message is { channel: string; input?: unknown } {
  return typeof message === 'object' && message !== null && !Array.isArray(message) && typeof (message as { channel?: unknown }).channel === 'string';
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}
