import { minorToDecimal } from '../domain/money';
import type { TodayReason } from './types';

/**
 * Reasons in English for the CLI and logs. The screens word the same keys through i18next
 * (renderer/i18n/resources/today.ts) with translated class names; this is the plain-English twin.
 */
const CLASS_NAMES: Record<string, Record<string, string>> = {
  pyramid: { platinum: 'Platinum', gold: 'Gold', iron: 'Iron', lead: 'Lead', none: 'No orders in the window' },
  value: { high: 'High value', medium: 'Medium value', low: 'Low value', none: 'No orders in the window' },
  lifecycle: { potential: 'Potential', new: 'New', active: 'Active', at_risk: 'At risk', churned: 'Churned' },
  rf_segment: { at_risk: 'At risk', cant_lose: "Can't lose", about_to_sleep: 'About to sleep' },
};

export const englishClassName = (scheme: string, classKey: string): string => CLASS_NAMES[scheme]?.[classKey] ?? classKey;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "Nov 3" (the year only when it is not asOf's). */
const shortDate = (date: string, asOf: string) => {
  const [y, m, d] = date.split('-');
  return `${MONTHS[Number(m) - 1]} ${Number(d)}${y === asOf.slice(0, 4) ? '' : `, ${y}`}`;
};
const daysAgo = (days: number) => (days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`);
const every = (days: number) => (days === 1 ? 'every day' : `every ${days} days`);

export function reasonText(reason: TodayReason, asOf: string): string {
  const p = reason.params;
  const cls = () => englishClassName(p.scheme ?? '', p.classKey ?? '');
  switch (reason.key) {
    case 'reminder_overdue':
      return `Reminder for ${shortDate(p.date!, asOf)} · ${p.days === 1 ? '1 day' : `${p.days} days`} overdue`;
    case 'reminder_today':
      return 'Reminder due today';
    case 'payment_overdue':
      return `Owes ${minorToDecimal(p.amountMinor!, p.currency!)} ${p.currency} · due ${shortDate(p.date!, asOf)} · ${p.days === 1 ? '1 day' : `${p.days} days`} overdue`;
    case 'policy_last_order':
      return `${cls()} · contact ${every(p.cadenceDays!)} · last order ${daysAgo(p.days!)}`;
    case 'policy_last_follow_up':
      return `${cls()} · contact ${every(p.cadenceDays!)} · last follow-up ${daysAgo(p.days!)}`;
    case 'policy_never':
      return `${cls()} · contact ${every(p.cadenceDays!)} · never contacted`;
    case 'slipping_down':
      return `${englishClassName(p.scheme!, p.from!)} → ${englishClassName(p.scheme!, p.to!)} since ${shortDate(p.date!, asOf)}`;
    case 'slipping_at_risk':
      return `${cls()} · now ${englishClassName(p.riskScheme!, p.riskClass!)}`;
    case 'new_customer':
      return `New customer since ${shortDate(p.date!, asOf)} · no follow-up yet`;
    case 'new_customer_first_order':
      return `New customer · first order ${shortDate(p.date!, asOf)} · no follow-up yet`;
  }
}

/** All reasons of a row, most urgent first, joined for one line. */
export const reasonsText = (reasons: readonly TodayReason[], asOf: string): string => reasons.map((r) => reasonText(r, asOf)).join('; ');
