/**
 * Size limits every reader applies, whatever the format, so a hostile or broken file ends in a clear
 * refusal instead of minutes of work or an out-of-memory crash.
 */

/**
 * Columns in one record. 16,384 is Excel's own limit (column XFD): a file with more cannot have come
 * from a spreadsheet, and mapping tens of thousands of columns is not something anyone does on purpose.
 */
export const MAX_COLUMNS = 16_384;

/**
 * Characters in one physical line or one record. 16 Mi characters is far beyond any real customer
 * list (Excel's largest possible cell is 32,767 characters), yet lets a 10 MB pasted note through;
 * a 30 MB line is refused after reading 16 Mi characters instead of being split into millions of cells.
 */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

/**
 * Empty cells added to rows shorter than the header, in a table held whole (a preview, a workbook).
 * Padding is the one place a reader creates more than the file holds: a 16,384-column header over a
 * million one-value lines would ask for 16 billion cells from a 2 MB file. Ten million shared empty
 * strings are about 80 MB; ragged real files need a small fraction of that.
 */
export const MAX_PADDED_CELLS = 10_000_000;
