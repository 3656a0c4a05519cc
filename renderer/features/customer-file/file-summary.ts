import type { TFunction } from 'i18next';
import type { FollowUp } from '../../../shared/contract/followups';
import type { Order } from '../../../shared/contract/orders';
import { formatDate, formatLocalDay, formatMoney } from '../../components/format';

/**
 * The customer's latest sale and latest follow-up, each by its own name. Today counts either as contact ("last order
 * 15 days ago"), so one "last contact" that read only the follow-ups said "not yet" of a customer who orders every week.
 * A sale dated after `today` is left out, as Today leaves it out.
 */
export function lastActivity(orders: readonly Pick<Order, 'kind' | 'orderDate'>[], followUps: readonly Pick<FollowUp, 'occurredAt'>[], today: string): { lastOrderDate: string | null; lastFollowUpAt: string | null } {
  let lastOrderDate: string | null = null;
  for (const o of orders) if (o.kind === 'sale' && o.orderDate <= today && (lastOrderDate === null || o.orderDate > lastOrderDate)) lastOrderDate = o.orderDate;
  let lastFollowUpAt: string | null = null;
  for (const f of followUps) if (lastFollowUpAt === null || Date.parse(f.occurredAt) > Date.parse(lastFollowUpAt)) lastFollowUpAt = f.occurredAt;
  return { lastOrderDate, lastFollowUpAt };
}

/** The line under the customer's name: "Orders: 6 · total CN¥287,861.32 · last order Aug 23, 2026 · no follow-up yet". */
export function fileSummaryText(
  t: TFunction,
  language: string,
  figures: { sales: number; revenueMinor: number; currency: string; lastOrderDate: string | null; lastFollowUpAt: string | null },
): string {
  const parts = [t('customerFile:summary', { orders: figures.sales, revenue: formatMoney(figures.revenueMinor, figures.currency, language) })];
  // With no sale, "Orders: 0" already says it: no "last order" part.
  if (figures.lastOrderDate !== null) parts.push(t('customerFile:lastOrder', { date: formatDate(figures.lastOrderDate, language) }));
  parts.push(figures.lastFollowUpAt === null ? t('customerFile:noFollowUpYet') : t('customerFile:lastFollowUp', { date: formatLocalDay(figures.lastFollowUpAt, language) }));
  return parts.join(' · ');
}
