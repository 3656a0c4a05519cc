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

/**
 * Where the order holding the row's number or record ID came from, which decides what the user can do about it:
 * an earlier import is undone to import again (no context: the reason's own words); an order entered in the app
 * (`app`) or an earlier row of this very file (`file`) has no import to undo — the row is that order, recorded, or
 * another order that needs a number of its own. Sent as i18next's `context`, so the app words each case by the key
 * with that suffix (order_number_taken_app), and the reason's key stays the fallback.
 */
export type HolderOrigin = 'import' | 'app' | 'file';

export function holderOrigin(holder: Pick<OrderHolder, 'batch'>, thisBatch: string): HolderOrigin {
  return holder.batch === null ? 'app' : holder.batch === thisBatch ? 'file' : 'import';
}

const withOrigin = (params: Record<string, string>, origin: HolderOrigin): Record<string, string> => (origin === 'import' ? params : { ...params, context: origin });

type Refusal = { kind: 'error'; reason: ImportReason; field: string; params?: Readonly<Record<string, string>> };

/** A row whose order number `typed` a live order holds (or an earlier row of the file): named when it could be read. */
export function numberTaken(holder: OrderHolder | undefined, typed: string | null, thisBatch: string): Refusal {
  return { kind: 'error', reason: 'order_number_taken', field: 'orderNumber', ...(holder ? { params: withOrigin(holderParams(holder, typed), holderOrigin(holder, thisBatch)) } : {}) };
}

/** A row whose order record ID is a live order's own id: that order, already recorded (the workspace's export imported back). */
export function alreadyRecorded(holder: OrderHolder, thisBatch: string): Refusal {
  return { kind: 'error', reason: 'order_already_recorded', field: 'orderRecordId', params: withOrigin(holderParams(holder), holderOrigin(holder, thisBatch)) };
}
