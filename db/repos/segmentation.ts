import type Database from 'better-sqlite3';
import type { Db } from '../open';
import { OUT_OF_POPULATION } from '../schema';
import { likeAny, searchPatterns } from './like-pattern';
import { codeColumn, codedColumnOf, type ClassCodes, type CodedColumn, type EngineCustomer } from '../../shared/segmentation';
import { inStretches, runSteps, type Steps } from '../../shared/domain/steps';
import { ASSIGNMENTS_PER_INSERT, FIRST_ROWS_PER_WRITE, insertAssignmentRows, settlePending, type RowsAhead } from './segment-rows-ahead';
import { changedPositions, classAt, columnsFromCodes, hasScheme, samePeople, sameSchemeClasses, type SnapshotColumns } from './snapshot-columns';

export type { SnapshotColumns } from './snapshot-columns';

/**
 * Rows in and out of the segmentation tables. Reads for a recompute go straight to prepared statements:
 * at 100k customers and ~1M orders, drizzle's per-row mapping is the bulk of the load time.
 */

/** What the engine needs of a customer, plus what lists show and sort by. */
export interface SegmentCustomer extends EngineCustomer {
  company: string | null;
  /** The customer's own code (from their system or an import), shown beside the name in tier lists. */
  code: string | null;
  sortName: string;
}

const SEGMENT_CUSTOMER_COLUMNS = `id, name, company, code, created_at, type, industry, country, region, city, locality,
    size_band, income_band, needs, tags, owner, source, manual_level, sort_name`;
/** Live, unarchived: who the tiers classify. */
const SEGMENT_POPULATION = `deleted_at IS NULL AND archived_at IS NULL`;
const SEGMENT_CUSTOMER_SQL = `SELECT ${SEGMENT_CUSTOMER_COLUMNS} FROM customers WHERE ${SEGMENT_POPULATION}`;

/** A row of SEGMENT_CUSTOMER_SQL, column by column. */
export type CustomerRow = [
  id: string, name: string, company: string | null, code: string | null, createdAt: string, type: string, industry: string | null,
  country: string | null, region: string | null, city: string | null, locality: string | null, sizeBand: string | null,
  incomeBand: string | null, needs: string | null, tags: string, owner: string | null, source: string | null,
  manualLevel: string | null, sortName: string,
];

/** Where a row of the sliced read holds its rowid: after every column of CustomerRow. */
const ROWID_AT: CustomerRow['length'] = 19;

const NO_TAGS: string[] = Object.freeze([]) as unknown as string[];

/**
 * Each row as one object literal (one shape for every customer, no intermediate row object), with each
 * repeated value (type, country, city, owner…) and each tag list kept once however many customers share
 * it: at 100k customers the tiers hold every customer in memory, and a string per field per customer is
 * tens of megabytes. `valuesShared`: the rows already hold one string per distinct value (the kept copy's
 * values, each decoded once), so they are taken as they are — looking each up again cost 1.2 million Map
 * lookups at 100k customers.
 */
export function sharedValues(valuesShared = false): (r: CustomerRow) => SegmentCustomer {
  const strings = new Map<string, string>();
  const one = valuesShared
    ? <T extends string | null>(v: T): T => v
    : <T extends string | null>(v: T): T => {
        if (v === null) return v;
        const seen = strings.get(v);
        if (seen !== undefined) return seen as T;
        strings.set(v, v);
        return v;
      };
  const tagLists = new Map<string, string[]>();
  const tagsOf = (json: string): string[] => {
    if (json === '[]') return NO_TAGS;
    let tags = tagLists.get(json);
    if (!tags) tagLists.set(json, (tags = Object.freeze((JSON.parse(json) as string[]).map((t) => one(t))) as string[]));
    return tags;
  };
  return (r) => ({
    id: r[0],
    name: r[1],
    company: r[2],
    code: r[3],
    createdAt: r[4],
    type: one(r[5]) as SegmentCustomer['type'],
    industry: one(r[6]),
    country: one(r[7]),
    region: one(r[8]),
    city: one(r[9]),
    locality: one(r[10]) as SegmentCustomer['locality'],
    sizeBand: one(r[11]),
    incomeBand: one(r[12]),
    needs: one(r[13]) as SegmentCustomer['needs'],
    tags: tagsOf(r[14]),
    owner: one(r[15]),
    source: one(r[16]),
    manualLevel: one(r[17]) as SegmentCustomer['manualLevel'],
    sortName: r[18],
  });
}

