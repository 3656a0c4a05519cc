import { useEffect, useState } from 'react';

/** Screens are addressed by the URL hash ("#/customers/ID"), so Back works and tests can deep-link. */
export type Route =
  | { page: 'today' }
  | { page: 'customers' }
  | { page: 'customer'; id: string }
  | { page: 'settings' }
  | { page: 'fx' }
  | { page: 'tiers' }
  | { page: 'import' }
  | { page: 'duplicates' }
  | { page: 'prediction' };

/** Today is the home screen: no address, "#/today", and the old follow-ups-due page ("#/due") open it. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'customers' && parts[1]) return { page: 'customer', id: decodeURIComponent(parts[1]) };
  if (parts[0] === 'customers') return { page: 'customers' };
  if (parts[0] === 'settings' || parts[0] === 'fx' || parts[0] === 'tiers' || parts[0] === 'import' || parts[0] === 'duplicates' || parts[0] === 'prediction') return { page: parts[0] };
  // "#/due", "#/today", nothing, or an address this version does not know.
  return { page: 'today' };
}

export function hrefOf(route: Route): string {
  return route.page === 'customer' ? `#/customers/${encodeURIComponent(route.id)}` : `#/${route.page}`;
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
