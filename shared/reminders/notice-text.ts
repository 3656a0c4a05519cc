import type { ReminderNotice } from './scheduler';

/** The notification texts of one language: renderer/i18n/resources/reminders.ts, `notice` section. */
export interface NoticeTexts {
  summaryTitle_one: string;
  summaryTitle_other: string;
  overdue_one: string;
  overdue_other: string;
  first: string;
  more: string;
  separator: string;
  openToday: string;
  timedTitle: string;
  timedBody: string;
}

export interface NoticeContent {
  title: string;
  body: string;
  /** Where a click takes the user: a hash route of the app (renderer/app/router.ts). */
  target: string;
}

/** The Today screen's route: where the daily summary leads. */
export const TODAY_ROUTE = '#/today';

export function customerRoute(customerId: string): string {
  return `#/customers/${encodeURIComponent(customerId)}`;
}

/**
 * Characters of a customer's name a notification shows. A system notification has no hover and cuts its body
 * after two or three lines, so a 120-character name pushed out the rest ("Click to open…", the other names).
 */
const NAME_SHOWN = 24;

function shortName(name: string): string {
  const chars = [...name];
  return chars.length > NAME_SHOWN ? `${chars.slice(0, NAME_SHOWN - 1).join('').trimEnd()}…` : name;
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

function plural(texts: NoticeTexts, key: 'summaryTitle' | 'overdue', language: string, count: number): string {
  const form = new Intl.PluralRules(language).select(count) === 'one' ? 'one' : 'other';
  return fill(texts[`${key}_${form}`], { count });
}

/**
 * Title, body and click target of a notice, in one language. The same function serves the Electron main
 * process (which has no i18next) and the browser build, so both say exactly the same thing.
 */
export function noticeContent(notice: ReminderNotice, texts: NoticeTexts, language: string): NoticeContent {
  if (notice.kind === 'timed') {
    const { reminder } = notice;
    return { title: fill(texts.timedTitle, { time: reminder.time }), body: fill(texts.timedBody, { name: shortName(reminder.customerName) }), target: customerRoute(reminder.customerId) };
  }
  const { summary } = notice;
  const lines: string[] = [];
  if (summary.overdue > 0) lines.push(plural(texts, 'overdue', language, summary.overdue));
  if (summary.first.length > 0) {
    const names = summary.first.map(shortName).join(texts.separator) + (summary.total > summary.first.length ? ` ${texts.more}` : '');
    lines.push(fill(texts.first, { names }));
  }
  lines.push(texts.openToday);
  return { title: plural(texts, 'summaryTitle', language, summary.total), body: lines.join('\n'), target: TODAY_ROUTE };
}
