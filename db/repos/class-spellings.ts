import type Database from 'better-sqlite3';
import { classSpellingsOf, FREE_TEXT_SCHEMES, type FreeTextScheme } from '../../shared/segmentation';

const COLUMN: Record<FreeTextScheme, string> = { industry: 'industry', income: 'income_band', size: 'size_band' };

/**
 * The spelling each free-text class is shown by, per scheme: one grouped query per scheme over the customers
 * the tiers classify (live, unarchived). Customers share a few distinct values, so the rows are few; the
 * grouping by class key happens in code because SQLite has no NFKC.
 */
export function classSpellings(client: Database.Database): Record<FreeTextScheme, Record<string, string>> {
  const entries = FREE_TEXT_SCHEMES.map((scheme) => {
    const rows = client
      .prepare(`SELECT ${COLUMN[scheme]}, count(*) FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL AND ${COLUMN[scheme]} IS NOT NULL GROUP BY 1`)
      .raw()
      .all() as [string, number][];
    return [scheme, classSpellingsOf(rows)] as const;
  });
  return Object.fromEntries(entries) as Record<FreeTextScheme, Record<string, string>>;
}
