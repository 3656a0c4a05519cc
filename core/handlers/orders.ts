import { eq, sql } from 'drizzle-orm';
import { invalidInput, notFound, type ParsedInputOf } from '../../shared/contract';
import { minorToDecimal } from '../../shared/domain/money';
import { orderNumberKeyOf } from '../../shared/domain/order-number';
import { findCustomer, refreshCustomerStats } from '../../db/repos/customers';
import {
  deletedOrdersOf,
  findOrder,
  liveOrdersOf,
  liveReturnCount,
  orderNumberHolder,
  orderViews,
  owingSales,
  returnedAgainst,
  type OrderRecord,
} from '../../db/repos/orders';
import { writeOrderLines } from '../../db/repos/order-lines';
import { closePayments, recordPayment } from '../../db/repos/order-payments';
import { productIdentityKey, productIdsOfOrder, refreshProductsLastSale, upsertProducts } from '../../db/repos/products';
import { findBatch } from '../../db/repos/imports';
import { readSettings } from '../../db/repos/settings';
import { orderLines, orders } from '../../db/schema';
import type { HandlerContext } from '../context';
import { newId } from '../ids';
import {
  checkCurrency,
  lockedRate,
  nonNegativeMinor,
  priceLines,
  resolveAmount,
  shareOf,
  tidyOrderNumber,
  toBase,
  type PricedLine,
} from '../orders/pricing';
import { carriedPayment, refuseOldCurrencyAmounts } from '../orders/currency-change';
import { paymentTerms } from '../orders/payment-terms';
import { withReturnsLock } from '../orders/returns-lock';
import { liveCustomerFor } from './live-customer';
import type { OrderPageChannel } from './order-pages';
import type { HandlerMap } from './types';

/** What a sale owes as its terms alone set it, written with them (the triggers then take off its live payments). */
const owedAsTerms = (c: { termsUnpaidMinor: number; termsBaseUnpaidMinor: number }) => ({ unpaidMinor: c.termsUnpaidMinor, baseUnpaidMinor: c.termsBaseUnpaidMinor });

/** Negation that never produces -0 (SQLite would store it as a REAL, which the integer CHECKs refuse). */
const negate = (minor: number) => (minor === 0 ? 0 : -minor);

