import { activityRefreshSql, dayNumberOf, followUpsDigestSql, NEXT_ACTIVITY_REV, ordersDigestFromDaysSql, type SkippedOrders } from '../activity-sql';
import type Database from 'better-sqlite3';
import type { Db } from '../open';
import { falseGuards, isInertTrigger } from '../trigger-guards';

/**
 * Bulk writes (an import, its undo): a million rows through per-row triggers would recompute the same
 * (customer, month) totals over and over. Inside the bulk writer's transaction bulk_write.active is 1, the
 * report-totals triggers stand aside (migration bulk_write_triggers), and before it commits the aggregates
 * of every customer it touched are recomputed here from the raw rows, set-based. The team outbox and
 * identity triggers keep running: an imported row is still queued for sync.
 *
 * The flag is set and cleared inside the caller's transaction, never outside: a crash, an error or a
 * rollback takes it back with the rows, so no later write can find it left on and skip its totals.
 */

/** Touched customers wait here, not in the heap: a file of a million new customers keeps memory flat. */
const STAGED = 'temp.bulk_write_customers';

/** One per-customer aggregate the triggers (or the writers) keep, recomputed for the staged customers. */
interface RefreshStep {
  name: string;
  /** The rows it sums: a write that changed no follow-up keeps the follow-up figures as they are. */
  reads: 'orders' | 'follow_ups';
  sql: string[];
}

const staged = `SELECT id FROM ${STAGED}`;
/**
 * The staged customers' live orders summed per customer and order date: their orders read once, through the customer
 * index, for every step that needs them (the month totals, the figures, the activity rows).
 */
const STAGED_DAYS = 'temp.bulk_write_staged_days';
/** The same summed per month, shared by the month totals and the customers' figures. */
const ORDER_MONTHS = 'temp.bulk_write_order_months';
/**
 * The orders a bulk write soft-deleted in one stretch of rowids (an undone import), bound as @skipFirst and
 * @skipLast: every refresh that reads orders through the customer index passes over them on the index entry
 * alone, instead of seeking each deleted row to read its deleted_at. Nothing skipped: 0 and -1.
 */
const SKIPPED: SkippedOrders = { first: '@skipFirst', last: '@skipLast' };
const NOTHING_SKIPPED = { skipFirst: 0, skipLast: -1 };
const monthOf = (expr: string) => `(CAST(substr(${expr}, 1, 4) AS INTEGER) * 12 + CAST(substr(${expr}, 6, 2) AS INTEGER) - 1)`;

/** One customer's orders of one date summed (the columns of STAGED_DAYS and INSERTED_DAYS after customer_id, order_date). */
const DAY_SUMS = `sum(kind = 'sale'), coalesce(sum(CASE WHEN kind = 'sale' THEN base_amount_minor END), 0), sum(kind = 'return'),
    coalesce(sum(CASE WHEN kind = 'return' THEN base_amount_minor END), 0), coalesce(sum(CASE WHEN base_cost_minor IS NOT NULL THEN base_amount_minor END), 0),
    coalesce(sum(base_cost_minor), 0), count(base_cost_minor)`;
/** Days' sums summed per month, as order_month_totals holds them (revenue, sales, returns, costed revenue, cost, costed, last sale). */
const MONTH_SUMS_OF_DAYS = `sum(sale_revenue + return_revenue), sum(sales), sum(returns), sum(costed_revenue), sum(cost), sum(costed), max(CASE WHEN sales > 0 THEN order_date END)`;

/**
 * What a bulk write leaves stale, in the order it is brought up to date. Each step replaces the figures of
 * the staged customers with what the raw rows say (the same sums as core/reports/totals.ts's full rebuild
 * and db/repos/customers.ts refreshCustomerStats). The first step reads the orders once for the others.
 */
