import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../renderer/components/format';
import { cutLines, groupText } from '../../renderer/features/tiers/cut-text';
import { hintEnvFor, hintText } from '../../renderer/features/tiers/labels';
import type { Explanation } from '../../shared/contract/segmentation';
import type { EngineOrder, MoveHint } from '../../shared/segmentation';
import { customer, order, run } from './segmentation/fixtures';
import { bothTranslators } from '../support/both-languages';

const ts = bothTranslators();

// 50 domestic buyers at ¥100 … ¥5,000 and 50 overseas at ¥10,000 … ¥500,000, ranked per business line.
const stall = Array.from({ length: 50 }, (_, k) => customer(`s${k + 1}`, { locality: 'local' }));
const desk = Array.from({ length: 50 }, (_, k) => customer(`e${k + 1}`, { locality: 'overseas' }));
const orders = [...stall.map((c, k) => order(c.id, '2026-06-01', 10_000 * (k + 1))), ...desk.map((c, k) => order(c.id, '2026-06-01', 1_000_000 * (k + 1)))];
const explain = (result: ReturnType<typeof run>, id: string, scheme: string) => {
  const a = (result.customers.get(id)!.assignments as unknown as Record<string, { classKey: string; explanation: Explanation }>)[scheme]!;
  return a;
};
const env = (language: 'zh-CN' | 'en') => ({ language, currency: 'CNY', window: { kind: 'days' as const, days: 365 } });
const yuan = (minor: number, language: string) => formatMoney(minor, 'CNY', language);

