import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { PAGE_SIZE, PageCache, type RowRange } from './page-cache';

/** `meta`: whatever else the answer carries about the whole result (counts, the day); the latest page's wins. */
export type FetchPage<Query, Row, Meta = undefined> = (query: Query, offset: number, limit: number) => Promise<{ total: number; rows: Row[]; meta?: Meta }>;

/** Where a screen will open a new query's list, when it knows before any answer (else at the first row). */
export type OpenAt<Query> = (query: Query) => RowRange | undefined;

/** Tells whoever draws the rows that a loaded row may have changed, without re-rendering the screen that holds them. */
export interface RowRevisions {
  /** Calls `listener` whenever a loaded row may have changed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** A number that changes whenever a loaded row may have changed. */
  revision(): number;
}

/**
 * Rows of a (possibly 100k-row) server query, fetched page by page as a virtual list scrolls to them.
 * A new query (compared by value) starts over; answers to an outdated query are dropped. Asked again for
 * the same query (a new reloadKey), the rows on screen stay until their pages come back (PageCache).
 *
 * A page arriving changes no state of the screen that calls this (unless the total, the meta or the error
 * change): it tells `revisions`' subscribers, so only the table re-renders. At 100k customers the customer
 * list's screen (toolbar, filters, drawers) re-rendering for every page was most of a long frame.
 */
export function usePagedRows<Query, Row, Meta = undefined>(query: Query, reloadKey: unknown, fetchPage: FetchPage<Query, Row, Meta>, openAt?: OpenAt<Query>) {
  const [total, setTotal] = useState<number | null>(null);
  const [meta, setMeta] = useState<Meta | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [cache] = useState(() => new PageCache<Row>());
  const [revisions] = useState(revisionStore);
  const queryKey = JSON.stringify(query);
  const shownQuery = useRef<string | null>(null);

  const loadPage = useCallback(
    async (page: number, generation: number) => {
      if (generation !== cache.generation || !cache.begin(page)) return;
      let result: Awaited<ReturnType<typeof fetchPage>>;
      try {
        result = await fetchPage(JSON.parse(queryKey) as Query, page * PAGE_SIZE, PAGE_SIZE);
      } catch (e) {
        if (cache.settle(page, generation, undefined)) setError(e);
        return;
      }
      if (!cache.settle(page, generation, result.rows)) return;
      setTotal(result.total);
      if (result.meta !== undefined) setMeta(result.meta);
      setError(null);
      revisions.bump();
    },
    // fetchPage should be a stable (module-level) function; a new one per render would refetch forever.
    [queryKey, fetchPage, revisions, cache],
  );

  // The latest openAt, read when a new query starts (a screen's state it reads need not restart the rows).
  const latestOpenAt = useRef(openAt);
  latestOpenAt.current = openAt;
  useEffect(() => {
    // The same query asked again keeps its rows on screen until their pages come back (see PageCache).
    const same = shownQuery.current === queryKey;
    const { generation, pages } = cache.restart(same, same ? undefined : latestOpenAt.current?.(JSON.parse(queryKey) as Query));
    shownQuery.current = queryKey;
    revisions.bump();
    for (const page of pages) void loadPage(page, generation);
  }, [loadPage, reloadKey, revisions, cache, queryKey]);

  // The rows a list shows are asked for in a task of their own, after the frame that drew their place:
  // starting a request costs the renderer a few ms, too much inside a scroll frame. Only the latest range
  // asked for is fetched, so pages a fast scroll went past are never asked for; and always for the
  // current query (the latest loadPage), whatever query was current when the range was asked for.
  const wanted = useRef<RowRange | null>(null);
  const latestLoad = useRef(loadPage);
  latestLoad.current = loadPage;
  const ensureRange = useCallback(
    (first: number, last: number) => {
      const due = wanted.current === null;
      wanted.current = { first, last };
      if (!due) return;
      setTimeout(() => {
        const range = wanted.current;
        wanted.current = null;
        if (!range) return;
        for (const page of cache.pagesFor(range)) void latestLoad.current(page, cache.generation);
      });
    },
    // A new query gives a new ensureRange, so a table asks again for the rows it shows.
    [loadPage, cache],
  );

  const rowAt = useCallback((index: number): Row | undefined => cache.rowAt(index), [cache]);

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
