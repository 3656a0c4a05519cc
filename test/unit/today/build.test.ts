import { describe, expect, it } from 'vitest';
import { buildToday, byLikelihood, byPriority, mergeByPriority, NEW_CUSTOMER_DAYS, rankByLikelihood, SLIPPING_QUIET_DAYS, SLIPPING_RECENT_DAYS, sortedByPriorityInSteps } from '../../../shared/today/build';
import { runSteps } from '../../../shared/domain/steps';
import fc from 'fast-check';
import type { TodayItem } from '../../../shared/today/types';
import { reasonText } from '../../../shared/today/reason-text';
import type { TodayInput } from '../../../shared/today/types';
import { reasonLabel } from '../../../renderer/features/today/reason-label';
import { bothTranslators } from '../../support/both-languages';

const AS_OF = '2026-11-23';
const ts = bothTranslators();
const dayBefore = (days: number) => new Date(Date.UTC(2026, 10, 23 - days)).toISOString().slice(0, 10);

/** One customer per call, everything quiet unless the case says otherwise. */
function input(over: Partial<TodayInput> & { pyramid?: string; value?: string; lifecycle?: string; createdDaysAgo?: number; lastFollowUp?: string | null; lastOrder?: string | null; firstOrder?: string | null }): TodayInput {
  const firstOrder = over.firstOrder === undefined ? (over.lastOrder ?? null) : over.firstOrder;
  return {
    asOf: AS_OF,
    customers: [{ id: 'c1', name: 'One', company: null, owner: null, createdDate: dayBefore(over.createdDaysAgo ?? 400) }],
    classKeys: { pyramid: [over.pyramid ?? 'iron'], value: [over.value ?? 'medium'], lifecycle: [over.lifecycle ?? 'active'], rf_segment: ['loyal'] },
    lastOrderDate: [over.lastOrder ?? null],
    lastFollowUpDate: [over.lastFollowUp === undefined ? dayBefore(1) : over.lastFollowUp],
    firstOrderDate: () => firstOrder,
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

  it('a customer with orders is new from their first order, not from the day their record was typed in', () => {
    const reasonsOf = (over: Parameters<typeof input>[0]) => buildToday(input({ lastFollowUp: null, ...over })).flatMap((item) => item.reasons.map((r) => [r.key, r.params, r.dueDate]));
    // A book typed in today with its history: orders since 2023, the latest 10 days ago. Not new.
    expect(reasonsOf({ createdDaysAgo: 0, firstOrder: '2023-03-10', lastOrder: dayBefore(10) })).toEqual([]);
    expect(reasonsOf({ createdDaysAgo: 0, firstOrder: dayBefore(NEW_CUSTOMER_DAYS + 1), lastOrder: dayBefore(2) })).toEqual([]);
    // First bought 12 days ago, typed in today: new since that order, and it says so.
    expect(reasonsOf({ createdDaysAgo: 0, firstOrder: dayBefore(12), lastOrder: dayBefore(3) })).toEqual([['new_customer_first_order', { date: dayBefore(12), days: 12 }, dayBefore(12)]]);
    expect(reasonsOf({ createdDaysAgo: 0, firstOrder: dayBefore(NEW_CUSTOMER_DAYS), lastOrder: dayBefore(NEW_CUSTOMER_DAYS) })).toEqual([
      ['new_customer_first_order', { date: dayBefore(NEW_CUSTOMER_DAYS), days: NEW_CUSTOMER_DAYS }, dayBefore(NEW_CUSTOMER_DAYS)],
    ]);
    // A prospect on file for months who bought for the first time this week is a new customer too.
    expect(reasonsOf({ createdDaysAgo: 200, firstOrder: dayBefore(5), lastOrder: dayBefore(5) })).toEqual([['new_customer_first_order', { date: dayBefore(5), days: 5 }, dayBefore(5)]]);
    // No orders: new since the record was made, as before.
    expect(reasonsOf({ createdDaysAgo: 4 })).toEqual([['new_customer', { date: dayBefore(4), days: 4 }, dayBefore(4)]]);
    // Any follow-up, however old (a history typed in with its follow-ups), answers it.
    expect(reasonsOf({ createdDaysAgo: 0, firstOrder: dayBefore(5), lastOrder: dayBefore(5), lastFollowUp: '2024-05-03' })).toEqual([]);
    expect(reasonsOf({ createdDaysAgo: 0, lastFollowUp: '2024-05-03' })).toEqual([]);
  });

  it('says which day a new customer counts from, the first order or the record, in both languages and the CLI alike', () => {
    const [byOrder] = buildToday(input({ lastFollowUp: null, createdDaysAgo: 0, firstOrder: '2026-11-09', lastOrder: '2026-11-20' }))[0]!.reasons;
    const [byRecord] = buildToday(input({ lastFollowUp: null, createdDaysAgo: 0 }))[0]!.reasons;
    expect(reasonLabel(ts.en, byOrder!, AS_OF, 'en')).toBe('New customer · first order Nov 9 · no follow-up yet');
    expect(reasonLabel(ts['zh-CN'], byOrder!, AS_OF, 'zh-CN')).toBe('新客户（11月9日首次下单）· 尚未跟进');
    expect(reasonLabel(ts.en, byRecord!, AS_OF, 'en')).toBe('New customer since Nov 23 · no follow-up yet');
    expect(reasonLabel(ts['zh-CN'], byRecord!, AS_OF, 'zh-CN')).toBe('新客户（11月23日建档）· 尚未跟进');
    // A first order in an earlier year names its year.
    const [lastYear] = buildToday({ ...input({ lastFollowUp: null, firstOrder: '2026-12-20', lastOrder: '2026-12-20' }), asOf: '2027-01-05' })[0]!.reasons;
    expect(reasonLabel(ts.en, lastYear!, '2027-01-05', 'en')).toBe('New customer · first order Dec 20, 2026 · no follow-up yet');
    for (const reason of [byOrder!, byRecord!, lastYear!]) expect(reasonText(reason, reason === lastYear ? '2027-01-05' : AS_OF)).toBe(reasonLabel(ts.en, reason, reason === lastYear ? '2027-01-05' : AS_OF, 'en'));
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

/**
 * The orders a kept list is brought up to date in (core/today/list.ts) must be the ones a sort gives: rows alike in
 * priority, date and score, names in Chinese and Latin letters, the same name twice.
 */
describe('Today, the orders of a list made from another', () => {
  const NAMES = ['王芳', '王方', '李娜', 'Ann', 'ann', 'Bo', '张伟', 'Zed', '阿里'];
  const rowArb = fc.record({
    name: fc.constantFrom(...NAMES),
    kind: fc.constantFrom('overdue', 'policy', 'payment', 'new_customer' as const),
    priority: fc.constantFrom(100, 150, 410, 420, 500),
    day: fc.integer({ min: 0, max: 3 }),
    likelihood: fc.option(fc.constantFrom(0.1, 0.5, 0.5, 0.9), { nil: null }),
  });
  const rowsArb = fc.array(rowArb, { maxLength: 60 }).map((rows) =>
    rows.map(
      (r, n): TodayItem => ({ customerId: `c${n}`, customerName: r.name, company: null, owner: null, kind: r.kind as TodayItem['kind'], priority: r.priority, dueDate: dayBefore(r.day), reasons: [], followUpIds: [], likelihood: r.likelihood }),
    ),
  );

  it('merging rows made again into the kept ones gives the sorted whole', () => {
    fc.assert(
      fc.property(rowsArb, fc.array(fc.boolean(), { maxLength: 60 }), (rows, remade) => {
        const made = rows.filter((_, n) => remade[n]).sort(byPriority);
        const kept = rows.filter((_, n) => !remade[n]).sort(byPriority);
        expect(mergeByPriority(kept, made)).toEqual([...rows].sort(byPriority));
      }),
    );
  });

  it('sorting by groups of one priority and date, a few per step, gives what one sort gives', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        expect(runSteps(sortedByPriorityInSteps(rows))).toEqual([...rows].sort(byPriority));
      }),
    );
  });

  it('ranking a list in priority order by likelihood gives what sorting it by byLikelihood gives', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const inPriorityOrder = [...rows].sort(byPriority);
        expect(rankByLikelihood(inPriorityOrder)).toEqual([...rows].sort(byLikelihood));
      }),
    );
  });
});
