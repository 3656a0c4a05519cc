import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OutputOf } from '../../shared/contract';
import { IMPORT_ENCODINGS } from '../../shared/contract/transfer';
import { AppError } from '../../shared/contract';
import { missingFieldsText } from '../importing/run-import';
import { describeIssue, type TableIssue } from '../../shared/import/table';
import { CommandFailed, optionalInt, optionalString, readFlagFile, requireFlag, UsageError } from './args';
import type { Command } from './commands';
import { resources } from '../../renderer/i18n/resources';
import { failureSaid } from './refusal-text';
import { counted, say, sayAs, type Said, type Words } from './words';
import { localMinute } from './local-instant';
import { fileToWrite, REPLACE_FLAG } from './file-to-write';

type Flags = Parameters<Command['run']>[0];

/** The one FILE argument after the command words (main passes positionals as `_`). */
function fileArgument(values: Flags, what: 'import' | 'export'): string {
  const positionals = (values._ as string[] | undefined) ?? [];
  const verb = what === 'import' ? 'Import' : 'Export';
  if (positionals.length > 1) throw new UsageError(say(`cli:file.count${verb}Listed`, { got: positionals.length, files: positionals.map((p) => `"${p}"`).join(', ') }));
  if (positionals.length !== 1) throw new UsageError(say(`cli:file.count${verb}`, { got: positionals.length }));
  const path = resolve(positionals[0]!);
  // Read as a file, a folder fails with Node's "EISDIR: illegal operation on a directory, read".
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    const said = say(`cli:file.folderTo${verb}`, { path });
    throw sayAs(new AppError('invalid_input', said('en')), said);
  }
  return path;
}

/** Names people type for the encodings the importer knows. */
const ENCODING_ALIASES: Record<string, (typeof IMPORT_ENCODINGS)[number]> = {
  utf8: 'utf-8', 'utf-8': 'utf-8', 'utf-8-sig': 'utf-8', utf16le: 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16': 'utf-16le', utf16be: 'utf-16be', 'utf-16be': 'utf-16be',
  gbk: 'gb18030', gb2312: 'gb18030', cp936: 'gb18030', gb18030: 'gb18030', big5: 'big5', cp950: 'big5',
  shift_jis: 'shift_jis', 'shift-jis': 'shift_jis', sjis: 'shift_jis', cp932: 'shift_jis', ms932: 'shift_jis', 'windows-31j': 'shift_jis', 'euc-jp': 'euc-jp', eucjp: 'euc-jp',
  'euc-kr': 'euc-kr', euckr: 'euc-kr', cp949: 'euc-kr', uhc: 'euc-kr', 'windows-1252': 'windows-1252', cp1252: 'windows-1252', latin1: 'windows-1252',
};

function encodingFlag(values: Flags) {
  const value = optionalString(values, 'encoding');
  if (value === undefined) return undefined;
  const encoding = ENCODING_ALIASES[value.toLowerCase()];
  if (!encoding) throw new UsageError(say('cli:import.encoding', { choices: IMPORT_ENCODINGS.join(', '), value }));
  return encoding;
}

function mappingFlag(values: Flags): Record<string, string | null> | undefined {
  const path = optionalString(values, 'mapping');
  if (path === undefined) return undefined;
  const text = readFlagFile('mapping', path, (said) => new UsageError(said));
  let parsed: unknown;
  try {
    // A byte-order mark (Windows Notepad's UTF-8) is no part of the JSON.
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(say('cli:file.mappingJson', { reason: (error as Error).message }));
  }
  // An array or a bare value would reach the contract as "mapping is required", which says nothing of the file.
  if (Array.isArray(parsed)) throw new UsageError(say('cli:file.mappingArray'));
  if (typeof parsed !== 'object' || parsed === null) throw new UsageError(say('cli:file.mappingValue', { value: JSON.stringify(parsed) }));
  return parsed as Record<string, string | null>;
}

/** --header-row N: the header's row counted as the messages count rows, from 1 (whether it can be the header is the import's to say). */
function headerRowFlag(values: Flags): number | undefined {
  const row = optionalInt(values, 'header-row');
  if (row !== undefined && row < 1) throw new UsageError(say('cli:import.headerRow', { value: row }));
  return row;
}

