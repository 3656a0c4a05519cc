import { useCallback, useEffect, useRef, useState } from 'react';
import type { CustomerListInput, CustomerRow } from '../../../shared/contract/customers';
import { api } from '../../api/client';

const PAGE_SIZE = 100;

/**
 * Rows of a (possibly 100k-row) customer query, fetched page by page as the virtual list scrolls
 * to them. A new query starts over; answers to an outdated query are dropped.
 */
export function useCustomerPages(query: Omit<CustomerListInput, 'offset' | 'limit'>, reloadKey: number) {
  const [total, setTotal] = useState<number | null>(null);
  const [revision, setRevision] = useState(0);
  const pages = useRef(new Map<number, CustomerRow[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const queryKey = JSON.stringify(query);

  const loadPage = useCallback(
    async (page: number, gen: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      try {
        const result = await api('customers:list', { ...JSON.parse(queryKey), offset: page * PAGE_SIZE, limit: PAGE_SIZE });
        if (gen !== generation.current) return;
        pages.current.set(page, result.rows);
        setTotal(result.total);
        setRevision((r) => r + 1);
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
    void loadPage(0, generation.current);
  }, [loadPage, reloadKey]);

  const ensureRange = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) void loadPage(page, generation.current);
    },
    [loadPage],
  );

  const rowAt = useCallback((index: number): CustomerRow | undefined => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], []);

  /** `revision` changes whenever any loaded row may have changed. */
  return { total, rowAt, ensureRange, revision };
}