/** Live, unarchived customers: the population every scheme classifies. */
export function loadSegmentCustomers(db: Db): SegmentCustomer[] {
  return runSteps(segmentPopulationInSlices(db)).customers;
}

/** Customers read per slice in steps: about 25 ms of work at 100k customers, more in a process just started. */
export const CUSTOMERS_PER_SLICE = 5_000;

/** The population read in slices: customers in id order, and each id's position. */
export interface SegmentPopulation {
  customers: SegmentCustomer[];
  indexOf: Map<string, number>;
}

/**
 * loadSegmentCustomers a slice at a time, yielding between slices (shared/domain/steps.ts), with each id's
 * position. The ids come first, in id order (one query, tens of milliseconds at 100k); then the rows, in
 * the table's order (rowid), each kept in its id's place: read through the id index, each row would be a
 * seek into the table, which at 100k customers more than doubles the read. The customers are then made in
 * id order, so the engine's passes over them read memory in order (made as their rows came, scattered, the
 * same passes took a fifth longer). Each slice is a query of its own, run to its end, so no cursor stays
 * open while other calls write in between; a customer who joined or left the population in between is
 * read as before it (the caller sees the write and reads again).
 */
export function* segmentPopulationInSlices(db: Db, slice = CUSTOMERS_PER_SLICE): Steps<SegmentPopulation> {
  // The ids too come a slice at a time, by id (in a process just started, reading them all took ~0.1 s).
  const idPage = db.$client.prepare(`SELECT id FROM customers WHERE id > ? AND ${SEGMENT_POPULATION} ORDER BY id LIMIT ?`).pluck();
  const ids: string[] = [];
  for (;;) {
    const page = idPage.all(ids.length === 0 ? '' : ids[ids.length - 1]!, slice) as string[];
    for (const id of page) ids.push(id);
    if (page.length < slice) break;
    yield;
  }
  yield;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) indexOf.set(ids[i]!, i);
  const rows = new Array<CustomerRow | undefined>(ids.length).fill(undefined);
  yield;
  const page = db.$client.prepare(`SELECT ${SEGMENT_CUSTOMER_COLUMNS}, rowid FROM customers WHERE rowid > ? AND ${SEGMENT_POPULATION} ORDER BY rowid LIMIT ?`).raw();
  let after = Number.MIN_SAFE_INTEGER;
  // Each slice is read by an ordinary function: V8 optimises a long loop inside a generator poorly.
  const readSlice = (): number => {
    let read = 0;
    // The rowid comes last, after the columns a customer is made of.
    for (const row of page.iterate(after, slice) as Iterable<[...CustomerRow, rowid: number]>) {
      after = row[ROWID_AT];
      read++;
      const at = indexOf.get(row[0]);
      if (at === undefined) continue;
      // The id string the positions are keyed by, not the row's copy: one string per customer, not two.
      row[0] = ids[at]!;
      rows[at] = row as unknown as CustomerRow;
    }
    return read;
  };
  while (readSlice() === slice) yield;
  // The last slice read and the first customers made take a turn each.
  yield;
  const shared = sharedValues();
  const customers: SegmentCustomer[] = [];
  yield* inStretches(rows.length, slice, (from, to) => {
    for (let i = from; i < to; i++) {
      const row = rows[i];
      rows[i] = undefined;
      if (row) customers.push(shared(row));
    }
  });
  if (customers.length === ids.length) return { customers, indexOf };
  // Someone left the population between the ids and their row: positions from the customers read.
  return { customers, indexOf: new Map(customers.map((c, i) => [c.id, i])) };
}

/**
 * Ids of the tiers' population whose search keys contain `query` (already normalised: normalizeQuery), as
 * String.includes would find it, or its full-width characters folded (searchPatterns; the keys and the query are
 * lower case, so LIKE's ASCII case-folding changes nothing). The keys (name, pinyin, initials, contacts) stay in
 * SQLite rather than in the tiers' memory: at 100k customers they are tens of megabytes, read only by a search.
 */
