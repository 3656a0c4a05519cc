import type { Database } from 'better-sqlite3';
import type { Db } from '../open';
import type { Steps } from '../../shared/domain/steps';
import { calendarDateCheck } from '../schema/columns';
import { changedPositions, hasScheme, samePeople, type SnapshotColumns } from './snapshot-columns';

/**
 * Rows a snapshot writes ahead of its own transaction, a transaction per turn, so that no turn holds the app
 * for all of them (core/segmentation/state.ts storeInSteps):
 * - a scheme's first snapshot, a row per customer: 1.6 million rows for a fresh database of 100k customers,
 *   5-6 s of SQLite work in one transaction before;
 * - a new day's change points against the day before, when the customers are the same: about 5,000 rows
 *   at 100k customers, each in a different page of the history, 0.2-0.5 s in one transaction before.
 * While they are written, segment_pending (db/schema/segmentation.ts) names the day and the schemes; the
 * snapshot's transaction deletes it. Any other snapshot finding it deletes those rows first (settlePending).
 */

/** Rows per multi-row INSERT into segment_assignments (4 parameters each; SQLite allows 32,766). */
export const ASSIGNMENTS_PER_INSERT = 250;

/**
 * A multi-row INSERT of `rows` tier-history rows: (scheme, customer_id, as_of, class_key) each. `orReplace`:
 * a row already there takes the new class.
 */
export const insertAssignmentsSql = (rows: number, orReplace = false): string =>
  `INSERT${orReplace ? ' OR REPLACE' : ''} INTO segment_assignments (scheme, customer_id, as_of, class_key) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?)').join(', ')}`;

/**
 * Writes the tier-history rows of `scheme` on day `asOf` for the customers at positions from … to − 1 (of
 * `positions`, or of the columns themselves when null): (customerIds[k], classes[k]) each. `orReplace`: a row
 * already there takes the new class. The rows go to SQLite as one JSON array of [id, class] pairs that
 * json_each takes apart, a statement per call: binding four values per row from JavaScript made writing a first
 * snapshot's 1.6 million rows take a fifth longer. JSON carries every string exactly except those it must
 * write as \u escapes (control characters, a lone surrogate), which SQLite would not read back as bound text
 * reads: a call meeting any goes by bound values, ASSIGNMENTS_PER_INSERT rows a statement.
 *
 * The table's CHECKs (a real day, a scheme and a class that are not blank) are asked of SQLite once per distinct
 * value of the call — one day, one scheme, a handful of classes — and, all passing, the rows go in with the
 * connection's checks off for that statement alone: evaluated per row they were a fifth of the time of writing a
 * first snapshot's 1.6 million rows. A value failing goes in with the checks on, so SQLite refuses it as ever.
 */
export function insertAssignmentRows(
  client: Database,
  row: { scheme: string; asOf: string; orReplace: boolean },
  customerIds: readonly string[],
  classes: readonly string[],
  positions: Int32Array | readonly number[] | null,
  from: number,
  to: number,
): void {
  if (to <= from) return;
  const pairs: [string, string][] = new Array(to - from);
  const classKeys = new Set<string>();
  let lastClass: string | undefined;
  for (let x = from; x < to; x++) {
    const k = positions ? positions[x]! : x;
    const classKey = classes[k]!;
    pairs[x - from] = [customerIds[k]!, classKey];
    // Runs of one class are the rule (a scheme's classes are few): the set is asked only when the class changes.
    if (classKey !== lastClass) classKeys.add((lastClass = classKey));
  }
  const json = JSON.stringify(pairs);
  const verb = row.orReplace ? 'INSERT OR REPLACE' : 'INSERT';
  if (!json.includes('\\u')) {
    const insert = () =>
      client
        .prepare(`${verb} INTO segment_assignments (scheme, customer_id, as_of, class_key) SELECT ?, value ->> 0, ?, value ->> 1 FROM json_each(?)`)
        .run(row.scheme, row.asOf, json);
    if (passesAssignmentChecks(client, row.scheme, row.asOf, classKeys)) withChecksOff(client, insert);
    else insert();
    return;
  }
  const many = client.prepare(insertAssignmentsSql(ASSIGNMENTS_PER_INSERT, row.orReplace));
  const values: string[] = [];
  for (const [id, classKey] of pairs) {
    values.push(row.scheme, id, row.asOf, classKey);
    if (values.length === ASSIGNMENTS_PER_INSERT * 4) {
      many.run(values);
      values.length = 0;
    }
  }
  if (values.length > 0) client.prepare(insertAssignmentsSql(values.length / 4, row.orReplace)).run(values);
}

