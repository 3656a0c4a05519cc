/**
 * Whole-file failures of the importer. Codes are stable strings the UI translates; the English message
 * is for logs and the CLI. Problems with single rows or cells are not errors but issues (see table.ts)
 * or row errors (see validate-rows.ts), because one bad row must not stop a 10,000-row import.
 */
export const IMPORT_ERROR_CODES = [
  'empty_file',
  /** A device, a pipe or a socket (/dev/zero, a named pipe): no file to read, and reading one may never end. */
  'not_a_file',
  'binary_file',
  'xls_not_supported',
  'xlsx_unreadable',
  'sheet_not_found',
  'unsupported_encoding',
  'record_too_large',
  'unterminated_quote',
  'too_many_columns',
  'too_many_rows',
  'cell_too_long',
  'xlsx_too_large',
  'no_header',
  /** The header row the user gave is blank, or not among the lines the header is chosen from (table.ts). */
  'header_row_blank',
  'header_row_beyond',
  /** The header row the user gave is a CSV's "sep=;" line, which states the delimiter and names no column (sep-line.ts). */
  'header_row_sep_line',
  'aborted',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isImportError(error: unknown, code?: ImportErrorCode): error is ImportError {
  return error instanceof ImportError && (code === undefined || error.code === code);
}
