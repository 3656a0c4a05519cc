import { isolate } from '../../components/bidi';
import { CUT_WITH_ELLIPSIS, fitLines } from '../../components/charts/label-fit';
import { classInText, classText, colorOf, decimal, percent, periodLabel, type EvaluationReport, type FigureEnv, type Metric } from './figures';

/**
 * The ECharts options the evaluation cards draw, kept apart from the components so what a chart says —
 * its tooltips above all, which no table repeats — is checked without a browser.
 */

/** The widest a class's name is drawn in a legend; the full name is in the legend's tooltip and the table. */
export const LEGEND_TEXT_WIDTH = 200;

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
    // Bounded and ending in …: a class name a user typed (an industry of 60 letters, Chinese measured in one font and
    // drawn in another) ran under the next item's marker, which then hid its last characters.
    legend: { type: 'scroll', top: 0, textStyle: { width: LEGEND_TEXT_WIDTH, ...CUT_WITH_ELLIPSIS }, tooltip: { show: true } },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: report.periods.map((p) => periodLabel(env, p, report.period, true)) },
    yAxis: { type: 'value', minInterval: metric.whole ? 1 : undefined, axisLabel: { formatter: (v: number) => metric.axis(v) } },
    series,
  };
}

/**
 * A heatmap cell's tooltip: "Iron → Lead" over the cell's value; `labels` are the axis' class names, each isolated in its
 * own direction (see classInText). Tooltips are drawn as rich text on the canvas (components/charts/EChart.tsx), so a
 * line break is "\n" and nothing is markup.
 */
export function heatmapTooltip(labels: string[], valueText: (v: number) => string, p: { data: number[] }): string {
  return `${isolate(labels[p.data[1]!]!)} → ${isolate(labels[p.data[0]!]!)}\n${valueText(p.data[2]!)}`;
}

/** Heatmap margins in pixels, fixed (no containLabel) so a cell's place on the canvas follows from its row and column. */
export const HEATMAP_GRID = { left: 132, right: 16, top: 8, bottom: 72 };
/** Beyond this many classes (RFM's 125 cells, countries) a from × to table is unreadable: the cells are listed instead. */
export const MATRIX_MAX = 16;

/**
 * Who moved from one day's class (a row) to the other's (a column): `labels` are the classes best first, a cell's
 * `from` and `to` index them; `counts` draws the customers in each cell (revenue is only in its tooltip).
 */
export function heatmapOption(labels: string[], cells: { from: number; to: number; value: number }[], o: { toName: string; valueText: (v: number) => string; counts: boolean }) {
  const values = cells.map((c) => [c.to, c.from, c.value]);
  const max = Math.max(1, ...values.map((v) => Math.abs(v[2]!)));
  return {
    tooltip: { position: 'top', formatter: (p: { data: number[] }) => heatmapTooltip(labels, o.valueText, p) },
    grid: HEATMAP_GRID,
    // A class the user named (an industry) is cut to its axis' room, ending in …: the label's tooltip has it whole, as a
    // legend's has (without it, nothing on the chart said which of two names starting alike a row was).
    xAxis: { type: 'category', data: labels, name: o.toName, nameLocation: 'middle', nameGap: 44, axisLabel: { interval: labels.length > MATRIX_MAX ? 'auto' : 0, rotate: labels.length > 6 ? 30 : 0, width: 90, ...CUT_WITH_ELLIPSIS }, tooltip: { show: true }, splitArea: { show: true } },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 120, ...CUT_WITH_ELLIPSIS }, tooltip: { show: true }, splitArea: { show: true } },
    visualMap: { min: 0, max, show: false, inRange: { color: ['#e6f4ef', '#1f6f5c'] } },
    series: [{ type: 'heatmap', data: values, label: { show: labels.length <= MATRIX_MAX, formatter: (p: { data: number[] }) => (o.counts ? String(p.data[2]) : '') }, emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } } }],
  };
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
    return env.t('evaluation:migration.flowTip', { from: classInText(env, sankeyNodeClass(p.data.source)), to: classInText(env, sankeyNodeClass(p.data.target)), count, formatted });
  }
  return env.t('evaluation:migration.nodeTip', { name: classInText(env, sankeyNodeClass(p.name ?? '')), count, formatted });
}

