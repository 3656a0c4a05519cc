import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { customers, orderLines, orders } from '../schema';
import type { Order, OrderLine } from '../../shared/contract/orders';
import { orderNumberKey } from '../../shared/domain/order-number';
import { overpaidByOrder } from './order-payments';

export type OrderRecord = typeof orders.$inferSelect;

export function findOrder(db: Db, id: string): OrderRecord | undefined {
  return db.select().from(orders).where(eq(orders.id, id)).get();
}

/** The order holding a number, as a refusal names it: whose it is, its date, and the number as it was typed there. */
export interface NumberHolder {
  id: string;
  customerName: string;
  orderDate: string;
  orderNumber: string;
}

/**
 * A live order other than `exceptId` holding this order number, compared as numbers are (orderNumberKey: INV-1 is
 * inv-1): one look-up in the unique index of live keys. Only live orders hold a number, so a deleted one is never
 * named (its customer, date and number stay in the trash).
 */
export function orderNumberHolder(db: Db, orderNumber: string, exceptId?: string): NumberHolder | undefined {
  const holder = db
    .select({ id: orders.id, customerName: customers.name, orderDate: orders.orderDate, orderNumber: orders.orderNumber })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(and(eq(orders.orderNumberKey, orderNumberKey(orderNumber)), isNull(orders.deletedAt), exceptId ? sql`${orders.id} <> ${exceptId}` : undefined))
    .get();
  return holder && { ...holder, orderNumber: holder.orderNumber ?? orderNumber };
}

/** Live returns recorded against a sale, as negative totals (amount and cost) in its currency and in the base currency. */
export function returnedAgainst(db: Db, saleId: string, exceptReturnId?: string): { minor: number; baseMinor: number; costMinor: number; baseCostMinor: number } {
  const row = db
    .select({
      minor: sql<number>`coalesce(sum(${orders.amountMinor}), 0)`,
      baseMinor: sql<number>`coalesce(sum(${orders.baseAmountMinor}), 0)`,
      costMinor: sql<number>`coalesce(sum(${orders.costMinor}), 0)`,
      baseCostMinor: sql<number>`coalesce(sum(${orders.baseCostMinor}), 0)`,
    })
    .from(orders)
    .where(and(eq(orders.returnOfOrderId, saleId), isNull(orders.deletedAt), exceptReturnId ? sql`${orders.id} <> ${exceptReturnId}` : undefined))
    .get();
  return { minor: row?.minor ?? 0, baseMinor: row?.baseMinor ?? 0, costMinor: row?.costMinor ?? 0, baseCostMinor: row?.baseCostMinor ?? 0 };
}

export function liveReturnCount(db: Db, saleId: string): number {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(orders)
    .where(and(eq(orders.returnOfOrderId, saleId), isNull(orders.deletedAt)))
    .get()!.n;
}

/** The day of the earliest live return recorded against a sale; null when none stands. */
export function firstLiveReturnDate(db: Db, saleId: string): string | null {
  return (
    db
      .select({ day: sql<string | null>`min(${orders.orderDate})` })
      .from(orders)
      .where(and(eq(orders.returnOfOrderId, saleId), isNull(orders.deletedAt)))
      .get()?.day ?? null
  );
}

function linesByOrder(db: Db, orderIds: readonly string[]): Map<string, OrderLine[]> {
  const byOrder = new Map<string, OrderLine[]>();
  for (let i = 0; i < orderIds.length; i += 500) {
    const rows = db
      .select()
      .from(orderLines)
      .where(inArray(orderLines.orderId, orderIds.slice(i, i + 500)))
      // Two laptops can each add a line at one position (db/repos/order-lines.ts): the id orders them alike everywhere.
      .orderBy(asc(orderLines.orderId), asc(orderLines.position), asc(orderLines.id))
      .all();
    for (const r of rows) {
      const list = byOrder.get(r.orderId) ?? [];
      list.push({ id: r.id, position: r.position, productId: r.productId, sku: r.sku, name: r.name, quantity: r.quantity, unitPriceMinor: r.unitPriceMinor, amountMinor: r.amountMinor });
      byOrder.set(r.orderId, list);
    }
  }
  return byOrder;
}

/** Live returns per sale, negative totals. */
function returnsBySale(db: Db, saleIds: readonly string[]): Map<string, { minor: number; baseMinor: number }> {
  const totals = new Map<string, { minor: number; baseMinor: number }>();
  for (let i = 0; i < saleIds.length; i += 500) {
    const rows = db
      .select({ saleId: orders.returnOfOrderId, minor: sql<number>`sum(${orders.amountMinor})`, baseMinor: sql<number>`sum(${orders.baseAmountMinor})` })
      .from(orders)
      .where(and(inArray(orders.returnOfOrderId, saleIds.slice(i, i + 500)), isNull(orders.deletedAt)))
      .groupBy(orders.returnOfOrderId)
      .all();
    for (const r of rows) totals.set(r.saleId!, { minor: r.minor, baseMinor: r.baseMinor });
  }
  return totals;
}

/**
 * What a sale still owes: what was left unpaid (amount − paid) less what has been returned of it, never
 * below zero — goods sent back on credit cancel that much of the debt; beyond it, the return was refunded.
 */
export function balanceOf(unpaidMinor: number, returnedNegativeMinor: number): number {
  return Math.max(0, unpaidMinor + returnedNegativeMinor);
}

