import { describe, expect, it } from 'vitest';
import { explanationFacts } from '../../renderer/features/tiers/explain-facts';
import { classLabel, hintText, profileValueText, schemeColumnLabel, schemeColumnTooltip, type TierWindow } from '../../renderer/features/tiers/labels';
import { conditionText, ruleLines } from '../../renderer/features/tiers/rule-text';
import { groupRfmCells } from '../../renderer/features/tiers/rfm-groups';
import type { Explanation } from '../../shared/contract/segmentation';
import { classKeysOf, CLOSED_SCHEME_KEYS, type MoveHint, type RuleGroup } from '../../shared/segmentation';
import { customer, followUp, order, run } from './segmentation/fixtures';
import { bothTranslators } from '../support/both-languages';

const ts = bothTranslators();

const YEAR: TierWindow = { kind: 'days', days: 365 };

describe('class labels say what they cover', () => {
  it('names the window on "no orders", in both languages and plural forms', () => {
    expect(classLabel(ts['zh-CN'], 'pyramid', 'none', 'zh-CN', { window: YEAR })).toBe('近12个月无订单');
    expect(classLabel(ts.en, 'pyramid', 'none', 'en', { window: YEAR })).toBe('No orders in the last 12 months');
    expect(classLabel(ts.en, 'rfm', 'none', 'en', { window: { kind: 'days', days: 30 } })).toBe('No orders in the last month');
    expect(classLabel(ts.en, 'value', 'none', 'en', { window: { kind: 'days', days: 730 } })).toBe('No orders in the last 24 months');
    expect(classLabel(ts.en, 'value', 'none', 'en', { window: { kind: 'days', days: 100 } })).toBe('No orders in the last 100 days');
    expect(classLabel(ts['zh-CN'], 'value', 'none', 'zh-CN', { window: { kind: 'days', days: 100 } })).toBe('近100天无订单');
    expect(classLabel(ts.en, 'pyramid', 'none', 'en', { window: { kind: 'all' } })).toBe('Never ordered');
    // Before the window is known it still never reads a bare "No orders".
    expect(classLabel(ts.en, 'pyramid', 'none', 'en')).toBe('No orders in the analysis window');
  });

  it('gives an RFM cell its R×F segment with the code', () => {
    expect(classLabel(ts['zh-CN'], 'rfm', '545', 'zh-CN')).toBe('冠军客户 · 545');
    expect(classLabel(ts.en, 'rfm', '155', 'en')).toBe("Can't lose · 155");
    expect(classLabel(ts.en, 'rfm', '321', 'en')).toBe('About to sleep · 321');
  });

  it('puts the window on tier column headers and their tooltips, not on profile columns', () => {
    expect(schemeColumnLabel(ts['zh-CN'], 'pyramid', '客户金字塔', { window: YEAR })).toBe('客户金字塔（近12个月）');
    expect(schemeColumnLabel(ts.en, 'pyramid', 'Customer pyramid', { window: YEAR })).toBe('Customer pyramid (last 12 months)');
    expect(schemeColumnLabel(ts.en, 'locality', 'Locality', { window: YEAR })).toBe('Locality');
    expect(schemeColumnTooltip(ts.en, 'rfm', 'RFM scores', { window: YEAR })).toContain('the last 12 months');
    expect(schemeColumnTooltip(ts.en, 'rfm', 'RFM scores', { window: YEAR })).toContain('"No orders in the last 12 months"');
  });

  it('groups RFM cells under their segment with summed figures', () => {
    const cells = [
      { classKey: '545', count: 2, revenueMinor: 500, revenueShare: 0.5 },
      { classKey: '555', count: 1, revenueMinor: 300, revenueShare: 0.3 },
      { classKey: '111', count: 4, revenueMinor: 200, revenueShare: 0.2 },
      { classKey: 'none', count: 9, revenueMinor: 0, revenueShare: 0 },
    ];
    const groups = groupRfmCells(cells);
    expect(groups.map((g) => g.classKey)).toEqual(['segment:champions', 'segment:hibernating', 'none']);
    expect(groups[0]).toMatchObject({ count: 3, revenueMinor: 800, revenueShare: 0.8 });
    expect(groups[0]!.children!.map((c) => c.classKey)).toEqual(['555', '545']);
  });
});

