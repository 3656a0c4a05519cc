import type Database from 'better-sqlite3';
import { classSpellingsOf, FREE_TEXT_SCHEMES, type FreeTextScheme } from '../../shared/segmentation';

const COLUMN: Record<FreeTextScheme, string> = { industry: 'industry', income: 'income_band', size: 'size_band' };

/** Each free-text scheme's values and how many live customers hold each: read from its partial index (db/schema/customers.ts). */
export const SPELLINGS_SQL = Object.fromEntries(
  FREE_TEXT_SCHEMES.map((scheme) => [scheme, `SELECT ${COLUMN[scheme]}, count(*) FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL AND ${COLUMN[scheme]} IS NOT NULL GROUP BY 1`]),
) as Record<FreeTextScheme, string>;

type Spellings = Record<FreeTextScheme, Record<string, string>>;

/**
 * The spelling the customers the tiers classify (live, unarchived) use for each free-text class, per scheme: one
 * grouped query per scheme. Customers share a few distinct values, so the rows are few; the grouping by class key
 * happens in code because SQLite has no NFKC.
 */
function customersSpellings(client: Database.Database): Spellings {
  const entries = FREE_TEXT_SCHEMES.map((scheme) => {
    const rows = client
      .prepare(SPELLINGS_SQL[scheme])
      .raw()
      .all() as [string, number][];
    return [scheme, classSpellingsOf(rows)] as const;
  });
  return Object.fromEntries(entries) as Spellings;
}

/**
 * The spelling each free-text class is shown by, per scheme: today's customers' own for the classes they hold;
 * for a class only the tier history holds (an industry renamed since, its customers archived or deleted), the
 * spelling kept when a snapshot last held it (keepClassSpellings), rather than its lower-cased key.
 */
export function classSpellings(client: Database.Database): Spellings {
  const current = customersSpellings(client);
  const kept = client.prepare(`SELECT scheme, class_key, spelling FROM class_spellings_kept`).raw().all() as [string, string, string][];
  // fromEntries makes own properties, so a class typed "__proto__" is a name like any other; today's come last and win.
  return Object.fromEntries(
    FREE_TEXT_SCHEMES.map((scheme) => [scheme, Object.fromEntries([...kept.filter(([s]) => s === scheme).map(([, key, spelling]) => [key, spelling]), ...Object.entries(current[scheme])])]),
  ) as Spellings;
}

/**
 * Keeps today's spelling of every free-text class today's customers hold: called as a snapshot is stored, so any
 * class the history holds has the spelling it had the last time it was stored. Rewrites only what changed.
 */
export function keepClassSpellings(client: Database.Database): void {
  const current = customersSpellings(client);
  const keep = client.prepare(
    `INSERT INTO class_spellings_kept (scheme, class_key, spelling) VALUES (?, ?, ?)
     ON CONFLICT (scheme, class_key) DO UPDATE SET spelling = excluded.spelling WHERE spelling IS NOT excluded.spelling`,
  );
  client.transaction(() => {
    for (const scheme of FREE_TEXT_SCHEMES) for (const [key, spelling] of Object.entries(current[scheme])) keep.run(scheme, key, spelling);
  })();
}
