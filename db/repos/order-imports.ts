import type Database from 'better-sqlite3';
import { orderNumberKey, orderNumberKeyOf } from '../../shared/domain/order-number';
import type { OrderLineValues } from './order-lines';

/** An order as the importer writes it: every trade-record column of db/schema/orders.ts. */
export interface ImportedOrderRow {
  id: string;
  now: string;
  batch: string;
  customerId: string;
  date: string;
  amountMinor: number;
  currency: string;
  rate: number;
  base: string;
  baseAmountMinor: number;
  note: string | null;
  orderNumber: string | null;
  kind: 'sale' | 'return';
  costMinor: number | null;
  baseCostMinor: number | null;
  unpaidMinor: number;
  baseUnpaidMinor: number;
  dueDate: string | null;
}

/** A line as the importer writes it: the values an edit states (order-lines.ts), with its id, order and place. */
export interface ImportedLineRow extends Omit<OrderLineValues, 'costMinor'> {
  id: string;
  orderId: string;
  position: number;
  costMinor: number | null;
}

/** A live order as a refusal names it (the order form's words): its customer's name, its date, its number as typed there. */
export interface OrderHolder {
  customerName: string;
  date: string;
  orderNumber: string | null;
  /** The import that wrote it; null for an order entered in the app (or one this file's earlier rows hold, not yet written). */
  batch: string | null;
}

/** A live order found by its number: enough to tell whether this import wrote it, and to go on adding lines. */
export interface NumberedOrder {
  id: string;
  customerId: string;
  date: string;
  currency: string;
  rate: number;
  batch: string | null;
  unpaidMinor: number;
  amountMinor: number;
  costMinor: number | null;
  costKnown: number;
  lines: number;
  negativeLines: number;
}

/**
 * The import's order and line writes as prepared statements on one connection (see importStatements for
 * why not the query builder). An order written earlier in the same batch can be rewritten when more of
 * its lines turn up later in the file.
 */
export function orderImportStatements(client: Database.Database) {
  const insertOrder = client.prepare(`INSERT INTO orders (id, created_at, updated_at, import_batch_id, customer_id, order_date, amount_minor, currency, fx_rate, base_currency,
    base_amount_minor, note, order_number, order_number_key, kind, cost_minor, base_cost_minor, unpaid_minor, base_unpaid_minor, terms_unpaid_minor, terms_base_unpaid_minor, payment_due_date)
    VALUES (@id, @now, @now, @batch, @customerId, @date, @amountMinor, @currency, @rate, @base, @baseAmountMinor, @note, @orderNumber, @orderNumberKey, @kind, @costMinor,
    @baseCostMinor, @unpaidMinor, @baseUnpaidMinor, @unpaidMinor, @baseUnpaidMinor, @dueDate)`);
  // More lines of an order this batch wrote: its totals change, what the first rows said (note, due date) stays.
  const updateTotals = client.prepare(`UPDATE orders SET amount_minor = @amountMinor, base_amount_minor = @baseAmountMinor, kind = @kind, cost_minor = @costMinor,
    base_cost_minor = @baseCostMinor, unpaid_minor = @unpaidMinor, base_unpaid_minor = @baseUnpaidMinor, terms_unpaid_minor = @unpaidMinor, terms_base_unpaid_minor = @baseUnpaidMinor,
    updated_at = @now WHERE id = @id AND import_batch_id = @batch`);
  const insertLine = client.prepare(`INSERT INTO order_lines (id, order_id, position, product_id, sku, name, quantity, unit_price_minor, amount_minor, cost_minor)
    VALUES (@id, @orderId, @position, @productId, @sku, @name, @quantity, @unitPriceMinor, @amountMinor, @costMinor)`);
  const orderWithLines = `SELECT o.id, o.customer_id AS customerId, o.order_date AS date, o.currency, o.fx_rate AS rate, o.import_batch_id AS batch, o.unpaid_minor AS unpaidMinor,
      coalesce(sum(l.amount_minor), o.amount_minor) AS amountMinor, sum(l.cost_minor) AS costMinor, count(l.cost_minor) AS costKnown, count(l.id) AS lines,
      coalesce(sum(l.quantity < 0), 0) AS negativeLines
    FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id`;
  const byNumber = client.prepare(`${orderWithLines} WHERE o.order_number_key = ? AND o.deleted_at IS NULL GROUP BY o.id`);
  const byId = client.prepare(`${orderWithLines} WHERE o.id = ? AND o.deleted_at IS NULL GROUP BY o.id`);
  // Apart from byNumber, which every numbered row asks: naming the holder there made each of those asks slower.
  const recorded = client.prepare(`SELECT c.name AS customerName, o.order_date AS date, o.order_number AS orderNumber, o.import_batch_id AS batch FROM orders o JOIN customers c ON c.id = o.customer_id
    WHERE o.id = ? AND o.deleted_at IS NULL`);
  const customerName = client.prepare(`SELECT name FROM customers WHERE id = ?`).pluck();
  return {
    insertOrder: (row: ImportedOrderRow) => insertOrder.run({ ...row, orderNumberKey: orderNumberKeyOf(row.orderNumber) }),
    updateTotals: (row: Pick<ImportedOrderRow, 'id' | 'now' | 'batch' | 'amountMinor' | 'baseAmountMinor' | 'kind' | 'costMinor' | 'baseCostMinor' | 'unpaidMinor' | 'baseUnpaidMinor'>) =>
      updateTotals.run(row),
    insertLine: (row: ImportedLineRow) => insertLine.run(row),
    /** The live order with this number, compared as numbers are (orderNumberKey; the partial unique index makes it at most one). */
    byNumber: (orderNumber: string) => byNumber.get(orderNumberKey(orderNumber)) as NumberedOrder | undefined,
    /** A live order by its id: one without a number this import wrote, which more of its lines reopen. */
    byId: (id: string) => byId.get(id) as NumberedOrder | undefined,
    /**
     * A live order by id, as a refusal names it: the order whose id a row's order record ID is (one primary-key seek,
     * that row's order already recorded), or the one byNumber found holding a row's number.
     */
    recorded: (id: string) => recorded.get(id) as OrderHolder | undefined,
    /** A customer's name, to name an order this import holds that another row's number meets. */
    customerName: (id: string) => (customerName.get(id) as string | undefined) ?? '',
  };
}
export type OrderImportStatements = ReturnType<typeof orderImportStatements>;

