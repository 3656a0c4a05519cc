import { useCallback, useEffect, useRef, useState } from 'react';

const PAGE_SIZE = 100;

/** `meta`: whatever else the answer carries about the whole result (counts, the day); the latest page's wins. */
export type FetchPage<Query, Row, Meta = undefined> = (query: Query, offset: number, limit: number) => Promise<{ total: number; rows: Row[]; meta?: Meta }>;

/**
 * Rows of a (possibly 100k-row) server query, fetched page by page as a virtual list scrolls to them.
 * A new query (compared by value) starts over; answers to an outdated query are dropped.
 * `revision` changes whenever any loaded row may have changed.
 */
export function usePagedRows<Query, Row, Meta = undefined>(query: Query, reloadKey: unknown, fetchPage: FetchPage<Query, Row, Meta>) {
  const [total, setTotal] = useState<number | null>(null);
  const [meta, setMeta] = useState<Meta | undefined>(undefined);
  const [revision, setRevision] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const pages = useRef(new Map<number, Row[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
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
        setRevision((r) => r + 1);
      } catch (e) {
        if (gen === generation.current) setError(e);
      } finally {
        pending.current.delete(page);
      }
    },
    // fetchPage should be a stable (module-level) function; a new one per render would refetch forever.
    [queryKey, fetchPage],
  );

  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    pending.current = new Set();
    void loadPage(0, generation.current);
  }, [loadPage, reloadKey]);

  const ensureRange = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) void loadPage(page, generation.current);
    },
    [loadPage],
  );

  const rowAt = useCallback((index: number): Row | undefined => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], []);

  return { total, rowAt, ensureRange, revision, error, meta };
}