export const BULK_REFRESH_STEPS: readonly RefreshStep[] = [
  {
    name: 'orders per customer and day',
    reads: 'orders',
    sql: [
      `DELETE FROM ${STAGED_DAYS}`,
      `INSERT INTO ${STAGED_DAYS} (customer_id, order_date, sales, sale_revenue, returns, return_revenue, costed_revenue, cost, costed)
       SELECT customer_id, order_date, ${DAY_SUMS}
       FROM orders WHERE customer_id IN (${staged}) AND deleted_at IS NULL AND rowid NOT BETWEEN ${SKIPPED.first} AND ${SKIPPED.last}
       GROUP BY customer_id, order_date`,
    ],
  },
  {
    name: 'orders per customer and month',
    reads: 'orders',
    sql: [
      `DELETE FROM ${ORDER_MONTHS}`,
      `INSERT INTO ${ORDER_MONTHS} (customer_id, month, revenue, sales, returns, costed_revenue, cost, costed, last_sale)
       SELECT customer_id, ${monthOf('order_date')} AS month, ${MONTH_SUMS_OF_DAYS}
       FROM ${STAGED_DAYS} GROUP BY customer_id, month`,
    ],
  },
  {
    // Only the months that changed are written: each write of a total moves its month's report version by
    // trigger, and an undone file leaves most of its customers' other months as they were.
    name: 'order month totals',
    reads: 'orders',
    sql: [
      `DELETE FROM order_month_totals WHERE customer_id IN (${staged})
         AND NOT EXISTS (SELECT 1 FROM ${ORDER_MONTHS} AS m WHERE m.customer_id = order_month_totals.customer_id AND m.month = order_month_totals.month)`,
      `INSERT INTO order_month_totals (month, customer_id, revenue_minor, sales, returns, costed_revenue_minor, cost_minor, costed, last_sale)
       SELECT month, customer_id, revenue, sales, returns, costed_revenue, cost, costed, last_sale FROM ${ORDER_MONTHS} WHERE true
       ON CONFLICT (month, customer_id) DO UPDATE SET
         revenue_minor = excluded.revenue_minor, sales = excluded.sales, returns = excluded.returns, costed_revenue_minor = excluded.costed_revenue_minor,
         cost_minor = excluded.cost_minor, costed = excluded.costed, last_sale = excluded.last_sale
       WHERE revenue_minor IS NOT excluded.revenue_minor OR sales IS NOT excluded.sales OR returns IS NOT excluded.returns
         OR costed_revenue_minor IS NOT excluded.costed_revenue_minor OR cost_minor IS NOT excluded.cost_minor OR costed IS NOT excluded.costed
         OR last_sale IS NOT excluded.last_sale`,
    ],
  },
  {
    name: 'follow-up month totals',
    reads: 'follow_ups',
    sql: [
      `DELETE FROM follow_up_month_totals WHERE customer_id IN (${staged})`,
      `INSERT INTO follow_up_month_totals (month, customer_id, follow_ups, satisfaction_sum, satisfaction_count, last_at)
       SELECT ${monthOf(`strftime('%Y-%m', occurred_at, 'localtime')`)} AS month, customer_id, count(*), total(satisfaction), count(satisfaction), max(occurred_at)
       FROM follow_ups WHERE customer_id IN (${staged}) AND deleted_at IS NULL GROUP BY customer_id, month`,
    ],
  },
  {
    // The denormalised columns of customers, for the staged customers at once.
    name: 'customer order figures',
    reads: 'orders',
    sql: [
      // Each staged customer sought by id, their months summed from their own rows: written as a join with the
      // staged table, SQLite walked the id index of every customer to find them (100k entries for the 5,000 an
      // undo of the bench's import stages; rewriting those rows and their revenue index entries is most of it).
      `UPDATE customers SET (order_count, revenue_base_minor, last_order_date) =
         (SELECT coalesce(sum(m.sales), 0), coalesce(sum(m.revenue), 0), max(m.last_sale) FROM ${ORDER_MONTHS} AS m WHERE m.customer_id = customers.id)
       WHERE id IN (${staged})`,
    ],
  },
  {
    name: 'customer follow-up figures',
    reads: 'follow_ups',
    sql: [
      // As the order figures: each staged customer by id, from their own follow-ups.
      `UPDATE customers SET (last_contact_at, next_contact_date) =
         (SELECT max(f.occurred_at), min(CASE WHEN f.done = 0 THEN f.next_contact_date END) FROM follow_ups AS f WHERE f.customer_id = customers.id AND f.deleted_at IS NULL)
       WHERE id IN (${staged})`,
    ],
  },
];

/**
 * Orders that a bulk write only inserted (a file of whole orders) change the aggregates by their own sums. Each
 * stretch of inserted rowids is read once, while its rows still sit in the page cache, and summed per customer and
 * day into INSERTED_DAYS; at the end those sums are added to the month totals, the customers' figures and the
 * activity rows (INSERTED_TOTALS_STEPS), instead of every order of every customer they touched being read again.
 * At a million orders of 5,000 customers on 84 days that is 105,000 rows where the activity rows' rebuild read
 * 1.8 million orders through the customer index (3.8 s). An aggregate that cannot be added to (a median, a gap)
 * belongs in BULK_REFRESH_STEPS, and the writer then stages the customers instead.
 */
const INSERTED_DAYS = 'temp.bulk_write_inserted_days';

