import type { Db } from '../open';
import { OUT_OF_POPULATION } from '../schema';
import { likeAny, searchPatterns } from './like-pattern';

/**
 * A past day's stored tiers, read from the change points: a customer's class on day D is their latest
 * row on or before D (the primary key leads with scheme and customer, so this is one index walk per
 * scheme). A latest row saying OUT_OF_POPULATION means they had left the book by then.
 */
export const CLASSES_ON = `SELECT customer_id, class_key, max(as_of) AS as_of FROM segment_assignments WHERE scheme = @scheme AND as_of <= @day GROUP BY customer_id`;

export interface StoredDayRange {
  first: string | null;
  last: string | null;
}

export function storedDayRange(db: Db): StoredDayRange {
  const row = db.$client.prepare(`SELECT min(as_of) AS first, max(as_of) AS last FROM segment_runs`).get() as StoredDayRange;
  return { first: row.first ?? null, last: row.last ?? null };
}

/** Members per class on `day`, largest class first (then by key, so equal counts keep one order). */
export function storedClassCounts(db: Db, scheme: string, day: string): { classKey: string; count: number }[] {
  return db.$client
    .prepare(
      `SELECT class_key AS classKey, count(*) AS count FROM (${CLASSES_ON})
       WHERE class_key <> @out GROUP BY class_key ORDER BY count DESC, class_key`,
    )
    .all({ scheme, day, out: OUT_OF_POPULATION }) as { classKey: string; count: number }[];
}

export interface StoredMemberQuery {
  scheme: string;
  day: string;
  classKey?: string;
  /** Already normalised (normalizeQuery); matched inside customers.search_text, as typed or folded (searchPatterns). */
  searchKey: string;
  offset: number;
  limit: number;
}

/** A page of the day's members by name, with how many match in all. Archived or deleted since: still listed, as they were that day. */
export function storedMembers(db: Db, query: StoredMemberQuery): { total: number; rows: { id: string; name: string; company: string | null; code: string | null; classKey: string }[] } {
  const patterns = query.searchKey ? searchPatterns(query.searchKey) : [];
  const params = {
    scheme: query.scheme,
    day: query.day,
    out: OUT_OF_POPULATION,
    classKey: query.classKey ?? null,
    ...Object.fromEntries(patterns.map((pattern, k) => [`search${k}`, pattern])),
  };
  const from = `FROM (${CLASSES_ON}) AS h JOIN customers c ON c.id = h.customer_id
    WHERE h.class_key <> @out AND (@classKey IS NULL OR h.class_key = @classKey)${patterns.length > 0 ? ` AND ${likeAny('c.search_text', patterns.length, 'search')}` : ''}`;
  const total = db.$client.prepare(`SELECT count(*) ${from}`).pluck().get(params) as number;
  const rows = db.$client
    .prepare(`SELECT c.id, c.name, c.company, c.code, h.class_key AS classKey ${from} ORDER BY c.sort_name, c.id LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: query.limit, offset: query.offset }) as { id: string; name: string; company: string | null; code: string | null; classKey: string }[];
  return { total, rows };
}
