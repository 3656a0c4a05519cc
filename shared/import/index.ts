/**
 * The importer's pure half: CSV text to rows, headers to fields, cells to typed records. Runs in the
 * renderer (previews) and in Node alike; reading bytes from disk is core/import's job.
 */
export { parseCsv, type CsvParseOptions, type CsvTable } from './csv';
export { declaredDelimiter, DELIMITERS, sniffDelimiter, type Delimiter, type DelimiterGuess } from './delimiter';
export { IMPORT_ERROR_CODES, ImportError, isImportError, type ImportErrorCode } from './errors';
export { DATE_FIELDS, FIELDS_OF, LINE_MODE_FIELDS, ORDER_LINE_FIELDS, IMPORT_KINDS, REQUIRED_FIELDS, SYNONYMS, type FieldOf, type ImportField, type ImportKind } from './fields';
export {
  autoMapHeaders,
  describeMapping,
  fromSavedMapping,
  headerSignature,
  mappingMismatch,
  MULTI_COLUMN_FIELDS,
  toSavedMapping,
  type ColumnMapping,
  type ColumnMatch,
  type HeaderMapping,
  type MappingMismatch,
  type SavedMapping,
} from './header-map';
export { CsvRecordReader, type RecordReaderOptions } from './record-reader';
export { describeReason, type RowError } from './row-cursor';
export { toInstant, type CustomerKey, type CustomerRecord, type FollowUpRecord } from './row-records';
export type { OrderLineRecord, OrderRecord } from './order-record';
export { describeIssue, TableBuilder, type Cell, type ImportTable, type RawRecord, type SourceRow, type TableHeader, type TableIssue } from './table';
export { createRowValidator, validateRows, type RecordOf, type RowValidator, type ValidatedRecord, type Validation, type ValidateOptions } from './validate-rows';
export * from './values';
