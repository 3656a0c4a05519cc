import type { Channel, InputOf, OutputOf } from '../contract';
import type { ReminderSource, TodaySummary } from './scheduler';

/** A typed contract call: `call(dispatch, …)` in the main process, `api(…)` in the renderer. */
export type ContractCall = <C extends Channel>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;

/** How many names the daily summary shows. */
const NAMES_SHOWN = 3;

/**
 * Today's work in numbers, read from the Today list itself (`today:list`), so the notification and the
 * Today screen can never disagree: its total, how many items are overdue, and the first names in its order.
 */
export async function summariseToday(call: ContractCall): Promise<TodaySummary> {
  const [list, count] = await Promise.all([call('today:list', { limit: NAMES_SHOWN }), call('today:count', {})]);
  return { total: list.total, overdue: count.overdue, first: [...new Set(list.items.map((i) => i.customerName))].slice(0, NAMES_SHOWN) };
}

/** The scheduler's data, read and recorded through contract calls (the same ones in Electron and a browser). */
export function contractReminderSource(call: ContractCall): ReminderSource {
  return {
    settings: async () => {
      const s = await call('settings:get', {});
      return { enabled: s.remindersEnabled, dailyTime: s.reminderTime };
    },
    summariseToday: () => summariseToday(call),
    timedReminders: async (from, to) => (await call('reminders:timed', { from, to })).items,
    lastSummaryDate: async () => (await call('reminders:state', {})).summaryShownOn,
    markSummaryShown: async (date) => void (await call('reminders:markSummaryShown', { date })),
  };
}
