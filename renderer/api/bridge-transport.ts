import type { Result } from '../../shared/contract';

/**
 * In a plain browser (end-to-end tests, `npm run dev:web`) there is no preload: the page was opened
 * by the loopback bridge with `?token=…`, and calls go back to it over HTTP with that token.
 */
export function installBridgeTransport(): void {
  const token = new URLSearchParams(window.location.search).get('token') ?? sessionStorage.getItem('tierbook-token');
  if (token) sessionStorage.setItem('tierbook-token', token);
  window.tierbook = {
    async invoke(channel, input) {
      if (!token) return { ok: false, error: { code: 'internal', message: 'No connection to TierBook (missing bridge token).' } };
      const response = await fetch('./api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tierbook-token': token },
        body: JSON.stringify({ channel, input }),
      });
      if (!response.ok) return { ok: false, error: { code: 'internal', message: `TierBook refused the connection (HTTP ${response.status}). Reopen the page from the address the app printed.` } };
      return (await response.json()) as Result<unknown>;
    },
  };
}
