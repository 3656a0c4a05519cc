import type { OrderHolder } from '../../db/repos/order-imports';
import type { ImportReason } from './types';

/**
 * What a row refused for an order already recorded says of that order, as the order form does (core/handlers/orders.ts):
 * its customer's name, its date, and its number as typed there (INV-1 for a row's inv-1), so the user can find it and
 * tell one invoice imported twice from two invoices numbered alike. Read only for the row refused.
 */
export function holderParams(holder: OrderHolder, typed: string | null = null): Record<string, string> {
  return { customer: holder.customerName, date: holder.date, number: holder.orderNumber ?? typed ?? '' };
}

type Refusal = { kind: 'error'; reason: ImportReason; field: string; params?: Readonly<Record<string, string>> };

/** A row whose order number `typed` a live order holds (or an earlier row of the file): named when it could be read. */
export function numberTaken(holder: OrderHolder | undefined, typed: string | null): Refusal {
  return { kind: 'error', reason: 'order_number_taken', field: 'orderNumber', ...(holder ? { params: holderParams(holder, typed) } : {}) };
}

/** A row whose order record ID is a live order's own id: that order, already recorded (the workspace's export imported back). */
export function alreadyRecorded(holder: OrderHolder): Refusal {
  return { kind: 'error', reason: 'order_already_recorded', field: 'orderRecordId', params: holderParams(holder) };
}
