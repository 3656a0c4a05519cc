import type { Db } from '../open';
import { OUT_OF_POPULATION } from '../schema';
import type { TierChange, TodayOverduePayment, TodayReminder } from '../../shared/today/types';
import { SALE_BASE_BALANCE } from './orders';
import { STRETCH_BUDGET_MS, turnsEvery, type Steps } from '../../shared/domain/steps';

/**
 * Reads for Today. Raw prepared statements: at 100k customers this is the whole cost of the list, and the
 * reminder query runs straight off the follow_ups_due index (see test/integration/query-plans.test.ts).
 */

/** The reminders Today reads (openRemindersDueByInSteps); exported for its query-plan test. Parameter: asOf. */
export const REMINDERS_SQL = `SELECT f.id AS followUpId, f.customer_id AS customerId, f.next_contact_date AS dueDate
  FROM follow_ups f JOIN customers c ON c.id = f.customer_id
  WHERE f.done = 0 AND f.next_contact_date IS NOT NULL AND f.next_contact_date <= ? AND f.deleted_at IS NULL
    AND c.deleted_at IS NULL AND c.archived_at IS NULL`;

/**
 * A page of REMINDERS_SQL's rows in the due index's order, from the key (due date, customer, rowid) where the last
 * page stopped. Parameters by name: asOf, day, customer, row (the key; '', '', 0 before the first), limit.
 * `+f.deleted_at IS NULL` keeps the test off the index's third column on purpose: as a plain `IS NULL` SQLite takes
 * it for a constant column there and then no longer reads the index's order past it, so each page sorted its
 * dates' rows again in a temporary b-tree (a page took up to 160 ms at 100k customers); ordering by deleted_at,
 * which is NULL in every row read, lets the index give the order with no sort.
 */
export const REMINDERS_PAGE_SQL = `SELECT f.id, f.customer_id, f.next_contact_date, f.rowid
  FROM follow_ups f JOIN customers c ON c.id = f.customer_id
  WHERE f.done = 0 AND f.next_contact_date >= @day AND f.next_contact_date <= @asOf AND +f.deleted_at IS NULL
    AND (f.next_contact_date, f.customer_id, f.rowid) > (@day, @customer, @row)
    AND c.deleted_at IS NULL AND c.archived_at IS NULL
  ORDER BY f.next_contact_date, f.deleted_at, f.customer_id, f.rowid
  LIMIT @limit`;

/** Reminders read per page: about 20 ms at 100k customers; the 20,000 of a day in one statement took 90–110 ms. */
export const REMINDERS_PER_PAGE = 4_000;

/**
 * Open reminders of live, unarchived customers due on or before asOf (the same rule as followups:due), a page of
 * rows at a time off the due index, each page from the key where the last stopped, yielding once a turn's time is
 * up. Pages by rows, not by stretches of due dates: a month of dates read at once held 20,000 reminders at 100k
 * customers, and a single day can hold as many.
 */
export function* openRemindersDueByInSteps(db: Db, asOf: string, perPage = REMINDERS_PER_PAGE): Steps<TodayReminder[]> {
  const page = db.$client.prepare(REMINDERS_PAGE_SQL).raw();
  const reminders: TodayReminder[] = [];
  const turn = turnsEvery(STRETCH_BUDGET_MS);
  let key = { day: '', customer: '', row: 0 };
  for (;;) {
    const rows = page.all({ asOf, ...key, limit: perPage }) as [string, string, string, number][];
    for (const [followUpId, customerId, dueDate] of rows) reminders.push({ followUpId, customerId, dueDate });
    if (rows.length < perPage) return reminders;
    const [, customer, day, row] = rows[rows.length - 1]!;
    key = { day, customer, row };
    yield* turn();
  }
}

/** Exported for its query-plan test. Parameters: the customer's id, asOf. */
export const FIRST_SALE_SQL = `SELECT order_date FROM orders
  WHERE customer_id = ? AND order_date <= ? AND kind = 'sale' AND deleted_at IS NULL
  ORDER BY order_date LIMIT 1`;

