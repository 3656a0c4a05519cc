import { z } from 'zod';
import { DELIMITERS } from '../import/delimiter';
import { IMPORT_KINDS } from '../import/fields';
import { enumOf, idSchema, isoDateSchema, requiredText } from './common';
import { LANGUAGES } from './enums';
import { customerListInputSchema } from './customers';
import { refuseUnknownClass, schemeSchema } from './segmentation';
import { BULK_MAX_IDS } from './customers-bulk';
import { boundedRecord, MAX_RECORD_KEYS } from './limits';

/** Text encodings a user may force when detection guesses wrong (the names core/import decodes). */
export const IMPORT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr', 'windows-1252'] as const;

/** A NUL byte names no file anywhere; refused here so it never reaches the file system. */
export const pathSchema = z.string().trim().min(1, 'required').max(4096, 'too_long').refine((s) => !s.includes('\0'), 'path_not_allowed');
/** An opaque token from the app's own open/save dialog (core/files/handles.ts); only Electron issues them. */
export const handleSchema = z.string().regex(/^[\w-]{16,64}$/, 'handle_unknown');

/**
 * Which file, by transport (core/files/access.ts): a path (the CLI: any file; the browser: a name in the
 * imports folder), a dialog handle (Electron), or the contents themselves (an upload).
 */
const importSourceSchema = z.union([
  z.object({ path: pathSchema }),
  z.object({ handle: handleSchema }),
  z.object({ base64: z.string().min(1, 'required'), fileName: requiredText(255) }),
]);

const importInputSchema = z.object({
  kind: enumOf(IMPORT_KINDS),
  source: importSourceSchema,
  encoding: enumOf(IMPORT_ENCODINGS).optional(),
  delimiter: enumOf(DELIMITERS).optional(),
  sheet: z.string().max(200, 'too_long').optional(),
  /**
   * The header's row, 1-based as the messages count rows, when the one chosen under title lines is wrong. It must be
   * one of the first lines that are not blank (the importer refuses another, naming them); Excel's last row bounds it.
   */
  headerRow: z.number().int().min(1).max(1_048_576).optional(),
  /** File header → field (null: leave the column out). Omitted: the remembered mapping, else automatic. */
  mapping: boundedRecord(z.string().max(200, 'too_long').nullable(), MAX_RECORD_KEYS, 1000).nullish(),
  dateOrder: enumOf(['dmy', 'mdy', 'ymd'] as const).optional(),
  decimal: enumOf(['.', ','] as const).optional(),
  onError: enumOf(['abort', 'skip'] as const).default('abort'),
  duplicates: enumOf(['skip', 'update', 'create'] as const).default('skip'),
  linkBy: enumOf(['auto', 'code', 'phone', 'name'] as const).default('auto'),
  unknownCustomers: enumOf(['reject', 'create'] as const).default('reject'),
  /** skip mode: where to write the rejected rows with their reasons (a path, or in Electron a save dialog's handle). */
  rejectsPath: pathSchema.nullish(),
  rejectsHandle: handleSchema.nullish(),
  reportLimit: z.number().int().min(0).max(100_000).default(1000),
  /** Names the run so import:progress and import:cancel can refer to it while it works. */
  jobId: z.string().min(1, 'required').max(64, 'too_long').optional(),
}).refine((i) => i.rejectsPath == null || i.rejectsHandle == null, { message: 'invalid_value', path: ['rejectsHandle'] });

const rowErrorSchema = z.object({
  row: z.number().int(),
  line: z.number().int(),
  column: z.number().int().nullable(),
  header: z.string().nullable(),
  field: z.string().nullable(),
  value: z.string(),
  reason: z.string(),
  /** What the reason's text fills in (invalid_choice: the allowed values, `allowed` and `allowedZh`). */
  params: z.record(z.string(), z.string()).optional(),
  message: z.string(),
});