/** Orders as the contract shows them, with lines, returns, balance and payment status derived. */
export function orderViews(db: Db, rows: readonly OrderRecord[], today: string): Order[] {
  const ids = rows.map((r) => r.id);
  const lines = linesByOrder(db, ids);
  const saleIds = rows.filter((r) => r.kind === 'sale').map((r) => r.id);
  const returns = returnsBySale(db, saleIds);
  const overpaid = overpaidByOrder(db.$client, saleIds);
  return rows.map((row) => {
    const returned = returns.get(row.id) ?? { minor: 0, baseMinor: 0 };
    const sale = row.kind === 'sale';
    const balanceMinor = sale ? balanceOf(row.unpaidMinor, returned.minor) : 0;
    // Nothing owed in the sale's currency is nothing owed in the base one (a cent of rounding is no debt).
    const baseBalanceMinor = balanceMinor > 0 ? balanceOf(row.baseUnpaidMinor, returned.baseMinor) : 0;
    return {
      id: row.id,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      customerId: row.customerId,
      orderDate: row.orderDate,
      amountMinor: row.amountMinor,
      currency: row.currency,
      fxRate: row.fxRate,
      baseCurrency: row.baseCurrency,
      baseAmountMinor: row.baseAmountMinor,
      note: row.note,
      orderNumber: row.orderNumber,
      kind: row.kind,
      returnOfOrderId: row.returnOfOrderId,
      costMinor: row.costMinor,
      baseCostMinor: row.baseCostMinor,
      profitMinor: row.costMinor === null ? null : row.amountMinor - row.costMinor,
      unpaidMinor: row.unpaidMinor,
      baseUnpaidMinor: row.baseUnpaidMinor,
      // A due date stays on the order when payments (rows of their own) settle it: shown only while something is unpaid.
      paymentDueDate: row.unpaidMinor > 0 ? row.paymentDueDate : null,
      returnedMinor: -returned.minor,
      balanceMinor,
      baseBalanceMinor,
      overpaidMinor: overpaid.get(row.id) ?? 0,
      paymentStatus: !sale ? null : balanceMinor === 0 ? 'paid' : row.unpaidMinor === row.amountMinor ? 'unpaid' : 'part',
      overdue: balanceMinor > 0 && row.paymentDueDate !== null && row.paymentDueDate < today,
      lines: lines.get(row.id) ?? [],
    };
  });
}

/**
 * A customer's orders deleted by hand, the latest deleted first, at most `limit`, and how many there are: what the
 * customer file lists to bring back. An undone import's orders are not among them: they went with their import, and
 * come back only by importing the file again.
 */
export function deletedOrdersOf(db: Db, customerId: string, limit: number): { rows: OrderRecord[]; total: number } {
  const byHand = sql`${orders.customerId} = ${customerId} AND ${orders.deletedAt} IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM import_batches b WHERE b.id = ${orders.importBatchId} AND b.status = 'undone')`;
  const rows = db.select().from(orders).where(byHand).orderBy(sql`${orders.deletedAt} DESC`, asc(orders.id)).limit(limit).all();
  const total = db.select({ n: sql<number>`count(*)` }).from(orders).where(byHand).get()?.n ?? 0;
  return { rows, total };
}

export function liveOrdersOf(db: Db, customerId: string): OrderRecord[] {
  return db
    .select()
    .from(orders)
    .where(and(eq(orders.customerId, customerId), isNull(orders.deletedAt)))
    .orderBy(asc(orders.orderDate), asc(orders.id))
    .all();
}

/**
 * SQL: the base-currency balance one live sale `o` still owes (0 when settled), for sums over many: 0
 * whenever nothing is owed in the sale's own currency, as orderViews says (the base figures are rounded
 * apart, and a cent of rounding left over is no debt). Only sales with unpaid_minor > 0 can owe anything,
 * which the partial index orders_unpaid serves.
 */
// INDEXED BY: most orders are no return, and SQLite's statistics count their NULLs as one value of the index, so after
// ANALYZE the planner read the whole table once per owing sale (a quarter of a second for a customer owing on 356 sales).
const returnsOfSale = (column: string) => `coalesce((SELECT sum(r.${column}) FROM orders r INDEXED BY orders_return_of WHERE r.return_of_order_id = o.id AND r.deleted_at IS NULL), 0)`;
export const SALE_BASE_BALANCE = `CASE WHEN o.unpaid_minor + ${returnsOfSale('amount_minor')} > 0 THEN max(0, o.base_unpaid_minor + ${returnsOfSale('base_amount_minor')}) ELSE 0 END`;
export const saleBaseBalanceSql = sql.raw(SALE_BASE_BALANCE);

/** A customer's live sales that still owe something, with their base balance: the source of every balance figure. */
export function owingSales(db: Db, customerId: string): { id: string; baseBalanceMinor: number; paymentDueDate: string | null }[] {
  return db.all<{ id: string; baseBalanceMinor: number; paymentDueDate: string | null }>(sql`
    SELECT o.id AS id, ${saleBaseBalanceSql} AS baseBalanceMinor, o.payment_due_date AS paymentDueDate
    FROM orders o
    WHERE o.customer_id = ${customerId} AND o.kind = 'sale' AND o.unpaid_minor > 0 AND o.deleted_at IS NULL`).filter((r) => r.baseBalanceMinor > 0);
}
