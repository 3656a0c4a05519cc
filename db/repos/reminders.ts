import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { customers, followUps, settings } from '../schema';

export interface TimedReminderRow {
  followUpId: string;
  customerId: string;
  customerName: string;
  date: string;
  time: string;
}

/** Open reminders with a time of day, of live unarchived customers, dated in [from, to], earliest first. */
export function timedReminders(db: Db, from: string, to: string, limit: number): TimedReminderRow[] {
  return timedRemindersQuery(db, from, to, limit).all();
}

/** The query behind timedReminders; exported for its query-plan test (it runs at every scheduler wake). */
export function timedRemindersQuery(db: Db, from: string, to: string, limit: number) {
  return db
    .select({
      followUpId: followUps.id,
      customerId: customers.id,
      customerName: customers.name,
      date: sql<string>`${followUps.nextContactDate}`,
      time: sql<string>`${followUps.nextContactTime}`,
    })
    .from(followUps)
    .innerJoin(customers, eq(customers.id, followUps.customerId))
    .where(
      and(
        eq(followUps.done, false),
        isNull(followUps.deletedAt),
        // The date range first, so the due index (done, next_contact_date, …) narrows the rows read.
        sql`${followUps.nextContactDate} >= ${from}`,
        sql`${followUps.nextContactDate} <= ${to}`,
        sql`${followUps.nextContactTime} IS NOT NULL`,
        isNull(customers.deletedAt),
        isNull(customers.archivedAt),
      ),
    )
    .orderBy(asc(followUps.nextContactDate), asc(followUps.nextContactTime), asc(followUps.id))
    .limit(limit);
}

export function reminderSummaryShownOn(db: Db): string | null {
  return db.select({ on: settings.reminderSummaryShownOn }).from(settings).where(eq(settings.id, 1)).get()?.on ?? null;
}

export function markReminderSummaryShown(db: Db, date: string): void {
  db.update(settings).set({ reminderSummaryShownOn: date }).where(eq(settings.id, 1)).run();
}
