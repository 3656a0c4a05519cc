import { eq } from 'drizzle-orm';
import { invalidInput, notFound, type ParsedInputOf } from '../../shared/contract';
import { addDays, daysBetween, localDateOf } from '../../shared/domain/dates';
import { skippedLocalTime } from '../../shared/domain/skipped-time';
import { refreshCustomerStats } from '../../db/repos/customers';
import { dueCounts, dueReminders, findFollowUp, followUpsOf, openRemindersBefore } from '../../db/repos/followups';
import { toFollowUp } from '../../db/repos/rows';
import { followUps } from '../../db/schema';
import type { HandlerContext } from '../context';
import { newId } from '../ids';
import { liveCustomerFor } from './live-customer';
import type { HandlerMap } from './types';

function toColumns(ctx: HandlerContext, input: ParsedInputOf<'followups:create'>) {
  liveCustomerFor(ctx.db, input.customerId);
  // A time is a time on the next-contact date; alone it names no moment.
  if (input.nextContactTime !== null && input.nextContactDate === null) throw invalidInput([{ path: ['nextContactTime'], key: 'time_without_date' }]);
  return {
    customerId: input.customerId,
    occurredAt: new Date(input.occurredAt ?? ctx.clock.now().toISOString()).toISOString(),
    channel: input.channel,
    content: input.content.trim(),
    outcome: input.outcome,
    intent: input.intent,
    satisfaction: input.satisfaction,
    nextContactDate: input.nextContactDate,
    nextContactTime: input.nextContactDate === null ? null : input.nextContactTime,
  };
}

/**
 * Refuses a next contact planned before the day of the contact that plans it: a slip (12-01 for 12-10)
 * that would make the reminder overdue the moment it is saved. The same day is taken (call back this
 * afternoon). The day is the local one, as Today counts days.
 */
function refuseNextBeforeDay(occurredAt: string, nextContactDate: string | null): void {
  const day = localDateOf(new Date(occurredAt));
  if (nextContactDate !== null && nextContactDate < day) throw invalidInput([{ path: ['nextContactDate'], key: 'next_contact_before_follow_up', params: { date: day } }]);
}

/**
 * Refuses a reminder time the clocks skip that day (02:30 on 2026-03-08 in New York): the reminder would go off an
 * hour after the time the form and the lists show. The moment after the change is named, for the person to choose.
 */
function refuseSkippedReminderTime(nextContactDate: string | null, nextContactTime: string | null): void {
  if (nextContactDate === null || nextContactTime === null) return;
  const params = skippedLocalTime(nextContactDate, nextContactTime);
  if (params !== null) throw invalidInput([{ path: ['nextContactTime'], key: 'local_time_skipped', params }]);
}

/**
 * Refuses a contact whose day is after today: a typo (2062 for 2026) that would hide the customer from Today, which
 * counts the days since the last contact, until then. Later today is taken, as an import takes it: the day is what
 * the tiers and Today count, and a time can be a few minutes ahead of this machine's clock.
 */
function refuseDayAfterToday(ctx: HandlerContext, occurredAt: string): void {
  if (localDateOf(new Date(occurredAt)) > ctx.clock.today()) throw invalidInput([{ path: ['occurredAt'], key: 'occurred_in_future' }]);
}

export function followUpHandlers(ctx: HandlerContext): HandlerMap<'followups'> {
  const { db } = ctx;
  const load = (id: string) => {
    const row = findFollowUp(db, id);
    if (!row || row.deletedAt) throw notFound('follow-up', id);
    return row;
  };
  // A reminder of a customer in the trash is closed or moved only after a restore, as its records are written.
  const touch = (id: string, patch: Partial<typeof followUps.$inferInsert>) =>
    db.transaction(() => {
      const row = load(id);
      liveCustomerFor(db, row.customerId, ['id']);
      db.update(followUps).set({ ...patch, updatedAt: ctx.clock.now().toISOString() }).where(eq(followUps.id, id)).run();
      refreshCustomerStats(db, row.customerId);
      return toFollowUp(load(id));
    });

  return {
    'followups:list': ({ customerId }) => ({ followUps: followUpsOf(db, customerId).map(toFollowUp) }),

    // Logging a contact answers the reminders that earlier contacts set: the newest contact decides what is next.
    'followups:create': (input) =>
      db.transaction(() => {
        const columns = toColumns(ctx, input);
        const now = ctx.clock.now().toISOString();
        refuseDayAfterToday(ctx, columns.occurredAt);
        refuseNextBeforeDay(columns.occurredAt, columns.nextContactDate);
        refuseSkippedReminderTime(columns.nextContactDate, columns.nextContactTime);
        const id = newId();
        db.insert(followUps).values({ id, createdAt: now, updatedAt: now, ...columns }).run();
        const answered = openRemindersBefore(db, columns.customerId, columns.occurredAt, id).map((r) => r.id);
        for (const reminderId of answered) {
          db.update(followUps).set({ done: true, answeredBy: id, updatedAt: now }).where(eq(followUps.id, reminderId)).run();
        }
        refreshCustomerStats(db, columns.customerId);
        return { followUp: toFollowUp(load(id)), answered };
      }),

    'followups:update': ({ id, followUp }) =>
      db.transaction(() => {
        const before = load(id);
        const columns = toColumns(ctx, followUp);
        // One imported before the rule keeps its day through an edit of its content.
        if (columns.occurredAt !== before.occurredAt) refuseDayAfterToday(ctx, columns.occurredAt);
        // Likewise a reminder imported before its own contact's day stays through an edit that leaves both dates.
        if (columns.occurredAt !== before.occurredAt || columns.nextContactDate !== before.nextContactDate) refuseNextBeforeDay(columns.occurredAt, columns.nextContactDate);
        // And a time stored on a day whose clock change came later (or in another zone) stays through an edit that keeps it.
        if (columns.nextContactDate !== before.nextContactDate || columns.nextContactTime !== before.nextContactTime) refuseSkippedReminderTime(columns.nextContactDate, columns.nextContactTime);
        db.update(followUps).set({ ...columns, updatedAt: ctx.clock.now().toISOString() }).where(eq(followUps.id, id)).run();
        refreshCustomerStats(db, columns.customerId);
        if (before.customerId !== columns.customerId) refreshCustomerStats(db, before.customerId);
        return toFollowUp(load(id));
      }),

    'followups:due': ({ asOf, horizonDays, limit }) => {
      const today = asOf ?? ctx.clock.today();
      const until = addDays(today, horizonDays);
      const section = (from: string | null, to: string) =>
        dueReminders(db, { from, to }, limit).map((r) => ({ ...r, daysOverdue: daysBetween(r.dueDate, today) }));
      return {
        asOf: today,
        counts: dueCounts(db, today, until),
        overdue: section(null, addDays(today, -1)),
        today: section(today, today),
        upcoming: horizonDays > 0 ? section(addDays(today, 1), until) : [],
      };
    },

    'followups:markDone': ({ id }) => touch(id, { done: true }),
    'followups:reschedule': ({ id, nextContactDate }) => {
      refuseNextBeforeDay(load(id).occurredAt, nextContactDate);
      // Open again, by the user's choice: the contact that had answered it no longer does.
      return touch(id, { nextContactDate, done: false, answeredBy: null });
    },
  };
}