function choice<T extends string>(values: Flags, name: string, allowed: readonly T[]): T | undefined {
  const value = optionalString(values, name);
  if (value !== undefined && !allowed.includes(value as T)) throw new UsageError(say('cli:usage.oneOfBar', { name, choices: allowed.join('|'), value }));
  return value as T | undefined;
}

export const IMPORT_FLAGS = {
  mapping: { type: 'string' }, encoding: { type: 'string' }, 'date-order': { type: 'string' }, 'on-error': { type: 'string' }, rejects: { type: 'string' },
  'dry-run': { type: 'boolean' }, decimal: { type: 'string' }, duplicates: { type: 'string' }, 'link-by': { type: 'string' }, 'create-customers': { type: 'boolean' }, sheet: { type: 'string' },
  'header-row': { type: 'string' }, ...REPLACE_FLAG,
} as const;

type RowErrorSummary = { row: number; column: string | null; field: string | null; value: string; reason: string; message: string };
type ImportSummary = {
  batchId: string | null; dryRun: boolean; rowsTotal: number; added: number; updated: number; skipped: number; rejected: number; customersCreated: number;
  encoding: string | null; delimiter: string | null; rejectsPath: string | null;
  /** The row the header was read from (title lines above it skipped, or --header-row), as the rows in errors count. */
  headerRow: number;
  /** Customers whose country (or province) the file left out and the import filled in, by source. */
  inferredPlaces: OutputOf<'import:commit'>['inferred']['places'] | null;
  /** A file of order lines: the orders its lines made (returns among them) and the lines written; absent otherwise. */
  orders?: { orders: number; lines: number; returns: number };
  /** The first rows in error (up to 20; `rejected` counts them all): row number, column header, reason. */
  errors: RowErrorSummary[];
  /** Fields no column is mapped to: each of `all`, and one of `anyOf` (a dry run reports them; a real import is refused). */
  missing: { all: string[]; anyOf: string[] };
  /** What the reader noticed about the file as a table (garbled text, renamed or skipped headers, ragged rows), each with its English text. */
  tableIssues: Array<{ code: string; message: string } & Record<string, unknown>>;
  /** By date field: the row that settled an inferred day/month order which changed how other dates read (see dateLines). */
  dateEvidence?: NonNullable<OutputOf<'import:commit'>['inferred']['dateEvidence']>;
  /** What each row error's reason fills in, for the lines in another language than the message's; --json leaves it out (importJson). */
  rowParams: Array<Record<string, string> | undefined>;
};

/**
 * An all-or-nothing import that rows with errors refused: nothing was written, so nothing reads as a dry run
 * or as added; the rows and reasons are what to fix (or import the valid rows with --on-error skip).
 */
type RefusedSummary = Pick<ImportSummary, 'rowsTotal' | 'rejected' | 'encoding' | 'delimiter' | 'headerRow' | 'errors' | 'tableIssues' | 'rowParams' | 'dateEvidence'> & { refused: true; batchId: null };

function refusedSummary(preview: ImportSummary): RefusedSummary {
  const { rowsTotal, rejected, encoding, delimiter, headerRow, errors, tableIssues, rowParams, dateEvidence } = preview;
  return { refused: true, batchId: null, rowsTotal, rejected, encoding, delimiter, headerRow, errors, tableIssues, rowParams, ...datesSaid(dateEvidence) };
}

/** The summary as --json prints it: without what only the lines for people read. */
const importJson = ({ rowParams: _rowParams, ...summary }: ImportSummary | RefusedSummary) => summary;

/** How a command-line user maps the columns the importer did not recognise. */
const mappingHint = say('cli:import.mappingHint');
/** The hint as a sentence of its own, after the refusal. */
const mappingHintSentence: Said = (language) => mappingHint(language).replace(/^./, (first) => first.toUpperCase());

/** Present only when a date order was read off a row that decided others (the JSON of most imports has no such key). */
const datesSaid = (evidence: ImportSummary['dateEvidence']) => (evidence && Object.keys(evidence).length > 0 ? { dateEvidence: evidence } : {});