describe('hints are actions in words', () => {
  const env = (language: 'zh-CN' | 'en') => ({ language, currency: 'CNY', window: YEAR, current: { orderCount: 3, revenueMinor: 100_00, followUpCount: 0 } });
  const reachF = (value: number): MoveHint => ({ kind: 'reach_score', dimension: 'f', score: 4, bound: 'at_least', value, toClass: null });

  it('says how many more orders reach a frequency score', () => {
    expect(hintText(ts['zh-CN'], reachF(5), 'rfm', env('zh-CN'))).toBe('再下 2 单 → 频率 4 分');
    expect(hintText(ts.en, reachF(5), 'rfm', env('en'))).toBe('2 more orders → frequency score 4');
    expect(hintText(ts.en, reachF(4), 'rfm', env('en'))).toBe('1 more order → frequency score 4');
  });

  it('spells out monetary, recency and follow-up targets, with the class they lead to', () => {
    const m: MoveHint = { kind: 'reach_score', dimension: 'm', score: 5, bound: 'at_least', value: 350_00, toClass: '545' };
    expect(hintText(ts.en, m, 'rfm', env('en'))).toBe('Spend CN¥250.00 more → monetary score 5 (Champions · 545)');
    const r: MoveHint = { kind: 'reach_score', dimension: 'r', score: 3, bound: 'at_most', value: 60, toClass: null };
    expect(hintText(ts['zh-CN'], r, 'rfm', env('zh-CN'))).toBe('再下一单 → 最近购买 3 分（上次下单需在 60 天内）');
    const fu: MoveHint = { kind: 'reach_score', dimension: 'followUps', score: 2, bound: 'at_least', value: 1, toClass: null };
    expect(hintText(ts.en, fu, 'value', env('en'))).toBe('1 more follow-up → follow-up score 2');
    // Without the customer's figures: the target itself, with the window named.
    expect(hintText(ts.en, reachF(5), 'rfm', { language: 'en', currency: 'CNY', window: YEAR })).toBe('At least 5 orders in the last 12 months → frequency score 4');
  });

  it('uses plural forms for order counts and days', () => {
    const more = (orders: number): MoveHint => ({ kind: 'order_more', orders, by: null, toClass: 'high_frequency' });
    expect(hintText(ts.en, more(1), 'behavior', env('en'))).toBe('1 more order → High frequency');
    expect(hintText(ts.en, more(3), 'behavior', env('en'))).toBe('3 more orders → High frequency');
    expect(hintText(ts['zh-CN'], more(3), 'behavior', env('zh-CN'))).toBe('再下 3 单 → 高频购买');
    const within = (days: number): MoveHint => ({ kind: 'order_within', days, by: '2026-07-01', keeps: 'active' });
    expect(hintText(ts.en, within(1), 'lifecycle', env('en'))).toMatch(/^An order within 1 day \(by /);
    expect(hintText(ts.en, within(9), 'lifecycle', env('en'))).toMatch(/^An order within 9 days \(by /);
  });
});

describe('no raw key reaches the screen', () => {
  // Engine keys that must never be shown as such: a leak of any of them is a missing translation.
  const KEYS = /\b(overseas|non_local|distributor|enterprise|solution|median_gap|one_order_fallback|frequent_and_recent|recent_or_big|never_ordered|potential_loyalist|need_attention|about_to_sleep|cant_lose|high_frequency|low_frequency|gte|lte|not_equals|is_empty|in_scheme)\b|→ [RFM]\d|\b(tiers|tierLabels|common|facts|factValues|hints|classes|custom)[.:]\w/;

  it('explanations, classes and hints of a varied population, in both languages', () => {
    const customers = [
      customer('A', { locality: 'overseas', type: 'distributor', needs: 'solution', country: 'DE' }),
      customer('B', { locality: 'local', type: 'enterprise', needs: 'service', country: 'CN' }),
      customer('C', { locality: 'non_local', type: 'government', industry: 'Retail' }),
      customer('D'),
      customer('E', { type: 'internal' }),
    ];
    const orders = [
      order('A', '2026-06-20', 900_00), order('A', '2026-05-01', 500_00), order('A', '2025-12-01', 700_00),
      order('B', '2026-01-10', 50_00), order('C', '2024-03-01', 531_439_00), order('E', '2026-06-01', 10_00), order('E', '2026-06-02', 10_00),
    ];
    const result = run(customers, orders, [followUp('B', '2026-06-01T10:00:00Z', 'hesitant')]);
    let checked = 0;
    for (const lng of ['zh-CN', 'en'] as const) {
      const t = ts[lng];
      for (const view of result.customers.values()) {
        const assignments = view.assignments as unknown as Record<string, { classKey: string; explanation: Explanation }>;
        const env = { language: lng, currency: 'CNY', window: YEAR, current: { orderCount: view.metrics.orderCount, revenueMinor: view.metrics.revenueMinor, followUpCount: view.metrics.followUpCount } };
        for (const scheme of result.schemeKeys) {
          const { classKey, explanation } = assignments[scheme]!;
          const shown = [
            classLabel(t, scheme, classKey, lng, { window: YEAR }),
            ...explanationFacts(t, scheme, explanation, env).flatMap((f) => [f.label, f.text]),
            ...explanation.moves.map((h) => hintText(t, h, scheme, env)),
          ];
          for (const text of shown) {
            expect(text, `${lng} ${scheme} ${view.customerId}`).not.toMatch(KEYS);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
    // The walkthrough's case: 档案值 shows words, and C's old revenue does not make "No orders" a lie.
    expect(profileValueText(ts['zh-CN'], 'locality', 'overseas', 'zh-CN')).toBe('海外');
    expect(profileValueText(ts['zh-CN'], 'type', 'distributor', 'zh-CN')).toBe('经销商');
    expect(profileValueText(ts['zh-CN'], 'needs', 'solution', 'zh-CN')).toBe('解决方案');
    expect(profileValueText(ts.en, 'country', 'DE', 'en')).toBe('Germany');
  });

  it('every class of every closed scheme has a label in both languages', () => {
    for (const lng of ['zh-CN', 'en'] as const) {
      for (const scheme of CLOSED_SCHEME_KEYS) {
        if (scheme === 'country') continue; // named by Intl
        for (const key of classKeysOf(scheme)) expect(classLabel(ts[lng], scheme, key, lng, { window: YEAR }), `${scheme}.${key}`).not.toMatch(KEYS);
      }
    }
  });

  it('custom-segment conditions read as sentences, operators translated', () => {
    const rule: RuleGroup = {
      kind: 'group',
      op: 'and',
      conditions: [
        { kind: 'field', field: 'locality', op: 'equals', value: 'local' },
        { kind: 'field', field: 'type', op: 'in', values: ['distributor', 'enterprise'] },
        { kind: 'metric', metric: 'revenue', op: 'gte', value: 1_000_00 },
        { kind: 'metric', metric: 'orderCount', op: 'between', min: 2, max: 5 },
        { kind: 'in_scheme', scheme: 'rf_segment', classes: ['at_risk', 'cant_lose'] },
        { kind: 'group', op: 'or', conditions: [{ kind: 'tag', op: 'lacks', tag: 'VIP' }, { kind: 'field', field: 'city', op: 'is_empty' }] },
      ],
    };
    const zh = ruleLines(ts['zh-CN'], rule, { language: 'zh-CN', currency: 'CNY' });
    expect(zh.map((l) => l.text)).toEqual([
      '同时满足',
      '地域 等于 本地',
      '类型 属于 经销商、企业',
      '分析期营收 ≥ ¥1,000.00',
      '分析期订单数 介于 2 – 5',
      'RF 客户分群 属于 有流失风险、不能失去',
      '满足任一',
      '标签 没有 VIP',
      '城市 为空',
    ]);
    for (const c of rule.conditions) if (c.kind !== 'group') expect(conditionText(ts.en, c, { language: 'en', currency: 'CNY' })).not.toMatch(KEYS);
    expect(conditionText(ts.en, rule.conditions[0] as never, { language: 'en', currency: 'CNY' })).toBe('Locality equals Local');
    // With a trace, each line says whether this customer meets it.
    const trace = { kind: 'group' as const, op: 'and' as const, result: false, children: [{ kind: 'condition' as const, result: true, actual: 'local' }] };
    expect(ruleLines(ts.en, { kind: 'group', op: 'and', conditions: [rule.conditions[0]!] }, { language: 'en', currency: 'CNY' }, trace).map((l) => l.met)).toEqual([false, true]);
  });

  it('a free-text class in a rule reads as its customers spell it, not as its lower-cased key', () => {
    // Kept as keys (saved from the tier screen) or as typed (a rule file): each is the class of its key.
    const condition = { kind: 'in_scheme' as const, scheme: 'industry' as const, classes: ['oem electronics', ' Retail  Shops', 'trading co'] };
    const spellings = { industry: { 'oem electronics': 'OEM Electronics', 'retail shops': 'Retail Shops' }, income: {}, size: {} };
    for (const language of ['en', 'zh-CN'] as const) {
      const t = ts[language];
      const join = language === 'en' ? ', ' : '、';
      // A class nobody spells (no customer, no stored history holds it) stays as the rule has it, tidied.
      expect(conditionText(t, condition, { language, currency: 'CNY', spellings })).toBe(`${t('tiers:schemes.industry')} ${t('tiers:custom.ops.in')} ${['OEM Electronics', 'Retail Shops', 'trading co'].join(join)}`);
    }
  });
});
