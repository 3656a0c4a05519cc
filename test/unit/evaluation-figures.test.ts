import { describe, expect, it } from 'vitest';
import { hasValues, membersTitle, periodLabel, type FigureEnv, type Figures } from '../../renderer/features/evaluation/figures';
import { reportMetrics } from '../../renderer/features/evaluation/metrics';
import { classMetricOption, heatmapTooltip, pyramidOption, sankeyOption, sankeyTooltip } from '../../renderer/features/evaluation/chart-options';
import type { EvaluationReport } from '../../renderer/features/evaluation/figures';
import { historyClasses } from '../../renderer/features/tiers/history-classes';
import { bothTranslators } from '../support/both-languages';

const ts = bothTranslators();

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

/** A month report of the pyramid with two classes, as reports:evaluation returns it (only what the charts read). */
function report(patch: Partial<EvaluationReport> = {}): EvaluationReport {
  const period = (start: string, complete: boolean, gold: Partial<Figures>, iron: Partial<Figures>) => ({
    start,
    end: `${start.slice(0, 8)}28`,
    complete,
    classes: { gold: figures(gold), iron: figures(iron) },
    unclassified: figures({}),
    total: figures({}),
    movement: { stayed: 0, upgraded: 0, downgraded: 0, sideways: 0, entered: 0, left: 0 },
  });
  return {
    scheme: 'pyramid', from: '2026-11-01', to: '2026-12-06', period: 'month', baseCurrency: 'CNY', historyFrom: '2026-01-31',
    classes: [{ key: 'gold', rank: 1, responsible: null, cadenceDays: 14 }, { key: 'iron', rank: 2, responsible: null, cadenceDays: 30 }],
    periods: [
      // 5 of 8 gold customers bought (62.5 %); satisfaction 13 / 4 = 3.25.
      period('2026-11-01', true, { customers: 8, retained: 5, retentionRate: 5 / 8, satisfactionAvg: 13 / 4, satisfactionN: 4 }, { customers: 3, retained: 1, retentionRate: 1 / 3 }),
      period('2026-12-01', false, { customers: 8, retained: 1, retentionRate: 1 / 8 }, { customers: 3, retained: 0, retentionRate: 0 }),
    ],
    pyramid: {
      asOf: '2026-12-06',
      revenueMinor: 100_000,
      // 2 gold customers bring 70 000 of 100 000 (70 %), 38 iron ones 30 000 (30 %).
      levels: [{ classKey: 'gold', customers: 2, revenueMinor: 70_000, revenueShare: 0.7 }, { classKey: 'iron', customers: 38, revenueMinor: 30_000, revenueShare: 0.3 }],
    },
    pareto: [],
    elapsedMs: 1,
    ...patch,
  } as EvaluationReport;
}

