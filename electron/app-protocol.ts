import { createRendererHandler as serveRenderer, safeUrl, sameOrigin, type RendererHandler } from '../core/renderer-serving';

export { contentSecurityPolicy, NONCE_META_NAME, type RendererHandler } from '../core/renderer-serving';

/**
 * The renderer's own origin. Electron's packaged window cannot use file:// (the fuse
 * grantFileProtocolExtraPrivileges is off, so file:// follows browser rules and blocks the module script
 * and stylesheet as cross-origin); a standard, secure custom scheme gives the page a real origin instead.
 * This file stays free of `electron` so the handler can be tested, and driven by plain Chromium, as is.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tierbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/**
 * What protocol.registerSchemesAsPrivileged grants the scheme: standard (relative URLs and an origin),
 * secure (like https), fetch for the page's own assets, and CORS because module scripts are always
 * fetched in CORS mode. No bypassCSP, no service workers, no streaming: nothing the page does not use.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } as const;

/** True for a URL of our own page (any path, query or hash under app://tierbook/), and nothing else. */
export function isOwnPage(url: string, origin = APP_ORIGIN): boolean {
  const parsed = safeUrl(url);
  return parsed !== null && sameOrigin(parsed, origin) && parsed.username === '' && parsed.password === '';
}

/** The app's renderer handler for protocol.handle; `origin` is app://tierbook except in tests that drive it under another. */
export function createRendererHandler(rendererDir: string, origin = APP_ORIGIN): RendererHandler {
  return serveRenderer(rendererDir, origin);
}
