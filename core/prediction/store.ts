/**
 * Stored predictions: each recompute fits on the orders up to its as-of date and rewrites every
 * customer's row in one transaction (forward only: an older as-of never overwrites a newer one).
 * Reads page through the stored rows, optionally sorted by a prediction column.
 */
import type { Db } from '../../db/open';
import type { CustomerPrediction, FitSummary, PREDICTION_SORTS } from '../../shared/contract/prediction';
import type { ParsedActivity } from '../../db/repos/customer-activity';
import { clvOptionsOf, fitAndScoreInSteps, predictionRowOf } from './predict';
import { fitSummaryOf } from './summary';
import type { CustomerHistory, FitRefusal, CustomerPrediction as ModelPrediction } from '../../shared/prediction';
import { loadHistories } from './histories';
import { inTimedStretches, runSteps, type Steps } from '../../shared/domain/steps';
import { derivedWrite } from '../change-stamp';

type PredictionSort = (typeof PREDICTION_SORTS)[number];

/**
 * SQL for each sort, highest first; ties broken by customer id, also highest first, so pages never overlap
 * and each order is its index (db/schema/prediction.ts) read backwards.
 */
export const SORT_SQL: Record<PredictionSort, string> = {
  score: 'p.score DESC, p.customer_id DESC',
  pAlive: 'p.p_alive DESC, p.customer_id DESC',
  expectedValue: 'p.expected_order_value_minor DESC, p.customer_id DESC',
  clv: 'p.clv_minor DESC, p.customer_id DESC',
  // The "likely to buy" best list: the chance of a purchase times what one is worth.
  likelyValue: 'p.score * p.expected_order_value_minor DESC, p.customer_id DESC',
};

/**
 * Past this many ids (a class's members) a page reads the sort's order of every stored customer and keeps
 * the ids asked for (manyIdsInSteps); up to it, the ids are looked up and their rows sorted. SQLite, given
 * the ids as an IN list, reads and sorts every one of them: 0.1-0.35 s for a class of 47k at 100k customers.
 */
export const FEW_IDS = 1_000;

interface StoredRow {
  customer_id: string;
  p_alive: number;
  expected_30: number;
  expected_90: number;
  expected_365: number;
  expected_order_value_minor: number;
  clv_minor: number;
  score: number;
  confidence: CustomerPrediction['confidence'];
  method: CustomerPrediction['method'];
  purchases: number;
  typical_gap_days: number | null;
  days_since_last: number;
}

export function rowToPrediction(r: StoredRow): CustomerPrediction {
  return {
    id: r.customer_id,
    pAlive: r.p_alive,
    expectedPurchases: { d30: r.expected_30, d90: r.expected_90, d365: r.expected_365 },
    expectedOrderValueMinor: r.expected_order_value_minor,
    clvMinor: r.clv_minor,
    score: r.score,
    confidence: r.confidence,
    method: r.method,
    purchases: r.purchases,
    typicalGapDays: r.typical_gap_days,
    daysSinceLast: r.days_since_last,
  };
}

/**
 * The latest stored run: its fit, or — when its day's book had nothing to learn from — why there is none
 * (model null, refused set; no customer rows were written for it).
 */
export interface StoredRun {
  asOf: string;
  model: FitSummary | null;
  refused: FitRefusal | null;
  fittedFrom: string | null;
}

/** What prediction_runs.model holds for a refused fit, in place of the fit. */
type StoredRefusal = { refused: FitRefusal };

export function storedRun(db: Db): StoredRun | null {
  const row = db.$client.prepare('SELECT as_of AS asOf, model, fitted_from AS fittedFrom FROM prediction_runs ORDER BY as_of DESC LIMIT 1').get() as
    | { asOf: string; model: string; fittedFrom: string | null }
    | undefined;
  if (!row) return null;
  const stored = JSON.parse(row.model) as FitSummary | StoredRefusal;
  return 'refused' in stored
    ? { asOf: row.asOf, model: null, refused: stored.refused, fittedFrom: row.fittedFrom }
    : { asOf: row.asOf, model: stored, refused: null, fittedFrom: row.fittedFrom };
}