/** One stretch of inserted orders (@first to @last) summed into INSERTED_DAYS per customer and order date. */
const INSERTED_ORDERS_SUM = `INSERT INTO ${INSERTED_DAYS} (customer_id, order_date, sales, sale_revenue, returns, return_revenue, costed_revenue, cost, costed)
  SELECT customer_id, order_date, ${DAY_SUMS}
  FROM orders WHERE rowid BETWEEN @first AND @last AND deleted_at IS NULL GROUP BY customer_id, order_date
  ON CONFLICT (customer_id, order_date) DO UPDATE SET sales = sales + excluded.sales, sale_revenue = sale_revenue + excluded.sale_revenue,
    returns = returns + excluded.returns, return_revenue = return_revenue + excluded.return_revenue, costed_revenue = costed_revenue + excluded.costed_revenue,
    cost = cost + excluded.cost, costed = costed + excluded.costed`;

/**
 * The inserted orders' sums added in, once, before the staged customers are recomputed from the raw rows (which
 * replaces whatever these added for them). Each is what the raw rows give: a sum of sums per month, per customer,
 * and per day merged into the activity row's days (db/schema/customer-activity.ts: six numbers a day, in day order).
 */
const INSERTED_TOTALS_STEPS: readonly { name: string; sql: string }[] = [
  {
    name: 'order month totals',
    sql: `INSERT INTO order_month_totals (month, customer_id, revenue_minor, sales, returns, costed_revenue_minor, cost_minor, costed, last_sale)
      SELECT ${monthOf('order_date')} AS month, customer_id, ${MONTH_SUMS_OF_DAYS}
      FROM ${INSERTED_DAYS} WHERE true GROUP BY customer_id, month
      ON CONFLICT (month, customer_id) DO UPDATE SET
        revenue_minor = revenue_minor + excluded.revenue_minor, sales = sales + excluded.sales, returns = returns + excluded.returns,
        costed_revenue_minor = costed_revenue_minor + excluded.costed_revenue_minor, cost_minor = cost_minor + excluded.cost_minor, costed = costed + excluded.costed,
        last_sale = CASE WHEN last_sale IS NULL OR excluded.last_sale > last_sale THEN coalesce(excluded.last_sale, last_sale) ELSE last_sale END`,
  },
  {
    name: 'customer figures',
    sql: `UPDATE customers SET order_count = order_count + s.n, revenue_base_minor = revenue_base_minor + s.revenue,
        last_order_date = CASE WHEN s.last_sale IS NOT NULL AND (last_order_date IS NULL OR s.last_sale > last_order_date) THEN s.last_sale ELSE last_order_date END
      FROM (SELECT customer_id, sum(sales) AS n, sum(sale_revenue + return_revenue) AS revenue, max(CASE WHEN sales > 0 THEN order_date END) AS last_sale
            FROM ${INSERTED_DAYS} GROUP BY customer_id) AS s
      WHERE customers.id = s.customer_id`,
  },
  {
    // The customer's days as kept, read back from the row, and the inserted days, summed per day. A customer staged
    // for a recompute is left to it; one without a row yet (no order or follow-up before) gets their follow-ups too.
    name: 'customer activity',
    sql: `INSERT INTO customer_activity (customer_id, orders, follow_ups, rev)
      SELECT src.cid,
        (SELECT '[' || coalesce(group_concat(day || ',' || sales || ',' || revenue || ',' || returns || ',' || cost || ',' || costed, ',' ORDER BY day), '') || ']' FROM (
          SELECT day, sum(sales) AS sales, sum(revenue) AS revenue, sum(returns) AS returns, sum(cost) AS cost, sum(costed) AS costed FROM (
            SELECT ${dayNumberOf('d.order_date')} AS day, d.sales, d.sale_revenue AS revenue, d.return_revenue AS returns, d.cost, d.costed
              FROM ${INSERTED_DAYS} AS d WHERE d.customer_id = src.cid
            UNION ALL
            SELECT max(CASE e.key % 6 WHEN 0 THEN e.value END), max(CASE e.key % 6 WHEN 1 THEN e.value END), max(CASE e.key % 6 WHEN 2 THEN e.value END),
                max(CASE e.key % 6 WHEN 3 THEN e.value END), max(CASE e.key % 6 WHEN 4 THEN e.value END), max(CASE e.key % 6 WHEN 5 THEN e.value END)
              FROM customer_activity AS a, json_each(a.orders) AS e WHERE a.customer_id = src.cid GROUP BY e.key / 6)
          GROUP BY day)),
        coalesce((SELECT follow_ups FROM customer_activity WHERE customer_id = src.cid), ${followUpsDigestSql('src.cid')}),
        ${NEXT_ACTIVITY_REV}
      FROM (SELECT DISTINCT customer_id AS cid FROM ${INSERTED_DAYS} WHERE customer_id NOT IN (${staged})) AS src WHERE true
      ON CONFLICT (customer_id) DO UPDATE SET orders = excluded.orders, rev = excluded.rev`,
  },
];

