import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../renderer/i18n/resources';
import { periodLabel, type FigureEnv, type Figures } from '../../renderer/features/evaluation/figures';
import { reportMetrics } from '../../renderer/features/evaluation/metrics';
import { historyClasses } from '../../renderer/features/tiers/history-classes';

const ts: Record<'zh-CN' | 'en', TFunction> = {} as never;
beforeAll(async () => {
  for (const lng of ['zh-CN', 'en'] as const) {
    const instance = i18next.createInstance();
    const res: Record<string, object> = {};
    for (const [ns, byLanguage] of Object.entries(resources)) res[ns] = byLanguage[lng];
    await instance.init({ resources: { [lng]: res }, lng, fallbackLng: false, ns: Object.keys(resources), defaultNS: 'common', interpolation: { escapeValue: false } });
    ts[lng] = instance.t;
  }
});

const env = (language: 'zh-CN' | 'en'): FigureEnv => ({ t: ts[language], language, currency: 'CNY', scheme: 'pyramid' });

const figures = (patch: Partial<Figures>): Figures => ({
  customers: 0, revenueMinor: 0, revenueShare: null, orders: 0, returns: 0, aovMinor: null, purchaseFrequency: null, buyers: 0, followUps: 0, followUpFrequency: null,
  retained: 0, retentionRate: null, churnRate: null, growthRate: null, yoyGrowthRate: null, satisfactionAvg: null, satisfactionN: 0, satisfactionFollowUps: 0, covered: 0, coverageRate: null,
  ...patch,
});

describe('the evaluation screen words its figures', () => {
  it('names periods in the reader’s language', () => {
    expect(periodLabel(env('en'), { start: '2026-04-01' }, 'quarter')).toBe('Q2 2026');
    expect(periodLabel(env('zh-CN'), { start: '2026-10-01' }, 'quarter')).toBe('2026年第4季度');
    expect(periodLabel(env('en'), { start: '2026-03-01' }, 'month')).toBe('Mar 2026');
    expect(periodLabel(env('zh-CN'), { start: '2026-03-01' }, 'month')).toBe('2026年3月');
    expect(periodLabel(env('en'), { start: '2025-01-01' }, 'year')).toBe('2025');
  });

  it('says what a rate rests on: satisfaction with its customers, retention and coverage as counts', () => {
    const f = figures({ customers: 8, retained: 6, retentionRate: 0.75, satisfactionAvg: 4.25, satisfactionN: 3, covered: 2, coverageRate: 0.25, growthRate: 0.125, yoyGrowthRate: -0.5, aovMinor: 123456 });
    const en = reportMetrics(env('en'));
    expect(en.satisfactionAvg.text(f.satisfactionAvg!, f)).toBe('4.25 (3 customers)');
    expect(en.satisfactionAvg.text(5, figures({ satisfactionN: 1 }))).toBe('5 (1 customer)');
    expect(en.retentionRate.text(f.retentionRate!, f)).toBe('75% (6/8)');
    expect(en.coverageRate.text(f.coverageRate!, f)).toBe('25% (2/8)');
    expect(en.growthRate.text(f.growthRate!, f)).toBe('+12.5%');
    expect(en.yoyGrowthRate.text(f.yoyGrowthRate!, f)).toBe('-50%');
    expect(en.aovMinor.text(f.aovMinor!, f)).toBe('CN¥1,234.56');
    expect(reportMetrics(env('zh-CN')).satisfactionAvg.text(4.25, f)).toBe('4.25（3 位客户）');
    // Gross profit is read only where the report carries it: absent stays absent, never 0.
    expect(en.grossProfitMinor.value(f)).toBeUndefined();
  });

  it('orders a customer’s tier history top class first, free text after, "not classified" last', () => {
    const changes = [
      { asOf: '2026-01-01', classKey: 'iron' },
      { asOf: '2026-03-01', classKey: 'platinum' },
      { asOf: '2026-05-01', classKey: null },
      { asOf: '2026-06-01', classKey: 'gold' },
    ];
    expect(historyClasses('pyramid', changes)).toEqual(['platinum', 'gold', 'iron', null]);
    expect(historyClasses('industry', [{ asOf: '2026-01-01', classKey: 'textiles' }, { asOf: '2026-02-01', classKey: 'apparel' }])).toEqual(['apparel', 'textiles']);
  });
});