/** Rows per INSERT, and the values each row binds (SQLite allows 32,766 per statement). */
const INSERT_BATCH = 100;
const PREDICTION_COLUMNS = 14;
/** Rows per write transaction: a few tens of milliseconds each at 100k customers, so other calls get turns between. */
const ROWS_PER_WRITE = 2_000;

export interface StoreOptions {
  rowsPerWrite?: number;
  /** Kept with the run (refitInputsKey): what the fit was made from. */
  fittedFrom?: string;
}

/** Fits and stores asOf's predictions; false (nothing written) when a later day is stored already. */
export function storePredictions(db: Db, asOf: string, now: string, parsed?: ParsedActivity, options: StoreOptions = {}): boolean {
  return runSteps(storePredictionsInSteps(db, asOf, now, parsed, options));
}

const laterStored = (db: Db, asOf: string) => {
  const latest = storedRun(db)?.asOf ?? null;
  return latest !== null && asOf < latest;
};

/**
 * storePredictions in steps: the fit yields between iterations, the customers are scored a stretch at a
 * time, and the rows are written ROWS_PER_WRITE per transaction, each row replacing that customer's. The
 * last transaction also drops the rows of customers no longer predicted and replaces the run (day and model).
 * Readers in this process wait for the refit to settle (core/prediction/refit.ts); another process reading
 * meanwhile may see some customers at the new fit and some at the last, each row whole. Stops, returning
 * false, if a later day is stored meanwhile (by another process).
 */
export function* storePredictionsInSteps(db: Db, asOf: string, now: string, parsed?: ParsedActivity, options: StoreOptions = {}): Steps<boolean> {
  const rowsPerWrite = options.rowsPerWrite ?? ROWS_PER_WRITE;
  if (laterStored(db, asOf)) return false;
  const histories = loadHistories(db, asOf, 'day', parsed);
  yield;
  // The model's figures per customer, each made into its stored row only as it is written: a second array of
  // 100k row objects, alive across every write's turn, was promoted whole to the old generation and left
  // there as garbage after the refit, about a tenth of the main process's peak memory at 100k.
  const fitted = yield* fitAndScoreInSteps(histories, 'day', clvOptionsOf(db));
  // A refusal is stored as the run (no rows): the screens then say why rather than "not computed yet".
  const model: FitSummary | StoredRefusal | null = fitted.model ? fitSummaryOf(fitted.model) : fitted.refused ? { refused: fitted.refused } : null;
  const scored = fitted.customers;
  yield;
  const client = db.$client;
  const insertSql = (count: number) =>
    `INSERT INTO customer_predictions (customer_id, as_of, p_alive, expected_30, expected_90, expected_365, expected_order_value_minor, clv_minor,
       score, confidence, method, purchases, typical_gap_days, days_since_last) VALUES ${Array.from({ length: count }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
     ON CONFLICT (customer_id) DO UPDATE SET as_of = excluded.as_of, p_alive = excluded.p_alive, expected_30 = excluded.expected_30, expected_90 = excluded.expected_90,
       expected_365 = excluded.expected_365, expected_order_value_minor = excluded.expected_order_value_minor, clv_minor = excluded.clv_minor, score = excluded.score,
       confidence = excluded.confidence, method = excluded.method, purchases = excluded.purchases, typical_gap_days = excluded.typical_gap_days,
       days_since_last = excluded.days_since_last`;
  const insertBatch = client.prepare(insertSql(INSERT_BATCH));
  const predicted = new Set<string>();
  // Every id in one stretch unless its time is up: 80k ids into a Set, in a turn already holding other work.
  yield* inTimedStretches(scored.length, scored.length, (from, to) => {
    for (let k = from; k < to; k++) predicted.add(scored[k]!.id);
  });
  yield;
  const unpredicted = yield* storedIdsOutsideInSteps(db, predicted);
  for (let from = 0; from === 0 || from < scored.length; from += rowsPerWrite) {
    if (from > 0) yield;
    const to = Math.min(scored.length, from + rowsPerWrite);
    const last = to === scored.length;
    const written = derivedWrite(db, client.transaction(() => {
      if (laterStored(db, asOf)) return false;
      writeRows(scored, histories, from, to, asOf, insertBatch, (count, values) => client.prepare(insertSql(count)).run(values));
      if (last) {
        const remove = client.prepare('DELETE FROM customer_predictions WHERE customer_id = ?');
        for (const id of unpredicted) remove.run(id);
        client.prepare('DELETE FROM prediction_runs').run();
        if (model) client.prepare('INSERT INTO prediction_runs (as_of, computed_at, model, fitted_from) VALUES (?, ?, ?, ?)').run(asOf, now, JSON.stringify(model), options.fittedFrom ?? null);
      }
      return true;
    }));
    if (!written) return false;
  }
  return true;
}