// The customer file's paged reads of orders are core/handlers/order-pages.ts.
export function orderHandlers(ctx: HandlerContext): Omit<HandlerMap<'orders'>, OrderPageChannel> {
  const { db } = ctx;
  const load = (id: string) => {
    const row = findOrder(db, id);
    if (!row) throw notFound('order', id);
    return row;
  };
  const view = (id: string) => orderViews(db, [load(id)], ctx.clock.today())[0]!;

  // Named by whose order holds the number, its date and the number as typed there (INV-1 refused for inv-1), so
  // the user can find that order and tell a second entry of one invoice from two invoices numbered alike.
  const checkNumberFree = (orderNumber: string | null, exceptId?: string) => {
    const holder = orderNumber === null ? undefined : orderNumberHolder(db, orderNumber, exceptId);
    if (holder) {
      throw invalidInput([
        { path: ['orderNumber'], key: 'order_number_taken', params: { value: orderNumber!, customer: holder.customerName, date: holder.orderDate, number: holder.orderNumber } },
      ]);
    }
  };

  /** Writes an order's lines, making their products known (a sale also tells each product's latest price). */
  const writeLines = (orderId: string, lines: PricedLine[], sale: { currency: string; soldOn: string } | null, now: string) => {
    const productIds = upsertProducts(
      db,
      lines.map((l) => ({ sku: l.sku, name: l.name, sale: sale && l.quantity > 0 ? { unitPriceMinor: l.unitPriceMinor, currency: sale.currency, soldOn: sale.soldOn } : null })),
      { now, newId },
    );
    writeOrderLines(db, orderId, lines.map((l) => ({ productId: productIds.get(productIdentityKey(l.sku, l.name)) ?? null, ...l })), newId);
  };

  /** A sale's columns from the form; `existing` when editing (omitted fields then keep their values). */
  const priceSale = (input: ParsedInputOf<'orders:create'>, existing?: OrderRecord) => {
    liveCustomerFor(db, input.customerId);
    checkCurrency(input.currency);
    const { fxRate, baseCurrency } = lockedRate(ctx, input.currency, input.orderDate, input.fxRate);
    const lines = input.lines ? priceLines(input.lines, input.currency, 1) : null;
    const keptLinesTotal =
      !input.lines && existing
        ? (db.select({ n: sql<number>`count(*)`, total: sql<number>`coalesce(sum(${orderLines.amountMinor}), 0)` }).from(orderLines).where(eq(orderLines.orderId, existing.id)).get() ?? { n: 0, total: 0 })
        : { n: 0, total: 0 };
    if (existing) refuseOldCurrencyAmounts(existing, input, keptLinesTotal.n);
    const linesTotal = lines ? (lines.lines.length > 0 ? lines.totalMinor : null) : keptLinesTotal.n > 0 ? keptLinesTotal.total : null;
    const amountMinor = resolveAmount(input.amount, linesTotal, input.currency);
    const shown = input.amount ?? minorToDecimal(amountMinor, input.currency);
    const baseAmountMinor = toBase(amountMinor, input.currency, fxRate, baseCurrency, ['amount'], shown);
    if (existing) {
      // In the sale's own currency: with returns standing, its currency cannot change (withReturnsLock).
      const returned = -returnedAgainst(db, existing.id).minor;
      if (amountMinor < returned) {
        throw invalidInput([{ path: ['amount'], key: 'amount_below_returns', params: { value: shown, returned: minorToDecimal(returned, existing.currency), currency: existing.currency } }]);
      }
    }
    const costMinor =
      input.cost === undefined ? (existing?.costMinor ?? null) : input.cost === null ? null : nonNegativeMinor(input.cost, input.currency, ['cost'], 'cost_negative');
    const baseCostMinor = costMinor === null ? null : toBase(costMinor, input.currency, fxRate, baseCurrency, ['cost'], input.cost ?? String(costMinor));
    const payment = paymentTerms(carriedPayment(existing, input), amountMinor, input.currency, existing);
    // A due date typed before the order's own date is a slip (11-01 for 11-10): the sale would be overdue as it is saved.
    if (input.payment?.dueDate && input.payment.dueDate < input.orderDate) throw invalidInput([{ path: ['payment', 'dueDate'], key: 'due_before_order', params: { date: input.orderDate } }]);
    const orderNumber = input.orderNumber === undefined ? (existing?.orderNumber ?? null) : tidyOrderNumber(input.orderNumber);
    checkNumberFree(orderNumber, existing?.id);
    return {
      columns: {
        customerId: input.customerId,
        orderDate: input.orderDate,
        amountMinor,
        currency: input.currency,
        fxRate,
        baseCurrency,
        baseAmountMinor,
        note: input.note,
        orderNumber,
        orderNumberKey: orderNumberKeyOf(orderNumber),
        costMinor,
        baseCostMinor,
        termsUnpaidMinor: payment.unpaidMinor,
        termsBaseUnpaidMinor: toBase(payment.unpaidMinor, input.currency, fxRate, baseCurrency, ['payment', 'paid'], shown),
        paymentDueDate: payment.paymentDueDate,
      },
      lines: lines?.lines ?? null,
      restatesPayment: payment.restates,
    };
  };

  const setDeleted = (id: string, deleted: boolean) =>
    db.transaction(() => {
      const row = load(id);
      // Asked again (a second click, a script run twice): nothing changes. Writing would move the deletion's time
      // (and the order up the deleted list) and send the team an edit nobody made.
      if ((row.deletedAt !== null) === deleted) return view(id);
      if (deleted && row.kind === 'sale' && liveReturnCount(db, id) > 0) throw invalidInput([{ path: ['id'], key: 'order_has_returns' }]);
      if (!deleted && row.deletedAt !== null) {
        // An undone import took its orders with it (orders:deleted leaves them out): one brought back alone by its id
        // would stand beside the same order when the file is imported again, and be counted twice.
        if (row.importBatchId !== null && findBatch(db.$client, row.importBatchId)?.status === 'undone') throw invalidInput([{ path: ['id'], key: 'order_of_undone_import' }]);
        // Its base amount is in the base currency of its day; summed under another base it would be a wrong
        // figure (USD 780.00 read as ¥780), and no rate between the two bases is known to convert it.
        const { baseCurrency } = readSettings(db);
        if (row.baseCurrency !== baseCurrency) throw invalidInput([{ path: ['id'], key: 'order_other_base_currency', params: { stored: row.baseCurrency, base: baseCurrency } }]);
        // Back on a customer in the trash it would count nowhere; the customer comes back first.
        liveCustomerFor(db, row.customerId, ['id']);
        checkNumberFree(row.orderNumber, row.id);
        if (row.returnOfOrderId !== null) {
          const sale = load(row.returnOfOrderId);
          if (sale.deletedAt !== null) throw invalidInput([{ path: ['id'], key: 'return_of_deleted_order' }]);
          // The sale may have been edited while this return was deleted: it must still net the sale out at its rate, on or after its day.
          if (sale.currency !== row.currency || sale.fxRate !== row.fxRate) throw invalidInput([{ path: ['id'], key: 'return_sale_repriced', params: { currency: sale.currency, rate: sale.fxRate } }]);
          if (row.orderDate < sale.orderDate) throw invalidInput([{ path: ['id'], key: 'return_before_order', params: { date: sale.orderDate } }]);
          const left = sale.amountMinor + returnedAgainst(db, sale.id, row.id).minor;
          if (-row.amountMinor > left) throw invalidInput([{ path: ['amount'], key: 'return_exceeds_order', params: { left: minorToDecimal(left, sale.currency), currency: sale.currency } }]);
        }
      }
      const now = ctx.clock.now().toISOString();
      db.update(orders).set({ deletedAt: deleted ? now : null, updatedAt: now }).where(eq(orders.id, id)).run();
      refreshCustomerStats(db, row.customerId);
      // A product's last price may have been this sale's (or be it again).
      refreshProductsLastSale(db.$client, productIdsOfOrder(db.$client, id), now);
      return view(id);
    });

  return {
    'orders:list': ({ customerId }) => {
      // An unknown id (a typo, a customer from another file) has no orders rather than none yet: "0 orders" would
      // read as a real customer's empty history. One in the trash or merged away still lists what it had.
      if (!findCustomer(db, customerId)) throw notFound('customer', customerId);
      const today = ctx.clock.today();
      const owing = owingSales(db, customerId);
      return {
        orders: orderViews(db, liveOrdersOf(db, customerId), today),
        balanceBaseMinor: owing.reduce((sum, s) => sum + s.baseBalanceMinor, 0),
        overdueBaseMinor: owing.filter((s) => s.paymentDueDate !== null && s.paymentDueDate < today).reduce((sum, s) => sum + s.baseBalanceMinor, 0),
        baseCurrency: readSettings(db).baseCurrency,
      };
    },

    'orders:create': (input) =>
      db.transaction(() => {
        const { columns, lines } = priceSale(input);
        const now = ctx.clock.now().toISOString();
        const id = newId();
        db.insert(orders).values({ id, createdAt: now, updatedAt: now, kind: 'sale', ...columns, ...owedAsTerms(columns) }).run();
        if (lines) writeLines(id, lines, { currency: columns.currency, soldOn: columns.orderDate }, now);
        refreshCustomerStats(db, columns.customerId);
        return view(id);
      }),

    'orders:update': ({ id, order }) =>
      db.transaction(() => {
        const before = load(id);
        // An order in the trash counts nowhere: an edit there would change what a restore brings back, unseen.
        if (before.deletedAt !== null) throw invalidInput([{ path: ['id'], key: 'order_in_trash' }]);
        if (before.kind === 'return') throw invalidInput([{ path: ['id'], key: 'return_not_editable' }]);
        const { columns, lines, restatesPayment } = priceSale(withReturnsLock(db, before, order), before);
        const now = ctx.clock.now().toISOString();
        const productsBefore = productIdsOfOrder(db.$client, id);
        if (restatesPayment) closePayments(db.$client, id, now);
        db.update(orders).set({ ...columns, ...owedAsTerms(columns), ...(restatesPayment ? { termsSetAt: now } : {}), updatedAt: now }).where(eq(orders.id, id)).run();
        if (lines) writeLines(id, lines, { currency: columns.currency, soldOn: columns.orderDate }, now);
        // Its lines, date or currency changed: the products it named (before or now) take their latest live sale's price.
        refreshProductsLastSale(db.$client, [...productsBefore, ...productIdsOfOrder(db.$client, id)], now);
        refreshCustomerStats(db, columns.customerId);
        if (before.customerId !== columns.customerId) refreshCustomerStats(db, before.customerId);
        return view(id);
      }),

    'orders:delete': ({ id }) => setDeleted(id, true),
    'orders:restore': ({ id }) => setDeleted(id, false),

    'orders:deleted': ({ customerId, limit }) => {
      if (!findCustomer(db, customerId)) throw notFound('customer', customerId);
      const { rows, total } = deletedOrdersOf(db, customerId, limit);
      const views = orderViews(db, rows, ctx.clock.today());
      return { orders: views.map((view, i) => ({ ...view, deletedAt: rows[i]!.deletedAt! })), total };
    },

    'orders:return': (input) =>
      db.transaction(() => {
        const orderDate = input.orderDate ?? ctx.clock.today();
        let sale: OrderRecord | null = null;
        let customerId: string;
        let currency: string;
        let rate: { fxRate: number; baseCurrency: string };
        if (input.orderId !== undefined) {
          sale = findOrder(db, input.orderId) ?? null;
          if (!sale || sale.deletedAt !== null) throw notFound('order', input.orderId);
          if (sale.kind !== 'sale') throw invalidInput([{ path: ['orderId'], key: 'return_needs_sale' }]);
          if (input.customerId !== undefined && input.customerId !== sale.customerId) throw invalidInput([{ path: ['customerId'], key: 'invalid_value' }]);
          if (input.currency !== undefined && input.currency !== sale.currency) throw invalidInput([{ path: ['currency'], key: 'return_currency_differs', params: { currency: sale.currency } }]);
          if (orderDate < sale.orderDate) throw invalidInput([{ path: ['orderDate'], key: 'return_before_order', params: { date: sale.orderDate } }]);
          liveCustomerFor(db, sale.customerId, ['orderId']);
          customerId = sale.customerId;
          currency = sale.currency;
          // The sale's locked rate, so a full return nets its base amount out exactly.
          rate = { fxRate: sale.fxRate, baseCurrency: sale.baseCurrency };
        } else {
          customerId = input.customerId!;
          liveCustomerFor(db, customerId);
          if (input.currency === undefined) throw invalidInput([{ path: ['currency'], key: 'required' }]);
          currency = input.currency;
          checkCurrency(currency);
          rate = lockedRate(ctx, currency, orderDate, input.fxRate);
        }
        const lines = input.lines && input.lines.length > 0 ? priceLines(input.lines, currency, -1) : null;
        const earlier = sale ? returnedAgainst(db, sale.id) : null;
        const left = sale ? sale.amountMinor + earlier!.minor : undefined;
        if (left === 0 && input.amount === undefined && !lines) throw invalidInput([{ path: ['amount'], key: 'nothing_to_return' }]);
        const amountMinor = resolveAmount(input.amount, lines ? -lines.totalMinor : null, currency, left);
        // A return of nothing records nothing (goods given free and sent back are a return with their lines).
        if (amountMinor === 0 && !lines) throw invalidInput([{ path: ['amount'], key: 'return_amount_zero' }]);
        if (left !== undefined && amountMinor > left) {
          throw invalidInput([{ path: ['amount'], key: 'return_exceeds_order', params: { left: minorToDecimal(left, currency), currency } }]);
        }
        const shown = input.amount ?? minorToDecimal(amountMinor, currency);
        // Against a sale, a figure of the sale (base amount, cost) comes back as its share up to the end of
        // this return less what earlier returns took of it (shareOf), so returning a sale in parts nets it
        // out exactly, as returning it at once does: three returns of 1 of 3 JPY leave no cent owed.
        const slice = (total: number, takenBefore: number) => Math.max(0, shareOf(total, sale!.amountMinor - left! + amountMinor, sale!.amountMinor) + takenBefore);
        const typedCost = input.cost != null ? nonNegativeMinor(input.cost, currency, ['cost'], 'cost_negative') : null;
        // Cost back: as typed, else the returned share of the sale's cost, so profit nets out with revenue.
        const costMinor = typedCost ?? (sale && sale.costMinor !== null && sale.amountMinor > 0 ? slice(sale.costMinor, earlier!.costMinor) : null);
        const baseAmountMinor =
          sale && sale.amountMinor > 0 ? slice(sale.baseAmountMinor, earlier!.baseMinor) : toBase(amountMinor, currency, rate.fxRate, rate.baseCurrency, ['amount'], shown);
        const baseCostMinor =
          costMinor === null
            ? null
            : typedCost === null && sale && sale.baseCostMinor !== null
              ? slice(sale.baseCostMinor, earlier!.baseCostMinor)
              : toBase(costMinor, currency, rate.fxRate, rate.baseCurrency, ['cost'], shown);
        const orderNumber = tidyOrderNumber(input.orderNumber);
        checkNumberFree(orderNumber);
        const now = ctx.clock.now().toISOString();
        const id = newId();
        db.insert(orders)
          .values({
            id,
            createdAt: now,
            updatedAt: now,
            customerId,
            orderDate,
            kind: 'return',
            returnOfOrderId: sale?.id ?? null,
            amountMinor: negate(amountMinor),
            currency,
            ...rate,
            baseAmountMinor: negate(baseAmountMinor),
            costMinor: costMinor === null ? null : negate(costMinor),
            baseCostMinor: baseCostMinor === null ? null : negate(baseCostMinor),
            unpaidMinor: 0,
            baseUnpaidMinor: 0,
            termsUnpaidMinor: 0,
            termsBaseUnpaidMinor: 0,
            paymentDueDate: null,
            orderNumber,
            orderNumberKey: orderNumberKeyOf(orderNumber),
            note: input.note,
          })
          .run();
        if (lines) writeLines(id, lines.lines, null, now);
        refreshCustomerStats(db, customerId);
        return view(id);
      }),

    'orders:record-payment': ({ id, amount }) =>
      db.transaction(() => {
        const row = load(id);
        if (row.deletedAt !== null) throw notFound('order', id);
        const current = view(id);
        if (row.kind !== 'sale' || current.balanceMinor === 0) throw invalidInput([{ path: ['id'], key: 'nothing_owed' }]);
        const paid = amount === undefined ? current.balanceMinor : nonNegativeMinor(amount, row.currency, ['amount'], 'paid_out_of_range');
        if (paid === 0 || paid > current.balanceMinor) {
          throw invalidInput([{ path: ['amount'], key: 'payment_out_of_range', params: { value: amount ?? '', balance: minorToDecimal(current.balanceMinor, row.currency) } }]);
        }
        // A row of its own, not a new unpaid amount written over the order: a payment recorded on another laptop
        // before the two synced still counts (docs/orders.md, Payments). The order's unpaid amount follows by trigger.
        recordPayment(db.$client, { orderId: id, amountMinor: paid, paidOn: ctx.clock.today(), now: ctx.clock.now().toISOString(), newId });
        return view(id);
      }),
  };
}
