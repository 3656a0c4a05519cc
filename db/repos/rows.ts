import type { Customer } from '../../shared/contract/customers';
import type { FollowUp } from '../../shared/contract/followups';
import type { contactChannels, customers, followUps } from '../schema';

/** Database rows → contract shapes. Kept in one place so every handler returns the same form. */
export function toCustomer(row: typeof customers.$inferSelect, contacts: (typeof contactChannels.$inferSelect)[]): Customer {
  return {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    name: row.name,
    company: row.company,
    type: row.type,
    industry: row.industry,
    country: row.country,
    region: row.region,
    city: row.city,
    locality: row.locality,
    localityManual: row.localityManual,
    sizeBand: row.sizeBand,
    incomeBand: row.incomeBand,
    needs: row.needs,
    tags: JSON.parse(row.tags) as string[],
    owner: row.owner,
    source: row.source,
    manualLevel: row.manualLevel,
    notes: row.notes,
    archivedAt: row.archivedAt,
    deletedAt: row.deletedAt,
    contacts: contacts.map((c) => ({ id: c.id, kind: c.kind, value: c.value, label: c.label })),
  };
}

export function toFollowUp(row: typeof followUps.$inferSelect): FollowUp {
  return {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    customerId: row.customerId,
    occurredAt: row.occurredAt,
    channel: row.channel,
    content: row.content,
    outcome: row.outcome,
    intent: row.intent,
    satisfaction: row.satisfaction,
    nextContactDate: row.nextContactDate,
    nextContactTime: row.nextContactTime,
    done: row.done,
    answeredBy: row.answeredBy,
  };
}
