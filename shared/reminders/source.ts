import type { Channel, InputOf, OutputOf } from '../contract';
import type { ReminderSource, TodaySummary } from './scheduler';

/** A typed contract call: `call(dispatch, …)` in the main process, `api(…)` in the renderer. */
export type ContractCall = <C extends Channel>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;

/** How many names the daily summary shows. */
const NAMES_SHOWN = 3;

/**
 * Today's work in numbers, from what exists now: open follow-up reminders due today or overdue, and
 * customers due for contact by their class's service policy. `total` counts list items (a customer due
 * both ways counts twice), as the Today list does.
 *
 * TODAY LIST: once `today:count` / `today:list` exist, replace this body with one call, e.g.
 *   const { total, items } = await call('today:list', { limit: NAMES_SHOWN }); → overdue from items' kind/dueDate
 * so the notification and the Today screen can never disagree.
 */
export async function summariseToday(call: ContractCall): Promise<TodaySummary> {
  const due = await call('followups:due', { horizonDays: 0, limit: NAMES_SHOWN });
  const policies = await call('policies:due', { limit: NAMES_SHOWN });
  const names = [...due.overdue, ...due.today, ...policies.items].map((i) => i.customerName);
  return {
    total: due.counts.overdue + due.counts.today + policies.total,
    overdue: due.counts.overdue,
    first: [...new Set(names)].slice(0, NAMES_SHOWN),
  };
}

/** The scheduler's data, read and recorded through contract calls (the same ones in Electron and a browser). */
export function contractReminderSource(call: ContractCall): ReminderSource {
  return {
    settings: async () => {
      const s = await call('settings:get', {});
      return { enabled: s.remindersEnabled, dailyTime: s.reminderTime };
    },
    // The one line to change when the Today list lands (see summariseToday above).
    summariseToday: () => summariseToday(call),
    timedReminders: async (from, to) => (await call('reminders:timed', { from, to })).items,
    lastSummaryDate: async () => (await call('reminders:state', {})).summaryShownOn,
    markSummaryShown: async (date) => void (await call('reminders:markSummaryShown', { date })),
  };
}
