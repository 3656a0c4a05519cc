import { invalidInput, type Issue, type ParsedInputOf } from '../../shared/contract';
import { convertMinor, isCurrencyCode, isStorableMinor, minorDigits, minorToDecimal, parseAmount } from '../../shared/domain/money';
import { lineAmountMinor } from '../../shared/domain/order-lines';
import { orderNumberKey } from '../../shared/domain/order-number';
import type { OrderRecord } from '../../db/repos/orders';
import { fxRateOn, readSettings } from '../../db/repos/settings';
import type { HandlerContext } from '../context';

const AMOUNT_ISSUE = { empty: 'required', not_a_number: 'invalid_amount', too_many_decimals: 'amount_too_many_decimals', too_large: 'amount_too_large' } as const;

type Path = (string | number)[];

/** What an amount's refusal says: the value as typed, and for too many decimals the currency and how many it takes. */
const amountParams = (value: string, currency: string) => ({ value, currency, digits: String(minorDigits(currency)) });
type LineInput = NonNullable<ParsedInputOf<'orders:create'>['lines']>[number];

/** A typed decimal in minor units of `currency`, zero or more; anything else throws the field's issue. */
export function nonNegativeMinor(text: string, currency: string, path: Path, negativeKey = 'amount_negative'): number {
  const parsed = parseAmount(text, currency);
  if (!parsed.ok) throw invalidInput([{ path, key: AMOUNT_ISSUE[parsed.reason], params: amountParams(text, currency) }]);
  if (parsed.minor < 0) throw invalidInput([{ path, key: negativeKey, params: { value: text } }]);
  return parsed.minor;
}

/** The base amount of `minor`, refused when it no longer fits a number exactly (a large amount at a high rate). */
export function toBase(minor: number, currency: string, fxRate: number, baseCurrency: string, path: Path, value: string): number {
  const base = convertMinor(minor, currency, fxRate, baseCurrency);
  if (!isStorableMinor(base)) throw invalidInput([{ path, key: 'amount_too_large', params: { value } }]);
  return base;
}

export function checkCurrency(currency: string, path: Path = ['currency']): void {
  if (!isCurrencyCode(currency)) throw invalidInput([{ path, key: 'invalid_currency' }]);
}

/** The rate locked on an order: 1 in the base currency, else the typed one, else the FX table's on or before the date. */
export function lockedRate(ctx: HandlerContext, currency: string, date: string, typed: number | null | undefined): { fxRate: number; baseCurrency: string } {
  const { baseCurrency } = readSettings(ctx.db);
  const fxRate = currency === baseCurrency ? 1 : (typed ?? fxRateOn(ctx.db, currency, date)?.rate);
  if (fxRate === undefined) throw invalidInput([{ path: ['fxRate'], key: 'no_fx_rate', params: { currency, date } }]);
  return { fxRate, baseCurrency };
}

export interface PricedLine {
  sku: string | null;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  amountMinor: number;
}

/** Lines in minor units; `sign` -1 stores a return's positively typed quantities as negative ones. */
export function priceLines(lines: readonly LineInput[], currency: string, sign: 1 | -1): { lines: PricedLine[]; totalMinor: number } {
  const issues: Issue[] = [];
  const priced: PricedLine[] = [];
  let total = 0;
  lines.forEach((line, i) => {
    const parsed = parseAmount(line.unitPrice, currency);
    if (!parsed.ok) return issues.push({ path: ['lines', i, 'unitPrice'], key: AMOUNT_ISSUE[parsed.reason], params: amountParams(line.unitPrice, currency) });
    if (parsed.minor < 0) return issues.push({ path: ['lines', i, 'unitPrice'], key: 'amount_negative', params: { value: line.unitPrice } });
    // A return's quantities are typed positive (a minus is forgiven); on a sale a minus would silently become a plus.
    if (sign === 1 && line.quantity < 0) return issues.push({ path: ['lines', i, 'quantity'], key: 'quantity_negative_on_sale', params: { value: String(line.quantity) } });
    const quantity = sign * Math.abs(line.quantity);
    const amountMinor = lineAmountMinor(quantity, parsed.minor);
    if (!isStorableMinor(amountMinor)) return issues.push({ path: ['lines', i, 'unitPrice'], key: 'amount_too_large', params: { value: line.unitPrice } });
    total += amountMinor;
    priced.push({ sku: line.sku, name: line.name, quantity, unitPriceMinor: parsed.minor, amountMinor });
  });
  if (issues.length > 0) throw invalidInput(issues);
  if (!isStorableMinor(total)) throw invalidInput([{ path: ['amount'], key: 'amount_too_large', params: { value: String(total) } }]);
  return { lines: priced, totalMinor: total };
}

