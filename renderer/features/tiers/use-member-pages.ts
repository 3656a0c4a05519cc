import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf } from '../../../shared/contract';
import type { MemberRow } from '../../../shared/contract/segmentation';
import { api } from '../../api/client';

const PAGE_SIZE = 100;

export type MemberQuery = Omit<InputOf<'segments:members'>, 'offset' | 'limit'>;

/**
 * Members of a class, fetched page by page as the virtual list scrolls to them (the customer list's
 * pattern). A new query starts over; answers to an outdated query are dropped.
 */
export function useMemberPages(query: MemberQuery, reloadKey: number) {
  const [total, setTotal] = useState<number | null>(null);
  const [revision, setRevision] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const pages = useRef(new Map<number, MemberRow[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const queryKey = JSON.stringify(query);

  const loadPage = useCallback(
    async (page: number, gen: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      try {
        const result = await api('segments:members', { ...(JSON.parse(queryKey) as MemberQuery), offset: page * PAGE_SIZE, limit: PAGE_SIZE });
        if (gen !== generation.current) return;
        pages.current.set(page, result.rows);
        setTotal(result.total);
        setError(null);
        setRevision((r) => r + 1);
      } catch (e) {
        if (gen === generation.current) setError(e);
      } finally {
        pending.current.delete(page);
      }
    },
    [queryKey],
  );

  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    pending.current = new Set();
    setTotal(null);
    void loadPage(0, generation.current);
  }, [loadPage, reloadKey]);

  const ensureRange = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) void loadPage(page, generation.current);
    },
    [loadPage],
  );

  const rowAt = useCallback((index: number): MemberRow | undefined => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], []);

  return { total, rowAt, ensureRange, revision, error };
}
