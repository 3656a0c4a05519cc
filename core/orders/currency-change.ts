import { invalidInput, type Issue, type ParsedInputOf } from '../../shared/contract';
import type { OrderRecord } from '../../db/repos/orders';

type SaleInput = ParsedInputOf<'orders:create'>;

/**
 * An edit that changes a sale's currency must bring again every amount that was typed in the old one: a
 * kept cost of USD 50.00 is neither ¥5,000 nor KWD 5.000 (the minor units differ), and converting it at
 * an FX rate would invent a figure the user never paid — goods are bought at their own price, not at a
 * rate. So a kept cost, kept lines (their unit prices) and a kept part payment are refused, each at its
 * field, until typed in the new currency or cleared. "Paid" and "unpaid" are not amounts: they carry over
 * (see carriedPayment).
 */
export function refuseOldCurrencyAmounts(existing: OrderRecord, input: SaleInput, keptLineCount: number): void {
  if (input.currency === existing.currency) return;
  const params = { currency: existing.currency, newCurrency: input.currency };
  const issues: Issue[] = [];
  if (input.cost === undefined && existing.costMinor !== null) issues.push({ path: ['cost'], key: 'retype_in_new_currency', params });
  if (input.lines === undefined && keptLineCount > 0) issues.push({ path: ['lines'], key: 'retype_in_new_currency', params });
  if (input.payment === undefined && isPartPaid(existing)) issues.push({ path: ['payment', 'paid'], key: 'retype_in_new_currency', params });
  if (issues.length > 0) throw invalidInput(issues);
}

/**
 * The payment an edit keeps when it leaves the payment out. In the same currency the stored unpaid amount
 * is kept (pricePayment); in a new one it means nothing, so the sale's state is carried instead: unpaid
 * stays wholly unpaid with its due date (a part payment was refused above; paid needs nothing).
 */
export function carriedPayment(existing: OrderRecord | undefined, input: SaleInput): SaleInput['payment'] {
  if (input.payment !== undefined || !existing || input.currency === existing.currency) return input.payment;
  return existing.unpaidMinor > 0 ? { status: 'unpaid', dueDate: existing.paymentDueDate } : { status: 'paid' };
}

const isPartPaid = (order: OrderRecord) => order.unpaidMinor > 0 && order.unpaidMinor < order.amountMinor;
