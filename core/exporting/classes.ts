import type Database from 'better-sqlite3';
import { OUT_OF_POPULATION } from '../../db/schema/segmentation';
import { storedLatestColumnsOn } from '../../db/repos/segmentation';
import { classAt, hasScheme, type SnapshotColumns } from '../../db/repos/snapshot-columns';

/** The customers' classes in every scheme with tier history, as of the latest stored day. */
export interface ClassLookup {
  asOf: string;
  schemes: string[];
  /** A customer's class key in each of `schemes`, in that order; null where they have none that day. */
  classesOf(customerId: string): (string | null)[];
}

/**
 * The tier history's schemes in order, one seek each: a DISTINCT over the history reads all of it (1.7 million
 * rows, about 0.26 s at 100k customers); its key leads with the scheme, so the next one is a seek away.
 */
function schemesInHistory(client: Database.Database): string[] {
  const next = client.prepare(`SELECT scheme FROM segment_assignments WHERE scheme > ? ORDER BY scheme LIMIT 1`).pluck();
  const schemes: string[] = [];
  // A scheme is never blank (segment_assignments_scheme_not_blank), so every one sorts after ''.
  for (let scheme = next.get('') as string | undefined; scheme !== undefined; scheme = next.get(scheme) as string | undefined) schemes.push(scheme);
  return schemes;
}

/**
 * Each customer's class per scheme as of the latest stored day: their latest change point on or before it.
 * Asked once per customer and scheme (a primary-key seek each), that was 1.6 million queries at 100k customers
 * and 16 schemes, most of a 13 s export. The classes come instead from what the app already keeps:
 * - segment_latest holds that very day's class of every customer the tiers classified, while its day is the
 *   latest stored and the history has not moved since (db/repos/segmentation.ts storedLatestColumns): a
 *   code per customer and scheme, read as codes;
 * - a customer outside it (archived, deleted or added since) is asked of the history, as before: few;
 * - a scheme not in it (a custom segment deleted since its last day, whose history stays), or every scheme
 *   when it is stale (a backup put back, days after today forgotten), is read from the history in one
 *   grouped pass per scheme, kept as a code per customer.
 */
export function classLookup(client: Database.Database): ClassLookup | null {
  const asOf = client.prepare(`SELECT max(as_of) FROM segment_runs`).pluck().get() as string | null;
  if (!asOf) return null;
  const schemes = schemesInHistory(client);
  const kept = storedLatestColumnsOn(client);
  const latest = kept?.asOf === asOf ? kept : undefined;
  const position = latest ? positions(latest.customerIds) : undefined;
  const pointQuery = client.prepare(`SELECT class_key FROM segment_assignments WHERE scheme = ? AND customer_id = ? AND as_of <= ? ORDER BY as_of DESC LIMIT 1`).pluck();
  let history: HistoryColumns | undefined;
  const readers = schemes.map((scheme): ((id: string, k: number | undefined) => string | undefined) => {
    if (latest && hasScheme(latest, scheme)) return (id, k) => (k === undefined ? (pointQuery.get(scheme, id, asOf) as string | undefined) : classAt(latest, scheme, k));
    history ??= new HistoryColumns(client);
    const read = history.scheme(scheme, asOf);
    return (id) => read(id);
  });
  return {
    asOf,
    schemes,
    classesOf(customerId) {
      const k = position?.get(customerId);
      const classes = new Array<string | null>(readers.length);
      for (let s = 0; s < readers.length; s++) {
        const key = readers[s]!(customerId, k);
        classes[s] = key === undefined || key === OUT_OF_POPULATION ? null : key;
      }
      return classes;
    },
  };
}

function positions(ids: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (let k = 0; k < ids.length; k++) map.set(ids[k]!, k);
  return map;
}

/**
 * Schemes read from the history itself, each a class code per customer (every customer the table ever held:
 * customers are never erased, so the history names no one else). Codes rather than a Map of strings per
 * scheme: sixteen such Maps of 100k customers would hold well over 100 MB.
 */
class HistoryColumns {
  private readonly index: Map<string, number>;

  constructor(private readonly client: Database.Database) {
    this.index = positions(client.prepare(`SELECT id FROM customers`).pluck().all() as string[]);
  }

  scheme(scheme: string, asOf: string): (customerId: string) => string | undefined {
    // Code 0: no change point on or before the day.
    const classes: (string | undefined)[] = [undefined];
    const codeOf = new Map<string, number>();
    let codes: Uint8Array | Uint16Array | Uint32Array = new Uint8Array(this.index.size);
    // SQLite takes the bare class_key from the row holding max(as_of).
    const rows = this.client.prepare(`SELECT customer_id, class_key, max(as_of) FROM segment_assignments WHERE scheme = ? AND as_of <= ? GROUP BY customer_id`).raw();
    for (const [id, classKey] of rows.iterate(scheme, asOf) as Iterable<[string, string, string]>) {
      const k = this.index.get(id);
      if (k === undefined) continue;
      let code = codeOf.get(classKey);
      if (code === undefined) {
        code = classes.push(classKey) - 1;
        codeOf.set(classKey, code);
        if (code > 0xffff && codes instanceof Uint16Array) codes = Uint32Array.from(codes);
        else if (code > 0xff && codes instanceof Uint8Array) codes = Uint16Array.from(codes);
      }
      codes[k] = code;
    }
    const index = this.index;
    const column = codes;
    return (id) => {
      const k = index.get(id);
      return k === undefined ? undefined : classes[column[k]!];
    };
  }
}
