import { isBlankText } from '../domain/clean-text';
import { IMPORT_KINDS } from './fields';
import { autoMapHeaders } from './header-map';
import type { RawRecord } from './table';

/**
 * Non-blank lines a file may have above its header: reports from Chinese accounting and ERP software start with a
 * company name, a report title, a date range, "printed by …" lines. Ten is more than any such report has, and few
 * enough that the lines are held only briefly before the first row is handed on.
 */
export const MAX_TITLE_LINES = 10;

/** Cells of a line scored against the header words: a header wider than this is told apart by its first columns. */
const SCORED_CELLS = 64;

function filledCells(cells: RawRecord['cells']): number {
  let n = 0;
  for (const cell of cells) if (!(typeof cell === 'string' && isBlankText(cell))) n++;
  return n;
}

/** How many of the line's cells the header mapping takes for a field, for the kind that takes most. */
function headerScore(record: RawRecord): number {
  const cells = record.cells.slice(0, SCORED_CELLS).map((c) => (typeof c === 'string' ? c : ''));
  let best = 0;
  for (const kind of IMPORT_KINDS) best = Math.max(best, autoMapHeaders(cells, kind).columns.filter((c) => c.field !== null).length);
  return best;
}

/**
 * Which of the first non-blank records (at most MAX_TITLE_LINES + 1) is the header; the ones before it are titles.
 *
 * A header is wider than every title above it (a title is one merged cell, or a few: "报表日期 | 2024-03-01"), so
 * only a record with more filled cells than all before it can be the header. A data row is as wide as its header
 * at most (wider only below a header with blank cells), so it is seldom a candidate, and even then loses to a header
 * of recognised words. Among the candidates the one whose cells the header mapping recognises best wins. Without
 * recognised words (a file of one's own headers), or when a title ties with a later line, the shape decides as it
 * always did: single-cell lines above the first wider record are titles.
 */
export function chooseHeaderRow(records: readonly RawRecord[]): number {
  const filled = records.map((r) => filledCells(r.cells));
  const candidates: number[] = [];
  let widest = -1;
  filled.forEach((n, i) => {
    if (n > widest) candidates.push(i);
    widest = Math.max(widest, n);
  });
  const firstWide = filled.findIndex((n) => n >= 2);
  const byShape = firstWide > 0 && filled.slice(0, firstWide).every((n) => n === 1) ? firstWide : 0;
  // One candidate (no line is wider than the first: no titles) needs no scoring.
  if (candidates.length === 1) return 0;
  const scores = candidates.map((i) => headerScore(records[i]!));
  const top = Math.max(...scores);
  if (top === 0) return byShape;
  const tied = candidates.filter((_, k) => scores[k] === top);
  return tied.includes(byShape) ? byShape : tied[0]!;
}
