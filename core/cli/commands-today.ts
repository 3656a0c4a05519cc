import type { OutputOf } from '../../shared/contract';
import { reasonsText } from '../../shared/today/reason-text';
import type { TodayReason } from '../../shared/today/types';
import { reasonLabel } from '../../renderer/features/today/reason-label';
import { optionalInt, optionalString } from './args';
import { pastAsOf } from './as-of';
import { pad, type Command } from './commands';
import { asTranslator, type Words } from './words';
import type { CustomerTimeZone } from '../../shared/domain/customer-time-zone-types';
import { localTimeWords } from './local-time-words';

/** One row of `today --json`: the screen's row with its reasons worded in English. */
export interface TodayCliItem {
  customerId: string;
  customerName: string;
  kind: string;
  reason: string;
  priority: number;
  dueDate: string;
  /** The customer's time zone (customers:timeZone's answer): null with no country. */
  timeZone: CustomerTimeZone | null;
}

/** The CLI's view of today:list: the same rows in the same order as the screen, reasons as English text. */
export function todayForCli(o: OutputOf<'today:list'>): { asOf: string; total: number; items: TodayCliItem[] } {
  return {
    asOf: o.asOf,
    total: o.total,
    items: o.items.map((i) => ({ customerId: i.customerId, customerName: i.customerName, kind: i.kind, reason: reasonsText(i.reasons, o.asOf), priority: i.priority, dueDate: i.dueDate, timeZone: i.timeZone })),
  };
}

/** The page with each row's reasons as data, for the lines for people in a language other than English (--json leaves them out). */
type TodayPage = ReturnType<typeof todayForCli> & { offset: number; reasons: TodayReason[][] };

/** A row's reasons: in English the text --json prints; otherwise as the Today screen words them, classes by its names. */
function reasonsLine(item: TodayCliItem, reasons: TodayReason[], asOf: string, w: Words): string {
  if (w.language === 'en') return item.reason;
  const t = asTranslator(w);
  return reasons.map((reason) => reasonLabel(t, reason, asOf, w.language)).join(w('cli:out.clauses'));
}

/** After a row's reasons, the customer's time when it is not the user's ("  · 02:00 Wed there · night there"). */
function localTimeAfter(w: Words, timeZone: CustomerTimeZone | null, now: number): string {
  const words = localTimeWords(w, timeZone, 'short', { now });
  return words ? `  · ${words}` : '';
}

export const TODAY_COMMANDS: Command[] = [
  {
    words: ['today'],
    flags: { 'as-of': { type: 'string' }, owner: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } },
    run: async (v, call, context) => {
      const offset = optionalInt(v, 'offset') ?? 0;
      const list = await call('today:list', { asOf: pastAsOf(v, context), owner: optionalString(v, 'owner'), limit: optionalInt(v, 'limit'), offset });
      return { ...todayForCli(list), offset, reasons: list.items.map((i) => i.reasons) };
    },
    // --json prints {asOf, total, items} as documented; the offset and the reasons as data are for the readable lines.
    json: ({ offset: _offset, reasons: _reasons, ...list }: TodayPage) => list,
    human: (o: TodayPage, _money, w) =>
      [
        w('cli:out.today.title', { asOf: o.asOf }),
        ...o.items.map((i, n) => `  ${String(i.priority).padStart(3)}  ${i.dueDate}  ${pad(i.customerName, 20)} ${reasonsLine(i, o.reasons[n] ?? [], o.asOf, w)}${localTimeAfter(w, i.timeZone, Date.now())}`),
        // An empty page past the end says where the end is (it read "0 of 136 … --offset N for more").
        o.items.length === 0 && o.total > 0
          ? w('cli:out.today.pastEnd', { offset: o.offset, total: o.total })
          : o.total > o.items.length
            ? w('cli:out.today.page', { shown: o.items.length, total: o.total })
            : w('cli:out.today.all', { total: o.total }),
      ].join('\n'),
  },
];
