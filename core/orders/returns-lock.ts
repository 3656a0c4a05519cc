import { invalidInput, type Issue, type ParsedInputOf } from '../../shared/contract';
import { firstLiveReturnDate, type OrderRecord } from '../../db/repos/orders';
import type { Db } from '../../db/open';

type SaleInput = ParsedInputOf<'orders:create'>;

/**
 * What an edit may not change on a sale while live returns stand against it. Each return was recorded on
 * the sale's customer, in its currency at its locked rate (so returning everything nets the sale out in
 * the base currency too) and on or after its day; an edit that moved any of these from under a return would
 * break that, so the returns have to go first. With returns standing and no rate typed, the sale keeps
 * the rate they were recorded at rather than whatever the FX table says by now.
 */
export function withReturnsLock(db: Db, sale: OrderRecord, input: SaleInput): SaleInput {
  const firstReturn = firstLiveReturnDate(db, sale.id);
  if (firstReturn === null) return input;
  const issues: Issue[] = [];
  const locked = { currency: sale.currency, rate: sale.fxRate };
  if (input.customerId !== sale.customerId) issues.push({ path: ['customerId'], key: 'order_has_returns' });
  if (input.currency !== sale.currency) issues.push({ path: ['currency'], key: 'returns_lock_rate', params: locked });
  // A sale in the base currency has rate 1 whatever is typed; only a foreign one can change rate.
  else if (input.fxRate != null && sale.currency !== sale.baseCurrency && input.fxRate !== sale.fxRate) issues.push({ path: ['fxRate'], key: 'returns_lock_rate', params: locked });
  if (input.orderDate > firstReturn) issues.push({ path: ['orderDate'], key: 'order_after_return', params: { date: firstReturn } });
  if (issues.length > 0) throw invalidInput(issues);
  return input.fxRate == null ? { ...input, fxRate: sale.fxRate } : input;
}