export function customerIdsMatching(db: Db, query: string): Set<string> {
  const patterns = searchPatterns(query);
  const ids = db.$client
    .prepare(`SELECT id FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL AND ${likeAny('search_text', patterns.length)}`)
    .pluck()
    .all(...patterns) as string[];
  return new Set(ids);
}

/**
 * Customers one at a time as loadSegmentCustomers reads them (undefined when deleted, archived or unknown),
 * the statement prepared once: prepared for each of the 300 customers a day of orders changed, it took about
 * 8 ms of the next day's first snapshot at 100k customers.
 */
export function segmentCustomerReader(db: Db): (id: string) => SegmentCustomer | undefined {
  const select = db.$client.prepare(`${SEGMENT_CUSTOMER_SQL} AND id = ?`).raw();
  const customerOf = sharedValues();
  return (id) => {
    const row = select.get(id) as CustomerRow | undefined;
    return row && customerOf(row);
  };
}

export function latestRunDay(db: Db): string | null {
  return (db.$client.prepare(`SELECT max(as_of) FROM segment_runs`).pluck().get() as string | null) ?? null;
}

/** Rows per multi-row INSERT or upsert. */
const UPSERT_BATCH = ASSIGNMENTS_PER_INSERT;
/** A first snapshot's rows per statement: the JSON of each stays a few hundred KiB. */
const FIRST_ROWS_PER_STATEMENT = FIRST_ROWS_PER_WRITE;

/**
 * True when `a` and `b` give the same day the same customers, in the same order, the same classes in every
 * scheme; a column per step: the ids, then each scheme's classes, by their codes where both have them
 * (snapshot-columns.ts). Held against columns decoded from the database, every comparison was of two
 * strings' contents: the seventeen columns of 100k customers took 21-83 ms in one turn just after start.
 */
export function* sameColumnsInSteps(a: SnapshotColumns | undefined, b: SnapshotColumns): Steps<boolean> {
  if (!a || a.asOf !== b.asOf || a.customerIds.length !== b.customerIds.length) return false;
  const schemes = Object.keys(b.classKeys);
  if (Object.keys(a.classKeys).length !== schemes.length) return false;
  if (!samePeople(a, b)) return false;
  for (const scheme of schemes) {
    if (!hasScheme(a, scheme)) return false;
    yield;
    if (!sameSchemeClasses(a, b, scheme)) return false;
  }
  return true;
}

/**
 * Writes day asOf's snapshot as change points (see the schema): a row only where a customer's class
 * differs from their class before asOf; a day written again is corrected in place. Only for asOf on or
 * after the latest stored day: a row inserted before a later snapshot would change what that later day
 * means. Call inside a transaction.
 *
 * `previous`, when given, must be the classes in effect on the latest stored day (what the last write
 * stored); it turns the per-scheme scan of all rows into an in-memory comparison plus a point query per
 * changed customer — at 100k customers, milliseconds instead of seconds.
 *
 * `ahead`: rows this snapshot wrote ahead of this transaction (db/repos/segment-rows-ahead.ts); the schemes
 * whose rows are all in place are counted, not read, while segment_pending still holds its claim. Rows a
 * stopped writer left ahead are deleted first.
 */
