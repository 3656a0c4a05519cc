import { convertMinor, isStorableMinor } from '../../shared/domain/money';
import { orderNumberKeyOf } from '../../shared/domain/order-number';
import type { OrderLineRecord, OrderRecord } from '../../shared/import';
import type { NumberedOrder, OrderImportStatements } from '../../db/repos/order-imports';
import { newId } from '../ids';
import { alreadyRecorded, numberTaken } from './order-holder';
import type { ImportReason } from './types';

/** How many orders may wait for more lines at once, and how many lines in all: the importer's memory stays flat. */
export const MAX_OPEN_ORDERS = 200;
export const MAX_PENDING_LINES = 5000;

export type LineOutcome = { kind: 'added' } | { kind: 'error'; reason: ImportReason; field: string | null; params?: Readonly<Record<string, string>> };

/** What the assembler needs from the row writer: the customer a row names, and the locked FX rate. */
export interface AssemblerContext {
  batchId: string;
  now: string;
  baseCurrency: string;
  link(record: OrderRecord): string | { kind: 'error'; reason: ImportReason; field: string | null };
  rateOf(record: OrderRecord): number | undefined;
  /** The product of each line, grown from the lines (one batched upsert per written order). */
  productIds(lines: readonly OrderLineRecord[], currency: string, date: string): string[];
  onCustomer(customerId: string): void;
}

interface OpenOrder {
  id: string;
  /** The number as the order's first row wrote it (what is stored and shown). */
  number: string | null;
  /**
   * What the order's rows share: the number as numbers are compared (orderNumberKey: rows writing INV-1 and inv-1 are
   * one order's), else its record ID (groupKey); null for a row that is an order of its own.
   */
  key: string | null;
  /** The customer key as the file wrote it; null for an order reopened from the database. */
  keyText: string | null;
  customerId: string;
  date: string;
  currency: string;
  rate: number;
  /** Already in the database (an earlier flush of this batch): the next flush updates its totals. */
  written: boolean;
  amountMinor: number;
  costMinor: number;
  costKnown: number;
  lines: number;
  negativeLines: number;
  paidMinor: number | null;
  dueDate: string | null;
  note: string | null;
  pending: OrderLineRecord[];
}

/**
 * Turns the rows of an order-lines file into orders with lines, as the file streams by. Rows sharing an
 * order number join one order; orders wait in a small buffer (most files list an order's lines together)
 * and are written when pushed out or at the end. A row of an order already written by this import — its
 * lines far apart in the file — reopens it from the database, so any row order works without holding
 * the file. Rows of one order must agree on customer, date and currency; a row that does not is refused.
 */
export class OrderAssembler {
  private readonly open = new Map<string, OpenOrder>();
  /**
   * Orders without a number this import wrote, by their record ID's key: a later line of one (its lines far apart in
   * the file) goes on adding to it, as a numbered order is found again by its number.
   */
  private readonly writtenByRecord = new Map<string, string>();
  private pendingLines = 0;
  orders = 0;
  lines = 0;
  returns = 0;

  constructor(
    private readonly sql: OrderImportStatements,
    private readonly ctx: AssemblerContext,
  ) {}

  add(record: OrderRecord): LineOutcome {
    const line = record.line as OrderLineRecord;
    const keyText = JSON.stringify(record.customer);
    const number = record.orderNumber;
    const key = groupKey(number, record.orderRecordId);
    let order = key === null ? undefined : this.open.get(key);
    if (order) {
      const differs = order.keyText !== keyText ? keyField(record) : order.date !== record.orderDate ? 'date' : order.currency !== record.currency ? 'currency' : null;
      if (differs) return { kind: 'error', reason: 'order_lines_disagree', field: differs };
      this.open.delete(order.key as string);
    } else {
      const writtenId = number === null && key !== null ? this.writtenByRecord.get(key) : undefined;
      const found = number !== null ? this.sql.byNumber(number) : writtenId !== undefined ? this.sql.byId(writtenId) : undefined;
      if (found && found.batch !== this.ctx.batchId) {
        return numberTaken(this.sql.recorded(found.id), number, this.ctx.batchId);
      }
      // An order this import has not met yet whose record ID is a live order's own id: this workspace's export imported
      // back, the order already recorded (numbered or not). One seek per order, only when the file has the column.
      const recorded = !found && record.orderRecordId !== null ? this.sql.recorded(record.orderRecordId) : undefined;
      if (recorded) return alreadyRecorded(recorded, this.ctx.batchId);
      const customerId = this.ctx.link(record);
      if (typeof customerId !== 'string') return customerId;
      if (found) {
        const differs = found.customerId !== customerId ? keyField(record) : found.date !== record.orderDate ? 'date' : found.currency !== record.currency ? 'currency' : null;
        if (differs) return { kind: 'error', reason: 'order_lines_disagree', field: differs };
        order = reopened(found, number, key as string, keyText);
      } else {
        const rate = this.ctx.rateOf(record);
        if (rate === undefined) return { kind: 'error', reason: 'no_fx_rate', field: 'currency' };
        order = {
          id: newId(), number, key, keyText, customerId, date: record.orderDate, currency: record.currency, rate, written: false,
          amountMinor: 0, costMinor: 0, costKnown: 0, lines: 0, negativeLines: 0, paidMinor: null, dueDate: null, note: null, pending: [],
        };
      }
    }
    const amount = order.amountMinor + line.amountMinor;
    if (!isStorableMinor(amount) || !isStorableMinor(convertMinor(amount, order.currency, order.rate, this.ctx.baseCurrency))) {
      if (key !== null && order.lines > 0) this.open.set(key, order);
      return { kind: 'error', reason: 'amount_too_large', field: record.line ? 'unitPrice' : 'amount' };
    }
    order.amountMinor = amount;
    if (line.costMinor !== null) {
      order.costMinor += line.costMinor;
      order.costKnown++;
    }
    order.lines++;
    if (line.quantity < 0) order.negativeLines++;
    order.paidMinor ??= record.paidMinor;
    order.dueDate ??= record.dueDate;
    order.note ??= record.note;
    order.pending.push(line);
    this.pendingLines++;
    this.ctx.onCustomer(order.customerId);
    if (key === null) {
      this.flush(order);
      return { kind: 'added' };
    }
    // Map order is recency order: the order touched longest ago is pushed out first.
    this.open.set(key, order);
    if (this.open.size > MAX_OPEN_ORDERS) this.flush(this.open.values().next().value as OpenOrder);
    if (this.pendingLines > MAX_PENDING_LINES) this.flushAll();
    return { kind: 'added' };
  }