/**
 * The day of a customer's first live sale on or before asOf (null: none), from the orders themselves: a
 * customer typed in today may have bought since 2023. One seek of orders_customer_date per customer asked.
 */
export function firstSaleDateBy(db: Db, asOf: string): (customerId: string) => string | null {
  const first = db.$client.prepare(FIRST_SALE_SQL).pluck();
  return (customerId) => (first.get(customerId, asOf) as string | undefined) ?? null;
}

/** Rows of the tier history read per step: the three schemes' 100k rows each, read in one turn, held the app 0.3 s. */
export const TIER_ROWS_PER_STEP = 20_000;

/**
 * Per customer, the latest stored change of class in `scheme` before asOf, with the class before it
 * (null: none stored, or the customer was outside the population). "No longer classified" is not a class.
 * asOf's own stored rows are left out: asOf's classes are the caller's, computed from the data as it is,
 * while a snapshot stored earlier that day (a `segment` run before an import) can be behind it, and
 * compared with it a drop would be measured from the morning's class instead of the last day's before.
 *
 * Read a page of rows per step (shared/domain/steps.ts): one pass over the scheme's rows in key order
 * (customer, then day), keeping each customer's last two — SQLite's window functions over the same rows (lag and
 * row_number per customer) built a table of them first, twice as long — each page a query of its own from the key
 * where the last one stopped, a customer's rows carried across pages.
 */
export function* latestTierChangesInSteps(db: Db, scheme: string, asOf: string, rowsPerStep = TIER_ROWS_PER_STEP): Steps<Map<string, TierChange>> {
  const page = db.$client.prepare(LATEST_TIER_ROWS_SQL).raw();
  const changes = new Map<string, TierChange>();
  let customerId: string | null = null;
  let day = '';
  let classKey = '';
  let previous: string | null = null;
  const keep = () => {
    if (customerId !== null && classKey !== OUT_OF_POPULATION) changes.set(customerId, { asOf: day, classKey, previous: previous === OUT_OF_POPULATION ? null : previous });
  };
  for (;;) {
    const rows = page.all(scheme, asOf, customerId ?? '', day, rowsPerStep) as [string, string, string][];
    for (const [id, rowDay, rowClass] of rows) {
      if (id !== customerId) {
        keep();
        customerId = id;
        previous = null;
      } else previous = classKey;
      day = rowDay;
      classKey = rowClass;
    }
    if (rows.length < rowsPerStep) break;
    yield;
  }
  keep();
  return changes;
}

/**
 * Exported for its query-plan test: a page of the rows from after (customer, day), in the key's order, with no sort.
 * Parameters: scheme, asOf, the last customer and day read ('' and '' at first), rows.
 */
export const LATEST_TIER_ROWS_SQL = `SELECT customer_id, as_of, class_key FROM segment_assignments
  WHERE scheme = ? AND as_of < ? AND (customer_id, as_of) > (?, ?) ORDER BY customer_id, as_of LIMIT ?`;

/**
 * Per live, unarchived customer: what their live sales still owe past a due date before asOf, in the base
 * currency, with the oldest such date. Starts from the partial index of sales with something unpaid.
 */
/** Exported for its query-plan test. One parameter: asOf. */
export const OVERDUE_PAYMENTS_SQL = `SELECT customerId, sum(balance) AS amountMinor, min(dueDate) AS dueDate FROM (
    SELECT o.customer_id AS customerId, o.payment_due_date AS dueDate, ${SALE_BASE_BALANCE} AS balance
    FROM orders o JOIN customers c ON c.id = o.customer_id
    WHERE o.kind = 'sale' AND o.unpaid_minor > 0 AND o.deleted_at IS NULL AND o.payment_due_date < ?
      AND c.deleted_at IS NULL AND c.archived_at IS NULL)
  WHERE balance > 0
  GROUP BY customerId`;