/**
 * Each customer's folded orders and follow-ups, which the tiers read (db/activity-sql.ts): rebuilt once per
 * bulk write, last, for the staged customers; only their orders when the write changed no follow-up.
 */
const ACTIVITY_REFRESH = activityRefreshSql(staged, ordersDigestFromDaysSql(STAGED_DAYS, 'src.cid'));
const ACTIVITY_REFRESH_ORDERS_ONLY = activityRefreshSql(staged, ordersDigestFromDaysSql(STAGED_DAYS, 'src.cid'), { ordersOnly: true });

/** Orders per addition: a customer's rows in one stretch are summed into one upsert (each fires the report version triggers); 200k rows still sit in the import connection's page cache. */
const INSERTED_ORDERS_PER_STEP = 200_000;

function ensureStaging(client: Database.Database): void {
  client.exec(`CREATE TEMP TABLE IF NOT EXISTS bulk_write_customers (id TEXT PRIMARY KEY) WITHOUT ROWID`);
  for (const table of ['bulk_write_inserted_days', 'bulk_write_staged_days']) {
    client.exec(`CREATE TEMP TABLE IF NOT EXISTS ${table} (customer_id TEXT NOT NULL, order_date TEXT NOT NULL, sales INTEGER NOT NULL,
      sale_revenue INTEGER NOT NULL, returns INTEGER NOT NULL, return_revenue INTEGER NOT NULL, costed_revenue INTEGER NOT NULL, cost INTEGER NOT NULL,
      costed INTEGER NOT NULL, PRIMARY KEY (customer_id, order_date)) WITHOUT ROWID`);
  }
  client.exec(`CREATE TEMP TABLE IF NOT EXISTS bulk_write_order_months (customer_id TEXT NOT NULL, month INTEGER NOT NULL, revenue INTEGER NOT NULL, sales INTEGER NOT NULL,
    returns INTEGER NOT NULL, costed_revenue INTEGER NOT NULL, cost INTEGER NOT NULL, costed INTEGER NOT NULL, last_sale TEXT, PRIMARY KEY (customer_id, month)) WITHOUT ROWID`);
}

/** Starts bulk mode inside the caller's open transaction; the touched customers are staged as it goes. */
export function beginBulkWrite(client: Database.Database, options: { ordersPerAddition?: number } = {}): BulkWrite {
  const ordersPerAddition = options.ordersPerAddition ?? INSERTED_ORDERS_PER_STEP;
  if (!client.inTransaction) throw new Error('A bulk write sets its flag inside its own transaction, so a rollback clears it.');
  ensureStaging(client);
  client.exec(`DELETE FROM ${STAGED}`);
  client.exec(`DELETE FROM ${INSERTED_DAYS}`);
  client.prepare(`UPDATE bulk_write SET active = 1 WHERE id = 1`).run();
  const stage = client.prepare(`INSERT OR IGNORE INTO ${STAGED} (id) VALUES (?)`);
  const addition = client.prepare(INSERTED_ORDERS_SUM);
  // The stretch of rowids inserted and not yet added in; consecutive statements extend it.
  let pending: { first: number; last: number } | null = null;
  let skipped = NOTHING_SKIPPED;
  let followUpsUnchanged = false;
  const addPending = () => {
    if (pending) addition.run(pending);
    pending = null;
  };
  return {
    touch(customerIds) {
      for (const id of customerIds) stage.run(id);
    },
    insertedOrders(first, last) {
      if (pending && first !== pending.last + 1) addPending();
      pending = pending ? { first: pending.first, last } : { first, last };
      if (pending.last - pending.first + 1 >= ordersPerAddition) addPending();
    },
    deletedOrders(first, last) {
      skipped = { skipFirst: first, skipLast: last };
    },
    noFollowUpsChanged() {
      followUpsUnchanged = true;
    },
    finish(db) {
      addPending();
      for (const step of INSERTED_TOTALS_STEPS) client.prepare(step.sql).run();
      client.exec(`DELETE FROM ${INSERTED_DAYS}`);
      refreshAfterBulkWrite(db, [], { skipped, followUpsUnchanged });
      client.prepare(`UPDATE bulk_write SET active = 0 WHERE id = 1`).run();
    },
  };
}