const importResultSchema = z.object({
  batchId: z.string().nullable(),
  dryRun: z.boolean(),
  kind: enumOf(IMPORT_KINDS),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  /** The header's row, 1-based: the one given, or the one chosen under title lines. */
  headerRow: z.number().int(),
  columns: z.array(z.object({ column: z.number().int(), header: z.string(), field: z.string().nullable(), confidence: z.number() })),
  mappingSource: z.enum(['given', 'remembered', 'auto']),
  missing: z.object({ all: z.array(z.string()), anyOf: z.array(z.string()) }),
  inferred: z.object({
    dateOrder: z.record(z.string(), z.string()),
    decimal: z.string().nullable(),
    /** By date field: the row whose date settled an inferred day/month order that changed how other dates of the column read. */
    dateEvidence: z.record(z.string(), z.object({ row: z.number().int(), value: z.string(), eitherWay: z.number().int(), order: z.enum(['dmy', 'mdy']), header: z.string() })).optional(),
    /** Customers written with a country (or province) the file left out, by what it was read from. */
    places: z.object({ countryFromPhone: z.number().int(), countryFromRegion: z.number().int(), countryFromCity: z.number().int(), regionFromCity: z.number().int() }).optional(),
  }),
  rowsTotal: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
  customersCreated: z.number().int(),
  orders: z.object({ orders: z.number().int(), lines: z.number().int(), returns: z.number().int() }).optional(),
  errors: z.array(rowErrorSchema),
  duplicates: z.array(
    z.object({ row: z.number().int(), customerId: z.string(), via: z.string(), value: z.string(), inFile: z.boolean(), action: z.enum(['skipped', 'updated', 'created']) }),
  ),
  tableIssues: z.array(z.looseObject({ code: z.string() })),
  rejectedRows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  sample: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  rejectsPath: z.string().nullable(),
  elapsedMs: z.number(),
});
export type ImportResultDto = z.infer<typeof importResultSchema>;

const batchSchema = z.object({
  id: z.string(),
  kind: enumOf(IMPORT_KINDS),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  onError: z.enum(['abort', 'skip']),
  rowsTotal: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
  customersCreated: z.number().int(),
  status: z.enum(['committed', 'undone']),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});

const exportInputSchema = z.object({
  /** Omitted (with handle): a dated file in the `exports` folder beside the database (a browser has no save dialog). */
  path: pathSchema.optional(),
  /** Electron: the save dialog's handle instead of a path. */
  handle: handleSchema.optional(),
  /** Omitted: from the file name's extension (.xlsx or .csv). */
  format: enumOf(['xlsx', 'csv'] as const).optional(),
  language: enumOf(LANGUAGES).default('zh-CN'),
});
/** Customers may be limited to one class of one scheme: a tiered list, as of the latest segmentation run. */
const customerExportInputSchema = exportInputSchema.extend({
  scheme: schemeSchema.optional(),
  classKey: z.string().trim().min(1, 'required').max(64, 'too_long').optional(),
  /** The customer list's filter and sort: export what the list shows, in its order. */
  filter: customerListInputSchema.omit({ offset: true, limit: true, schemes: true }).optional(),
  /** Just these customers (a selection on the list), in this order. */
  ids: z.array(idSchema).min(1, 'required').max(BULK_MAX_IDS, 'too_many').optional(),
});
/** `classesAsOf`: the day of the stored tiers a customers export's class columns are (null: no tiers stored, or another kind). */
const exportOutputSchema = z.object({ path: z.string(), format: z.enum(['xlsx', 'csv']), rows: z.number().int(), classesAsOf: isoDateSchema.nullable() });

/** At most one way of naming the file a call writes. */
const notBoth = (input: { path?: unknown; handle?: unknown }) => input.path === undefined || input.handle === undefined;
const oneTarget = { message: 'invalid_value', path: ['handle'] };
const backupCreateInputSchema = z.object({ path: pathSchema.optional(), handle: handleSchema.optional() }).refine(notBoth, oneTarget);
/** A backup by path, by save-dialog handle (Electron), or by the name backup:list shows (in the backups folder). */
/**
 * On a laptop in a team a restore is refused (backup_restore_in_team) until the user has read what the team's next
 * sync does to it and said yes: teamConfirmed.
 */
