import type { TFunction } from 'i18next';
import type { TodayReason } from '../../../shared/today/types';
import { formatMoney, formatMonthDay } from '../../components/format';
import { classLabel, type ClassLabelEnv } from '../tiers/labels';

/** "Nov 3" / "11月3日"; the year only when it is not the list's year. */
export function shortDate(date: string, asOf: string, language: string): string {
  return formatMonthDay(date, language, date.slice(0, 4) !== asOf.slice(0, 4));
}

/** One reason in the UI language, class names translated ("铂金 · 策略每7天联系 · 上次下单15天前") by what the tier settings make them mean. */
export function reasonLabel(t: TFunction, reason: TodayReason, asOf: string, language: string, labels: ClassLabelEnv = {}): string {
  const p = reason.params;
  const cls = (scheme = p.scheme ?? '', key = p.classKey ?? '') => classLabel(t, scheme, key, language, labels);
  const date = p.date ? shortDate(p.date, asOf, language) : '';
  const cadence = t('today:every', { count: p.cadenceDays });
  switch (reason.key) {
    case 'reminder_overdue':
      return t('today:reasons.reminder_overdue', { date, count: p.days });
    case 'reminder_today':
      return t('today:reasons.reminder_today');
    case 'payment_overdue':
      return t('today:reasons.payment_overdue', { amount: formatMoney(p.amountMinor ?? 0, p.currency ?? 'CNY', language), date, count: p.days });
    case 'policy_last_order':
    case 'policy_last_follow_up':
      return t(`today:reasons.${reason.key}`, { cls: cls(), cadence, count: p.days });
    case 'policy_never':
      return t('today:reasons.policy_never', { cls: cls(), cadence });
    case 'slipping_down':
      return t('today:reasons.slipping_down', { from: cls(p.scheme, p.from), to: cls(p.scheme, p.to), date });
    case 'slipping_at_risk':
      return t('today:reasons.slipping_at_risk', { cls: cls(), risk: cls(p.riskScheme, p.riskClass) });
    case 'new_customer':
    case 'new_customer_first_order':
      return t(`today:reasons.${reason.key}`, { date });
  }
}
