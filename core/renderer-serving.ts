import { randomBytes } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';

/**
 * The built renderer, served as the desktop app serves it (under app://tierbook, electron/app-protocol.ts)
 * and as the loopback bridge serves it to a browser: only regular files under the renderer folder, with
 * their MIME type, the Content-Security-Policy as a header and a fresh style nonce in every page load.
 * A pure function of a web Request, so Electron's protocol.handle, the bridge and tests all use it as is.
 */
/**
 * The policy the app serves as a header. Styles: antd writes its CSS-in-JS into <style> elements that
 * carry the per-load nonce (ConfigProvider csp), so no 'unsafe-inline' for style elements; style
 * *attributes* (React's style props, ECharts' tooltips) stay allowed: they cannot hold selectors, so
 * they cannot read the page, only repaint it. renderer/index.html's meta holds the same policy for
 * browser mode, where no nonce exists (a test keeps the two in step).
 */
export function contentSecurityPolicy(styleNonce: string, deliveredIn: 'header' | 'meta' = 'header'): string {
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  // Browsers ignore frame-ancestors in a meta element (and say so in the console): header only.
  return (deliveredIn === 'header' ? [...directives, "frame-ancestors 'none'"] : directives).join('; ');
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const META_CSP = /<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/?>/i;
export const NONCE_META_NAME = 'tierbook-style-nonce';

export type RendererHandler = (request: Request) => Promise<Response>;

/**
 * protocol.handle's handler: a pure function of the request. It serves only regular files under
 * rendererDir (symlinks resolved, so none leads out), names them with their MIME type, sends the CSP as a
 * header, and gives index.html a fresh style nonce on every load.
 * `origin` is app://tierbook in the app; tests drive the same function under another standard origin.
 */
export function createRendererHandler(rendererDir: string, origin: string): RendererHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'GET only', { allow: 'GET, HEAD' });
    const url = safeUrl(request.url);
    if (url === null || !sameOrigin(url, origin)) return plain(403, 'Not this app');
    const segments = pathSegments(url.pathname);
    if (segments === null) return plain(404, 'Not found');
    const root = await realpath(rendererDir).catch(() => null);
    if (root === null) return plain(404, 'Not found');
    const file = await confinedFile(root, segments.length === 0 ? ['index.html'] : segments);
    if (file === null) return plain(404, 'Not found');

    const nonce = randomBytes(16).toString('base64');
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    let body: Uint8Array = await readFile(file);
    if (type.startsWith('text/html')) body = Buffer.from(withNonce(Buffer.from(body).toString('utf8'), nonce), 'utf8');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { 'content-type': type, 'content-length': String(body.byteLength), ...securityHeaders(nonce) },
    });
  };
}

/** The page's meta CSP is rewritten to the header's policy, and the nonce is handed to the renderer's styles. */
function withNonce(html: string, nonce: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce, 'meta')}" />\n    <meta name="${NONCE_META_NAME}" content="${nonce}" />`;
  // No meta to replace still leaves the header in force; the nonce meta is added all the same.
  return META_CSP.test(html) ? html.replace(META_CSP, meta) : html.replace(/<head>/i, `<head>\n    ${meta}`);
}

function securityHeaders(nonce: string): Record<string, string> {
  return { 'content-security-policy': contentSecurityPolicy(nonce), 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' };
}

/**
 * Decoded path segments, or null for anything that could step outside the folder or confuse the file
 * system: dot segments (also percent-encoded), encoded slashes, backslashes, NUL, malformed escapes.
 */
function pathSegments(pathname: string): string[] | null {
  const raw = pathname.split('/').slice(1);
  if (raw.length === 1 && raw[0] === '') return [];
  const decoded: string[] = [];
  for (const segment of raw) {
    let text: string;
    try {
      text = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (text === '' || text === '.' || text === '..' || /[/\\\0:]/.test(text)) return null;
    decoded.push(text);
  }
  return decoded;
}

/** The real path of a regular file inside root, or null: a symlink pointing out of the folder counts as out. */
async function confinedFile(root: string, segments: string[]): Promise<string | null> {
  try {
    const real = await realpath(join(root, ...segments));
    if (!real.startsWith(root + sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

export function sameOrigin(url: URL, origin: string): boolean {
  const expected = new URL(origin);
  // Node gives custom schemes an opaque origin ('null'), so compare scheme, host and port one by one.
  return url.protocol === expected.protocol && url.host === expected.host;
}

export function safeUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...securityHeaders(randomBytes(16).toString('base64')), ...extra } });
}
