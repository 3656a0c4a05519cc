import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
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
  },
  (t) => [
    check('orders_date_valid', isCalendarDate('order_date')),
    check('orders_amount_positive', sql`${t.amountMinor} > 0`),
    check('orders_currency_iso', sql`length(${t.currency}) = 3 AND ${t.currency} = upper(${t.currency})`),
    check('orders_base_currency_iso', sql`length(${t.baseCurrency}) = 3 AND ${t.baseCurrency} = upper(${t.baseCurrency})`),
    check('orders_fx_rate_positive', sql`${t.fxRate} > 0`),
    check('orders_base_amount_non_negative', sql`${t.baseAmountMinor} >= 0`),
    check('orders_amount_safe_integer', isSafeInteger('amount_minor')),
    check('orders_base_amount_safe_integer', isSafeInteger('base_amount_minor')),
    check('orders_fx_rate_range', isFxRateInRange('fx_rate', MIN_FX_RATE, MAX_FX_RATE)),
    index('orders_customer_date').on(t.customerId, t.orderDate),
    index('orders_date').on(t.orderDate),
    index('orders_import_batch').on(t.importBatchId),
  ],
);
