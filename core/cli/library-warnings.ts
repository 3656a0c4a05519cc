/**
 * Deprecation warnings that libraries print on the command line and that say nothing the user can act on; the
 * CLI drops exactly these, and every other warning is printed as before. TierBook's own code calls neither.
 * - DEP0005, "Buffer() is deprecated", on every .xlsx export: the workbook writer (exceljs 4.4, its newest)
 *   zips through archiver 5, whose archiver-utils 2.1 still calls `new Buffer()`. Its 3.x no longer does, but
 *   it tells streams apart in a way that refuses exceljs's own (tried: every export failed with "input source
 *   must be valid Stream or Buffer instance").
 * - DEP0169, "`url.parse()` behavior is not standardized", on every `team` command that reaches a server: PouchDB's
 *   HTTP adapter fetches through node-fetch 2, whose parseURL ends in `url.parse()` in every 2.x release.
 */
const HIDDEN_CODES = new Set(['DEP0005', 'DEP0169']);

/** Whether a process.emitWarning call is one of the library warnings the CLI does not print. */
export function isHiddenLibraryWarning(args: readonly unknown[]): boolean {
  const [, typeOrOptions, code] = args;
  const codeOf = typeof typeOrOptions === 'object' && typeOrOptions !== null ? (typeOrOptions as { code?: unknown }).code : code;
  return typeof codeOf === 'string' && HIDDEN_CODES.has(codeOf);
}

/** Drops the hidden library warnings from this process's output. */
export function hideLibraryWarnings(): void {
  const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((...args: unknown[]) => {
    if (!isHiddenLibraryWarning(args)) emit(...args);
  }) as typeof process.emitWarning;
}