export function writeSnapshot(db: Db, computedAt: string, current: SnapshotColumns, given?: SnapshotColumns, encoded?: EncodedColumns, ahead?: RowsAhead): void {
  const client = db.$client;
  const inPlace = settlePending(db, ahead)?.rows;
  const { asOf, customerIds } = current;
  const previous = given ?? storedLatestColumns(db);
  const scan = client.prepare(`SELECT customer_id, as_of, class_key FROM segment_assignments WHERE scheme = ? AND as_of <= ?`).raw();
  const latestTwo = client.prepare(`SELECT as_of, class_key FROM segment_assignments WHERE scheme = ? AND customer_id = ? AND as_of <= ? ORDER BY as_of DESC LIMIT 2`).raw();
  // Rows go in by the hundred: a first snapshot of 100k customers writes over a million of them.
  const upsertSql = (rows: number) =>
    `INSERT INTO segment_assignments (scheme, customer_id, as_of, class_key) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?)').join(', ')}
     ON CONFLICT (scheme, customer_id, as_of) DO UPDATE SET class_key = excluded.class_key`;
  const upsertMany = client.prepare(upsertSql(UPSERT_BATCH));
  const pending: string[] = [];
  const flush = () => {
    if (pending.length === UPSERT_BATCH * 4) upsertMany.run(pending);
    else if (pending.length > 0) client.prepare(upsertSql(pending.length / 4)).run(pending);
    pending.length = 0;
  };
  const upsert = { run: (scheme: string, id: string, day: string, classKey: string) => {
    pending.push(scheme, id, day, classKey);
    if (pending.length === UPSERT_BATCH * 4) flush();
  } };
  const removeOne = client.prepare(`DELETE FROM segment_assignments WHERE scheme = ? AND customer_id = ? AND as_of = ?`);
  // A pending upsert of the same row must land before its delete (and reads below see written rows).
  const remove = { run: (scheme: string, id: string, day: string) => {
    flush();
    removeOne.run(scheme, id, day);
  } };
  /** Makes the row at asOf say `wanted` exactly when it differs from the class before asOf. */
  let written = 0;
  const settle = (scheme: string, id: string, wanted: string | undefined, before: string | undefined, stored: string | undefined) => {
    const row = wanted === undefined || wanted === before ? undefined : wanted;
    if (row === stored) return;
    written++;
    if (row === undefined) remove.run(scheme, id, asOf);
    else upsert.run(scheme, id, asOf, row);
  };
  const settleByLookup = (scheme: string, id: string, wanted: string) => {
    flush();
    const rows = latestTwo.all(scheme, id, asOf) as [string, string][];
    const stored = rows[0]?.[0] === asOf ? rows[0][1] : undefined;
    settle(scheme, id, wanted, rows.find((r) => r[0] < asOf)?.[1], stored);
  };

  const samePopulation = previous !== undefined && samePeople(previous, current);
  const previousIndex = previous && !samePopulation ? new Map(previous.customerIds.map((id, k) => [id, k])) : undefined;
  const currentIds = previousIndex ? new Set(customerIds) : undefined;

  for (const [scheme, column] of Object.entries(current.classKeys)) {
    const rowsInPlace = inPlace?.get(scheme);
    if (rowsInPlace !== undefined) {
      written += rowsInPlace;
      continue;
    }
    if (previous && hasScheme(previous, scheme)) {
      const newDay = previous.asOf < asOf;
      if (samePopulation) {
        // By codes where both days have them: yesterday's classes read back are never decoded.
        for (const k of changedPositions(current, previous, scheme)) {
          if (newDay) settle(scheme, customerIds[k]!, column[k], classAt(previous, scheme, k), undefined);
          else settleByLookup(scheme, customerIds[k]!, column[k]!);
        }
        continue;
      }
      const prior = previous.classKeys[scheme]!;
      for (let k = 0; k < customerIds.length; k++) {
        const p = previousIndex ? prior[previousIndex.get(customerIds[k]!) ?? -1] : prior[k];
        if (column[k] === p) continue;
        if (newDay) settle(scheme, customerIds[k]!, column[k], p, undefined);
        else settleByLookup(scheme, customerIds[k]!, column[k]!);
      }
      if (currentIds) {
        for (let k = 0; k < previous.customerIds.length; k++) {
          const id = previous.customerIds[k]!;
          if (currentIds.has(id)) continue;
          if (newDay) settle(scheme, id, OUT_OF_POPULATION, prior[k], undefined);
          else settleByLookup(scheme, id, OUT_OF_POPULATION);
        }
      }
      continue;
    }
    const before = new Map<string, string>();
    const stored = new Map<string, string>();
    // Rows come in key order (customer, then day), so the last row before asOf wins.
    for (const [id, day, classKey] of scan.iterate(scheme, asOf) as Iterable<[string, string, string]>) (day === asOf ? stored : before).set(id, classKey);
    if (before.size === 0 && stored.size === 0) {
      // No history of this scheme yet (a first snapshot): every customer's class is a change point, and
      // no row can conflict, so they go in by plain INSERTs.
      flush();
      for (let from = 0; from < customerIds.length; from += FIRST_ROWS_PER_STATEMENT) {
        insertAssignmentRows(client, { scheme, asOf, orReplace: false }, customerIds, column, null, from, Math.min(customerIds.length, from + FIRST_ROWS_PER_STATEMENT));
      }
      written += customerIds.length;
      continue;
    }
    const target = new Map<string, string>();
    for (let k = 0; k < customerIds.length; k++) target.set(customerIds[k]!, column[k]!);
    for (const [id, classKey] of before) if (!target.has(id) && classKey !== OUT_OF_POPULATION) target.set(id, OUT_OF_POPULATION);
    for (const id of new Set([...target.keys(), ...stored.keys()])) settle(scheme, id, target.get(id), before.get(id), stored.get(id));
  }
  flush();
  client
    .prepare(
      `INSERT INTO segment_runs (as_of, computed_at, customer_count) VALUES (?, ?, ?)
       ON CONFLICT (as_of) DO UPDATE SET computed_at = excluded.computed_at, customer_count = excluded.customer_count`,
    )
    .run(asOf, computedAt, customerIds.length);
  // The report keeps history it read in memory while this counter stands (core/reports/timeline.ts): a fresh
  // random value, not a count, so a database put back from a backup never shows a value already seen.
  if (written > 0) client.prepare(`INSERT INTO report_month_versions (source, month, version) VALUES ('segments', 0, random() >> 11) ON CONFLICT (source, month) DO UPDATE SET version = random() >> 11`).run();
  // Nothing written: the day's history already says what `current` says. If the kept columns were
  // written for this same day since the history last moved, they say it too (a recompute with nothing new).
  if (written > 0 || !keptColumnsAreFor(db, asOf)) storeLatestColumns(db, current.asOf, encoded?.columns === current ? encoded : encodeLatestColumns(current));
}

