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
  lastContent: string;
  lastChannel: FollowUpChannel;
}

/** Open reminders of live, unarchived customers due on or before `until`, oldest first. */
export function dueReminders(db: Db, until: string): DueRow[] {
  return db
    .select({
      followUpId: followUps.id,
      customerId: customers.id,
      customerName: customers.name,
      company: customers.company,
      phone: sql<string | null>`(SELECT c.value FROM contact_channels c WHERE c.customer_id = customers.id AND c.kind = 'phone' AND c.deleted_at IS NULL ORDER BY c.created_at, c.id LIMIT 1)`,
      dueDate: sql<string>`${followUps.nextContactDate}`,
      lastContent: followUps.content,
      lastChannel: followUps.channel,
    })
    .from(followUps)
    .innerJoin(customers, eq(customers.id, followUps.customerId))
    .where(
      and(
        eq(followUps.done, false),
        isNull(followUps.deletedAt),
        sql`${followUps.nextContactDate} IS NOT NULL AND ${followUps.nextContactDate} <= ${until}`,
        isNull(customers.deletedAt),
        isNull(customers.archivedAt),
      ),
    )
    .orderBy(asc(followUps.nextContactDate), asc(customers.name), asc(followUps.id))
    .all();
}
