import { describe, expect, it } from 'vitest';
import { fileSummaryText, latestFollowUpAt } from '../../../renderer/features/customer-file/file-summary';
import { reasonLabel } from '../../../renderer/features/today/reason-label';
import { reasonText } from '../../../shared/today/reason-text';
import type { TodayReason } from '../../../shared/today/types';
import { bothTranslators } from '../../support/both-languages';

const ts = bothTranslators();
const TODAY = '2026-11-23';
/** Noon on a day of this computer's calendar, as an instant: the same local day in every time zone. */
const localNoon = (day: string) => new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), 12).toISOString();


/**
 * The customer file's header under the name. It said "last contact: not yet" of a customer whose history is orders
 * only, while Today counts an order as contact ("上次下单15天前"); it now names the last order and the last follow-up,
 * in Today's words.
 */
describe('the customer file’s header line', () => {
  // The latest sale on or before today comes from orders:summary, in SQL (test/integration/orders-page.test.ts).
  it('finds the latest follow-up, whatever order they come in', () => {
    const followUps = [{ occurredAt: '2026-09-01T03:00:00.000Z' }, { occurredAt: '2026-11-02T23:30:00.000Z' }, { occurredAt: '2026-10-15T08:00:00.000Z' }];
    // Computed another way: the latest instant by its time value.
    const expectedFollowUp = [...followUps].sort((a, b) => new Date(a.occurredAt).getTime() - new Date(b.occurredAt).getTime()).at(-1)!.occurredAt;
    expect(latestFollowUpAt(followUps)).toBe(expectedFollowUp);
    expect(latestFollowUpAt([])).toBeNull();
  });

  it('names a customer’s last order when they have orders and no follow-up, never "not yet" of all contact', () => {
    const figures = { sales: 2, revenueMinor: 12_000 + 18_050, currency: 'CNY', lastOrderDate: '2026-11-08', lastFollowUpAt: null };
    expect(fileSummaryText(ts.en, 'en', figures)).toBe('Orders: 2 · total CN¥300.50 · last order Nov 8, 2026 · no follow-up yet');
    expect(fileSummaryText(ts['zh-CN'], 'zh-CN', figures)).toBe('订单 2 笔 · 累计 ¥300.50 · 上次下单 2026年11月8日 · 尚未跟进');
  });

  it('names both when there are both, and no "last order" when there is no sale', () => {
    const both = { sales: 1, revenueMinor: 9_900, currency: 'CNY', lastOrderDate: '2026-11-08', lastFollowUpAt: latestFollowUpAt([{ occurredAt: localNoon('2026-11-20') }]) };
    expect(fileSummaryText(ts.en, 'en', both)).toBe('Orders: 1 · total CN¥99.00 · last order Nov 8, 2026 · last follow-up Nov 20, 2026');
    expect(fileSummaryText(ts['zh-CN'], 'zh-CN', both)).toBe('订单 1 笔 · 累计 ¥99.00 · 上次下单 2026年11月8日 · 上次跟进 2026年11月20日');
    const none = { sales: 0, revenueMinor: 0, currency: 'CNY', lastOrderDate: null, lastFollowUpAt: null };
    expect(fileSummaryText(ts.en, 'en', none)).toBe('Orders: 0 · total CN¥0.00 · no follow-up yet');
    expect(fileSummaryText(ts['zh-CN'], 'zh-CN', none)).toBe('订单 0 笔 · 累计 ¥0.00 · 尚未跟进');
  });

  it('speaks as Today does: Today’s service-policy reasons name an order and a follow-up with the same words, the CLI too', () => {
    const policy = (key: 'policy_last_order' | 'policy_last_follow_up'): TodayReason => ({ key, params: { scheme: 'pyramid', classKey: 'gold', cadenceDays: 14, days: 15, date: '2026-11-08' } }) as TodayReason;
    expect(reasonLabel(ts['zh-CN'], policy('policy_last_order'), TODAY, 'zh-CN')).toContain('上次下单15天前');
    expect(reasonLabel(ts['zh-CN'], policy('policy_last_follow_up'), TODAY, 'zh-CN')).toContain('上次跟进15天前');
    expect(reasonLabel(ts.en, policy('policy_last_order'), TODAY, 'en')).toContain('last order 15 days ago');
    expect(reasonLabel(ts.en, policy('policy_last_follow_up'), TODAY, 'en')).toContain('last follow-up 15 days ago');
    for (const key of ['policy_last_order', 'policy_last_follow_up'] as const) expect(reasonText(policy(key), TODAY)).toBe(reasonLabel(ts.en, policy(key), TODAY, 'en'));
  });
});
