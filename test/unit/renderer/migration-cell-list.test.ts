import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FigureEnv } from '../../../renderer/features/evaluation/figures';
import { MigrationCellList, type MigrationCell } from '../../../renderer/features/evaluation/MigrationCellList';
import { bothTranslators } from '../../support/both-languages';

const ts = bothTranslators();

/** Industries as users type them: a long Chinese one, one without spaces, an Arabic one ending in digits. */
const LONG = '华南地区长期合作的高价值批发客户纺织服装鞋帽箱包华南地区长期合作的高价值批发客户纺织服装鞋帽箱包';
const UNBROKEN = 'ExtraordinarilyLongIndustryNameWithoutSpacesExtraordinarilyLongIndustryName';
const ARABIC = 'شركة النور للتجارة 2024-117';
const cells: MigrationCell[] = [
  { from: null, to: LONG, customers: 1, revenueMinor: 3_999_999_999_996, direction: 'entered' },
  { from: UNBROKEN, to: ARABIC, customers: 12, revenueMinor: -7_870_369_333, direction: 'sideways' },
];

/** The table's body cells, row by row: each cell's attributes and its text. */
function bodyCells(html: string): { attrs: string; inner: string }[][] {
  const body = html.slice(html.indexOf('<tbody'));
  return [...body.matchAll(/<tr[^>]*data-row-key[^>]*>(.*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<td([^>]*)>(.*?)<\/td>/g)].map((m) => ({ attrs: m[1]!, inner: m[2]! })));
}
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const headerCells = (html: string) => [...html.matchAll(/<th([^>]*)>(.*?)<\/th>/g)].map((m) => ({ attrs: m[1]!, inner: m[2]! }));

describe('the migration cell list beside long class names', () => {
  it.each(['zh-CN', 'en'] as const)('keeps each class to one line with the whole name on hover and in its own direction, and the change and figures unbroken (%s)', (language) => {
    const env: FigureEnv = { t: ts[language], language, currency: 'CNY', scheme: 'industry' };
    for (const clickable of [false, true]) {
      const html = renderToStaticMarkup(createElement(MigrationCellList, { env, cells, testId: 't', cellButton: clickable ? (c: MigrationCell) => createElement('button', null, String(c.customers)) : undefined }));
      const rows = bodyCells(html);
      expect(rows).toHaveLength(2);
      const names = [[ts[language]('evaluation:unclassified'), LONG], [UNBROKEN, ARABIC]];
      rows.forEach((row, r) => {
        for (const [i, name] of names[r]!.entries()) {
          // One line, cut with …, the whole name as its title; dir="auto" keeps an Arabic name's digits with it.
          expect(row[i]!.inner).toMatch(new RegExp(`^<span class="user-text" dir="auto" title="${escaped(name)}"[^>]*>${escaped(name)}</span>$`));
        }
        // "新进入" written down a column one character a line beside a long class: the change and the figures never wrap.
        for (const cell of row.slice(2)) expect(cell.attrs).toMatch(/class="[^"]*\bevaluation-figure\b/);
      });
      for (const th of headerCells(html).slice(2)) expect(th.attrs).toMatch(/class="[^"]*\bevaluation-figure\b/);
    }
  });
});