/**
 * What the history holds as of now: its latest stored day and its counter. Columns read with
 * storedLatestColumns, or compared against them, still describe the latest day while both stand.
 */
export function snapshotBasis(db: Db): string {
  return `${latestRunDay(db)}|${historyVersionOf(db)}`;
}

/** True when segment_latest holds day asOf's columns, written since the tier history last changed. */
export function keptColumnsAreFor(db: Db, asOf: string): boolean {
  const row = db.$client.prepare(`SELECT as_of, history_version FROM segment_latest WHERE id = 1`).raw().get() as [string, number] | undefined;
  return row !== undefined && row[0] === asOf && row[1] === historyVersionOf(db);
}

/** The tier history's counter (report_month_versions 'segments'): moves with every write to segment_assignments. */
const historyVersionOf = (db: Db): number => historyVersionOn(db.$client);
const historyVersionOn = (client: Database.Database): number =>
  (client.prepare(`SELECT version FROM report_month_versions WHERE source = 'segments' AND month = 0`).pluck().get() as number | undefined) ?? 0;

/** The codes of segment_latest: one unsigned integer per scheme and customer, as narrow as the classes allow. */
export type LatestCodes = ClassCodes;

/** A day's columns coded for segment_latest: each scheme's classes, and per customer a class index. */
export interface EncodedColumns {
  columns: SnapshotColumns;
  customerIds: string;
  schemes: string;
  codes: LatestCodes;
}

/** Codes `columns` for segment_latest; pure, so it can run before the transaction that writes it. */
export function encodeLatestColumns(columns: SnapshotColumns): EncodedColumns {
  return runSteps(encodeLatestColumnsInSteps(columns));
}

/**
 * encodeLatestColumns a scheme per step, the ids' JSON in a step of its own. A column the engine coded as it
 * counted it (shared/segmentation/class-codes.ts) is not looked up again: coding the sixteen columns took
 * 60-90 ms at 100k, copying their codes well under one.
 */
export function* encodeLatestColumnsInSteps(columns: SnapshotColumns): Steps<EncodedColumns> {
  const n = columns.customerIds.length;
  const entries = Object.entries(columns.classKeys);
  const coded: CodedColumn[] = [];
  for (const [, column] of entries) {
    const known = codedColumnOf(column);
    if (!known) yield;
    coded.push(known ?? codeColumn(column));
  }
  const widest = Math.max(0, ...coded.map((c) => c.classes.length));
  const codes = widest <= 0x100 ? new Uint8Array(n * entries.length) : widest <= 0x10000 ? new Uint16Array(n * entries.length) : new Uint32Array(n * entries.length);
  coded.forEach((c, s) => codes.set(c.codes, s * n));
  const schemes = entries.map(([scheme], s) => [scheme, coded[s]!.classes] as const);
  yield;
  const customerIds = JSON.stringify(columns.customerIds);
  return { columns, customerIds, schemes: JSON.stringify(schemes), codes };
}

