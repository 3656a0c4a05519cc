import type { TFunction } from 'i18next';
import type { OutputOf } from '../../../shared/contract';
import { isolate } from '../../components/bidi';
import { formatCompactMoney, formatMoney, formatPercent, formatYearMonth } from '../../components/format';
import { classLabel, type ClassLabelEnv } from '../tiers/labels';

export type EvaluationReport = OutputOf<'reports:evaluation'>;
export type ReportPeriod = EvaluationReport['periods'][number];
export type Figures = ReportPeriod['total'];
export type ReportClass = EvaluationReport['classes'][number];

/** Key of the "in no class" row in tables and charts (never a real class key: those are non-empty words). */
export const UNCLASSIFIED = '';

/** What the screen needs to turn report values into words. */
export interface FigureEnv extends ClassLabelEnv {
  t: TFunction;
  language: string;
  currency: string;
  scheme: string;
}

/** Ten colours that stay apart in a stacked chart; classes take them in their order (best first). */
export const CLASS_COLORS = ['#1f6f5c', '#d48806', '#2f54eb', '#c41d7f', '#13a8a8', '#7cb305', '#fa541c', '#722ed1', '#8c8c8c', '#a0d911'];
export const colorOf = (index: number) => CLASS_COLORS[index % CLASS_COLORS.length]!;

/**
 * "Mar 2026" / "2026年3月", "2026 Q1" / "2026年第1季度", "2026"; a period still running reads "Dec 2026 (so far)":
 * its six days beside full months looked like a collapse (growth −85 %, retention down to a third).
 */
export function periodLabel(env: FigureEnv, period: { start: string; complete?: boolean }, kind: EvaluationReport['period'], onAxis = false): string {
  const [year, month] = period.start.split('-').map(Number) as [number, number];
  const label =
    kind === 'year'
      ? String(year)
      : kind === 'quarter'
        ? env.t('evaluation:period.quarterLabel', { year, quarter: Math.floor((month - 1) / 3) + 1 })
        : formatYearMonth(year, month, env.language);
  // On a chart's axis the note goes on a second line: one line was too wide, and the axis then dropped every other month.
  return period.complete === false ? env.t(onAxis ? 'evaluation:period.runningAxis' : 'evaluation:period.running', { label }) : label;
}

export function classText(env: FigureEnv, classKey: string | null): string {
  if (classKey === null || classKey === UNCLASSIFIED) return env.t('evaluation:unclassified');
  return classLabel(env.t, env.scheme, classKey, env.language, env);
}

/**
 * A class's name set inside the app's words (a tooltip, a title), isolated in its own direction: between two classes
 * named in Arabic or Hebrew the arrow joined them into one right-to-left run, so the class moved to was drawn first,
 * and a count after one ("…2024-117: 2 customers") swapped places with it.
 */
export const classInText = (env: FigureEnv, classKey: string | null): string => isolate(classText(env, classKey));

/** "Iron → Lead: 9 customers", over the customers of one migration cell. */
export function membersTitle(env: FigureEnv, from: string | null, to: string | null, count: number): string {
  return env.t('evaluation:migration.membersTitle', { from: classInText(env, from), to: classInText(env, to), count });
}

// A sign only on what stays negative once rounded: a class whose returns outweigh its sales by a hair read "-0%".
export const percent = (language: string, value: number, digits = 1) => formatPercent(value, language, { digits });
export const decimal = (language: string, value: number, digits = 2) => new Intl.NumberFormat(language, { maximumFractionDigits: digits, signDisplay: 'negative' }).format(value);
export const money = (env: FigureEnv, minor: number) => formatMoney(minor, env.currency, env.language);
/** Money on a chart's axis: "¥1.2亿", "CN¥123.5M" (a tick of "¥12,345,678,901.23" took a third of the chart's width). */
export const compactMoney = (env: FigureEnv, minor: number) => formatCompactMoney(minor, env.currency, env.language);
/** Growth reads with its sign: "+12.5%", "−3%". */
export const signedPercent = (language: string, value: number) => formatPercent(value, language, { signed: true });

/** One figure the dashboard charts per class and period. */
export interface Metric {
  key: string;
  label: string;
  value(f: Figures): number | null | undefined;
  /** The value as a table cell shows it (the figures row is there for "4.2 (N = 12)"). */
  text(value: number, f: Figures): string;
  /** Axis tick labels. */
  axis(value: number): string;
  /** The value in a chart's tooltip: as precise as the table beneath (an axis's 63 % read as 62.5 % there). */
  tip(value: number): string;
  /** A count: its axis steps by whole numbers (a scale of 0…1 in fifths read "0, 0, 0, 1, 1, 1"). */
  whole?: boolean;
}

/** The figures of one class (or the unclassified, or everyone) in one period. */
export function figuresOf(period: ReportPeriod, classKey: string): Figures | undefined {
  return classKey === UNCLASSIFIED ? period.unclassified : period.classes[classKey];
}

/**
 * Whether a metric has anything to draw: some class in some period has a value other than nothing or zero.
 * The unclassified are not drawn (they are a row of the table only), so they alone leave the chart empty: a
 * scheme with no tiers stored by the periods' first days showed bare axes instead of saying what it needs.
 */
export function hasValues(report: EvaluationReport, metric: Metric): boolean {
  return report.periods.some((p) => Object.values(p.classes).some((f) => {
    const v = metric.value(f);
    return v !== null && v !== undefined && v !== 0;
  }));
}

/** The ways a customer can move between a period's first and last day, in the order the screen lists them. */
export const MOVEMENT_KINDS = ['upgraded', 'downgraded', 'stayed', 'sideways', 'entered', 'left'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
// Also the colour of the figures written in them: each 4.7:1 or more on white.
export const MOVEMENT_COLORS: Record<MovementKind, string> = { upgraded: '#237804', downgraded: '#cf1322', stayed: '#737373', sideways: '#876800', entered: '#0958d9', left: '#595959' };

/** Tables of a scheme with many classes (RFM's 125, countries) page at this many rows, so the screen stays quick. */
export const TABLE_PAGE = 20;
export const pagingFor = (rows: number) => (rows > TABLE_PAGE + 2 ? { pageSize: TABLE_PAGE, showSizeChanger: false, size: 'small' as const } : false);
