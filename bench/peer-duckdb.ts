/**
 * The peer an analyst would reach for: DuckDB computing RFM from the raw orders. The live customers and
 * orders are read from the bench's SQLite file and appended into an in-memory DuckDB before any timing
 * (the sqlite extension cannot be downloaded here, and loading is not what is compared). The timed query
 * computes what the app's rfm scheme computes (shared/segmentation/population.ts): recency in days since
 * the last sale up to the day, frequency = sales in the window, monetary = net amount in the window
 * (returns included), quintiles (NTILE(5)) of each within the partition the workspace ranks by, for the
 * customers with a sale in the window, and stores the rows in a table, as the app stores its results.
 * Before it reports, it checks that it computed the same thing: DuckDB's frequency and monetary for a
 * sample agree with plain SQL on the SQLite file (else it throws), and with the app's own explanation.
 */
import { DuckDBInstance, dateValue } from '@duckdb/node-api';
import type { Database } from 'better-sqlite3';
import { call, type Dispatch } from '../core/dispatch';
import { addDays } from '../shared/domain/dates';
import { medianMs, round } from './measure';
import { seeded } from './tiers';

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** The window and partition the app's engine ranks by, as the app reports them (segments:config:get). */
export async function engineWindow(dispatch: Dispatch): Promise<{ days: number; partitionByMarket: boolean }> {
  const { effective } = await call(dispatch, 'segments:config:get', {});
  const window = effective.window as { kind: string; days?: number };
  if (window.kind !== 'days' || !window.days) throw new Error(`the peer query is written for a window of days; the workspace uses ${JSON.stringify(window)}`);
  const partition = effective.partition as { kind: string; field?: string };
  if (partition.kind !== 'none' && !(partition.kind === 'field' && partition.field === 'market')) throw new Error(`the peer query partitions by market or not at all; the workspace uses ${JSON.stringify(partition)}`);
  return { days: window.days, partitionByMarket: partition.kind === 'field' };
}

export async function measureDuckDb(options: { raw: Database; dispatch: Dispatch; asOf: string; runs: number; sample: number }) {
  const { days, partitionByMarket } = await engineWindow(options.dispatch);
  const start = addDays(options.asOf, -(days - 1));
  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  try {
    const loadStart = performance.now();
    await duck.run(`CREATE TABLE customers (id VARCHAR NOT NULL, locality VARCHAR)`);
    await duck.run(`CREATE TABLE orders (customer_id VARCHAR NOT NULL, order_date DATE NOT NULL, kind VARCHAR NOT NULL, amount BIGINT NOT NULL)`);
    const customers = await duck.createAppender('customers');
    for (const [id, locality] of options.raw.prepare(`SELECT id, locality FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL`).raw().iterate() as Iterable<[string, string | null]>) {
      customers.appendVarchar(id);
      if (locality === null) customers.appendNull();
      else customers.appendVarchar(locality);
      customers.endRow();
    }
    customers.closeSync();
    const orders = await duck.createAppender('orders');
    let orderRows = 0;
    for (const [customerId, date, kind, amount] of options.raw.prepare(`SELECT customer_id, order_date, kind, base_amount_minor FROM orders WHERE deleted_at IS NULL`).raw().iterate() as Iterable<[string, string, string, number]>) {
      orders.appendVarchar(customerId);
      orders.appendDate(dateValue(dayOf(date)));
      orders.appendVarchar(kind);
      orders.appendBigInt(BigInt(amount));
      orders.endRow();
      orderRows++;
    }
    orders.closeSync();
    const loadMs = performance.now() - loadStart;

    const market = partitionByMarket ? `PARTITION BY market` : '';
    const rfm = `CREATE OR REPLACE TABLE rfm AS
      WITH agg AS (
        SELECT customer_id,
               max(order_date) FILTER (WHERE kind = 'sale') AS last_sale,
               count(*) FILTER (WHERE kind = 'sale' AND order_date >= DATE '${start}') AS frequency,
               sum(amount) FILTER (WHERE order_date >= DATE '${start}') AS monetary
          FROM orders WHERE order_date <= DATE '${options.asOf}' GROUP BY customer_id),
      scored AS (
        SELECT c.id, CASE WHEN c.locality = 'overseas' THEN 'overseas' ELSE 'domestic' END AS market,
               DATE '${options.asOf}' - agg.last_sale AS recency_days, agg.frequency, agg.monetary
          FROM customers c JOIN agg ON agg.customer_id = c.id WHERE agg.frequency > 0)
      SELECT *, NTILE(5) OVER (${market} ORDER BY recency_days DESC) AS r,
                NTILE(5) OVER (${market} ORDER BY frequency) AS f,
                NTILE(5) OVER (${market} ORDER BY monetary) AS m
        FROM scored`;
    const timed = await medianMs(options.runs, () => duck.run(rfm));

    // The same thing computed: DuckDB against plain SQL on the SQLite file (a mismatch stops the bench) …
    const scored = Number((await duck.runAndReadAll(`SELECT count(*) FROM rfm`)).getRows()[0]![0]);
    const inWindow = options.raw
      .prepare(
        `SELECT count(*) FROM customers c WHERE c.deleted_at IS NULL AND c.archived_at IS NULL AND EXISTS
           (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.deleted_at IS NULL AND o.kind = 'sale' AND o.order_date BETWEEN ? AND ?)`,
      )
      .pluck()
      .get(start, options.asOf) as number;
    if (scored !== inWindow) throw new Error(`DuckDB scored ${scored} customers, SQLite finds ${inWindow} with a sale in the window`);
    const ids = (await duck.runAndReadAll(`SELECT id FROM rfm ORDER BY id`)).getRows().map((r) => String(r[0]));
    const random = seeded(56);
    const sample = Array.from({ length: Math.min(options.sample, ids.length) }, () => ids[Math.floor(random() * ids.length)]!);
    const sqlite = options.raw.prepare(
      `SELECT count(*) FILTER (WHERE kind = 'sale') AS frequency, coalesce(sum(base_amount_minor), 0) AS monetary
         FROM orders WHERE deleted_at IS NULL AND customer_id = ? AND order_date BETWEEN ? AND ?`,
    );
    let appAgrees = 0;
    for (const id of sample) {
      const peer = (await duck.runAndReadAll(`SELECT frequency, monetary, recency_days FROM rfm WHERE id = $id`, { id })).getRows()[0]!.map(Number);
      const plain = sqlite.get(id, start, options.asOf) as { frequency: number; monetary: number };
      if (peer[0] !== plain.frequency || peer[1] !== plain.monetary) {
        throw new Error(`DuckDB and SQLite disagree for ${id}: DuckDB ${peer[0]} sales / ${peer[1]}, SQLite ${plain.frequency} / ${plain.monetary}`);
      }
      // … and against the app's explanation of the same customer on the same day (reported, not fatal).
      const { metrics } = await call(options.dispatch, 'segments:explain', { customerId: id, asOf: options.asOf });
      if (metrics.orderCount === peer[0] && metrics.revenueMinor === peer[1] && metrics.daysSinceLastOrder === peer[2]) appAgrees++;
    }
    return {
      window: { days, start, end: options.asOf, partition: partitionByMarket ? 'market' : 'none' },
      loadedOrders: orderRows,
      loadMs: Math.round(loadMs),
      rfmMs: { median: round(timed.median), min: round(timed.min), max: round(timed.max), runs: options.runs },
      scoredCustomers: scored,
      sampleChecked: sample.length,
      sampleAgreesWithSqlite: sample.length,
      sampleAgreesWithApp: appAgrees,
    };
  } finally {
    duck.closeSync();
    instance.closeSync();
  }
}