/** Orders per INSERT statement: 24 values each stays far below SQLite's 32,766 bound variables. */
export const ORDERS_PER_INSERT = 200;

const ORDER_COLUMNS = `id, created_at, updated_at, import_batch_id, customer_id, order_date, amount_minor, currency, fx_rate, base_currency,
  base_amount_minor, note, order_number, order_number_key, kind, cost_minor, base_cost_minor, unpaid_minor, base_unpaid_minor, terms_unpaid_minor, terms_base_unpaid_minor,
  payment_due_date, created_by, updated_by`;
const ORDER_VALUES = `(${Array.from({ length: 24 }, () => '?').join(', ')})`;
/** Where a held order's customer, date and number sit among its values (pushed in ORDER_COLUMNS' order). */
const HELD_AT = (() => {
  const names = ORDER_COLUMNS.split(',').map((c) => c.trim());
  return { customerId: names.indexOf('customer_id'), date: names.indexOf('order_date'), orderNumber: names.indexOf('order_number') };
})();

/**
 * Whole orders as the importer writes a file of them: held until ORDERS_PER_INSERT are waiting, then written by
 * one prepared multi-row INSERT (prepared once; a shorter remainder gets its own statement, prepared once per
 * length). Each statement costs one trip into SQLite instead of one per row. Held orders are not in the
 * database yet: the caller flushes before anything reads them back, and at the end. `onWritten` hears the
 * rowids each statement wrote, so their aggregates can be added from those rows (db/repos/bulk-write.ts).
 */
export function orderInserter(client: Database.Database, onWritten: (firstRowid: number, lastRowid: number) => void = () => {}) {
  const statements = new Map<number, Database.Statement>();
  const statementFor = (rows: number) => {
    let statement = statements.get(rows);
    if (!statement) {
      statement = client.prepare(`INSERT INTO orders (${ORDER_COLUMNS}) VALUES ${Array.from({ length: rows }, () => ORDER_VALUES).join(', ')}`);
      statements.set(rows, statement);
    }
    return statement;
  };
  // This laptop's person, as the identity trigger would stamp each row after its insert (an UPDATE per row, and the
  // update triggers it fires): written with the row instead. Null outside a team, as the trigger leaves it.
  const author = (client.prepare(`SELECT CASE WHEN applying IS NOT 1 THEN user_name END FROM sync_state WHERE id = 1`).pluck().get() as string | null | undefined) ?? null;
  let values: unknown[] = [];
  let held = 0;
  /**
   * Keys of the order numbers held, each with where its order's values start: a later row of the file with the same
   * number (INV-1 after inv-1) is taken, though not yet written, and the refusal names the order holding it.
   */
  const numbers = new Map<string, number>();
  const flush = () => {
    if (held === 0) return;
    // One statement's rows take consecutive rowids: the last one, and as many before it.
    const last = Number(statementFor(held).run(values).lastInsertRowid);
    onWritten(last - held + 1, last);
    values = [];
    held = 0;
    numbers.clear();
  };
  return {
    add(row: ImportedOrderRow): void {
      const key = orderNumberKeyOf(row.orderNumber);
      if (key !== null) numbers.set(key, values.length);
      values.push(row.id, row.now, row.now, row.batch, row.customerId, row.date, row.amountMinor, row.currency, row.rate, row.base, row.baseAmountMinor, row.note,
        row.orderNumber, key, row.kind, row.costMinor, row.baseCostMinor, row.unpaidMinor, row.baseUnpaidMinor, row.unpaidMinor, row.baseUnpaidMinor, row.dueDate, author, author);
      if (++held === ORDERS_PER_INSERT) flush();
    },
    /** The held order with this number (its customer's id, date and number as typed), if one is held. */
    holding(orderNumber: string): { customerId: string; date: string; orderNumber: string } | undefined {
      const at = numbers.get(orderNumberKey(orderNumber));
      if (at === undefined) return undefined;
      return { customerId: values[at + HELD_AT.customerId] as string, date: values[at + HELD_AT.date] as string, orderNumber: values[at + HELD_AT.orderNumber] as string };
    },
    flush,
  };
}
export type OrderInserter = ReturnType<typeof orderInserter>;
