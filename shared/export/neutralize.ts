/**
 * Shared by every file TierBook writes for a spreadsheet: the exports and the import's rejects file (core/), and
 * the rejects file the import screen downloads (renderer/, which cannot import core/).
 *
 * Spreadsheet formula injection: a cell that starts with = + - @ (or a tab or carriage return, which
 * Excel skips before looking) may be run as a formula when the file is opened. Such text gets a
 * leading apostrophe, which spreadsheets show as plain text. Numbers and phone numbers ("-12.5",
 * "+86 138 0013 8000") cannot call anything and are left alone, so they stay numbers for the reader.
 * The importer strips the apostrophe again (see unneutralize), so an export imports back unchanged.
 */
const RISKY_START = /^[=+\-@\t\r]/;
const HARMLESS = /^[+-]?[\d\s().,-]*\d[\d\s().,-]*$/;
/**
 * Text that itself begins with apostrophes before a risky character ("'@老王", typed so to show it is no
 * formula) would lose its first apostrophe to the importer; it gets one more, so the importer's strip
 * gives it back whole.
 */
const QUOTED_RISKY = /^'+[=+\-@\t\r]/;
const STRIPPABLE = /^'*[=+\-@\t\r]/;

export function neutralize(text: string): string {
  return (RISKY_START.test(text) && !HARMLESS.test(text)) || QUOTED_RISKY.test(text) ? `'${text}` : text;
}

export function unneutralize(text: string): string {
  return text.length > 1 && text[0] === "'" && STRIPPABLE.test(text.slice(1)) ? text.slice(1) : text;
}
