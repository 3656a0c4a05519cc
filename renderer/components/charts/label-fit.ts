import { format } from 'echarts/core';

/**
 * A chart label cut to its room ends in "…", as text cut anywhere else in the app does: ECharts' own ellipsis is
 * "...", and a label wrapped to a few lines (overflow 'break' with lineOverflow 'truncate') lost its last lines
 * with nothing to say so. Spread into a label's or a text style's options.
 */
export const CUT_WITH_ELLIPSIS = { overflow: 'truncate', ellipsis: '…' } as const;

/** ECharts' default label font, which the lines are measured in (a line drawn wider is still cut with … by CUT_WITH_ELLIPSIS). */
export const LABEL_FONT = '12px sans-serif';

/**
 * `text` wrapped to at most `lines` lines of `width` pixels, breaking after a space where a line has one; when the
 * text needs more lines, the last one ends in "…". The lines are joined with "\n", for a label with CUT_WITH_ELLIPSIS.
 */
export function fitLines(text: string, width: number, lines: number, font = LABEL_FONT): string {
  const out: string[] = [];
  let rest = text.trim();
  while (rest && out.length < lines - 1 && !fits(rest, width, font)) {
    let head = longestFitting(rest, width, font);
    const space = head.lastIndexOf(' ');
    if (space > 0 && rest[head.length] !== ' ') head = head.slice(0, space + 1);
    out.push(head.trimEnd());
    rest = rest.slice(head.length).trimStart();
  }
  if (rest) out.push(format.truncateText(rest, width, font, '…', { maxIterations: 8 }));
  return out.join('\n');
}

const fits = (text: string, width: number, font: string) => format.truncateText(text, width, font, '', { maxIterations: 8 }) === text;

/** The longest start of `text` drawn within `width` (at least one character, never half of a surrogate pair). */
function longestFitting(text: string, width: number, font: string): string {
  const head = format.truncateText(text, width, font, '', { maxIterations: 8 }).replace(/[\uD800-\uDBFF]$/, '');
  return head || Array.from(text)[0]!;
}
