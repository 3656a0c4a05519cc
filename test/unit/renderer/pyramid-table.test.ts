import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { EvaluationReport, FigureEnv } from '../../../renderer/features/evaluation/figures';
import { PyramidCard } from '../../../renderer/features/evaluation/PyramidCards';
import { bothLanguages } from '../../support/both-languages';

const instances = bothLanguages();

/** An industry scheme's last day: long names the user typed, a class of nobody, one whose returns outweigh its sales. */
const LONG = '华南地区长期合作的高价值批发客户纺织服装鞋帽箱包华南地区长期合作的高价值批发客户';
const levels = [
  { classKey: LONG, customers: 1, revenueMinor: 3_999_999_999_996, revenueShare: 3_999_999_999_996 / 4_000_007_865_263 },
  { classKey: 'ExtraordinarilyLongIndustryNameWithoutSpaces', customers: 219, revenueMinor: 15_138_600, revenueShare: 15_138_600 / 4_000_007_865_263 },
  { classKey: 'footwear', customers: 0, revenueMinor: 0, revenueShare: 0 },
  { classKey: 'returns', customers: 30, revenueMinor: -7_273_333, revenueShare: -7_273_333 / 4_000_007_865_263 },
];
const report = {
  scheme: 'industry', from: '2026-01-01', to: '2026-12-06', period: 'month', baseCurrency: 'CNY', historyFrom: '2024-12-31',
  classes: levels.map((l, i) => ({ key: l.classKey, rank: i + 1, responsible: null, cadenceDays: null })),
  periods: [],
  pyramid: { asOf: '2026-12-06', revenueMinor: levels.reduce((a, l) => a + l.revenueMinor, 0), levels },
  pareto: [],
  elapsedMs: 1,
} as unknown as EvaluationReport;

function render(language: 'zh-CN' | 'en') {
  const env: FigureEnv = { t: instances[language].getFixedT(language, 'evaluation'), language, currency: 'CNY', scheme: 'industry' };
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: instances[language] }, createElement(PyramidCard, { report, env, schemeName: 'Industry' })));
}

const cellsIn = (html: string, tag: 'th' | 'td') => [...html.matchAll(new RegExp(`<${tag}([^>]*)>(.*?)</${tag}>`, 'g'))].map((m) => ({ attrs: m[1]!, text: m[2]!.replace(/<[^>]+>/g, '') }));
/** Header cells, or the cells of the rows of classes (not the row antd adds to measure columns). */
const cellsOf = (html: string, tag: 'th' | 'td') => (tag === 'th' ? cellsIn(html, 'th') : [...html.matchAll(/<tr[^>]*data-row-key[^>]*>(.*?)<\/tr>/g)].flatMap((row) => cellsIn(row[1]!, 'td')));

describe('the pyramid’s table beside the chart', () => {
  it.each(['zh-CN', 'en'] as const)('keeps its figures and their titles whole, names cut to the room beside the chart, and scrolls inside its card when still too wide (%s)', (language) => {
    const html = render(language);
    const headers = cellsOf(html, 'th');
    expect(headers).toHaveLength(5);
    // "客户数" squeezed beside the long names went down its column a character a line: a figure's title breaks only between words.
    for (const th of headers.slice(1)) expect(th.attrs).toMatch(/class="[^"]*\bevaluation-figure\b/);
    const cells = cellsOf(html, 'td');
    expect(cells).toHaveLength(levels.length * 5);
    cells.forEach((td, i) => {
      if (i % 5 === 0) expect(td.attrs).not.toMatch(/evaluation-figure/);
      else expect(td.attrs).toMatch(/class="[^"]*\bevaluation-figure\b/);
    });
    // The class names keep to 200 px (240 in the full-width tables): beside the chart, English ran past the card's edge.
    expect([...html.matchAll(/<td[^>]*><div style="max-width:(\d+)px"/g)].map((m) => Number(m[1]))).toEqual([200, 200, 200, 200]);
    // A table still too wide scrolls in its own box, and each title is drawn once (antd's own scrolling repeats them
    // in a hidden row, and the revenue title's test id with them).
    expect(html).toMatch(/<div class="evaluation-table-scroll"><div class="[^"]*\bant-table-wrapper\b/);
    expect(html.match(/data-testid="pyramid-revenue-title"/g)).toHaveLength(1);
    // The class whose returns outweigh its sales by a hair: 0 %, never "-0%"; the empty class reads 0 customers.
    const returns = cells.slice(15, 20).map((c) => c.text);
    expect(returns[4]).toBe('0%');
    expect(cells.slice(10, 15).map((c) => c.text).slice(1, 3)).toEqual(['0', '0%']);
    expect(html).not.toMatch(/-0%/);
  });
});