/**
 * The order's amount (positive): the lines' sum when there are lines — a typed amount must agree with it —
 * else the typed amount, else `fallback` (a return's "all that is left"); with none of these it is required.
 */
export function resolveAmount(typed: string | undefined, linesTotal: number | null, currency: string, fallback?: number): number {
  if (typed === undefined) {
    if (linesTotal !== null) return linesTotal;
    if (fallback !== undefined) return fallback;
    throw invalidInput([{ path: ['amount'], key: 'required' }]);
  }
  const minor = nonNegativeMinor(typed, currency, ['amount']);
  if (linesTotal !== null && minor !== linesTotal) {
    throw invalidInput([{ path: ['amount'], key: 'amount_disagrees_with_lines', params: { value: typed, total: minorToDecimal(linesTotal, currency) } }]);
  }
  return minor;
}

export interface PricedPayment {
  unpaidMinor: number;
  paymentDueDate: string | null;
}

/**
 * What the terms of a sale of `amountMinor` leave unpaid (the payments recorded against it later subtract from
 * this: db/order-unpaid-sql.ts). Omitted payment: paid in full for a new order, and for an edited one the terms
 * it had (never more than the new amount) with its due date.
 */
export function pricePayment(payment: ParsedInputOf<'orders:create'>['payment'], amountMinor: number, currency: string, existing?: OrderRecord): PricedPayment {
  let unpaidMinor: number;
  let due: string | null | undefined;
  if (!payment) {
    // The terms the order had (its payments recorded since still subtract from them: orders.unpaid_minor).
    unpaidMinor = existing ? Math.min(existing.termsUnpaidMinor, amountMinor) : 0;
    due = existing?.paymentDueDate ?? null;
  } else {
    if (payment.status === 'paid') unpaidMinor = 0;
    else if (payment.status === 'unpaid') unpaidMinor = amountMinor;
    else {
      if (payment.paid == null) throw invalidInput([{ path: ['payment', 'paid'], key: 'required' }]);
      const paid = nonNegativeMinor(payment.paid, currency, ['payment', 'paid'], 'paid_out_of_range');
      if (paid > amountMinor) throw invalidInput([{ path: ['payment', 'paid'], key: 'paid_out_of_range', params: { value: payment.paid } }]);
      unpaidMinor = amountMinor - paid;
    }
    due = payment.dueDate;
  }
  return { unpaidMinor, paymentDueDate: unpaidMinor > 0 ? (due ?? null) : null };
}

/**
 * What `total` (a sale's base amount or cost, ≥ 0) comes to for `upTo` of the sale's `whole` amount, rounded
 * half away from zero, exactly (BigInt: the product may pass 2^53). A return against a sale takes
 * `shareOf(total, returned by the end of it)` less what earlier returns already took, so however a sale is
 * returned in parts, its returns add up to exactly `total` once all of it is back: a sale returned as
 * 1 + 1 + 1 of 3 nets out to 0, not to a cent left owed (round(⅓) three times) or a cent of negative revenue.
 */
export function shareOf(total: number, upTo: number, whole: number): number {
  if (upTo >= whole) return total;
  if (upTo <= 0 || whole <= 0) return 0;
  const num = BigInt(total) * BigInt(upTo);
  const den = BigInt(whole);
  return Number((2n * num + den) / (2n * den));
}

/**
 * An order number as stored: trimmed, blank → none. A number of nothing but characters that render as nothing (a
 * zero-width space pasted alone) is blank too: its key would be empty, and every such "number" one number.
 */
export function tidyOrderNumber(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' || orderNumberKey(trimmed) === '' ? null : trimmed;
}