function summarize(result: OutputOf<'import:commit'>): ImportSummary {
  const { batchId, dryRun, rowsTotal, added, updated, skipped, rejected, customersCreated, encoding, delimiter, rejectsPath, headerRow } = result;
  const errors = result.errors.map((e) => ({ row: e.row, column: e.header, field: e.field, value: e.value, reason: e.reason, message: e.message }));
  const tableIssues = result.tableIssues.map((issue) => ({ ...issue, message: describeIssue(issue as TableIssue) }));
  const rowParams = result.errors.map((e) => e.params);
  return { batchId, dryRun, rowsTotal, added, updated, skipped, rejected, customersCreated, encoding, delimiter, rejectsPath, headerRow, inferredPlaces: result.inferred.places ?? null, ...(result.orders ? { orders: result.orders } : {}), errors, missing: { all: [...result.missing.all], anyOf: [...result.missing.anyOf] }, tableIssues, ...datesSaid(result.inferred.dateEvidence), rowParams };
}

/**
 * Where --rejects writes the rejected rows: a file already there is refused unless --replace, as for an export. Only a
 * committing import that skips bad rows writes it (core/importing/run-import.ts); a dry run or an all-or-nothing import
 * leaves it alone, and is not refused for it.
 */
function rejectsTarget(v: Flags, rejects: string): string {
  const written = v['dry-run'] !== true && (optionalString(v, 'on-error') ?? 'skip') === 'skip';
  if (!written) return resolve(rejects);
  return fileToWrite(v, rejects, say('cli:file.rejectsExists', { path: resolve(rejects) }), [fileArgument(v, 'import')]);
}

function importCommand(kind: 'customers' | 'orders' | 'followups'): Command {
  return {
    words: ['import', kind],
    startsDatabase: true,
    takesFile: true,
    writesNothing: (v) => v['dry-run'] === true,
    flags: IMPORT_FLAGS,
    fields: { source: 'FILE', rejectsPath: '--rejects' },
    run: async (v, call) => {
      const rejects = optionalString(v, 'rejects');
      const input = {
        kind,
        source: { path: fileArgument(v, 'import') },
        mapping: mappingFlag(v),
        encoding: encodingFlag(v),
        sheet: optionalString(v, 'sheet'),
        headerRow: headerRowFlag(v),
        dateOrder: choice(v, 'date-order', ['dmy', 'mdy', 'ymd'] as const),
        decimal: choice(v, 'decimal', ['.', ','] as const),
        onError: choice(v, 'on-error', ['abort', 'skip'] as const) ?? (rejects ? 'skip' : 'abort'),
        duplicates: choice(v, 'duplicates', ['skip', 'update', 'create'] as const),
        linkBy: choice(v, 'link-by', ['auto', 'code', 'phone', 'name'] as const),
        unknownCustomers: v['create-customers'] ? ('create' as const) : ('reject' as const),
        rejectsPath: rejects ? rejectsTarget(v, rejects) : undefined,
        reportLimit: 20,
      };
      let result: OutputOf<'import:commit'>;
      try {
        result = await call(v['dry-run'] ? 'import:preview' : 'import:commit', input);
      } catch (error) {
        if (error instanceof AppError && error.issues?.[0]?.key === 'import_mapping_incomplete') {
          const said = say('cli:import.mappingIncomplete', { refusal: failureSaid(error), hint: mappingHintSentence });
          throw sayAs(new AppError(error.code, said('en'), error.issues), said);
        }
        if (!(error instanceof AppError) || error.issues?.[0]?.key !== 'import_rows_rejected') throw error;
        // All-or-nothing refused the file and wrote nothing: read it again without writing, to name the rows.
        const preview = await call('import:preview', input);
        throw new CommandFailed(failureSaid(error), refusedSummary(summarize(preview)));
      }
      return summarize(result);
    },
    json: importJson,
    human: (o: ImportSummary | RefusedSummary, _money, w) => ('refused' in o ? refusedText(o, w) : summaryText(o, w)),
  };
}

/**
 * What the reader noticed about the file, then the rows in error: the same lines under either outcome. Each finding
 * is the importer's own English sentence (it names the row, the column and the value as the file has them).
 */
const findings = (o: Pick<ImportSummary, 'tableIssues' | 'errors' | 'rowParams' | 'dateEvidence'>, w: Words) => [
  ...dateLines(o.dateEvidence, w),
  ...(o.tableIssues.length > 0 ? [w('cli:out.import.asTable'), ...o.tableIssues.map((i) => `  ${i.message}`)] : []),
  ...o.errors.map((e, i) => `  ${rowErrorLine(e, o.rowParams[i], w)}`),
];

/**
 * A day/month order the importer chose from one row (13/12/2026) that decides how the column's 07/12/2026 read:
 * said before the rows, so a wrong reading is seen (and --date-order given) before the dates are trusted.
 */