/**
 * segment_assignments' CHECKs (db/schema/segmentation.ts), word for word, asked of one day, one scheme and each
 * class: true when a row of any of them would pass every one.
 */
export function passesAssignmentChecks(client: Database, scheme: string, asOf: string, classKeys: Iterable<string>): boolean {
  const day = client.prepare(`SELECT ${calendarDateCheck('@value')} IS 1`).pluck();
  const notBlank = client.prepare(`SELECT (length(trim(@value)) > 0) IS 1`).pluck();
  if (day.get({ value: asOf }) !== 1 || notBlank.get({ value: scheme }) !== 1) return false;
  for (const classKey of classKeys) if (notBlank.get({ value: classKey }) !== 1) return false;
  return true;
}

/** Runs `write` with this connection's CHECK constraints off, and on again after, whatever happens. */
function withChecksOff(client: Database, write: () => void): void {
  client.pragma('ignore_check_constraints = ON');
  try {
    write();
  } finally {
    client.pragma('ignore_check_constraints = OFF');
  }
}

/**
 * Rows per write transaction: a first snapshot's go in key order, a new day's each to a page of its own. 15,000
 * first rows took 70-90 ms on a slow 2-core machine, which with a collector pause beside them kept other calls
 * waiting over 100 ms; half as many brought that wait to about 76 ms (docs/performance.md).
 */
export const FIRST_ROWS_PER_WRITE = 7_500;
export const CHANGED_ROWS_PER_WRITE = 1_500;
const ROWS_PER_WRITE = { first: FIRST_ROWS_PER_WRITE, changed: CHANGED_ROWS_PER_WRITE };

/**
 * The most change points whose checkpoint may follow the snapshot's answer (db/wal-checkpoint-steps.ts
 * holdCheckpoints): each is about a page of the WAL, and that checkpoint is one step of its own, which copies
 * some 130 pages a millisecond here; past this many it would hold the app for over 100 ms, and the
 * checkpoints stay inside the commits.
 */
export const CHANGED_ROWS_CHECKPOINTED_AFTER = 12_000;

/** True when `plan` is a new day's change points only, few enough for their checkpoint to follow the answer. */
export function checkpointFollows(plan: RowsAheadPlan): boolean {
  let rows = 0;
  for (const { positions } of plan) {
    if (positions === null) return false;
    rows += positions.length;
  }
  return rows > 0 && rows <= CHANGED_ROWS_CHECKPOINTED_AFTER;
}

/** Those of `schemes` without a single row in the tier history: their next snapshot is their first. */
export function schemesWithoutHistory(db: Db, schemes: readonly string[]): string[] {
  const any = db.$client.prepare(`SELECT 1 FROM segment_assignments WHERE scheme = ? LIMIT 1`).pluck();
  return schemes.filter((scheme) => any.get(scheme) === undefined);
}

/** What a snapshot wrote ahead: its token, and the rows of each scheme now in place for its day. */
export interface RowsAhead {
  token: string;
  rows: Map<string, number>;
}

/** A scheme's rows to write ahead: every customer (`positions` null), or those at `positions` in the day's columns. */
export type RowsAheadPlan = { scheme: string; positions: Int32Array | null }[];

/**
 * The rows of day `columns.asOf` to write ahead: every customer of each scheme in `first` (schemes without
 * history), and, when `before` holds the previous stored day's classes of the very same customers, the
 * customers of each other scheme whose class differs from it. Positions are into `columns.customerIds`. A
 * scheme per turn; by their codes where both columns have them (snapshot-columns.ts changedPositions).
 */
