import type { TFunction } from 'i18next';
import type { FollowUp } from '../../../shared/contract/followups';
import { formatDate, formatLocalDay, formatMoney } from '../../components/format';

/**
 * The customer's latest follow-up. The header names it beside the latest sale (orders:summary's lastSaleDate), each by
 * its own name: Today counts either as contact ("last order 15 days ago"), so one "last contact" that read only the
 * follow-ups said "not yet" of a customer who orders every week.
 */
export function latestFollowUpAt(followUps: readonly Pick<FollowUp, 'occurredAt'>[]): string | null {
  let latest: string | null = null;
  for (const f of followUps) if (latest === null || Date.parse(f.occurredAt) > Date.parse(latest)) latest = f.occurredAt;
  return latest;
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
