import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';

const PAGE_SIZE = 100;

/** `meta`: whatever else the answer carries about the whole result (counts, the day); the latest page's wins. */
export type FetchPage<Query, Row, Meta = undefined> = (query: Query, offset: number, limit: number) => Promise<{ total: number; rows: Row[]; meta?: Meta }>;

/** Tells whoever draws the rows that a loaded row may have changed, without re-rendering the screen that holds them. */
export interface RowRevisions {
  /** Calls `listener` whenever a loaded row may have changed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** A number that changes whenever a loaded row may have changed. */
  revision(): number;
}

/**
 * Rows of a (possibly 100k-row) server query, fetched page by page as a virtual list scrolls to them.
 * A new query (compared by value) starts over; answers to an outdated query are dropped.
 *
 * A page arriving changes no state of the screen that calls this (unless the total, the meta or the error
 * change): it tells `revisions`' subscribers, so only the table re-renders. At 100k customers the customer
 * list's screen (toolbar, filters, drawers) re-rendering for every page was most of a long frame.
 */
export function usePagedRows<Query, Row, Meta = undefined>(query: Query, reloadKey: unknown, fetchPage: FetchPage<Query, Row, Meta>) {
  const [total, setTotal] = useState<number | null>(null);
  const [meta, setMeta] = useState<Meta | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const pages = useRef(new Map<number, Row[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const [revisions] = useState(revisionStore);
  const queryKey = JSON.stringify(query);

  const loadPage = useCallback(
    async (page: number, gen: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      try {
        const result = await fetchPage(JSON.parse(queryKey) as Query, page * PAGE_SIZE, PAGE_SIZE);
        if (gen !== generation.current) return;
        pages.current.set(page, result.rows);
        setTotal(result.total);
        if (result.meta !== undefined) setMeta(result.meta);
        setError(null);
        revisions.bump();
      } catch (e) {
        if (gen === generation.current) setError(e);
      } finally {
        pending.current.delete(page);
      }
    },
    // fetchPage should be a stable (module-level) function; a new one per render would refetch forever.
    [queryKey, fetchPage, revisions],
  );

  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    pending.current = new Set();
    revisions.bump();
    void loadPage(0, generation.current);
  }, [loadPage, reloadKey, revisions]);

  const ensureRange = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) void loadPage(page, generation.current);
    },
    [loadPage],
  );

  const rowAt = useCallback((index: number): Row | undefined => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], []);

  return { total, rowAt, ensureRange, revisions: revisions as RowRevisions, error, meta };
}

/** For a screen that draws the rows itself (Today): its revision, re-rendering it whenever a page arrives. */
export function useRowRevision(revisions: RowRevisions): number {
  return useSyncExternalStore(revisions.subscribe, revisions.revision);
}

function revisionStore(): RowRevisions & { bump(): void } {
  let revision = 0;
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    revision: () => revision,
    bump() {
      revision += 1;
      for (const listener of listeners) listener();
    },
  };
}