const dateLines = (evidence: ImportSummary['dateEvidence'], w: Words) =>
  Object.values(evidence ?? {}).map((e) =>
    w('cli:out.import.dateOrderRead', { header: e.header, order: w(`cli:out.import.order_${e.order}`), row: e.row, value: e.value, count: e.eitherWay, other: e.order === 'dmy' ? 'mdy' : 'dmy' }),
  );

/**
 * A row in error: in English the importer's own sentence; in another language the row, the column and the value
 * with the reason in the import screen's words for it (importing:reasons), or the sentence where it has none.
 */
function rowErrorLine(e: RowErrorSummary, params: Record<string, string> | undefined, w: Words): string {
  if (w.language === 'en' || !Object.hasOwn(resources.importing[w.language].reasons, e.reason)) return e.message;
  const reason = w(`importing:reasons.${e.reason}`, params ?? {});
  const column = e.column ?? e.field;
  // A refusal of the whole row (no customer key, values past the header) names no column, and a blank cell shows no value.
  if (column === null) return w('cli:out.import.rowWhole', { row: e.row, reason });
  if (e.value === '') return w('cli:out.import.rowNoValue', { row: e.row, column, reason });
  return w('cli:out.import.row', { row: e.row, column, value: e.value, reason });
}

/** How the file was read: a text file's encoding and delimiter; a workbook has neither (both are null for it). */
const readAs = (o: Pick<ImportSummary, 'encoding' | 'delimiter'>, w: Words) =>
  o.encoding === null && o.delimiter === null ? w('cli:out.import.workbook') : w('cli:out.import.text', { encoding: String(o.encoding), delimiter: JSON.stringify(o.delimiter) });

function summaryText(o: ImportSummary, w: Words): string {
  return [
    o.batchId ? w('cli:out.import.batch', { id: o.batchId }) : w('cli:out.import.dryRun'),
    ...(o.missing.all.length + o.missing.anyOf.length > 0 ? [w('cli:out.import.unmapped', { fields: missingFieldsText(o.missing), hint: mappingHint(w.language) })] : []),
    w('cli:out.import.counts', { added: o.added, updated: o.updated, skipped: o.skipped, rejected: o.rejected, readAs: readAs(o, w) }),
    ...(o.customersCreated > 0 ? [w('cli:out.import.customersCreated', { count: o.customersCreated })] : []),
    ...(o.orders ? [w('cli:out.import.orderLines', { lines: o.orders.lines, orders: o.orders.orders, returns: o.orders.returns })] : []),
    ...(o.rejectsPath ? [w('cli:out.import.rejectsWritten', { path: o.rejectsPath })] : []),
    ...findings(o, w),
  ].join('\n');
}

function refusedText(o: RefusedSummary, w: Words): string {
  return [w('cli:out.import.refused', { rejected: o.rejected, total: o.rowsTotal }), ...findings(o, w)].join('\n');
}

/** The customer list's filter from --search/--view/--owner/--tag; none given: no filter (every customer not in the trash). */
function listFilterOf(v: Flags) {
  const search = optionalString(v, 'search');
  const view = v.view === undefined ? undefined : choice(v, 'view', ['active', 'archived', 'trash'] as const);
  const owners = (v.owner as string[] | undefined) ?? [];
  const tags = (v.tag as string[] | undefined) ?? [];
  if (search === undefined && view === undefined && owners.length === 0 && tags.length === 0) return {};
  return { filter: { search: search ?? '', ...(view ? { view } : {}), owners, tags } };
}

const EXPORT_CHANNELS = { customers: 'export:customers', orders: 'export:orders', 'order-lines': 'export:orderLines', followups: 'export:followUps' } as const;

