import { and, asc, eq, isNull } from 'drizzle-orm';
import { invalidInput, notFound, type ParsedInputOf } from '../../shared/contract';
import { convertMinor, isCurrencyCode, isStorableMinor, parseAmount } from '../../shared/domain/money';
import { findCustomer, refreshCustomerStats } from '../../db/repos/customers';
import { toOrder } from '../../db/repos/rows';
import { fxRateOn, readSettings } from '../../db/repos/settings';
import { orders } from '../../db/schema';
import type { HandlerContext } from '../context';
import { newId } from '../ids';
import type { HandlerMap } from './types';

const AMOUNT_ISSUE = { empty: 'required', not_a_number: 'invalid_amount', too_many_decimals: 'amount_too_many_decimals', too_large: 'amount_too_large' } as const;

/** Validates an order against the data (amount digits, FX rate) and computes its locked base amount. */
function priceOrder(ctx: HandlerContext, input: ParsedInputOf<'orders:create'>) {
  if (!findCustomer(ctx.db, input.customerId)) throw notFound('customer', input.customerId);
  if (!isCurrencyCode(input.currency)) throw invalidInput([{ path: ['currency'], key: 'invalid_currency' }]);
  const amount = parseAmount(input.amount, input.currency);
  if (!amount.ok) throw invalidInput([{ path: ['amount'], key: AMOUNT_ISSUE[amount.reason], params: { value: input.amount } }]);
  if (amount.minor <= 0) throw invalidInput([{ path: ['amount'], key: 'amount_not_positive', params: { value: input.amount } }]);
  const { baseCurrency } = readSettings(ctx.db);
  const fxRate = input.currency === baseCurrency ? 1 : (input.fxRate ?? fxRateOn(ctx.db, input.currency, input.orderDate)?.rate);
  if (fxRate === undefined) throw invalidInput([{ path: ['fxRate'], key: 'no_fx_rate', params: { currency: input.currency, date: input.orderDate } }]);
  const baseAmountMinor = convertMinor(amount.minor, input.currency, fxRate, baseCurrency);
  // A large amount at a high rate can pass both checks and still convert to more than a number holds exactly.
  if (!isStorableMinor(baseAmountMinor)) throw invalidInput([{ path: ['amount'], key: 'amount_too_large', params: { value: input.amount } }]);
  return {
    customerId: input.customerId,
    orderDate: input.orderDate,
    amountMinor: amount.minor,
    currency: input.currency,
    fxRate,
    baseCurrency,
    baseAmountMinor,
    note: input.note,
  };
}

export function orderHandlers(ctx: HandlerContext): HandlerMap<'orders'> {
  const { db } = ctx;
  const load = (id: string) => {
    const row = db.select().from(orders).where(eq(orders.id, id)).get();
    if (!row) throw notFound('order', id);
    return row;
  };
  const setDeleted = (id: string, deleted: boolean) =>
    db.transaction(() => {
      const row = load(id);
      const now = ctx.clock.now().toISOString();
      db.update(orders).set({ deletedAt: deleted ? now : null, updatedAt: now }).where(eq(orders.id, id)).run();
      refreshCustomerStats(db, row.customerId);
      return toOrder(load(id));
    });

  return {
    'orders:list': ({ customerId }) => ({
      orders: db
        .select()
        .from(orders)
        .where(and(eq(orders.customerId, customerId), isNull(orders.deletedAt)))
        .orderBy(asc(orders.orderDate), asc(orders.id))
        .all()
        .map(toOrder),
    }),

    'orders:create': (input) =>
      db.transaction(() => {
        const priced = priceOrder(ctx, input);
        const now = ctx.clock.now().toISOString();
        const id = newId();
        db.insert(orders).values({ id, createdAt: now, updatedAt: now, ...priced }).run();
        refreshCustomerStats(db, priced.customerId);
        return toOrder(load(id));
      }),

    'orders:update': ({ id, order }) =>
      db.transaction(() => {
        const before = load(id);
        const priced = priceOrder(ctx, order);
        db.update(orders).set({ ...priced, updatedAt: ctx.clock.now().toISOString() }).where(eq(orders.id, id)).run();
        refreshCustomerStats(db, priced.customerId);
        if (before.customerId !== priced.customerId) refreshCustomerStats(db, before.customerId);
        return toOrder(load(id));
      }),

    'orders:delete': ({ id }) => setDeleted(id, true),
    'orders:restore': ({ id }) => setDeleted(id, false),
  };
}