export function overduePaymentsBy(db: Db, asOf: string, baseCurrency: string): TodayOverduePayment[] {
  const rows = db.$client.prepare(OVERDUE_PAYMENTS_SQL).all(asOf) as Omit<TodayOverduePayment, 'currency'>[];
  return rows.map((r) => ({ ...r, currency: baseCurrency }));
}

/** Reminders as REMINDERS_SQL reads them, of these customers only: from each one's follow-ups, not the whole day's. */
export const REMINDERS_OF_CUSTOMERS_SQL = `SELECT f.id AS followUpId, f.customer_id AS customerId, f.next_contact_date AS dueDate
  FROM json_each(?) j JOIN follow_ups f INDEXED BY follow_ups_customer_time ON f.customer_id = j.value JOIN customers c ON c.id = f.customer_id
  WHERE f.done = 0 AND f.next_contact_date IS NOT NULL AND f.next_contact_date <= ? AND f.deleted_at IS NULL
    AND c.deleted_at IS NULL AND c.archived_at IS NULL`;

export function openRemindersDueByOf(db: Db, asOf: string, customerIds: readonly string[]): TodayReminder[] {
  return db.$client.prepare(REMINDERS_OF_CUSTOMERS_SQL).all(JSON.stringify(customerIds), asOf) as TodayReminder[];
}

/** OVERDUE_PAYMENTS_SQL of these customers only. Parameters: asOf, the ids as a JSON array. */
export const OVERDUE_PAYMENTS_OF_CUSTOMERS_SQL = OVERDUE_PAYMENTS_SQL.replace(
  'AND o.payment_due_date < ?',
  'AND o.payment_due_date < ? AND o.customer_id IN (SELECT value FROM json_each(?))',
);

export function overduePaymentsByOf(db: Db, asOf: string, baseCurrency: string, customerIds: readonly string[]): TodayOverduePayment[] {
  const rows = db.$client.prepare(OVERDUE_PAYMENTS_OF_CUSTOMERS_SQL).all(asOf, JSON.stringify(customerIds)) as Omit<TodayOverduePayment, 'currency'>[];
  return rows.map((r) => ({ ...r, currency: baseCurrency }));
}

/** How far today_changes has come (db/schema/today-changes.ts). */
export function latestTodayChangeRev(db: Db): number {
  return (db.$client.prepare(`SELECT coalesce(max(rev), 0) FROM today_changes`).pluck().get() as number) ?? 0;
}

/**
 * The customers whose activity row (customer_activity) or reminders and payments (today_changes) changed after the
 * revs given, at most `limit` + 1 of them (more means: build the list again); undefined revs read nothing.
 */
export function customersChangedSince(db: Db, since: { activity: number; today: number }, limit: number): string[] {
  return db.$client
    .prepare(
      `SELECT customer_id FROM (SELECT customer_id FROM customer_activity WHERE rev > @activity LIMIT @limit)
       UNION SELECT customer_id FROM (SELECT customer_id FROM today_changes WHERE rev > @today LIMIT @limit)`,
    )
    .pluck()
    .all({ ...since, limit: limit + 1 }) as string[];
}

/**
 * A stamp of the stored tier history before asOf, which changes whenever latestTierChangesInSteps could read otherwise: the
 * days stored before asOf and when each was computed (a day stored again moves its computed_at), the counter every
 * write of history rows draws afresh (its version in report_month_versions, as the reports' timeline reads it), and a
 * claim on rows written ahead of a snapshot (dropped with its rows when the snapshot does not come).
 */
export function tierHistoryStamp(db: Db, asOf: string): string {
  const runs = db.$client.prepare(`SELECT as_of, computed_at FROM segment_runs WHERE as_of < ? ORDER BY as_of`).raw().all(asOf) as [string, string][];
  const version = db.$client.prepare(`SELECT version FROM report_month_versions WHERE source = 'segments' AND month = 0`).pluck().get() as number | undefined;
  const claim = db.$client.prepare(`SELECT as_of || ':' || token FROM segment_pending WHERE id = 1`).pluck().get() as string | undefined;
  return JSON.stringify([version ?? null, claim ?? null, runs]);
}
