import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { customers, followUps } from '../schema';
import type { FollowUpChannel } from '../../shared/contract/enums';

export type FollowUpRecord = typeof followUps.$inferSelect;

export function findFollowUp(db: Db, id: string): FollowUpRecord | undefined {
  return db.select().from(followUps).where(eq(followUps.id, id)).get();
}

export function followUpsOf(db: Db, customerId: string): FollowUpRecord[] {
  return db
    .select()
    .from(followUps)
    .where(and(eq(followUps.customerId, customerId), isNull(followUps.deletedAt)))
    .orderBy(sql`${followUps.occurredAt} DESC`, sql`${followUps.id} DESC`)
    .all();
}

/** Open reminders set by follow-ups of this customer that happened no later than `until`. */
export function openRemindersBefore(db: Db, customerId: string, until: string, excludeId: string): FollowUpRecord[] {
  return db
    .select()
    .from(followUps)
    .where(
      and(
        eq(followUps.customerId, customerId),
        isNull(followUps.deletedAt),
        eq(followUps.done, false),
        sql`${followUps.nextContactDate} IS NOT NULL`,
        sql`${followUps.occurredAt} <= ${until}`,
        sql`${followUps.id} <> ${excludeId}`,
      ),
    )
    .all();
}

export interface DueRow {
  followUpId: string;
  customerId: string;
  customerName: string;
  company: string | null;
  phone: string | null;
  dueDate: string;
  /** The reminder's "HH:MM" on its day, this computer's wall clock as typed; null: the whole day. */
  dueTime: string | null;
  lastContent: string;
  lastChannel: FollowUpChannel;
}

/** The open reminders of live, unarchived customers: the one place that says what "due" means. */
const openReminderOfLiveCustomer = () =>
  and(eq(followUps.done, false), isNull(followUps.deletedAt), sql`${followUps.nextContactDate} IS NOT NULL`, isNull(customers.deletedAt), isNull(customers.archivedAt));

/** How many reminders fall before, on and after `today` (up to `until`); exported for its query-plan test. */
export function dueCountsQuery(db: Db, today: string, until: string) {
  return db
    .select({
      overdue: sql<number>`coalesce(sum(${followUps.nextContactDate} < ${today}), 0)`,
      today: sql<number>`coalesce(sum(${followUps.nextContactDate} = ${today}), 0)`,
      upcoming: sql<number>`coalesce(sum(${followUps.nextContactDate} > ${today}), 0)`,
    })
    .from(followUps)
    .innerJoin(customers, eq(customers.id, followUps.customerId))
    .where(and(openReminderOfLiveCustomer(), sql`${followUps.nextContactDate} <= ${until}`));
}

export function dueCounts(db: Db, today: string, until: string): { overdue: number; today: number; upcoming: number } {
  return dueCountsQuery(db, today, until).get() ?? { overdue: 0, today: 0, upcoming: 0 };
}

/** Open reminders due in [from, to] (either end open when null), oldest first, at most `limit`. */
export function dueReminders(db: Db, range: { from: string | null; to: string }, limit: number): DueRow[] {
  return db
    .select({
      followUpId: followUps.id,
      customerId: customers.id,
      customerName: customers.name,
      company: customers.company,
      phone: sql<string | null>`(SELECT c.value FROM contact_channels c WHERE c.customer_id = customers.id AND c.kind = 'phone' AND c.deleted_at IS NULL ORDER BY c.created_at, c.id LIMIT 1)`,
      dueDate: sql<string>`${followUps.nextContactDate}`,
      dueTime: followUps.nextContactTime,
      lastContent: followUps.content,
      lastChannel: followUps.channel,
    })
    .from(followUps)
    .innerJoin(customers, eq(customers.id, followUps.customerId))
    .where(
      and(
        openReminderOfLiveCustomer(),
        range.from === null ? undefined : sql`${followUps.nextContactDate} >= ${range.from}`,
        sql`${followUps.nextContactDate} <= ${range.to}`,
      ),
    )
    // Day order straight from the due index, so taking the first `limit` never sorts every reminder; within a day by
    // time (only that day's reminders are sorted). A reminder without a time is due from the day's start, so it comes
    // first: SQLite sorts NULL before any "HH:MM".
    .orderBy(asc(followUps.nextContactDate), asc(followUps.nextContactTime), asc(followUps.id))
    .limit(limit)
    .all();
}