describe('the evaluation charts say what they show', () => {
  it('marks a period still running, so its few days are not read as a whole month, quarter or year', () => {
    expect(periodLabel(env('en'), { start: '2026-12-01', complete: false }, 'month')).toBe('Dec 2026 (so far)');
    expect(periodLabel(env('zh-CN'), { start: '2026-12-01', complete: false }, 'month')).toBe('2026年12月（至今）');
    expect(periodLabel(env('en'), { start: '2026-10-01', complete: false }, 'quarter')).toBe('Q4 2026 (so far)');
    expect(periodLabel(env('en'), { start: '2026-01-01', complete: false }, 'year')).toBe('2026 (so far)');
    expect(periodLabel(env('en'), { start: '2026-11-01', complete: true }, 'month')).toBe('Nov 2026');
    // The x axis of every class chart carries it.
    const r = report();
    const option = classMetricOption(r, env('en'), reportMetrics(env('en')).retentionRate, 'lines');
    expect(option.xAxis.data).toEqual(['Nov 2026', 'Dec 2026\n(so far)']);
    expect(classMetricOption(r, env('zh-CN'), reportMetrics(env('zh-CN')).retentionRate, 'lines').xAxis.data).toEqual(['2026年11月', '2026年12月\n（至今）']);
  });

  it('gives a tooltip the precision of the table beneath it, not of the axis ticks', () => {
    const r = report();
    const m = reportMetrics(env('en'));
    const retention = classMetricOption(r, env('en'), m.retentionRate, 'lines');
    // 5/8 is 62.5 %: the axis's whole percent (63 %) is not what the table says.
    expect(retention.series[0]!.data[0]).toBe(5 / 8);
    expect(retention.tooltip.valueFormatter(5 / 8)).toBe('62.5%');
    expect(m.retentionRate.text(5 / 8, r.periods[0]!.classes.gold!)).toBe('62.5% (5/8)');
    const satisfaction = classMetricOption(r, env('en'), m.satisfactionAvg, 'bars');
    expect(satisfaction.tooltip.valueFormatter(13 / 4)).toBe('3.25');
    expect(satisfaction.tooltip.valueFormatter(null)).toBe('—');
  });

  it('writes a money axis compactly in each language, while the tooltip keeps every cent', () => {
    // 12,345,678,901.23 yuan: 123.46 hundred-millions (亿) in Chinese, 12.35 billions in English.
    const huge = 1_234_567_890_123;
    const yuan = huge / 100;
    const zh = classMetricOption(report(), env('zh-CN'), reportMetrics(env('zh-CN')).revenueMinor, 'stacked');
    const en = classMetricOption(report(), env('en'), reportMetrics(env('en')).revenueMinor, 'stacked');
    expect(zh.yAxis.axisLabel.formatter(huge)).toBe(`¥${(yuan / 1e8).toFixed(1)}亿`);
    expect(en.yAxis.axisLabel.formatter(huge)).toBe(`CN¥${(yuan / 1e9).toFixed(1)}B`);
    // Ticks a stacked chart draws (multiples of ¥500,000): 50万 steps in Chinese, K and M in English, none alike.
    const ticks = [0, 1, 2, 3, 4, 5, 6].map((i) => i * 50_000_000);
    expect(ticks.map((v) => zh.yAxis.axisLabel.formatter(v))).toEqual(ticks.map((v) => `¥${v / 100 / 1e4}${v ? '万' : ''}`));
    expect(ticks.map((v) => en.yAxis.axisLabel.formatter(v))).toEqual(['CN¥0', 'CN¥500K', 'CN¥1M', 'CN¥1.5M', 'CN¥2M', 'CN¥2.5M', 'CN¥3M']);
    // A net loss after returns goes below zero with its sign.
    expect(en.yAxis.axisLabel.formatter(-250_000_000)).toBe(`-CN¥${250_000_000 / 100 / 1e6}M`);
    // The tooltip says the amount the table says, to the cent.
    expect(en.tooltip.valueFormatter(huge)).toBe('CN¥12,345,678,901.23');
    expect(zh.tooltip.valueFormatter(huge)).toBe('¥12,345,678,901.23');
    // The average order value is money too.
    expect(reportMetrics(env('en')).aovMinor.axis(huge)).toBe(`CN¥${(yuan / 1e9).toFixed(1)}B`);
  });

  it('never writes a share as "-0%": a class whose returns outweigh its sales by a hair reads 0%, a real loss keeps its sign', () => {
    // Lead's returns exceed its sales by 30 of 100,000 (-0.03 %, which one decimal rounds to zero); Iron lost 5,200 (-5.2 %).
    const r = report({ pyramid: { asOf: '2026-12-06', revenueMinor: 100_000, levels: [{ classKey: 'gold', customers: 2, revenueMinor: 105_230, revenueShare: 105_230 / 100_000 }, { classKey: 'iron', customers: 3, revenueMinor: -5_200, revenueShare: -5_200 / 100_000 }, { classKey: 'lead', customers: 5, revenueMinor: -30, revenueShare: -30 / 100_000 }] } });
    expect(pyramidOption(r, env('en')).series[0]!.data.map((d) => d.figures)).toEqual(['2 · 105.2% of revenue', '3 · -5.2% of revenue', '5 · 0% of revenue']);
    expect(pyramidOption(r, env('zh-CN')).series[0]!.data[2]!.figures).toBe('5 位 · 收入占比 0%');
    expect(reportMetrics(env('en')).revenueShare.text(-30 / 100_000, figures({}))).toBe('0%');
  });

  it('says what a chart needs when only the unclassified have figures, and counts whole customers on its axis', () => {
    const m = reportMetrics(env('en'));
    // A scheme with no tiers stored by the periods' first days: every class at 0, everyone unclassified.
    const none = report();
    for (const p of none.periods) {
      p.classes = { gold: figures({}), iron: figures({}) };
      p.unclassified = figures({ customers: 112, revenueMinor: 50_000 });
    }
    expect(hasValues(none, m.customers)).toBe(false);
    expect(hasValues(none, m.revenueMinor)).toBe(false);
    expect(hasValues(report(), m.customers)).toBe(true);
    expect(classMetricOption(report(), env('en'), m.customers, 'stacked').yAxis.minInterval).toBe(1);
    expect(classMetricOption(report(), env('en'), m.revenueShare, 'stacked').yAxis.minInterval).toBeUndefined();
  });

  it('names classes in the Sankey tooltip, in the reader’s language, never the internal node names', () => {
    const edge = { dataType: 'edge', value: 91, data: { source: 'from:iron', target: 'to:lead' } };
    // Each class is isolated in its own direction (U+2068 … U+2069, drawn as nothing): see the right-to-left case below.
    expect(sankeyTooltip(env('en'), edge)).toBe('\u2068Iron\u2069 → \u2068Lead\u2069: 91 customers');
    expect(sankeyTooltip(env('zh-CN'), edge)).toBe('\u2068铁\u2069 → \u2068铅\u2069：91 位客户');
    expect(sankeyTooltip(env('en'), { dataType: 'node', name: 'to:gold', value: 1 })).toBe('\u2068Gold\u2069: 1 customer');
    expect(sankeyTooltip(env('en'), { dataType: 'node', name: 'to:', value: 1200 })).toBe('\u2068Unclassified\u2069: 1,200 customers');
    expect(sankeyTooltip(env('zh-CN'), edge)).not.toMatch(/from:|to:/);
    // The chart's own tooltip is this one (ECharts' default printed "from:none -- to:lead 91").
    const option = sankeyOption([{ from: 'iron', to: 'lead', customers: 91 }, { from: 'iron', to: null, customers: 2 }], ['gold', 'iron', 'lead', null], env('en'));
    expect(option.series[0]!.links).toEqual([{ source: 'from:iron', target: 'to:lead', value: 91 }, { source: 'from:iron', target: 'to:', value: 2 }]);
    expect(option.tooltip.formatter(edge)).toBe('\u2068Iron\u2069 → \u2068Lead\u2069: 91 customers');
    expect(option.series[0]!.data.map((d) => option.series[0]!.label.formatter(d))).toEqual(['Iron', 'Lead', 'Unclassified']);
  });

  it('keeps a class the user typed (an industry) as written in tooltips, which are drawn as text, not markup', () => {
    const industry: FigureEnv = { ...env('en'), scheme: 'industry' };
    expect(sankeyTooltip(industry, { dataType: 'node', name: 'from:<b>parts</b> & tools', value: 2 })).toBe('\u2068<b>parts</b> & tools\u2069: 2 customers');
    expect(heatmapTooltip(['A&B', '<b>'], (v) => String(v), { data: [1, 0, 7] })).toBe('\u2068A&B\u2069 → \u2068<b>\u2069\n7');
  });

  it('keeps a class named right to left, and the words around it, in their places: tooltips and the members\' title', () => {
    // "شركة النور 2024 → חברת שלום (12345): 2 customers" in a left-to-right line: the arrow between two right-to-left
    // names joined them into one run, so the class moved to was drawn first, and the count swapped places with a name.
    const from = 'شركة النور للتجارة 2024-117';
    const to = 'חברת שלום בע"מ (12345)';
    const industry: FigureEnv = { ...env('en'), scheme: 'industry' };
    const iso = (name: string) => `\u2068${name}\u2069`;
    expect(sankeyTooltip(industry, { dataType: 'edge', value: 2, data: { source: `from:${from}`, target: `to:${to}` } })).toBe(`${iso(from)} → ${iso(to)}: 2 customers`);
    expect(sankeyTooltip({ ...industry, t: ts['zh-CN'], language: 'zh-CN' }, { dataType: 'node', name: `to:${to}`, value: 2 })).toBe(`${iso(to)}：2 位客户`);
    expect(heatmapTooltip([from, to], (v) => `${v} customers`, { data: [1, 0, 2] })).toBe(`${iso(from)} → ${iso(to)}\n2 customers`);
    expect(membersTitle(industry, from, null, 2)).toBe(`${iso(from)} → ${iso('Unclassified')}: 2 customers`);
    expect(membersTitle({ ...industry, t: ts['zh-CN'], language: 'zh-CN' }, null, to, 1)).toBe(`${iso('未分层')} → ${iso(to)}：1 位客户`);
  });

  it('labels a pyramid level with its customers and its share of revenue, not a bare percent read as a share of customers', () => {
    const r = report();
    const data = pyramidOption(r, env('en')).series[0]!.data;
    // 38 of 40 customers are iron (95 %) but bring 30 000 of 100 000 revenue: the label says which share it shows.
    expect(data.map((d) => d.figures)).toEqual(['2 · 70% of revenue', '38 · 30% of revenue']);
    expect(pyramidOption(r, env('zh-CN')).series[0]!.data[1]!.figures).toBe('38 位 · 收入占比 30%');
    // A class the user named at length ends in … within the label's room beside the funnel, not cut at the chart's edge.
    expect(pyramidOption(r, env('en')).series[0]!.label).toMatchObject({ width: 180, overflow: 'truncate' });
  });

  it('says a range brought no revenue, not "— of revenue", when it has no share to give', () => {
    // No sale in the range (or returns outweighing the sales): the report has no share for any level.
    const r = report({ pyramid: { asOf: '2026-12-06', revenueMinor: 0, levels: [{ classKey: 'gold', customers: 1_200, revenueMinor: 0, revenueShare: null }, { classKey: 'iron', customers: 20, revenueMinor: 0, revenueShare: null }] } });
    expect(pyramidOption(r, env('en')).series[0]!.data.map((d) => d.figures)).toEqual(['1,200 · no revenue in this range', '20 · no revenue in this range']);
    expect(pyramidOption(r, env('zh-CN')).series[0]!.data.map((d) => d.figures)).toEqual(['1,200 位 · 期间无收入', '20 位 · 期间无收入']);
  });
});