function exportCommand(kind: keyof typeof EXPORT_CHANNELS): Command {
  const tiers = kind === 'customers';
  return {
    words: ['export', kind],
    takesFile: true,
    flags: {
      lang: { type: 'string' },
      ...REPLACE_FLAG,
      ...(tiers
        ? { scheme: { type: 'string' }, class: { type: 'string' }, search: { type: 'string' }, view: { type: 'string' }, owner: { type: 'string', multiple: true }, tag: { type: 'string', multiple: true } }
        : {}),
    },
    fields: { path: 'FILE', language: '--lang', classKey: '--class', 'filter.search': '--search', 'filter.view': '--view', 'filter.owners': '--owner', 'filter.tags': '--tag' },
    run: (v, call) => {
      // One tier is a scheme and its class; the export's own refusal names its fields ("Give both scheme and classKey").
      if (tiers && (optionalString(v, 'scheme') === undefined) !== (optionalString(v, 'class') === undefined)) {
        throw new UsageError(say('cli:usage.schemeWithClass', { given: optionalString(v, 'scheme') === undefined ? '--class' : '--scheme' }));
      }
      const path = fileArgument(v, 'export');
      const language = choice(v, 'lang', ['zh-CN', 'en'] as const);
      return call(EXPORT_CHANNELS[kind], {
        path: fileToWrite(v, path, say('cli:file.exportExists', { path })),
        language,
        ...(tiers ? { scheme: optionalString(v, 'scheme'), classKey: optionalString(v, 'class'), ...listFilterOf(v) } : {}),
      });
    },
    // The tiers stored last need not be today's (a `segment --as-of` of another day): the export says whose they are.
    human: (o: OutputOf<'export:customers'>, _money, w) => w('cli:out.export.done', { rows: o.rows, path: o.path }) + (o.classesAsOf ? w('cli:out.export.tiersAsOf', { asOf: o.classesAsOf }) : ''),
  };
}

/** Longer word lists first: findCommand takes the first command whose words prefix the arguments. */
export const TRANSFER_COMMANDS: Command[] = [
  {
    words: ['import', 'undo'],
    flags: { batch: { type: 'string' } },
    run: (v, call) => call('import:undo', { batchId: requireFlag(v, 'batch') }),
    human: (o: OutputOf<'import:undo'>, _money, w) =>
      w('cli:out.importBatches.undone', {
        id: o.batchId,
        customersRemoved: counted(w, 'customers', o.customersRemoved),
        ordersRemoved: counted(w, 'orders', o.ordersRemoved),
        followUpsRemoved: counted(w, 'followUps', o.followUpsRemoved),
        customersRestored: counted(w, 'customers', o.customersRestored),
      }),
  },
  {
    words: ['import', 'batches'],
    flags: {},
    run: (_v, call) => call('import:batches', {}),
    // The kind and the status as the import screen's history names them.
    human: (o: OutputOf<'import:batches'>, _money, w) =>
      o.batches
        .map((b) =>
          w('cli:out.importBatches.row', {
            id: b.id, createdAt: localMinute(b.createdAt), kind: w(`cli:out.importBatches.kind.${b.kind}`), file: b.fileName,
            added: b.added, updated: b.updated, skipped: b.skipped, rejected: b.rejected, status: w(`cli:out.importBatches.status.${b.status}`),
          }),
        )
        .join('\n') || w('cli:out.importBatches.none'),
  },
  importCommand('customers'),
  importCommand('orders'),
  importCommand('followups'),
  exportCommand('customers'),
  exportCommand('orders'),
  exportCommand('order-lines'),
  exportCommand('followups'),
  {
    words: ['backup'],
    flags: { to: { type: 'string' }, ...REPLACE_FLAG },
    fields: { path: '--to' },
    run: (v, call) => {
      const path = resolve(requireFlag(v, 'to'));
      return call('backup:create', { path: fileToWrite(v, path, say('cli:file.backupExists', { path })) });
    },
    human: (o: OutputOf<'backup:create'>, _money, w) => w('cli:out.backup.done', { path: o.path, bytes: o.bytes }),
  },
  {
    words: ['restore'],
    startsDatabase: true,
    // A laptop in a team is asked, as a file already there is with --replace: the team's next sync undoes the restore.
    flags: { from: { type: 'string' }, 'confirm-team': { type: 'boolean' } },
    fields: { path: '--from', teamConfirmed: '--confirm-team' },
    clauses: { backup_restore_in_team: () => say('cli:file.restoreInTeam') },
    run: (v, call) => call('backup:restore', { path: resolve(requireFlag(v, 'from')), teamConfirmed: v['confirm-team'] === true }),
    human: (o: OutputOf<'backup:restore'>, _money, w) =>
      [w('cli:out.backup.restored', { from: o.restoredFrom, kept: o.safetyBackup.path }), ...(o.leftTeam ? [w('cli:out.backup.leftTeam')] : [])].join('\n'),
  },
];
