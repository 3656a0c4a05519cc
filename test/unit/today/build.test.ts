import { describe, expect, it } from 'vitest';
import { buildToday, byLikelihood, NEW_CUSTOMER_DAYS, SLIPPING_QUIET_DAYS, SLIPPING_RECENT_DAYS } from '../../../shared/today/build';
import type { TodayInput } from '../../../shared/today/types';

const AS_OF = '2026-11-23';
const dayBefore = (days: number) => new Date(Date.UTC(2026, 10, 23 - days)).toISOString().slice(0, 10);

/** One customer per call, everything quiet unless the case says otherwise. */
function input(over: Partial<TodayInput> & { pyramid?: string; value?: string; lifecycle?: string; createdDaysAgo?: number; lastFollowUp?: string | null; lastOrder?: string | null }): TodayInput {
  return {
    asOf: AS_OF,
    customers: [{ id: 'c1', name: 'One', company: null, owner: null, createdDate: dayBefore(over.createdDaysAgo ?? 400) }],
    classKeys: { pyramid: [over.pyramid ?? 'iron'], value: [over.value ?? 'medium'], lifecycle: [over.lifecycle ?? 'active'], rf_segment: ['loyal'] },
    lastOrderDate: [over.lastOrder ?? null],
    lastFollowUpDate: [over.lastFollowUp === undefined ? dayBefore(1) : over.lastFollowUp],
    reminders: over.reminders ?? [],
    policies: over.policies ?? [],
    tierChanges: over.tierChanges ?? {},
  };
}
const keys = (i: TodayInput) => buildToday(i).flatMap((item) => item.reasons.map((r) => r.key));

describe('Today, the pure list', () => {
  it('a drop counts only from a valuable tier, only downwards, and only while recent', () => {
    const change = (days: number, previous: string, classKey = 'iron') => ({ pyramid: new Map([['c1', { asOf: dayBefore(days), classKey, previous }]]) });
    expect(keys(input({ tierChanges: change(3, 'gold'), lastFollowUp: dayBefore(60) }))).toEqual(['slipping_down']);
    expect(keys(input({ tierChanges: change(3, 'lead'), lastFollowUp: dayBefore(60) }))).toEqual([]);
    expect(keys(input({ pyramid: 'gold', tierChanges: change(3, 'iron', 'gold'), lastFollowUp: dayBefore(60) }))).toEqual([]);
    expect(keys(input({ tierChanges: change(SLIPPING_RECENT_DAYS, 'platinum'), lastFollowUp: dayBefore(60) }))).toEqual(['slipping_down']);
    expect(keys(input({ tierChanges: change(SLIPPING_RECENT_DAYS + 1, 'platinum'), lastFollowUp: dayBefore(60) }))).toEqual([]);
    // A follow-up on or after the drop answers it; one before does not.
    expect(keys(input({ tierChanges: change(3, 'gold'), lastFollowUp: dayBefore(3) }))).toEqual([]);
    expect(keys(input({ tierChanges: change(3, 'gold'), lastFollowUp: dayBefore(4) }))).toEqual(['slipping_down']);
  });

  it('at risk only for valuable tiers, and quiet for SLIPPING_QUIET_DAYS after a follow-up', () => {
    expect(keys(input({ pyramid: 'gold', lifecycle: 'at_risk', lastFollowUp: dayBefore(SLIPPING_QUIET_DAYS) }))).toEqual(['slipping_at_risk']);
    expect(keys(input({ pyramid: 'gold', lifecycle: 'at_risk', lastFollowUp: dayBefore(SLIPPING_QUIET_DAYS - 1) }))).toEqual([]);
    expect(keys(input({ pyramid: 'iron', lifecycle: 'at_risk', lastFollowUp: null }))).toEqual([]);
  });

  it('new means created within NEW_CUSTOMER_DAYS and never followed up; not created after asOf', () => {
    expect(keys(input({ createdDaysAgo: NEW_CUSTOMER_DAYS, lastFollowUp: null }))).toEqual(['new_customer']);
    expect(keys(input({ createdDaysAgo: NEW_CUSTOMER_DAYS + 1, lastFollowUp: null }))).toEqual([]);
    expect(keys(input({ createdDaysAgo: -1, lastFollowUp: null }))).toEqual([]);
  });

  it('a policy is due on the day its cadence runs out; the later of order and follow-up is the contact', () => {
    const policies = [{ scheme: 'pyramid', classKey: 'iron', cadenceDays: 10, priority: 3 }];
    expect(keys(input({ policies, lastFollowUp: dayBefore(9) }))).toEqual([]);
    expect(buildToday(input({ policies, lastFollowUp: dayBefore(10) }))[0]).toMatchObject({ priority: 430, dueDate: AS_OF, reasons: [{ key: 'policy_last_follow_up', params: { days: 10 } }] });
    expect(keys(input({ policies, lastFollowUp: dayBefore(30), lastOrder: dayBefore(5) }))).toEqual([]);
    expect(keys(input({ policies, lastFollowUp: dayBefore(30), lastOrder: dayBefore(12) }))).toEqual(['policy_last_order']);
    expect(keys(input({ policies: [{ ...policies[0]!, cadenceDays: null }], lastFollowUp: null }))).toEqual([]);
  });

  it('reminders after asOf are not today’s; several open reminders make one reason and are all closed by done', () => {
    const reminders = [
      { followUpId: 'f1', customerId: 'c1', dueDate: dayBefore(5) },
      { followUpId: 'f2', customerId: 'c1', dueDate: dayBefore(2) },
      { followUpId: 'f3', customerId: 'c1', dueDate: dayBefore(-1) },
    ];
    const [item] = buildToday(input({ reminders }));
    expect(item).toMatchObject({ kind: 'overdue', dueDate: dayBefore(5), followUpIds: ['f1', 'f2'], reasons: [{ key: 'reminder_overdue', params: { days: 5 } }] });
  });

  it('ranking by likelihood keeps overdue rows first and puts unscored rows last', () => {
    const row = (id: string, kind: 'overdue' | 'policy', likelihood: number | null, priority = kind === 'overdue' ? 100 : 410) =>
      ({ customerId: id, customerName: id, company: null, owner: null, kind, priority, dueDate: AS_OF, reasons: [], followUpIds: [], likelihood });
    const sorted = [row('a', 'policy', null), row('b', 'policy', 0.2), row('c', 'overdue', 0.1), row('d', 'policy', 0.9)].sort(byLikelihood);
    expect(sorted.map((r) => r.customerId)).toEqual(['c', 'd', 'b', 'a']);
  });
});