export function* planRowsAheadInSteps(columns: SnapshotColumns, first: readonly string[], before: SnapshotColumns | undefined): Steps<RowsAheadPlan> {
  const plan: RowsAheadPlan = first.map((scheme) => ({ scheme, positions: null }));
  if (!before || before.asOf >= columns.asOf || !samePeople(before, columns)) return plan;
  for (const scheme of Object.keys(columns.classKeys)) {
    if (!hasScheme(before, scheme) || first.includes(scheme)) continue;
    yield;
    plan.push({ scheme, positions: Int32Array.from(changedPositions(columns, before, scheme)) });
  }
  return plan;
}

/**
 * Writes `plan` (planRowsAheadInSteps) in transactions, yielding after each. `write` runs each transaction (the caller
 * counts them as derived writes). The first claims segment_pending, deleting first the rows a stopped writer
 * left; each later one goes on only while the claim is still this run's (another process's snapshot in between
 * settles the claim and this run's rows: then nothing more is written and null is returned).
 */
export function* rowsAheadInSteps(
  db: Db,
  columns: SnapshotColumns,
  plan: Readonly<RowsAheadPlan>,
  token: string,
  write: (rows: () => void) => void,
  /** Rows per transaction; smaller in tests, so that a few customers span several transactions. */
  perWrite: { first: number; changed: number } = ROWS_PER_WRITE,
): Steps<RowsAhead | null> {
  const client = db.$client;
  const { asOf, customerIds } = columns;
  const owner = client.prepare(`SELECT token FROM segment_pending WHERE id = 1`).pluck();
  const rows = new Map<string, number>();
  let claimed = false;
  for (const { scheme, positions } of plan) {
    const column = columns.classKeys[scheme]!;
    const count = positions ? positions.length : customerIds.length;
    const size = positions ? perWrite.changed : perWrite.first;
    rows.set(scheme, count);
    for (let from = 0; from < count; from += size) {
      const to = Math.min(count, from + size);
      let ours = true;
      write(() => {
        if (!claimed) {
          settlePending(db);
          client.prepare(`INSERT INTO segment_pending (id, as_of, schemes, token) VALUES (1, ?, ?, ?)`).run(asOf, JSON.stringify(plan.map((p) => p.scheme)), token);
          claimed = true;
        } else if (owner.get() !== token) {
          ours = false;
          return;
        }
        insertAssignmentRows(client, { scheme, asOf, orReplace: true }, customerIds, column, positions, from, to);
      });
      if (!ours) return null;
      yield;
    }
  }
  return { token, rows };
}

/**
 * Inside a snapshot's transaction: the rows ahead it may count as written, or undefined. segment_pending
 * holding `ahead`'s token: the claim is dropped and `ahead` stands. Holding another writer's (or `ahead`
 * not trusted): that writer stopped, so its day's rows of its schemes go, and the claim with them.
 */
export function settlePending(db: Db, ahead?: RowsAhead): RowsAhead | undefined {
  const pending = pendingClaim(db);
  if (!pending) return undefined;
  if (ahead && pending.token === ahead.token) {
    db.$client.prepare(`DELETE FROM segment_pending WHERE id = 1`).run();
    return ahead;
  }
  dropClaim(db, pending);
  return undefined;
}

/** A snapshot not stored after all takes back the rows it wrote ahead, if its claim still stands. */
export function withdrawRowsAhead(db: Db, ahead: RowsAhead): void {
  const pending = pendingClaim(db);
  if (pending?.token === ahead.token) dropClaim(db, pending);
}

interface Claim {
  asOf: string;
  schemes: string[];
  token: string;
}

function pendingClaim(db: Db): Claim | undefined {
  const row = db.$client.prepare(`SELECT as_of, schemes, token FROM segment_pending WHERE id = 1`).raw().get() as [string, string, string] | undefined;
  return row && { asOf: row[0], schemes: JSON.parse(row[1]) as string[], token: row[2] };
}

/** Deletes a claim and its day's rows of its schemes. */
function dropClaim(db: Db, claim: Claim): void {
  const drop = db.$client.prepare(`DELETE FROM segment_assignments WHERE scheme = ? AND as_of = ?`);
  for (const scheme of claim.schemes) drop.run(scheme, claim.asOf);
  db.$client.prepare(`DELETE FROM segment_pending WHERE id = 1`).run();
}