/** Writes the rows of scored[from, to), a hundred per INSERT (one statement per row was most of a refit's writing time at 100k). */
function writeRows(
  scored: readonly ModelPrediction[],
  histories: readonly CustomerHistory[],
  from: number,
  to: number,
  asOf: string,
  insertBatch: { run(values: unknown[]): unknown },
  insertRest: (count: number, values: unknown[]) => void,
): void {
  const values: unknown[] = [];
  for (let k = from; k < to; k++) {
    const r = predictionRowOf(scored[k]!, histories[k]!, 'day');
    // Forecasts are non-decreasing in the horizon; max() guards the stored CHECK against rounding in the last bit.
    const d30 = r.expectedPurchases.d30, d90 = Math.max(d30, r.expectedPurchases.d90), d365 = Math.max(d90, r.expectedPurchases.d365);
    values.push(r.id, asOf, r.pAlive, d30, d90, d365, r.expectedOrderValueMinor, r.clvMinor, r.score, r.confidence, r.method, r.purchases, r.typicalGapDays, r.daysSinceLast);
    if (values.length === INSERT_BATCH * PREDICTION_COLUMNS) {
      insertBatch.run(values);
      values.length = 0;
    }
  }
  if (values.length > 0) insertRest(values.length / PREDICTION_COLUMNS, values);
}

/** Stored ids read per step when looking for rows the new fit leaves out. */
const IDS_PER_STEP = 20_000;

/**
 * The customers with a stored row whom this fit did not predict (deleted, or no purchase on or before its day),
 * read in id order a slice per step. A row another process adds meanwhile stays until the next refit.
 */
function* storedIdsOutsideInSteps(db: Db, predicted: ReadonlySet<string>): Steps<string[]> {
  const slice = db.$client.prepare('SELECT customer_id FROM customer_predictions WHERE customer_id > ? ORDER BY customer_id LIMIT ?').pluck();
  const outside: string[] = [];
  let after = '';
  for (;;) {
    const ids = slice.all(after, IDS_PER_STEP) as string[];
    for (const id of ids) if (!predicted.has(id)) outside.push(id);
    if (ids.length < IDS_PER_STEP) return outside;
    after = ids[ids.length - 1]!;
    yield;
  }
}

export interface StoredPage {
  total: number;
  rows: (CustomerPrediction & { name: string; owner: string | null })[];
}

export interface StoredPageOptions {
  customerIds?: readonly string[];
  owner?: string;
  sort?: PredictionSort;
  limit: number;
  offset: number;
}

/** A page of stored predictions of live customers, optionally only some ids, sorted by a prediction column. */
export function readStoredPredictions(db: Db, options: StoredPageOptions): StoredPage {
  return runSteps(storedPredictionsInSteps(db, options));
}

/**
 * readStoredPredictions with a turn between counting and reading the page: at 100k customers either can
 * take tens of milliseconds.
 */
export function* storedPredictionsInSteps(db: Db, options: StoredPageOptions): Steps<StoredPage> {
  if (options.customerIds !== undefined && options.customerIds.length > FEW_IDS) return yield* manyIdsInSteps(db, { ...options, customerIds: options.customerIds });
  const query = storedPageQuery(options);
  const total = query.countSql === null ? countOfLiveCustomers(db) : (db.$client.prepare(query.countSql).pluck().get(...query.params) as number);
  yield;
  const rows = db.$client.prepare(query.pageSql).all(...query.params, options.limit, options.offset) as (StoredRow & { name: string; owner: string | null })[];
  return { total, rows: rows.map((r) => ({ ...rowToPrediction(r), name: r.name, owner: r.owner })) };
}

