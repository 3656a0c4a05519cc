/**
 * Excel's "sep=;" first line, which some exporters write so Excel splits the file right. It states the
 * delimiter (see declaredDelimiter) and is not the header.
 */
export const SEP_LINE = /^\uFEFF?sep=(.)\s*$/i;

/** The "sep=" record as parsed: split by its own delimiter it is ['sep=', '']. */
export function isSepLine(cells: readonly unknown[]): boolean {
  if (cells.length === 1) return typeof cells[0] === 'string' && SEP_LINE.test(cells[0]);
  return cells.length === 2 && typeof cells[0] === 'string' && /^\uFEFF?sep=$/i.test(cells[0]) && cells[1] === '';
}
