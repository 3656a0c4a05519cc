import { classText, colorOf, decimal, percent, periodLabel, type EvaluationReport, type FigureEnv, type Metric } from './figures';

/**
 * The ECharts options the evaluation cards draw, kept apart from the components so what a chart says —
 * its tooltips above all, which no table repeats — is checked without a browser.
 */

/** One figure per class over the periods, as the class metric cards chart it. */
export function classMetricOption(report: EvaluationReport, env: FigureEnv, metric: Metric, chart: 'stacked' | 'bars' | 'lines') {
  const series = report.classes.map((c, i) => ({
    name: classText(env, c.key),
    type: chart === 'lines' ? 'line' : 'bar',
    stack: chart === 'stacked' ? 'classes' : undefined,
    data: report.periods.map((p) => (p.classes[c.key] ? (metric.value(p.classes[c.key]!) ?? null) : null)),
    itemStyle: { color: colorOf(i) },
    lineStyle: { color: colorOf(i) },
    connectNulls: false,
    emphasis: { focus: 'series' },
  }));
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? metric.tip(v) : '—') },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: report.periods.map((p) => periodLabel(env, p, report.period, true)) },
    yAxis: { type: 'value', minInterval: metric.whole ? 1 : undefined, axisLabel: { formatter: (v: number) => metric.axis(v) } },
    series,
  };
}

/**
 * A heatmap cell's tooltip: "Iron → Lead" over the cell's value; `labels` are the axis' class names. Tooltips are
 * drawn as rich text on the canvas (components/charts/EChart.tsx), so a line break is "\n" and nothing is markup.
 */
export function heatmapTooltip(labels: string[], valueText: (v: number) => string, p: { data: number[] }): string {
  return `${labels[p.data[1]!]} → ${labels[p.data[0]!]}\n${valueText(p.data[2]!)}`;
}

/** A Sankey node is named "from:KEY" or "to:KEY" (a class is on both sides); the screen shows the class. */
export const sankeyNodeClass = (name: string): string | null => name.slice(name.indexOf(':') + 1) || null;

/**
 * The Sankey's tooltip in words: a flow "Iron → Lead: 9 customers", a node "Iron: 38 customers".
 * ECharts' own tooltip printed the internal node names ("from:none -- to:lead 91") in either language.
 */
export function sankeyTooltip(env: FigureEnv, p: { dataType?: string; name?: string; value?: unknown; data?: { source?: string; target?: string } }): string {
  const count = Number(p.value ?? 0);
  const formatted = new Intl.NumberFormat(env.language).format(count);
  if (p.dataType === 'edge' && p.data?.source && p.data.target) {
    return env.t('evaluation:migration.flowTip', { from: classText(env, sankeyNodeClass(p.data.source)), to: classText(env, sankeyNodeClass(p.data.target)), count, formatted });
  }
  return env.t('evaluation:migration.nodeTip', { name: classText(env, sankeyNodeClass(p.name ?? '')), count, formatted });
}

/** The pyramid on the report's last day as a funnel: customers per class, best on top, each labelled with its revenue share. */
export function pyramidOption(report: EvaluationReport, env: FigureEnv) {
  const index = new Map(report.classes.map((c, i) => [c.key, i]));
  const levels = report.pyramid.levels.filter((l) => l.customers > 0);
  const share = (v: number | null) => (v === null ? '—' : percent(env.language, v));
  return {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'funnel',
        // Class order, best on top: a pyramid narrows toward the few best customers only when drawn so.
        sort: 'none',
        left: '2%',
        width: '56%',
        top: 8,
        bottom: 8,
        minSize: '12%',
        gap: 2,
        // Past a screenful of levels the labels would overlap: the table beside says the numbers.
        // The figures on a line of their own under the class: on one line a long English class ("No orders in the
        // last 12 months  1,234 · 5.6%") ran past the card's edge at 1366 px. A longer one (an industry typed by the user)
        // ends in … within the chart instead of being cut at its edge.
        label: { show: levels.length <= 12, position: 'right', color: '#333', lineHeight: 15, width: 180, overflow: 'truncate', formatter: (p: { name: string; data: { figures: string } }) => `${p.name}\n${p.data.figures}` },
        labelLine: { show: true, length: 12 },
        data: levels.map((l) => ({
          name: classText(env, l.classKey),
          // Beside a count, a bare "34.9%" read as the class's share of customers; it is its share of revenue.
          figures: env.t('evaluation:pyramidFigures', { customers: decimal(env.language, l.customers, 0), share: share(l.revenueShare) }),
          value: l.customers,
          itemStyle: { color: colorOf(index.get(l.classKey) ?? 0) },
        })),
      },
    ],
  };
}

/**
 * Who moved from one day's class (left) to the other's (right), a node per class and side, a link per cell
 * with customers; `axis` is the classes best first, null for "in no class".
 */
export function sankeyOption(cells: { from: string | null; to: string | null; customers: number }[], axis: (string | null)[], env: FigureEnv) {
  const node = (side: 'from' | 'to', c: string | null) => `${side}:${c ?? ''}`;
  const used = new Set(cells.flatMap((c) => [node('from', c.from), node('to', c.to)]));
  const nodes = axis.flatMap((c) => (['from', 'to'] as const).map((side) => node(side, c))).filter((n) => used.has(n));
  return {
    tooltip: { trigger: 'item', formatter: (p: Parameters<typeof sankeyTooltip>[1]) => sankeyTooltip(env, p) },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 120,
        top: 8,
        bottom: 8,
        nodeAlign: 'justify',
        layoutIterations: 0,
        data: nodes.map((name) => ({ name, itemStyle: { color: colorOf(axis.indexOf(sankeyNodeClass(name))) } })),
        links: cells.filter((c) => c.customers > 0).map((c) => ({ source: node('from', c.from), target: node('to', c.to), value: c.customers })),
        // Wrapped within the 120 px kept on the right: a long class ("No orders in the last 12 months") was cut at the card's edge.
        label: { width: 110, overflow: 'break', formatter: (p: { name: string }) => classText(env, sankeyNodeClass(p.name)) },
        lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.35 },
      },
    ],
  };
}
