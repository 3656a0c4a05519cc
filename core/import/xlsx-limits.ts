import { ImportError } from '../../shared/import/errors';
import { MAX_COLUMNS } from '../../shared/import/limits';

/**
 * How much of a workbook we agree to unpack. An .xlsx is a zip: a 1 MB file can unpack to gigabytes of
 * XML (a "zip bomb"), so sizes are judged from the zip's directory before anything is inflated, and
 * again while inflating in case the directory lies.
 */

/**
 * Largest single part (the sheet's XML, the shared strings) we inflate. A 200,000-row × 20-column sheet
 * of ordinary customer data is about 120 MB of XML; 256 MiB leaves room for that and refuses the
 * 450 MB and 4 GB bombs at once. Bigger data belongs in a CSV, which is streamed.
 */
export const MAX_PART_BYTES = 256 * 1024 * 1024;

/**
 * The workbook's own description (workbook.xml, relationships, styles) is a few KB to a few MB even for
 * workbooks with hundreds of sheets and styles; 16 MiB refuses a bomb hidden there.
 */
export const MAX_META_PART_BYTES = 16 * 1024 * 1024;

/** All the parts one read inflates together (workbook, styles, shared strings and the sheet). */
export const MAX_TOTAL_BYTES = 384 * 1024 * 1024;

/** Excel's own limit: a sheet has at most 1,048,576 rows. A row numbered past it was not written by Excel. */
export const MAX_SHEET_ROWS = 1_048_576;

/** Excel's own limit: column XFD, 16,384 columns. Shared with CSV (see shared/import/limits.ts). */
export const MAX_SHEET_COLUMNS = MAX_COLUMNS;

/** Excel's own limit: a cell holds at most 32,767 characters; Excel cannot save a longer one. */
export const MAX_CELL_CHARS = 32_767;

/**
 * The whole table is held in memory for the preview, so the cells of the used range (each row as wide
 * as its last value) are bounded too: 3 million is 150,000 rows × 20 columns. Measured: a sheet refused
 * at this limit peaks at ~360 MB RSS after 6 s; the worst case the limits allow (1,048,576 rows of 2
 * cells) at ~500 MB. Larger data is what the streamed CSV import is for.
 */
export const MAX_SHEET_CELLS = 3_000_000;

/**
 * Characters allowed between two '<' in any part. Well-formed parts have nothing longer than one
 * escaped cell text (32,767 characters, at most 6 each as "&#xFFFF;"-style entities are rare) plus an
 * attribute list; a longer run is a bomb's giant cell, refused before the XML parser buffers it.
 */
export const MAX_XML_RUN_CHARS = MAX_CELL_CHARS * 8;

/**
 * Merged ranges in one sheet. Report-style sheets merge titles and group cells: hundreds, a few thousand
 * at most. Each range is kept until the sheet ends (merges follow the rows in the XML), so a sheet of
 * millions of tiny merges would otherwise fill the heap with them.
 */
export const MAX_MERGED_RANGES = 100_000;

/** A workbook with more entries than this is not something Excel or WPS wrote. */
export const MAX_ZIP_ENTRIES = 10_000;

const MB = 1024 * 1024;

export function partTooLarge(name: string, bytes: number, limit: number): ImportError {
  return new ImportError(
    'xlsx_too_large',
    `The workbook part ${name} unpacks to ${Math.round(bytes / MB)} MB or more, over the ${Math.round(limit / MB)} MB this importer reads from a workbook. Save the sheet as CSV and import that instead.`,
    { part: name, bytes, limit },
  );
}

export function totalTooLarge(bytes: number): ImportError {
  return new ImportError(
    'xlsx_too_large',
    `The workbook unpacks to ${Math.round(bytes / MB)} MB, over the ${Math.round(MAX_TOTAL_BYTES / MB)} MB this importer reads from a workbook. Save the sheet as CSV and import that instead.`,
    { bytes, limit: MAX_TOTAL_BYTES },
  );
}

export function tooManyRows(row: number): ImportError {
  return new ImportError('too_many_rows', `The sheet has a row numbered ${row}, past the ${MAX_SHEET_ROWS.toLocaleString('en')} rows a sheet can hold.`, { row, limit: MAX_SHEET_ROWS });
}

export function tooManyCells(): ImportError {
  return new ImportError('too_many_rows', `The sheet has more than ${MAX_SHEET_CELLS.toLocaleString('en')} cells; split it or save it as CSV and import that instead.`, { limit: MAX_SHEET_CELLS });
}

export function tooManyMerges(): ImportError {
  return new ImportError('too_many_rows', `The sheet has more than ${MAX_MERGED_RANGES.toLocaleString('en')} merged ranges; unmerge them or save the sheet as CSV and import that instead.`, { limit: MAX_MERGED_RANGES });
}

export function tooManyColumns(column: number, row: number): ImportError {
  return new ImportError('too_many_columns', `Row ${row} has a cell in column ${column}, past the ${MAX_SHEET_COLUMNS.toLocaleString('en')} columns a sheet can hold.`, { row, column, limit: MAX_SHEET_COLUMNS });
}

export function cellTooLong(where: string): ImportError {
  return new ImportError('cell_too_long', `A cell (${where}) holds more than ${MAX_CELL_CHARS.toLocaleString('en')} characters, more than Excel allows in a cell.`, { where, limit: MAX_CELL_CHARS });
}