/** The typed array of codes `width` bytes wide, for a blob read back; null for a width no writer uses. */
function codesOfWidth(width: number, length: number): LatestCodes | null {
  if (width === 1) return new Uint8Array(length);
  if (width === 2) return new Uint16Array(length);
  if (width === 4) return new Uint32Array(length);
  return null;
}

/** Keeps day asOf's coded columns as segment_latest (see the schema), in writeSnapshot's transaction. */
function storeLatestColumns(db: Db, asOf: string, encoded: EncodedColumns): void {
  const { codes } = encoded;
  db.$client
    .prepare(
      `INSERT INTO segment_latest (id, as_of, history_version, customer_ids, schemes, codes) VALUES (1, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET as_of = excluded.as_of, history_version = excluded.history_version, customer_ids = excluded.customer_ids,
         schemes = excluded.schemes, codes = excluded.codes`,
    )
    .run(asOf, historyVersionOf(db), encoded.customerIds, encoded.schemes, Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength));
}

/** segment_latest's columns when they are still those of the latest stored day, else undefined. */
export function storedLatestColumns(db: Db): SnapshotColumns | undefined {
  return runSteps(storedLatestColumnsInSteps(db));
}

/**
 * storedLatestColumns with a turn after reading the row. Each scheme's classes stay codes until its column
 * is read (snapshot-columns.ts columnsFromCodes): comparing and storing a new day reads the codes only. In
 * a process just started, decoding them all took about 0.14 s at 100k (decodedInSteps spreads it over turns).
 */
export function* storedLatestColumnsInSteps(db: Db): Steps<SnapshotColumns | undefined> {
  return yield* latestColumnsInSteps(db.$client);
}

/**
 * storedLatestColumns on a bare connection: an export reads through a read-only connection of its own, and
 * each scheme's classes stay codes it reads with classAt (snapshot-columns.ts), never decoded.
 */
export function storedLatestColumnsOn(client: Database.Database): SnapshotColumns | undefined {
  return runSteps(latestColumnsInSteps(client));
}

function* latestColumnsInSteps(client: Database.Database): Steps<SnapshotColumns | undefined> {
  const row = client.prepare(`SELECT as_of, history_version, customer_ids, schemes, codes FROM segment_latest WHERE id = 1`).raw().get() as
    | [string, number, string, string, Buffer]
    | undefined;
  if (!row) return undefined;
  const [asOf, version, ids, schemeText, bytes] = row;
  const latestDay = (client.prepare(`SELECT max(as_of) FROM segment_runs`).pluck().get() as string | null) ?? null;
  if (asOf !== latestDay || version !== historyVersionOn(client)) return undefined;
  yield;
  const customerIds = JSON.parse(ids) as string[];
  const schemes = JSON.parse(schemeText) as [string, string[]][];
  const n = customerIds.length;
  // The codes' width is what the blob's length gives per scheme and customer (no codes: nothing to decode).
  const values = n * schemes.length;
  const codes = values === 0 ? new Uint32Array(0) : codesOfWidth(bytes.length / values, values);
  if (!codes) return undefined;
  // Copied into an aligned array: a Buffer from SQLite need not start on a 2- or 4-byte boundary.
  new Uint8Array(codes.buffer).set(bytes);
  return columnsFromCodes(asOf, customerIds, schemes, codes);
}

/** The latest snapshot day on or before `day`, if any. */
export function runOnOrBefore(db: Db, day: string): string | null {
  return (db.$client.prepare(`SELECT max(as_of) FROM segment_runs WHERE as_of <= ?`).pluck().get(day) as string | null) ?? null;
}

