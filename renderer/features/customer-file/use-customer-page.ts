import { useEffect, useRef, useState } from 'react';

/** Rows of the orders tab on one page. */
export const ORDERS_PAGE_SIZE = 20;

export interface CustomerPage<T> {
  rows: T[];
  /** Rows over all pages. */
  total: number;
  /** 1-based. */
  number: number;
  loading: boolean;
}

type ReadPage<T> = (customerId: string, offset: number, limit: number) => Promise<{ rows: T[]; total: number }>;

/**
 * One page of a customer's rows, read from the handler (a big customer's thousands of orders are never all sent):
 * asked again when the customer, the page or `reloadKey` changes (the file reloads after every change). The page
 * shown stays until the next one arrives; an answer overtaken by a later ask is dropped. A page past the end (its
 * last row deleted) gives way to the last page with rows. `firstPage`: the first page read with what `reloadKey` stands
 * for (the file reads it beside the customer): shown at once when the first page is asked, with no round trip of its own.
 */
export function useCustomerPage<T>(
  customerId: string,
  reloadKey: unknown,
  size: number,
  read: ReadPage<T>,
  onError: (error: unknown) => void,
  firstPage?: { rows: T[]; total: number },
) {
  const [asked, setAsked] = useState({ customerId, number: 1 });
  const number = asked.customerId === customerId ? asked.number : 1;
  const [page, setPage] = useState<Omit<CustomerPage<T>, 'number'>>(firstPage ? { ...firstPage, loading: false } : { rows: [], total: 0, loading: true });
  // The latest callbacks, without asking again each render for a new function of the same meaning.
  const calls = useRef({ read, onError });
  calls.current = { read, onError };

  useEffect(() => {
    if (number === 1 && firstPage) {
      setPage({ ...firstPage, loading: false });
      return;
    }
    let current = true;
    setPage((shown) => ({ ...shown, loading: true }));
    calls.current.read(customerId, (number - 1) * size, size).then(
      ({ rows, total }) => {
        if (!current) return;
        const last = Math.max(1, Math.ceil(total / size));
        if (number > last) return setAsked({ customerId, number: last });
        setPage({ rows, total, loading: false });
      },
      (error: unknown) => {
        if (!current) return;
        setPage((shown) => ({ ...shown, loading: false }));
        calls.current.onError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [customerId, number, size, reloadKey, firstPage]);

  return { page: { ...page, number }, setPage: (next: number) => setAsked({ customerId, number: next }) };
}
