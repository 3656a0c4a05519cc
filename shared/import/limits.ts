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
