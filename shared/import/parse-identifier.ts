import { parseText } from './parse-contact';
import { fail, type ValueResult } from './result';
import type { Cell } from './table';

/**
 * "1.23457E+17": what Excel shows, and saves to CSV, for a long number in a column it took for numbers; Python's
 * str() and JavaScript's String() write the same shape ("1e+21"). Programs put one digit before the point and sign an
 * exponent of two digits or more; a code typed by a person ("1E5", "12E34", "2E-3", "3e10") is not that shape and
 * is kept as the text it is.
 */
const SCIENTIFIC = /^[+-]?[1-9](?:\.\d+)?e[+-]\d{2,}$/i;

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