/**
 * The SQL of a page and of its count (null: every live customer's row, counted by countOfLiveCustomers), and
 * their parameters; the page's LIMIT and OFFSET come after them.
 */
export function storedPageQuery(options: Omit<StoredPageOptions, 'limit' | 'offset'>): { countSql: string | null; pageSql: string; params: unknown[] } {
  const where = ['c.deleted_at IS NULL', 'c.archived_at IS NULL'];
  const params: unknown[] = [];
  if (options.owner !== undefined) {
    where.push('c.owner = ?');
    params.push(options.owner);
  }
  // A set of ids (one customer, or a class's members) goes in as one JSON parameter, not N placeholders.
  if (options.customerIds !== undefined) {
    where.push('p.customer_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(options.customerIds));
  }
  // Without ids, CROSS JOIN keeps the predictions the outer loop, read in the sort's index order (SQLite's
  // planner, left to itself, reads every live customer first and sorts them all).
  const join = options.customerIds === undefined ? 'CROSS JOIN' : 'JOIN';
  const from = `FROM customer_predictions p ${join} customers c ON c.id = p.customer_id WHERE ${where.join(' AND ')}`;
  return {
    countSql: params.length === 0 ? null : `SELECT COUNT(*) ${from}`,
    pageSql: `SELECT p.*, c.name AS name, c.owner AS owner ${from} ORDER BY ${SORT_SQL[options.sort ?? 'score']} LIMIT ? OFFSET ?`,
    params,
  };
}

/**
 * A page of many ids: every stored customer's id in the sort's order (the index alone, 20-30 ms at 100k; with
 * an owner, joined to the customers), the live ones asked for kept in that order, then the page's rows read by
 * their ids.
 */
function* manyIdsInSteps(db: Db, options: StoredPageOptions & { customerIds: readonly string[] }): Steps<StoredPage> {
  const order = SORT_SQL[options.sort ?? 'score'];
  const ordered = (
    options.owner === undefined
      ? db.$client.prepare(`SELECT p.customer_id FROM customer_predictions p ORDER BY ${order}`).pluck().all()
      : db.$client.prepare(`SELECT p.customer_id FROM customer_predictions p CROSS JOIN customers c ON c.id = p.customer_id WHERE c.owner = ? ORDER BY ${order}`).pluck().all(options.owner)
  ) as string[];
  yield;
  const wanted = new Set(options.customerIds);
  for (const id of storedOfNotLive(db)) wanted.delete(id);
  const kept = ordered.filter((id) => wanted.has(id));
  const pageIds = kept.slice(options.offset, options.offset + options.limit);
  const page = runSteps(storedPredictionsInSteps(db, { customerIds: pageIds, sort: options.sort, limit: pageIds.length, offset: 0 }));
  return { total: kept.length, rows: page.rows };
}

/** The customers with a stored prediction who are deleted or archived (few: the next refit drops their rows). */
const STORED_OF_NOT_LIVE = `FROM customers c JOIN customer_predictions p ON p.customer_id = c.id WHERE c.deleted_at IS NOT NULL OR c.archived_at IS NOT NULL`;

function storedOfNotLive(db: Db): string[] {
  return db.$client
    .prepare(`SELECT c.id ${STORED_OF_NOT_LIVE}`)
    .pluck()
    .all() as string[];
}

/**
 * How many stored predictions belong to live customers: all of them less those of the few deleted or
 * archived customers. SQLite counts a table from its smallest index without reading rows, so this takes
 * well under a millisecond where joining every row to its customer took 40-70 ms at 100k.
 */
function countOfLiveCustomers(db: Db): number {
  return db.$client
    .prepare(
      `SELECT (SELECT COUNT(*) FROM customer_predictions)
            - (SELECT COUNT(*) ${STORED_OF_NOT_LIVE})`,
    )
    .pluck()
    .get() as number;
}
