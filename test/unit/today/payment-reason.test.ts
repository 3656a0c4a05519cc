import { describe, expect, it } from 'vitest';
import { reasonLabel } from '../../../renderer/features/today/reason-label';
import { buildToday, PRIORITY } from '../../../shared/today/build';
import type { TodayInput } from '../../../shared/today/types';
import { bothTranslators } from '../../support/both-languages';

const ts = bothTranslators();

const input = (over: Partial<TodayInput>): TodayInput => ({
  asOf: '2026-11-23',
  customers: [
    { id: 'a', name: '甲', company: null, owner: null, createdDate: '2025-01-01' },
    { id: 'b', name: '乙', company: null, owner: null, createdDate: '2025-01-01' },
  ],
  classKeys: {},
  lastOrderDate: [null, null],
  lastFollowUpDate: ['2026-11-20', '2026-11-20'],
  firstOrderDate: () => null,
  reminders: [],
  policies: [],
  tierChanges: {},
  ...over,
});

describe('overdue payments on Today', () => {
  it('puts a customer on the list once, after overdue reminders and before today’s, with the days since the due date', () => {
    const items = buildToday(
      input({
        overduePayments: [
          { customerId: 'a', amountMinor: 43000, currency: 'CNY', dueDate: '2026-11-13' },
          // Due today is not overdue yet.
          { customerId: 'b', amountMinor: 100, currency: 'CNY', dueDate: '2026-11-23' },
        ],
        reminders: [{ followUpId: 'f', customerId: 'b', dueDate: '2026-11-01' }],
      }),
    );
    expect(items.map((i) => [i.customerId, i.kind, i.priority])).toEqual([
      ['b', 'overdue', PRIORITY.overdue],
      ['a', 'payment', PRIORITY.paymentOverdue],
    ]);
    expect(PRIORITY.overdue < PRIORITY.paymentOverdue && PRIORITY.paymentOverdue < PRIORITY.dueToday).toBe(true);
    // 2026-11-13 → 2026-11-23: 10 days.
    expect(items[1]!.reasons).toEqual([{ kind: 'payment', key: 'payment_overdue', params: { date: '2026-11-13', days: 10, amountMinor: 43000, currency: 'CNY' }, priority: 150, dueDate: '2026-11-13' }]);
  });

  it('words the reason in both languages with the amount and the days overdue', () => {
    const reason = { kind: 'payment' as const, key: 'payment_overdue' as const, params: { date: '2026-11-13', days: 10, amountMinor: 43000, currency: 'CNY' }, priority: 150, dueDate: '2026-11-13' };
    expect(reasonLabel(ts.en, reason, '2026-11-23', 'en')).toBe('Owes CN¥430.00 · due Nov 13 · 10 days overdue');
    expect(reasonLabel(ts['zh-CN'], reason, '2026-11-23', 'zh-CN')).toBe('欠款 ¥430.00 · 11月13日到期 · 已逾期 10 天');
    expect(reasonLabel(ts.en, { ...reason, params: { ...reason.params, days: 1 } }, '2026-11-23', 'en')).toContain('1 day overdue');
  });
});