/** The pyramid on the report's last day as a funnel: customers per class, best on top, each labelled with its revenue share. */
export function pyramidOption(report: EvaluationReport, env: FigureEnv) {
  const index = new Map(report.classes.map((c, i) => [c.key, i]));
  const levels = report.pyramid.levels.filter((l) => l.customers > 0);
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
        label: { show: levels.length <= 12, position: 'right', color: '#333', lineHeight: 15, width: 180, ...CUT_WITH_ELLIPSIS, formatter: (p: { name: string; data: { figures: string } }) => `${p.name}\n${p.data.figures}` },
        labelLine: { show: true, length: 12 },
        data: levels.map((l) => ({
          name: classText(env, l.classKey),
          // Beside a count, a bare "34.9%" read as the class's share of customers; it is its share of revenue.
          // With no revenue in the range there is no share: "20 · — of revenue" said nothing a reader could use.
          figures:
            l.revenueShare === null
              ? env.t('evaluation:pyramidFiguresNoRevenue', { customers: decimal(env.language, l.customers, 0) })
              : env.t('evaluation:pyramidFigures', { customers: decimal(env.language, l.customers, 0), share: percent(env.language, l.revenueShare) }),
          value: l.customers,
          itemStyle: { color: colorOf(index.get(l.classKey) ?? 0) },
        })),
      },
    ],
  };
}

/** The Sankey's height for a scheme of `classes` classes (null, "in no class", counted): room for a label per node. */
export const sankeyHeight = (classes: number) => Math.max(260, 40 * classes);
const SANKEY_MARGIN = 8;
const SANKEY_NODE_GAP = 8;
const SANKEY_LINE = 14;
const SANKEY_LABEL_WIDTH = 110;

/**
 * Who moved from one day's class (left) to the other's (right), a node per class and side, a link per cell
 * with customers; `axis` is the classes best first, null for "in no class".
 */
export function sankeyOption(cells: { from: string | null; to: string | null; customers: number }[], axis: (string | null)[], env: FigureEnv, height = sankeyHeight(axis.length)) {
  const node = (side: 'from' | 'to', c: string | null) => `${side}:${c ?? ''}`;
  const links = cells.filter((c) => c.customers > 0);
  const size = new Map<string, number>();
  for (const c of links) for (const n of [node('from', c.from), node('to', c.to)]) size.set(n, (size.get(n) ?? 0) + c.customers);
  const nodes = axis.flatMap((c) => (['from', 'to'] as const).map((side) => node(side, c))).filter((n) => size.has(n));
  // Each side stacks its nodes in the chart's height, sized by customers: a label gets its node's share of it and
  // the gap below. Long class names (an industry typed by the user) wrapped past that ran into the next class's label.
  const total = links.reduce((a, c) => a + c.customers, 0);
  const perSide = Math.max(nodes.filter((n) => n.startsWith('from:')).length, nodes.filter((n) => n.startsWith('to:')).length, 1);
  const usable = Math.max(0, height - 2 * SANKEY_MARGIN - SANKEY_NODE_GAP * (perSide - 1));
  const linesFor = (name: string) => Math.max(1, Math.floor((usable * (size.get(name) ?? 0) / Math.max(total, 1) + SANKEY_NODE_GAP) / SANKEY_LINE));
  return {
    tooltip: { trigger: 'item', formatter: (p: Parameters<typeof sankeyTooltip>[1]) => sankeyTooltip(env, p) },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 120,
        top: SANKEY_MARGIN,
        bottom: SANKEY_MARGIN,
        nodeGap: SANKEY_NODE_GAP,
        nodeAlign: 'justify',
        layoutIterations: 0,
        data: nodes.map((name) => ({ name, itemStyle: { color: colorOf(axis.indexOf(sankeyNodeClass(name))) }, label: { height: linesFor(name) * SANKEY_LINE } })),
        links: links.map((c) => ({ source: node('from', c.from), target: node('to', c.to), value: c.customers })),
        // Wrapped within the 120 px kept on the right (a long class such as "No orders in the last 12 months" was cut at
        // the card's edge), to the lines its node has room for, the last ending in … when the name goes on (ECharts'
        // own wrap dropped the lines past the room with nothing to say so); the tooltip and the table have every name whole.
        label: {
          width: SANKEY_LABEL_WIDTH,
          ...CUT_WITH_ELLIPSIS,
          lineOverflow: 'truncate',
          lineHeight: SANKEY_LINE,
          formatter: (p: { name: string }) => fitLines(classText(env, sankeyNodeClass(p.name)), SANKEY_LABEL_WIDTH, linesFor(p.name)),
        },
        // Nodes of a customer or two are thinner than a line: their labels would still meet, so the later one is hidden.
        labelLayout: { hideOverlap: true },
        lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.35 },
      },
    ],
  };
}
