import type { ColumnMatch, DateOrder, ImportKind, SavedMapping } from '../../shared/import';
import type { TableIssue } from '../../shared/import/table';
import type { EncodingName } from '../import';
import type { Delimiter } from '../../shared/import/delimiter';
import type { ImportSource } from './source';
import type { MatchVia } from './customer-index';

export interface ImportOptions {
  kind: ImportKind;
  source: ImportSource;
  encoding?: EncodingName;
  delimiter?: Delimiter;
  sheet?: string;
  /** The header's row (1-based, as messages count rows) when the one chosen under title lines is wrong. */
  headerRow?: number;
  /** Header → field (or null to leave a column out); headers compare folded. Omitted: remembered, else automatic. */
  mapping?: SavedMapping | null;
  dateOrder?: DateOrder;
  decimal?: '.' | ',';
  /** abort: any bad row and nothing is written. skip: the valid rows are imported, the bad ones reported. */
  onError: 'abort' | 'skip';
  /** A customer row that matches an existing customer (or an earlier row of the file). */
  duplicates: 'skip' | 'update' | 'create';
  /** How order and follow-up rows find their customer. auto: code, then phone, then name (+ company). */
  linkBy: 'auto' | 'code' | 'phone' | 'name';
  /** An order or follow-up row whose customer is not found: reject the row, or create the customer. */
  unknownCustomers: 'reject' | 'create';
  /** Run everything in a transaction that is rolled back: exact counts, nothing written. */
  dryRun: boolean;
  /** skip mode: where the rejected rows and their reasons are written (CSV, UTF-8 with BOM). */
  rejectsPath?: string | null;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** How many row errors and duplicates the result lists (the counts are always complete). */
  reportLimit?: number;
  batchSize?: number;
  /** An orders file of at least this many rows (and a quarter of the table) rebuilds the scattered indexes once (db/repos/indexes-aside.ts); tests lower it. */
  indexesAsideFromRows?: number;
}

export interface ImportProgress {
  rows: number;
  bytesRead: number;
  totalBytes: number;
  rowsPerSecond: number;
}

export type ImportReason = import('../../shared/import/result').ValueReason | 'unknown_customer' | 'customer_record_id_elsewhere' | 'ambiguous_customer' | 'no_fx_rate' | 'invalid_wechat' | 'order_lines_disagree' | 'customer_total_too_large' | 'order_number_taken' | 'order_already_recorded' | 'followup_already_recorded';

export interface ImportRowError {
  row: number;
  line: number;
  column: number | null;
  header: string | null;
  field: string | null;
  value: string;
  reason: ImportReason;
  /** What the reason's text fills in; see shared/import/row-cursor.ts. */
  params?: Readonly<Record<string, string>>;
  message: string;
}

export interface DuplicateRow {
  row: number;
  customerId: string;
  via: MatchVia;
  value: string;
  /** The match is a customer an earlier row of the same file created or updated. */
  inFile: boolean;
  action: 'skipped' | 'updated' | 'created';
}

export interface PlaceCounts {
  countryFromPhone: number;
  countryFromRegion: number;
  countryFromCity: number;
  regionFromCity: number;
}

export interface ImportResult {
  batchId: string | null;
  dryRun: boolean;
  kind: ImportKind;
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: EncodingName | null;
  delimiter: Delimiter | null;
  headers: string[];
  /** The header's row, 1-based as rows are counted in every message: the one given, or the one chosen under title lines. */
  headerRow: number;
  columns: ColumnMatch[];
  mappingSource: 'given' | 'remembered' | 'auto';
  missing: { all: string[]; anyOf: string[] };
  inferred: {
    dateOrder: Record<string, DateOrder>;
    decimal: '.' | ',' | 'ambiguous' | null;
    /** Customers written with a country (or province) the file left out, by what it was read from. */
    places?: PlaceCounts;
  };
  rowsTotal: number;
  added: number;
  updated: number;
  skipped: number;
  rejected: number;
  customersCreated: number;
  /** A file of order lines: the orders its lines made (returns among them) and the lines written. */
  orders?: { orders: number; lines: number; returns: number };
  errors: ImportRowError[];
  duplicates: DuplicateRow[];
  tableIssues: TableIssue[];
  /** The rejected rows as read (up to reportLimit), so a client without file access can hand them back for fixing. */
  rejectedRows: Array<{ row: number; cells: string[] }>;
  /** The first rows as read, for the preview table. */
  sample: Array<{ row: number; cells: string[] }>;
  rejectsPath: string | null;
  elapsedMs: number;
}
