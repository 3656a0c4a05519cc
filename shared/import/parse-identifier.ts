import { parseText } from './parse-contact';
import { fail, type ValueResult } from './result';
import type { Cell } from './table';

/** "1.23457E+17": what Excel shows, and saves to CSV, for a long number in a column it took for numbers. */
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?e[+-]?\d+$/i;

/**
 * A code, an order number or a SKU: text, however digit-like ("007", "123456789012345678"). A spreadsheet that took
 * the column for numbers has already lost what made it that code: past 15 digits the last ones are gone
 * (1.23457E+17 in a CSV it saved, or a number past 2^53 in a workbook), and a code read so was stored as another
 * one without a word. Those are refused, saying how to keep the column as text.
 */
export function parseIdentifier(cell: Cell, max: number): ValueResult<string | null> {
  if (typeof cell === 'number' ? Number.isInteger(cell) && !Number.isSafeInteger(cell) : SCIENTIFIC.test(cell.trim())) return fail('id_scientific');
  return parseText(cell, max);
}
