import type { Dayjs } from 'dayjs';
import type { OrderInput, PaymentStatus } from '../../../shared/contract/orders';
import { isCurrencyCode, parseAmount } from '../../../shared/domain/money';
import { lineAmountMinor } from '../../../shared/domain/order-lines';
import { typedAmount } from '../../../shared/domain/typed-number';

export interface LineValues {
  sku?: string | null;
  name?: string;
  quantity?: number | null;
  unitPrice?: string;
}

export interface OrderValues {
  orderDate: Dayjs;
  orderNumber?: string | null;
  amount?: string;
  currency: string;
  fxRate?: number | null;
  note?: string | null;
  lines?: LineValues[];
  cost?: string | null;
  paymentStatus: PaymentStatus;
  paid?: string | null;
  dueDate?: Dayjs | null;
}

/** Rows the user has started (a name typed); empty rows left at the end of the list are ignored. */
export const startedLines = (lines: readonly (LineValues | undefined)[] | undefined) => (lines ?? []).filter((l): l is LineValues => Boolean(l?.name?.trim()));

/**
 * The order amount the lines make, as the handler will compute it (shared rounding), or null while any
 * started line is incomplete or there are none.
 */
export function linesTotalMinor(lines: readonly (LineValues | undefined)[] | undefined, currency: string | undefined): number | null {
  const started = startedLines(lines);
  if (started.length === 0 || !currency || !isCurrencyCode(currency)) return null;
  let total = 0;
  for (const line of started) {
    const price = parseAmount(typedAmount(line.unitPrice ?? ''), currency);
    if (!price.ok || price.minor < 0 || !line.quantity) return null;
    total += lineAmountMinor(line.quantity, price.minor);
  }
  return total;
}

const blankToNull = (text: string | null | undefined) => (text == null || text.trim() === '' ? null : text.trim());
/** An optional amount field: null when left blank, else as the contract takes it. */
const optionalAmount = (text: string | null | undefined) => (blankToNull(text) === null ? null : typedAmount(text!));

/** The form's values as the contract's order input: with lines, the amount is theirs (left out). */
export function toOrderInput(customerId: string, values: OrderValues): OrderInput {
  const lines = startedLines(values.lines).map((l) => ({ sku: blankToNull(l.sku), name: l.name!.trim(), quantity: l.quantity ?? 0, unitPrice: typedAmount(l.unitPrice ?? '') }));
  return {
    customerId,
    orderDate: values.orderDate.format('YYYY-MM-DD'),
    orderNumber: blankToNull(values.orderNumber),
    amount: lines.length > 0 ? undefined : typedAmount(values.amount ?? ''),
    currency: values.currency,
    fxRate: values.fxRate ?? null,
    note: values.note ?? null,
    lines,
    cost: optionalAmount(values.cost),
    payment: {
      status: values.paymentStatus,
      paid: values.paymentStatus === 'part' ? optionalAmount(values.paid) : null,
      dueDate: values.paymentStatus === 'paid' ? null : (values.dueDate?.format('YYYY-MM-DD') ?? null),
    },
  };
}

/** The order's amount as the form holds it: the lines' total when there are lines, else the amount typed; null while it is none. */
export function formAmountMinor(values: Pick<OrderValues, 'amount' | 'lines' | 'currency'>): number | null {
  if (startedLines(values.lines).length > 0) return linesTotalMinor(values.lines, values.currency);
  if (!values.currency || !isCurrencyCode(values.currency)) return null;
  const parsed = parseAmount(typedAmount(values.amount ?? ''), values.currency);
  return parsed.ok && parsed.minor >= 0 ? parsed.minor : null;
}

/**
 * What is wrong with a part payment's paid amount as typed, checked as the payment dialog checks its own: `past` when
 * it is more than the order's amount (the form names the amount), `negative` below 0. Text that is no amount, or an
 * order amount not yet typed, is left to the Save's checks, which name what is wrong.
 */
export function paidAmountProblem(paid: string | null | undefined, amountMinor: number | null, currency: string | undefined): 'past' | 'negative' | null {
  if (!paid || !currency || !isCurrencyCode(currency)) return null;
  const parsed = parseAmount(typedAmount(paid), currency);
  if (!parsed.ok) return null;
  if (parsed.minor < 0) return 'negative';
  return amountMinor !== null && parsed.minor > amountMinor ? 'past' : null;
}
