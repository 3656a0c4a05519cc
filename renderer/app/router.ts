import { useEffect, useState } from 'react';

/** Screens are addressed by the URL hash ("#/customers/ID"), so Back works and tests can deep-link. */
export type Route =
  | { page: 'customers' }
  | { page: 'customer'; id: string }
  | { page: 'due' }
  | { page: 'settings' }
  | { page: 'fx' }
  | { page: 'tiers' }
  | { page: 'import' }
  | { page: 'duplicates' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'customers' && parts[1]) return { page: 'customer', id: decodeURIComponent(parts[1]) };
  if (parts[0] === 'due' || parts[0] === 'settings' || parts[0] === 'fx' || parts[0] === 'tiers' || parts[0] === 'import' || parts[0] === 'duplicates') return { page: parts[0] };
  return { page: 'customers' };
}

export function hrefOf(route: Route): string {
  return route.page === 'customer' ? `#/customers/${encodeURIComponent(route.id)}` : `#/${route.page}`;
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

/**
 * A screen with unsaved edits holds the route (see useUnsavedChangesPrompt): `isDirty` is asked on every
 * hash change, and `confirm(leave)` asks the user, calling `leave` only if they choose to go.
 */
export interface NavigationGuard {
  isDirty(): boolean;
  confirm(leave: () => void): void;
}

const guards = new Set<NavigationGuard>();

export function addNavigationGuard(guard: NavigationGuard): () => void {
  guards.add(guard);
  return () => guards.delete(guard);
}

/** Set while a confirmed navigation goes through, so the guard that allowed it does not ask again. */
let leaving = false;

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (event: HashChangeEvent) => {
      const dirty = leaving ? undefined : [...guards].find((g) => g.isDirty());
      if (dirty) {
        // Links, Back and navigate() all end here, after the address changed: put it back without a
        // new history entry, and move on only once the user confirms.
        const target = window.location.hash;
        window.history.replaceState(window.history.state, '', event.oldURL);
        dirty.confirm(() => {
          leaving = true;
          window.location.hash = target;
        });
        return;
      }
      leaving = false;
      setRoute(parseRoute(window.location.hash));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