const restoreConfirmation = { teamConfirmed: z.boolean().optional() };
const backupRestoreInputSchema = z.union([
  z.object({ path: pathSchema, ...restoreConfirmation }),
  z.object({ handle: handleSchema, ...restoreConfirmation }),
  z.object({ name: requiredText(255), ...restoreConfirmation }),
]);

const backupSchema = z.object({ path: z.string(), name: z.string(), bytes: z.number().int(), createdAt: z.string(), kind: z.enum(['daily', 'weekly', 'manual', 'before_restore']) });

export const transferContract = {
  /** Everything an import would do (counts, every row error, duplicates), in a transaction that is rolled back. */
  'import:preview': { input: importInputSchema, output: importResultSchema },
  /** The import as one batch. abort: any bad row and nothing is written (invalid_input); skip: valid rows only. */
  'import:commit': { input: importInputSchema, output: importResultSchema },
  /** How far a running import (by jobId) has got; `running: false` once it has finished or never started. */
  'import:progress': {
    input: z.object({ jobId: z.string().min(1, 'required').max(64, 'too_long') }),
    output: z.object({ rows: z.number().int(), bytesRead: z.number().int(), totalBytes: z.number().int(), rowsPerSecond: z.number(), running: z.boolean() }),
  },
  /** Stops a running import; its transaction rolls back, so the database stays exactly as before. */
  'import:cancel': { input: z.object({ jobId: z.string().min(1, 'required').max(64, 'too_long') }), output: z.object({ cancelled: z.boolean() }) },
  'import:undo': {
    input: z.object({ batchId: idSchema }),
    output: z.object({ batchId: z.string(), customersRemoved: z.number().int(), customersRestored: z.number().int(), ordersRemoved: z.number().int(), followUpsRemoved: z.number().int(), productsRemoved: z.number().int().optional() }),
  },
  'import:batches': { input: z.object({ limit: z.number().int().min(1).max(1000).default(50) }).default({ limit: 50 }), output: z.object({ batches: z.array(batchSchema) }) },
  'export:customers': {
    input: customerExportInputSchema.refine(notBoth, oneTarget).superRefine((input, ctx) => refuseUnknownClass(input.scheme, [input.classKey], ctx, () => ['classKey'])),
    output: exportOutputSchema,
  },
  'export:orders': { input: exportInputSchema.refine(notBoth, oneTarget), output: exportOutputSchema },
  /** One row per order line, the order's columns repeated: imports back as the same orders with lines. */
  'export:orderLines': { input: exportInputSchema.refine(notBoth, oneTarget), output: exportOutputSchema },
  'export:followUps': { input: exportInputSchema.refine(notBoth, oneTarget), output: exportOutputSchema },
  /** Online backup (safe while the app writes). Omitted path: a manual backup in the backups folder beside the database. */
  'backup:create': { input: backupCreateInputSchema.default({}), output: backupSchema },
  /** Replaces the data with a backup's after checking it; the current data is backed up first. */
  'backup:restore': {
    input: backupRestoreInputSchema,
    output: z.object({
      restoredFrom: z.string(),
      safetyBackup: backupSchema,
      /** What the user now has, to confirm it: the file's name, when it was written, and its customers (not in the trash). */
      summary: z.object({ fileName: z.string().max(4096), fileDate: z.string().max(40), customers: z.number().int().min(0) }),
      /** The backup was made before this laptop joined its team: the laptop is out of the team now, and joins again in Settings → Team. */
      leftTeam: z.boolean(),
    }),
  },
  'backup:list': { input: z.object({}).default({}), output: z.object({ folder: z.string(), backups: z.array(backupSchema) }) },
} as const;
