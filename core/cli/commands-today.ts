import type { OutputOf } from '../../shared/contract';
import { reasonsText } from '../../shared/today/reason-text';
import { optionalInt, optionalString } from './args';
import { pastAsOf } from './as-of';
import { pad, type Command } from './commands';

/** One row of `today --json`: the screen's row with its reasons worded in English. */
export interface TodayCliItem {
  customerId: string;
  customerName: string;
  kind: string;
  reason: string;
  priority: number;
  dueDate: string;
}

/** The CLI's view of today:list: the same rows in the same order as the screen, reasons as English text. */
export function todayForCli(o: OutputOf<'today:list'>): { asOf: string; total: number; items: TodayCliItem[] } {
  return {
    asOf: o.asOf,
    total: o.total,
    items: o.items.map((i) => ({ customerId: i.customerId, customerName: i.customerName, kind: i.kind, reason: reasonsText(i.reasons, o.asOf), priority: i.priority, dueDate: i.dueDate })),
  };
}

type TodayPage = ReturnType<typeof todayForCli> & { offset: number };

export const TODAY_COMMANDS: Command[] = [
  {
    words: ['today'],
    flags: { 'as-of': { type: 'string' }, owner: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } },
    run: async (v, call, context) => {
      const offset = optionalInt(v, 'offset') ?? 0;
      return { ...todayForCli(await call('today:list', { asOf: pastAsOf(v, context), owner: optionalString(v, 'owner'), limit: optionalInt(v, 'limit'), offset })), offset };
    },
    // --json prints {asOf, total, items} as documented; the offset is for the readable lines.
    json: ({ offset: _offset, ...list }: TodayPage) => list,
    human: (o: TodayPage) =>
      [
        `Today ${o.asOf}`,
        ...o.items.map((i) => `  ${String(i.priority).padStart(3)}  ${i.dueDate}  ${pad(i.customerName, 20)} ${i.reason}`),
        // An empty page past the end says where the end is (it read "0 of 136 … --offset N for more").
        o.items.length === 0 && o.total > 0
          ? `--offset ${o.offset} is past the last of the ${o.total} to serve`
          : o.total > o.items.length
            ? `${o.items.length} of ${o.total} (--limit N, --offset N for more)`
            : `${o.total} to serve`,
      ].join('\n'),
  },
];
