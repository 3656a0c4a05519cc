import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { MAX_FX_RATE, MIN_FX_RATE } from '../../shared/domain/money';
import { isCalendarDate, isFxRateInRange, isSafeInteger, rowIdentity } from './columns';
import { customers } from './customers';

export const orders = sqliteTable(
  'orders',
  {
    ...rowIdentity,
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    orderDate: text('order_date').notNull(),
    /** Integer minor units of `currency`. */
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    /** Base-currency units per one unit of `currency`, locked at the order date. */
    fxRate: real('fx_rate').notNull(),
    baseCurrency: text('base_currency').notNull(),
    /** amount converted at fx_rate, in the base currency's minor units; what every analysis sums. */
    baseAmountMinor: integer('base_amount_minor').notNull(),
    note: text('note'),
    /** The import that created this order (see import_batches). */
    importBatchId: text('import_batch_id'),
    /** The business's own order or invoice number (单号), as typed (trimmed); shown wherever the order is. */
    orderNumber: text('order_number'),
    /**
     * The number in the form numbers are compared in (shared/domain/order-number.ts: width and case folded, so
     * INV-1, inv-1 and ＩＮＶ－１ are one number); null exactly when orderNumber is. Unique among live orders.
     * Written with orderNumber by every writer, derived and never synced (each laptop derives it).
     */
    orderNumberKey: text('order_number_key'),
    /**
     * 'sale' or 'return'. A return carries a negative amount (and cost), optionally against the sale it
     * returns; it nets out of revenue and profit wherever orders are summed.
     */
    kind: text('kind', { enum: ['sale', 'return'] }).notNull().default('sale'),
    /** The sale a return is recorded against; null for a standalone return and for every sale. */
    returnOfOrderId: text('return_of_order_id'),
    /** Cost of goods in minor units of `currency`; null when unknown (profit then falls back to revenue). */
    costMinor: integer('cost_minor'),
    /** costMinor converted at the same locked fx_rate. */
    baseCostMinor: integer('base_cost_minor'),
    /**
     * What the customer still owes on this order, minor units of `currency`: 0 = paid in full (赊账 when > 0).
     * Derived on every laptop, never written by hand: termsUnpaidMinor less the order's live payments, never below 0
     * (triggers of migration 0041 keep it in the writing transaction: order_payments, docs/orders.md).
     */
    unpaidMinor: integer('unpaid_minor').notNull().default(0),
    /** unpaidMinor in the base currency: termsBaseUnpaidMinor scaled by what is still unpaid of the terms. */
    baseUnpaidMinor: integer('base_unpaid_minor').notNull().default(0),
    /**
     * What the order's own terms leave unpaid (at create or edit: paid, unpaid, part paid), before the payments
     * recorded against it since. Travels with the order; two payments recorded on two laptops then both count.
     */
    termsUnpaidMinor: integer('terms_unpaid_minor').notNull().default(0),
    /** termsUnpaidMinor converted at the order's locked fx_rate. */
    termsBaseUnpaidMinor: integer('terms_base_unpaid_minor').notNull().default(0),
    /**
     * When an edit last stated the order's payment (paid / unpaid / part paid), which closed the payments that laptop
     * knew with this same time (order_payments.closed_at): a payment closed by an edit whose terms did not stand (two
     * laptops restated the order offline) still counts. Null until the first such edit.
     */
    termsSetAt: text('terms_set_at'),
    /** When the unpaid amount falls due (月结 etc.); null = no agreed date. */
    paymentDueDate: text('payment_due_date'),
    /** Who created and who last changed the row (this laptop's person when it did); docs/team.md. */
    createdBy: text('created_by'),
    updatedBy: text('updated_by'),
  },
  (t) => [
    check('orders_date_valid', isCalendarDate('order_date')),
    // A sale is worth zero or more (zero: a free sample), a return zero or less; any other kind fails here.
    check('orders_amount_sign', sql`(${t.kind} = 'sale' AND ${t.amountMinor} >= 0) OR (${t.kind} = 'return' AND ${t.amountMinor} <= 0)`),
    check('orders_return_of_only_returns', sql`${t.returnOfOrderId} IS NULL OR ${t.kind} = 'return'`),
    check('orders_currency_iso', sql`length(${t.currency}) = 3 AND ${t.currency} = upper(${t.currency})`),
    check('orders_base_currency_iso', sql`length(${t.baseCurrency}) = 3 AND ${t.baseCurrency} = upper(${t.baseCurrency})`),
    check('orders_fx_rate_positive', sql`${t.fxRate} > 0`),
    check('orders_base_amount_sign', sql`(${t.kind} = 'sale' AND ${t.baseAmountMinor} >= 0) OR (${t.kind} = 'return' AND ${t.baseAmountMinor} <= 0)`),
    check('orders_cost_pairs', sql`(${t.costMinor} IS NULL) = (${t.baseCostMinor} IS NULL)`),
    check('orders_cost_sign', sql`${t.costMinor} IS NULL OR (${t.kind} = 'sale' AND ${t.costMinor} >= 0 AND ${t.baseCostMinor} >= 0) OR (${t.kind} = 'return' AND ${t.costMinor} <= 0 AND ${t.baseCostMinor} <= 0)`),
    check('orders_cost_safe_integer', sql`${t.costMinor} IS NULL OR (${isSafeInteger('cost_minor')} AND ${isSafeInteger('base_cost_minor')})`),
    // Only a sale can be owed on, and never more than its amount.
    check('orders_unpaid_range', sql`${t.unpaidMinor} >= 0 AND ${t.baseUnpaidMinor} >= 0 AND ${t.unpaidMinor} <= max(${t.amountMinor}, 0) AND (${t.kind} = 'sale' OR ${t.unpaidMinor} = 0)`),
    check('orders_unpaid_safe_integer', sql`${isSafeInteger('unpaid_minor')} AND ${isSafeInteger('base_unpaid_minor')}`),
    check('orders_payment_due_valid', sql`${t.paymentDueDate} IS NULL OR ${isCalendarDate('payment_due_date')}`),
    check('orders_number_not_blank', sql`${t.orderNumber} IS NULL OR length(trim(${t.orderNumber})) > 0`),
    check('orders_amount_safe_integer', isSafeInteger('amount_minor')),
    check('orders_base_amount_safe_integer', isSafeInteger('base_amount_minor')),
    check('orders_fx_rate_range', isFxRateInRange('fx_rate', MIN_FX_RATE, MAX_FX_RATE)),
    index('orders_customer_date').on(t.customerId, t.orderDate),
    index('orders_date').on(t.orderDate),
    index('orders_import_batch').on(t.importBatchId),
    uniqueIndex('orders_number_key_live').on(t.orderNumberKey).where(sql`${t.orderNumberKey} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    index('orders_return_of').on(t.returnOfOrderId),
    index('orders_unpaid').on(t.customerId).where(sql`${t.unpaidMinor} > 0 AND ${t.deletedAt} IS NULL`),
  ],
);

/**
 * The line items of an order (product, quantity, unit price). When an order has lines, its amount is the
 * sum of their amounts; lines of a return carry negative quantities. Lines live and die with their order
 * (no soft delete of their own: the order's deleted_at covers them).
 */
export const orderLines = sqliteTable(
  'order_lines',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    /** 0-based position on the order, as entered or imported. */
    position: integer('position').notNull(),
    productId: text('product_id').references(() => products.id),
    sku: text('sku'),
    name: text('name').notNull(),
    /** Units sold; fractional for goods sold by weight, negative on a return. */
    quantity: real('quantity').notNull(),
    /** Price of one unit in minor units of the order's currency. */
    unitPriceMinor: integer('unit_price_minor').notNull(),
    /** round(quantity × unitPriceMinor): what the line adds to the order's amount. */
    amountMinor: integer('amount_minor').notNull(),
    /** Cost of the line's goods in minor units of the order's currency, when known. */
    costMinor: integer('cost_minor'),
  },
  (t) => [
    check('order_lines_name_not_blank', sql`length(trim(${t.name})) > 0`),
    check('order_lines_quantity_range', sql`typeof(${t.quantity}) IN ('integer','real') AND ${t.quantity} BETWEEN -1000000000 AND 1000000000 AND ${t.quantity} <> 0`),
    check('order_lines_unit_price_safe', sql`${isSafeInteger('unit_price_minor')} AND ${t.unitPriceMinor} >= 0`),
    check('order_lines_amount_safe', isSafeInteger('amount_minor')),
    check('order_lines_cost_safe', sql`${t.costMinor} IS NULL OR ${isSafeInteger('cost_minor')}`),
    check('order_lines_position_non_negative', sql`${t.position} >= 0`),
    // Not unique: two laptops adding a line to one order offline can both put theirs at the same position (docs/team.md,
    // Merge rules); lines are read in (position, id) order, the same on every laptop.
    index('order_lines_order_position').on(t.orderId, t.position),
    index('order_lines_product').on(t.productId),
  ],
);

/**
 * Products, grown from what is entered or imported on order lines (no catalogue chore). Identified by SKU
 * when there is one, else by the folded name; `identityKey` holds that ('sku:ABC-1' / 'name:green tea').
 */
export const products = sqliteTable(
  'products',
  {
    ...rowIdentity,
    identityKey: text('identity_key').notNull(),
    sku: text('sku'),
    name: text('name').notNull(),
    /** Lower-case search keys (name, pinyin, initials, SKU) joined by spaces, like customers.search_text. */
    searchText: text('search_text').notNull().default(''),
    lastUnitPriceMinor: integer('last_unit_price_minor'),
    lastCurrency: text('last_currency'),
    lastSoldOn: text('last_sold_on'),
  },
  (t) => [
    check('products_name_not_blank', sql`length(trim(${t.name})) > 0`),
    check('products_last_price_safe', sql`${t.lastUnitPriceMinor} IS NULL OR ${isSafeInteger('last_unit_price_minor')}`),
    check('products_last_sold_valid', sql`${t.lastSoldOn} IS NULL OR ${isCalendarDate('last_sold_on')}`),
    uniqueIndex('products_identity_live').on(t.identityKey).where(sql`${t.deletedAt} IS NULL`),
  ],
);

/**
 * A payment received on an order, one row each (orders:record-payment), so that payments recorded on two laptops
 * before they sync both count: what is owed (orders.unpaid_minor) is derived from the order's terms less these.
 */
export const orderPayments = sqliteTable(
  'order_payments',
  {
    ...rowIdentity,
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    /** Minor units of the order's currency. */
    amountMinor: integer('amount_minor').notNull(),
    /** The day it was paid. */
    paidOn: text('paid_on').notNull(),
    /** Who recorded it (this laptop's person in a team; null in a single-user book). */
    recordedBy: text('recorded_by'),
    /**
     * The latest edit of the order on a laptop that knew this payment and restated the order's payment (paid / unpaid /
     * part paid), taking it into the order's terms: while those terms stand (orders.terms_set_at is this time) it no
     * longer subtracts, but stays listed.
     */
    closedAt: text('closed_at'),
  },
  (t) => [
    check('order_payments_amount_positive', sql`${isSafeInteger('amount_minor')} AND ${t.amountMinor} > 0`),
    check('order_payments_paid_on_valid', isCalendarDate('paid_on')),
    index('order_payments_order').on(t.orderId),
  ],
);
