/**
 * Spreadsheet formula injection: a cell that starts with = + - @ (or a tab or carriage return, which
 * Excel skips before looking) may be run as a formula when the file is opened. Such text gets a
 * leading apostrophe, which spreadsheets show as plain text. Numbers and phone numbers ("-12.5",
 * "+86 138 0013 8000") cannot call anything and are left alone, so they stay numbers for the reader.
 * The importer strips the apostrophe again (see unneutralize), so an export imports back unchanged.
 */
const RISKY_START = /^[=+\-@\t\r]/;
const HARMLESS = /^[+-]?[\d\s().,-]*\d[\d\s().,-]*$/;

export function neutralize(text: string): string {
  return RISKY_START.test(text) && !HARMLESS.test(text) ? `'${text}` : text;
}

export function unneutralize(text: string): string {
  return text.length > 1 && text[0] === "'" && RISKY_START.test(text.slice(1)) ? text.slice(1) : text;
}