  /** Writes every waiting order; called when the file ends (and when too many lines wait). */
  flushAll(): void {
    for (const order of [...this.open.values()]) this.flush(order);
  }

  private flush(order: OpenOrder): void {
    if (order.key !== null) this.open.delete(order.key);
    if (order.key !== null && order.number === null) this.writtenByRecord.set(order.key, order.id);
    const { baseCurrency: base, batchId: batch, now } = this.ctx;
    const amount = order.amountMinor;
    // The sum decides: a file may mix returned and sold lines on one invoice.
    const kind = amount < 0 || (amount === 0 && order.negativeLines === order.lines) ? 'return' : 'sale';
    const cost = order.costKnown === 0 ? null : kind === 'sale' ? Math.max(0, order.costMinor) : Math.min(0, order.costMinor);
    const unpaid = kind === 'return' ? 0 : order.paidMinor !== null ? Math.max(0, amount - order.paidMinor) : 0;
    const totals = {
      id: order.id, now, batch, amountMinor: amount, baseAmountMinor: convertMinor(amount, order.currency, order.rate, base), kind,
      costMinor: cost, baseCostMinor: cost === null ? null : convertMinor(cost, order.currency, order.rate, base),
      unpaidMinor: unpaid, baseUnpaidMinor: convertMinor(unpaid, order.currency, order.rate, base),
    } as const;
    if (order.written) this.sql.updateTotals(totals);
    else {
      this.sql.insertOrder({
        ...totals, customerId: order.customerId, date: order.date, currency: order.currency, rate: order.rate, base, note: order.note, orderNumber: order.number,
        dueDate: order.dueDate,
      });
      this.orders++;
      if (kind === 'return') this.returns++;
    }
    const first = order.lines - order.pending.length;
    const productIds = this.ctx.productIds(order.pending, order.currency, order.date);
    order.pending.forEach((line, i) => {
      this.sql.insertLine({
        id: newId(), orderId: order.id, position: first + i, productId: productIds[i] ?? null, sku: line.sku, name: line.name,
        quantity: line.quantity, unitPriceMinor: line.unitPriceMinor, amountMinor: line.amountMinor, costMinor: line.costMinor,
      });
    });
    this.lines += order.pending.length;
    this.pendingLines -= order.pending.length;
    order.pending = [];
    order.written = true;
  }
}

/**
 * The key the rows of one order share: its number compared as numbers are, else its record ID (the order-lines
 * export's 订单系统ID, which groups the lines of an order without a number), set apart by a character (NUL) no order
 * number is written with.
 */
function groupKey(number: string | null, recordId: string | null): string | null {
  if (number !== null) return orderNumberKeyOf(number);
  return recordId === null ? null : `\u0000${recordId}`;
}

function reopened(found: NumberedOrder, number: string | null, key: string, keyText: string): OpenOrder {
  return {
    id: found.id, number, key, keyText, customerId: found.customerId, date: found.date, currency: found.currency, rate: found.rate, written: true,
    amountMinor: found.amountMinor, costMinor: found.costMinor ?? 0, costKnown: found.costKnown, lines: found.lines, negativeLines: found.negativeLines,
    // What was paid stays what it was; the amount owed grows or shrinks with the lines.
    paidMinor: found.unpaidMinor > 0 ? found.amountMinor - found.unpaidMinor : null, dueDate: null, note: null, pending: [],
  };
}

/** The customer column to point at when rows of one order name different customers. */
function keyField(record: OrderRecord): string {
  const key = record.customer;
  return key.recordId !== null ? 'customerRecordId' : key.code !== null ? 'customerCode' : key.phone !== null ? 'customerPhone' : key.name !== null ? 'customerName' : 'customerCompany';
}
