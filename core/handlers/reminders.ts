import { markReminderSummaryShown, reminderSummaryShownOn, timedReminders } from '../../db/repos/reminders';
import type { HandlerContext } from '../context';
import type { HandlerMap } from './types';

/** What the reminder scheduler reads and records. Local only: nothing here leaves the machine. */
export function reminderHandlers(ctx: HandlerContext): HandlerMap<'reminders'> {
  const { db } = ctx;
  return {
    'reminders:state': () => ({ summaryShownOn: reminderSummaryShownOn(db) }),
    'reminders:markSummaryShown': ({ date }) => {
      markReminderSummaryShown(db, date);
      return { summaryShownOn: date };
    },
    'reminders:timed': ({ from, to, limit }) => ({ items: timedReminders(db, from, to, limit) }),
  };
}
