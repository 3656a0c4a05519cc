import * as echarts from 'echarts';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../renderer/i18n/resources';
import { sankeyHeight, sankeyOption } from '../../renderer/features/evaluation/chart-options';
import type { FigureEnv } from '../../renderer/features/evaluation/figures';

/**
 * The migration Sankey laid out by ECharts itself (server-side, as SVG), so where each label's lines land is
 * read, not guessed: class names a user typed (industries) of 40+ characters, Chinese and Latin mixed, Arabic,
 * one word of 60 letters, must not run into each other's labels nor off the chart.
 */
const NAMES = [
  '华南地区长期合作高价值批发客户 Long-term Wholesale Partners South China',
  'شركة النور للتجارة العامة والاستيراد والتصدير المحدودة',
  'ExtraordinarilyLongIndustryNameWithoutAnySpacesAtAll_电子元器件',
  '服装',
];
let env: FigureEnv;
beforeAll(async () => {
  const instance = i18next.createInstance();
  const res: Record<string, object> = {};
  for (const [ns, byLanguage] of Object.entries(resources)) res[ns] = byLanguage.en;
  await instance.init({ resources: { en: res }, lng: 'en', fallbackLng: false, ns: Object.keys(resources), defaultNS: 'common', interpolation: { escapeValue: false } });
  env = { t: instance.t, language: 'en', currency: 'CNY', scheme: 'industry' };
});

/** Each drawn label's vertical extent: its lines share one transform (the label's anchor) and sit at y offsets from it. */
function labelExtents(cells: { from: string | null; to: string | null; customers: number }[], axis: (string | null)[]) {
  const height = sankeyHeight(axis.length);
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 1086, height });
  chart.setOption({ ...sankeyOption(cells, axis, env), animation: false });
  const svg = chart.renderToSVGString();
  chart.dispose();
  const labels = new Map<string, { x: number; top: number; bottom: number; lines: number }>();
  for (const [tag] of svg.matchAll(/<text [^>]*>/g)) {
    const [, x, y] = /transform="translate\((-?[\d.]+) (-?[\d.]+)\)"/.exec(tag)!;
    const dy = /\sy="(-?[\d.]+)"/.exec(tag)?.[1];
    const line = Number(y) + Number(dy ?? 0);
    const key = `${x} ${y}`;
    const l = labels.get(key) ?? { x: Number(x), top: Infinity, bottom: -Infinity, lines: 0 };
    labels.set(key, { x: l.x, top: Math.min(l.top, line - 6), bottom: Math.max(l.bottom, line + 6), lines: l.lines + 1 });
  }
  return { height, labels: [...labels.values()] };
}

/** Each drawn label's text, its lines joined by "\n", in the order drawn (the anchor groups a label's lines). */
function labelTexts(cells: { from: string | null; to: string | null; customers: number }[], axis: (string | null)[]): string[] {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 1086, height: sankeyHeight(axis.length) });
  chart.setOption({ ...sankeyOption(cells, axis, env), animation: false });
  const svg = chart.renderToSVGString();
  chart.dispose();
  const labels = new Map<string, string[]>();
  for (const [, attributes, text] of svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)) {
    const [, x, y] = /transform="translate\((-?[\d.]+) (-?[\d.]+)\)"/.exec(attributes!)!;
    labels.set(`${x} ${y}`, [...(labels.get(`${x} ${y}`) ?? []), text!.replace(/&amp;/g, '&')]);
  }
  return [...labels.values()].map((lines) => lines.join('\n'));
}

function expectApart(labels: { x: number; top: number; bottom: number }[], height: number) {
  for (const a of labels) {
    expect(a.top).toBeGreaterThanOrEqual(0);
    expect(a.bottom).toBeLessThanOrEqual(height);
    for (const b of labels) if (a !== b && a.x === b.x) expect(a.bottom <= b.top || b.bottom <= a.top, `labels at ${a.top}–${a.bottom} and ${b.top}–${b.bottom} overlap`).toBe(true);
  }
}

describe('the migration Sankey with long class names', () => {
  it('keeps each label within its node\'s room, one class per side each', () => {
    const names = [...NAMES, ...NAMES.map((n) => `${n} (二)`)];
    const { height, labels } = labelExtents(names.map((n) => ({ from: n, to: n, customers: 90 })), [...names, null]);
    expect(labels).toHaveLength(16);
    expectApart(labels, height);
    // Wrapped, not cut to one line: the long names take the lines their nodes have room for.
    expect(Math.max(...labels.map((l) => l.lines))).toBeGreaterThan(1);
  });

  it('keeps labels apart when one class holds nearly everyone and the others a customer or two', () => {
    const cells = [{ from: NAMES[0]!, to: NAMES[0]!, customers: 900 }, ...NAMES.slice(1).map((n) => ({ from: n, to: null, customers: 1 }))];
    const { height, labels } = labelExtents(cells, [...NAMES, null]);
    expect(labels.length).toBeGreaterThanOrEqual(2);
    expectApart(labels, height);
  });
});