/**
 * Drops the triggers of `tables` that can do nothing in the bulk write under way (db/trigger-guards.ts: their WHEN
 * holds bulk mode's NOT_BULK, or a team-sync condition that is false on this device); `restore` creates them again
 * as they were, in the order they were (with the table's other triggers), and must run before bulk mode ends.
 * SQLite enters every trigger of a write for each row it changes to test its WHEN, even one that is false for
 * every row: at an undo of a million orders the two that stand aside took a quarter of the soft delete (1.18 s
 * against 0.89 s without them), and outside a team the outbox and identity triggers another 0.7 s of 2.5. The
 * drops are part of the caller's transaction, so a rollback, an error or a crash brings them back with the rows.
 */
export function setInertTriggersAside(client: Database.Database, tables: readonly string[]): { restore(): void } {
  const active = client.inTransaction ? client.prepare(`SELECT active FROM bulk_write WHERE id = 1`).pluck().get() : undefined;
  if (active !== 1) throw new Error('Triggers are set aside only inside a bulk write, in its transaction.');
  const guards = falseGuards(client);
  const triggers = (
    client.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY rowid`).all(JSON.stringify(tables)) as {
      name: string;
      sql: string;
    }[]
  ).map((trigger) => ({ ...trigger, inert: isInertTrigger(trigger.sql, guards) }));
  const drop = (name: string) => client.exec(`DROP TRIGGER "${name.replace(/"/g, '""')}"`);
  for (const trigger of triggers) if (trigger.inert) drop(trigger.name);
  let restored = false;
  return {
    restore() {
      if (restored) return;
      restored = true;
      // A table's triggers fire in an order set by when they were created: the others are dropped too and all made again in
      // their first order, so no table's triggers fire in another order than before.
      for (const trigger of triggers) if (!trigger.inert) drop(trigger.name);
      for (const trigger of triggers) client.exec(trigger.sql);
    },
  };
}

/** Runs `write` with the inert triggers of `tables` set aside (setInertTriggersAside), and back before it returns or throws. */
export function withBulkInertTriggersDropped<T>(client: Database.Database, tables: readonly string[], write: () => T): T {
  const aside = setInertTriggersAside(client, tables);
  try {
    return write();
  } finally {
    aside.restore();
  }
}

export interface BulkWrite {
  /** Customers whose orders or follow-ups this write changed: their aggregates are recomputed. */
  touch(customerIds: Iterable<string>): void;
  /** Live orders this write inserted and will not change again, by rowid: their sums are added (INSERTED_ORDERS_SUM, then INSERTED_TOTALS_STEPS). */
  insertedOrders(firstRowid: number, lastRowid: number): void;
  /**
   * A stretch of rowids every order of which this write has soft-deleted (an undone import whose orders are
   * one stretch): the refresh passes over them without reading them. Only the last stretch given is skipped.
   */
  deletedOrders(firstRowid: number, lastRowid: number): void;
  /** This write changed no follow-up (an undone orders file): the staged customers' follow-up figures stand as they are. */
  noFollowUpsChanged(): void;
  /** Brings every staged customer's aggregates up to date and leaves bulk mode; the caller then commits. */
  finish(db: Db): void;
}

/**
 * Recomputes every per-customer aggregate of `customerIds` and of the customers staged by the running bulk
 * write, from the raw rows, set-based; then empties the staging table. `skipped`: orders known to be
 * deleted, by rowid (BulkWrite.deletedOrders); `followUpsUnchanged`: BulkWrite.noFollowUpsChanged.
 */
export function refreshAfterBulkWrite(db: Db, customerIds: Iterable<string>, options: { skipped?: typeof NOTHING_SKIPPED; followUpsUnchanged?: boolean } = {}): void {
  const skipped = options.skipped ?? NOTHING_SKIPPED;
  const client = db.$client;
  ensureStaging(client);
  const stage = client.prepare(`INSERT OR IGNORE INTO ${STAGED} (id) VALUES (?)`);
  for (const id of customerIds) stage.run(id);
  for (const step of BULK_REFRESH_STEPS) {
    if (step.reads === 'follow_ups' && options.followUpsUnchanged) continue;
    for (const statement of step.sql) client.prepare(statement).run(skipped);
  }
  client.prepare(options.followUpsUnchanged ? ACTIVITY_REFRESH_ORDERS_ONLY : ACTIVITY_REFRESH).run();
  client.exec(`DELETE FROM ${STAGED}`);
  client.exec(`DELETE FROM ${ORDER_MONTHS}`);
  client.exec(`DELETE FROM ${STAGED_DAYS}`);
}
