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
  | { page: 'prediction' }
  | { page: 'evaluation' };

/** Today is the home screen: no address, "#/today", and the old follow-ups-due page ("#/due") open it. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'customers' && parts[1]) return { page: 'customer', id: decodeURIComponent(parts[1]) };
  if (parts[0] === 'customers') return { page: 'customers' };
  if (parts[0] === 'settings' || parts[0] === 'fx' || parts[0] === 'tiers' || parts[0] === 'import' || parts[0] === 'duplicates' || parts[0] === 'prediction' || parts[0] === 'evaluation') return { page: parts[0] };
  // "#/due", "#/today", nothing, or an address this version does not know.
  return { page: 'today' };
}

export function hrefOf(route: Route): string {
  return route.page === 'customer' ? `#/customers/${encodeURIComponent(route.id)}` : `#/${route.page}`;
}

export function navigate(route: Route): void {
  const target = hrefOf(route);
  if (!heldByGuard(target, () => (window.location.hash = target))) window.location.hash = target;
}

/**
 * A screen with unsaved edits holds the route (see useUnsavedChangesPrompt): `isDirty` is asked before
 * every move, and `confirm(leave)` asks the user, calling `leave` only if they choose to go.
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

/** Set while a confirmed move goes through, so the guard that allowed it does not ask again. */
let leaving = false;

/** Whether a dirty screen holds this move; if so its question is on screen and `go` runs once the user agrees. */
function heldByGuard(target: string, go: () => void): boolean {
  if (leaving || target === window.location.hash) return false;
  const dirty = [...guards].find((g) => g.isDirty());
  if (!dirty) return false;
  dirty.confirm(() => {
    leaving = true;
    go();
  });
  return true;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    // In-app links are held before the address changes, so a refused move leaves no history entry behind.
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
      const target = link?.getAttribute('href');
      if (target && heldByGuard(target, () => (window.location.hash = target))) event.preventDefault();
    };
    // Back, Forward and a typed address arrive after the address changed: put it back without a new
    // history entry, and move on only once the user confirms.
    const onChange = (event: HashChangeEvent) => {
      const target = window.location.hash;
      const held = !leaving && [...guards].some((g) => g.isDirty());
      if (held) {
        window.history.replaceState(window.history.state, '', event.oldURL);
        heldByGuard(target, () => (window.location.hash = target));
        return;
      }
      leaving = false;
      setRoute(parseRoute(window.location.hash));
    };
    document.addEventListener('click', onClick, true);
    window.addEventListener('hashchange', onChange);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('hashchange', onChange);
    };
  }, []);
  return route;
}