describe('the migration Sankey cuts a long class name with …', () => {
  it('ends a name cut to its node\'s room in …, and draws a name that fits whole', () => {
    // One class holds nearly everyone: the others' nodes have room for a line, their long names are cut.
    const cells = [{ from: NAMES[3]!, to: NAMES[3]!, customers: 900 }, ...NAMES.slice(0, 3).map((n) => ({ from: n, to: n, customers: 40 }))];
    const texts = labelTexts(cells, [...NAMES, null]);
    expect(texts.length).toBeGreaterThanOrEqual(4);
    const flat = (text: string) => text.replace(/\n/g, ' ').replace(/\s+/g, ' ');
    const cut = texts.filter((text) => !NAMES.some((n) => flat(text) === flat(n) || text.replace(/\n/g, '') === n));
    expect(cut.length).toBeGreaterThan(0);
    for (const text of cut) {
      expect(text.endsWith('…'), `"${text}" is cut without …`).toBe(true);
      // What is drawn is the start of a class's name, as the reader takes it to be.
      const start = flat(text).slice(0, -1).replace(/\s+$/, '');
      expect(NAMES.some((n) => flat(n).startsWith(start) || n.startsWith(text.slice(0, -1).replace(/\n/g, ''))), `"${text}" is no class's start`).toBe(true);
    }
    for (const text of texts) expect(text).not.toMatch(/\.\.\.$/m);
    // The short class is drawn whole.
    expect(texts).toContain(NAMES[3]);
  });
});

describe('a class metric chart\'s legend with long class names', () => {
  it('draws each name within its room, so no name runs under the next one\'s marker', async () => {
    const { classMetricOption, LEGEND_TEXT_WIDTH } = await import('../../renderer/features/evaluation/chart-options');
    const { reportMetrics } = await import('../../renderer/features/evaluation/metrics');
    const report = { period: 'month', classes: NAMES.map((key) => ({ key, rank: null, responsible: null, cadenceDays: null })), periods: [] } as never;
    const option = classMetricOption(report, env, reportMetrics(env).customers, 'lines');
    const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 1086, height: 300 });
    chart.setOption({ ...option, animation: false });
    const svg = chart.renderToSVGString();
    chart.dispose();
    // Each legend item's text starts after its marker; the next marker must start after the text ends.
    const texts = [...svg.matchAll(/<text [^>]*transform="translate\((-?[\d.]+) (-?[\d.]+)\)"[^>]*>([^<]*)<\/text>/g)].filter((m) => Number(m[2]) < 30);
    expect(texts.length).toBeGreaterThan(0);
    for (const [, , , text] of texts) expect(text!.length === 0 || NAMES.some((n) => n.startsWith(text!.replace(/…$/, '')))).toBe(true);
    // A name cut to its room ends in …, as cut text does everywhere in the app (ECharts' own is "...").
    expect(texts.filter(([, , , text]) => text!.endsWith('…')).length).toBeGreaterThan(0);
    expect(texts.filter(([, , , text]) => text!.endsWith('...'))).toEqual([]);
    const xs = texts.map((m) => Number(m[1]));
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeLessThanOrEqual(LEGEND_TEXT_WIDTH + 40);
  });
});

describe('the pyramid funnel\'s labels with long class names', () => {
  it('ends a class name cut to the label\'s room in …', async () => {
    const { pyramidOption } = await import('../../renderer/features/evaluation/chart-options');
    const report = { classes: NAMES.map((key) => ({ key, rank: null, responsible: null, cadenceDays: null })), pyramid: { levels: NAMES.map((classKey) => ({ classKey, customers: 10, revenueShare: 0.25 })) } } as never;
    const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 700, height: 300 });
    chart.setOption({ ...pyramidOption(report, env), animation: false });
    const svg = chart.renderToSVGString();
    chart.dispose();
    const lines = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    // The class's line of each label (the figures are the other): the three long names cut, 服装 whole.
    const names = lines.filter((line) => !/\d/.test(line) || NAMES.some((n) => n.startsWith(line.replace(/…$/, ''))));
    expect(names).toContain('服装');
    const cut = names.filter((line) => line !== '服装' && !NAMES.includes(line));
    expect(cut).toHaveLength(3);
    for (const line of cut) expect(line.endsWith('…'), `"${line}" is cut without …`).toBe(true);
  });
});
