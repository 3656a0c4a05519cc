import type { Db } from '../open';
import { OUT_OF_POPULATION } from '../schema';
import type { TierChange, TodayOverduePayment, TodayReminder } from '../../shared/today/types';
import { SALE_BASE_BALANCE } from './orders';

/**
 * Reads for Today. Raw prepared statements: at 100k customers this is the whole cost of the list, and the
 * reminder query runs straight off the follow_ups_due index (see test/integration/query-plans.test.ts).
 */

/** Exported for its query-plan test. */
export const REMINDERS_SQL = `SELECT f.id AS followUpId, f.customer_id AS customerId, f.next_contact_date AS dueDate
  FROM follow_ups f JOIN customers c ON c.id = f.customer_id
  WHERE f.done = 0 AND f.next_contact_date IS NOT NULL AND f.next_contact_date <= ? AND f.deleted_at IS NULL
    AND c.deleted_at IS NULL AND c.archived_at IS NULL`;

/** Open reminders of live, unarchived customers due on or before asOf (the same rule as followups:due). */
export function openRemindersDueBy(db: Db, asOf: string): TodayReminder[] {
  return db.$client.prepare(REMINDERS_SQL).all(asOf) as TodayReminder[];
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

/**
 * Per customer, the latest stored change of class in `scheme` before asOf, with the class before it
 * (null: none stored, or the customer was outside the population). "No longer classified" is not a class.
 * asOf's own stored rows are left out: asOf's classes are the caller's, computed from the data as it is,
 * while a snapshot stored earlier that day (a `segment` run before an import) can be behind it, and
 * compared with it a drop would be measured from the morning's class instead of the last day's before.
 */
export function latestTierChanges(db: Db, scheme: string, asOf: string): Map<string, TierChange> {
  const rows = db.$client
    .prepare(
      `SELECT customer_id, as_of, class_key, previous FROM (
         SELECT customer_id, as_of, class_key,
                lag(class_key) OVER (PARTITION BY customer_id ORDER BY as_of) AS previous,
                row_number() OVER (PARTITION BY customer_id ORDER BY as_of DESC) AS newest
         FROM segment_assignments WHERE scheme = ? AND as_of < ?)
       WHERE newest = 1`,
    )
    .raw()
    .all(scheme, asOf) as [string, string, string, string | null][];
  const changes = new Map<string, TierChange>();
  for (const [customerId, day, classKey, previous] of rows) {
    if (classKey === OUT_OF_POPULATION) continue;
    changes.set(customerId, { asOf: day, classKey, previous: previous === OUT_OF_POPULATION ? null : previous });
  }
  return changes;
}

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