/** Class per classified customer of one scheme as of `day` (the latest change point on or before it). */
export function snapshotClasses(db: Db, scheme: string, day: string): Map<string, string> {
  // SQLite takes the bare class_key from the row holding max(as_of).
  const rows = db.$client
    .prepare(`SELECT customer_id, class_key, max(as_of) FROM segment_assignments WHERE scheme = ? AND as_of <= ? GROUP BY customer_id`)
    .raw()
    .all(scheme, day) as [string, string, string][];
  return new Map(rows.filter((r) => r[1] !== OUT_OF_POPULATION).map((r) => [r[0], r[1]]));
}

/** A customer's change points in the given schemes, oldest first; classKey null: no longer classified. */
export function customerHistory(db: Db, customerId: string, schemes: readonly string[]): { scheme: string; asOf: string; classKey: string | null }[] {
  const query = db.$client.prepare(`SELECT as_of AS asOf, class_key AS classKey FROM segment_assignments WHERE scheme = ? AND customer_id = ? ORDER BY as_of`);
  return schemes.flatMap((scheme) =>
    (query.all(scheme, customerId) as { asOf: string; classKey: string }[]).map((r) => ({ scheme, asOf: r.asOf, classKey: r.classKey === OUT_OF_POPULATION ? null : r.classKey })),
  );
}

/** Every custom segment id ever saved (deleted ones keep their history). */
export function allCustomSegmentIds(db: Db): string[] {
  return db.$client.prepare(`SELECT id FROM custom_segments ORDER BY id`).pluck().all() as string[];
}

/**
 * True when `day`'s stored snapshot was computed before the tier settings last changed: its classes were placed
 * by settings since replaced (the settings were saved by another process, or this one stopped before storing).
 */
export function storedBeforeSettingsChanged(db: Db, day: string): boolean {
  const row = db.$client
    .prepare(`SELECT (SELECT computed_at FROM segment_runs WHERE as_of = ?) AS computed, (SELECT updated_at FROM segmentation_settings WHERE id = 1) AS changed`)
    .get(day) as { computed: string | null; changed: string | null };
  return row.computed !== null && row.changed !== null && row.changed > row.computed;
}

export function readConfigOverrides(db: Db): Record<string, unknown> {
  return configOverridesOf(db.$client);
}

/** readConfigOverrides for a caller that holds the connection only (the exports). */
export function configOverridesOf(client: Database.Database): Record<string, unknown> {
  const row = client.prepare(`SELECT overrides FROM segmentation_settings WHERE id = 1`).pluck().get() as string | undefined;
  return row ? (JSON.parse(row) as Record<string, unknown>) : {};
}

export function writeConfigOverrides(db: Db, overrides: Record<string, unknown>, now: string): void {
  db.$client
    .prepare(
      `INSERT INTO segmentation_settings (id, overrides, updated_at) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET overrides = excluded.overrides, updated_at = excluded.updated_at`,
    )
    .run(JSON.stringify(overrides), now);
}

export interface CustomSegmentRecord {
  id: string;
  name: string;
  rule: string;
  createdAt: string;
  updatedAt: string;
}

export function liveCustomSegments(db: Db): CustomSegmentRecord[] {
  return db.$client
    .prepare(`SELECT id, name, rule, created_at AS createdAt, updated_at AS updatedAt FROM custom_segments WHERE deleted_at IS NULL ORDER BY id`)
    .all() as CustomSegmentRecord[];
}

export function findCustomSegment(db: Db, id: string): CustomSegmentRecord | undefined {
  return db.$client
    .prepare(`SELECT id, name, rule, created_at AS createdAt, updated_at AS updatedAt FROM custom_segments WHERE id = ? AND deleted_at IS NULL`)
    .get(id) as CustomSegmentRecord | undefined;
}

export function upsertCustomSegment(db: Db, segment: { id: string; name: string; rule: string }, now: string): void {
  db.$client
    .prepare(
      `INSERT INTO custom_segments (id, created_at, updated_at, name, rule) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, rule = excluded.rule, updated_at = excluded.updated_at, deleted_at = NULL`,
    )
    .run(segment.id, now, now, segment.name, segment.rule);
}

export function softDeleteCustomSegment(db: Db, id: string, now: string): boolean {
  return db.$client.prepare(`UPDATE custom_segments SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`).run(now, now, id).changes > 0;
}
