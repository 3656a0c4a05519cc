import type { OrderHolder } from '../../db/repos/order-imports';

/**
 * What a row refused for an order already recorded says of that order, as the order form does (core/handlers/orders.ts):
 * its customer's name, its date, and its number as typed there (INV-1 for a row's inv-1), so the user can find it and
 * tell one invoice imported twice from two invoices numbered alike. Read only for the row refused.
 */
export function holderParams(holder: OrderHolder, typed: string | null = null): Record<string, string> {
  return { customer: holder.customerName, date: holder.date, number: holder.orderNumber ?? typed ?? '' };
}