describe('tier explanations state basis, group and cut in words', () => {
  const parted = run([...stall, ...desk], orders, [], { partition: { kind: 'field', field: 'market' } });

  it('names the group, the share and the cut of a platinum customer (zh-CN and en)', () => {
    const { classKey, explanation } = explain(parted, 's50', 'pyramid');
    expect(classKey).toBe('platinum');
    // n = 50 in the group: platinum is the top round(0.5) = 1 customer, cut = ¥5,000.
    expect(cutLines(ts['zh-CN'], 'pyramid', classKey, explanation, env('zh-CN'))).toEqual([
      '排名依据：营收',
      `铂金（内贸）：50 位参与排名的客户中前 1%，营收 ≥ ${yuan(500_000, 'zh-CN')}`,
      `排第 1 名，营收 ${yuan(500_000, 'zh-CN')}`,
    ]);
    expect(cutLines(ts.en, 'pyramid', classKey, explanation, env('en'))[1]).toBe(`Platinum in Domestic: top 1% of 50 ranked customers, Revenue ≥ ${yuan(500_000, 'en')}`);
  });

  it('a tie that fills a tier past its share is not called "top N %": it says how many reached the cut', () => {
    // Seven customers with the same ¥200: iron's target is round(0.2 × 7) = 1, the tie takes all seven.
    const names = ['t1', 't2', 't3', 't4', 't5', 't6', 't7'];
    const tied = run(names.map((id) => customer(id)), names.map((id) => order(id, '2026-06-01', 20_000)));
    const { classKey, explanation } = explain(tied, 't3', 'pyramid');
    expect(classKey).toBe('iron');
    expect(cutLines(ts.en, 'pyramid', classKey, explanation, env('en'))[1]).toBe(
      `Iron: 7 of 7 ranked customers have Revenue ≥ ${yuan(20_000, 'en')}, more than the top 20%, because equal amounts are never split`,
    );
    expect(cutLines(ts['zh-CN'], 'pyramid', classKey, explanation, env('zh-CN'))[1]).toBe(
      `铁：7 位参与排名的客户中有 7 位客户营收 ≥ ${yuan(20_000, 'zh-CN')}；金额相同的客户不拆分，所以超出了前 20%`,
    );
    for (const language of ['zh-CN', 'en'] as const) {
      expect(cutLines(ts[language], 'pyramid', classKey, explanation, env(language)).join(' ')).not.toMatch(/: top 20% of|中前 20%，/);
    }
  });

  it('a gold customer reads the cumulative share (1 % + 4 %) and its own cut', () => {
    const { classKey, explanation } = explain(parted, 'e48', 'pyramid');
    expect(classKey).toBe('gold');
    // Platinum + gold target round(2.5) = 3: the third largest overseas value, ¥480,000.
    expect(cutLines(ts.en, 'pyramid', classKey, explanation, env('en'))[1]).toBe(`Gold in Overseas: top 5% of 50 ranked customers, Revenue ≥ ${yuan(48_000_000, 'en')}`);
  });

  it('fixed thresholds and a customer without cost data ranked by revenue', () => {
    const result = run([customer('x')], [order('x', '2026-06-01', 12_000_000)], [], {
      pyramid: { basis: 'gross_profit', mode: 'thresholds', thresholds: { platinum: 50_000_000, gold: 10_000_000, iron: 2_000_000 } },
    });
    const { classKey, explanation } = explain(result, 'x', 'pyramid');
    expect(cutLines(ts['zh-CN'], 'pyramid', classKey, explanation, env('zh-CN')).slice(0, 2)).toEqual([
      '排名依据：毛利（营收 − 成本） · 没有成本数据，按营收排名',
      `黄金：营收 ≥ ${yuan(10_000_000, 'zh-CN')}（固定门槛）`,
    ]);
    // The fall-back customer's hint speaks of spending, since their rank is revenue.
    const hint = explanation.moves[0] as MoveHint;
    const text = hintText(ts.en, hint, 'pyramid', hintEnvFor(env('en'), explanation));
    expect(text).toBe(hintText(ts.en, hint, 'pyramid', env('en')));
    expect(text).toContain(yuan(38_000_000, 'en'));
    expect(text).not.toContain('gross profit');
  });

  it('a gross-profit hint says "more gross profit", exactly the gap', () => {
    const sale = (id: string, amount: number, cost: number): EngineOrder => ({ customerId: id, date: '2026-06-01', baseAmountMinor: amount, baseCostMinor: cost, kind: 'sale' });
    const result = run([customer('p')], [sale('p', 20_000_000, 11_200_000)], [], {
      pyramid: { basis: 'gross_profit', mode: 'thresholds', thresholds: { platinum: 50_000_000, gold: 10_000_000, iron: 2_000_000 } },
    });
    const { explanation } = explain(result, 'p', 'pyramid');
    // Profit 20,000,000 − 11,200,000 = 8,800,000: iron; gold needs 1,200,000 more (¥12,000).
    const hint = explanation.moves[0] as MoveHint;
    expect(hintText(ts['zh-CN'], hint, 'pyramid', { ...hintEnvFor(env('zh-CN'), explanation) })).toMatch(new RegExp(`再多 ${yuan(1_200_000, 'zh-CN').replace(/[.$¥]/g, '\\$&')} 毛利 → 黄金$`));
  });

  it('other ranked schemes name their group; group keys read in words', () => {
    const { classKey, explanation } = explain(parted, 's10', 'rf_segment');
    expect(cutLines(ts.en, 'rf_segment', classKey, explanation, env('en'))).toEqual(['Group: Domestic (50 customers)']);
    expect(groupText(ts['zh-CN'], 'tag', 'with', { tag: '外贸' }, 'zh-CN')).toBe('有标签「外贸」');
    expect(groupText(ts.en, 'segment', 'non_member', { segmentName: 'VIP' }, 'en')).toBe('Not in "VIP"');
    expect(groupText(ts.en, 'locality', 'non_local', {}, 'en')).not.toBe('non_local');
    expect(groupText(ts.en, 'owner', 'unknown', {}, 'en')).toBe('Not filled in');
  });
});

describe('value tiers state their cut', () => {
  it('high and medium read "value score ≥ cut", low "below" the medium cut, with how the cut was set', () => {
    const customers = Array.from({ length: 10 }, (_, k) => customer(`v${k}`));
    const orders = customers.flatMap((c, k) => Array.from({ length: k + 1 }, (_, j) => order(c.id, `2026-06-${String(j + 1).padStart(2, '0')}`, 1000 * (k + 1))));
    const result = run(customers, orders, [], { value: { mode: 'thresholds', thresholds: { high: 13, medium: 8 } } });
    const top = explain(result, 'v9', 'value');
    const low = explain(result, 'v0', 'value');
    expect(top.classKey).toBe('high');
    expect(cutLines(ts.en, 'value', top.classKey, top.explanation, env('en'))).toEqual(['Ranked by Revenue', 'High value: value score ≥ 13 (fixed threshold)']);
    expect(low.classKey).toBe('low');
    expect(cutLines(ts['zh-CN'], 'value', low.classKey, low.explanation, env('zh-CN'))[1]).toBe('低价值：价值分低于 8（固定门槛）');
  });
});
