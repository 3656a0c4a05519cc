import type Database from 'better-sqlite3';
import { createRowValidator, toSavedMapping, type ImportKind } from '../../shared/import';
import { ImportError } from '../../shared/import/errors';
import { listMissingFields, type MissingFields } from '../../shared/import/fields';
import type { SourceRow, TableIssue } from '../../shared/import/table';
import { closeAnsweredReminders, insertBatch, recordAfterImages, rememberMapping, setBatchCounts } from '../../db/repos/imports';
import { beginBulkWrite, setInertTriggersAside, type BulkWrite } from '../../db/repos/bulk-write';
import { SCATTERED_ORDER_INDEXES, setIndexesAside, worthSettingIndexesAside, type IndexesAside } from '../../db/repos/indexes-aside';
import { readSettings } from '../../db/repos/settings';
import { localDateOf } from '../../shared/domain/dates';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../db/schema';
import type { Db } from '../../db/open';
import { unneutralize } from '../../shared/export/neutralize';
import { newId } from '../ids';
import { RejectsFile } from './rejects';
import { assertFileTarget } from '../files/write-target';
import { RowWriter, type RowOutcome } from './row-writer';
import { resolveMapping } from './mapping';
import { openSource } from './source';
import type { ImportOptions, ImportResult, ImportRowError } from './types';
import { describeOutcomeError } from './messages';
import { ImportRejected } from './rejected';

const SAMPLE_ROWS = 20;
/** The tables an import writes row by row. */
const IMPORT_WRITES = ['customers', 'contact_channels', 'orders', 'order_lines', 'follow_ups', 'products'] as const;

/**
 * Reads, maps, validates and writes one file in ONE transaction on `client`: commit (or, for a dry
 * run, an all-or-nothing failure, a cancel or a crash) leaves the database either with the whole
 * batch or exactly as before. The batch row is written first (the before-images refer to it) and
 * its counts last, in the same transaction, so it exists only for committed imports.
 */
export async function runImport(client: Database.Database, options: ImportOptions, now: string): Promise<ImportResult> {
  const started = Date.now();
  const limit = options.reportLimit ?? 1000;
  // Only a committing import that skips bad rows writes them out. Its target is checked before the file is even
  // opened: never the database, the file being imported, a folder or a missing folder (a refusal writes nothing).
  const rejectsPath = options.onError === 'skip' && !options.dryRun ? (options.rejectsPath ?? null) : null;
  const checkRejectsTarget = (path: string) => () => assertFileTarget(client, path, { field: ['rejectsPath'], source: 'path' in options.source ? options.source.path : undefined });
  if (rejectsPath) checkRejectsTarget(rejectsPath)();
  const source = await openSource(options.source, {
    encoding: options.encoding, delimiter: options.delimiter, sheet: options.sheet, headerRow: options.headerRow, batchSize: options.batchSize, signal: options.signal,
  });
  let rejects: RejectsFile | null = null;
  let began = false;
  try {
    const { mapping, source: mappingSource } = resolveMapping(client, options.kind, source.headers, options.mapping);
    const db = drizzle(client, { schema }) as unknown as Db;
    const settings = readSettings(db);
    const validator = createRowValidator(
      options.kind,
      source.headers,
      mapping.mapping,
      { homeCountry: settings.homeCountry, defaultCurrency: settings.baseCurrency, currencyHint: mapping.currencyHint, dateOrder: options.dateOrder, decimal: options.decimal, today: localDateOf(new Date(now)) },
      source.sample.map(clean),
    );
    const result: ImportResult = {
      batchId: null, dryRun: options.dryRun, kind: options.kind, fileName: source.fileName, format: source.format, encoding: source.encoding, delimiter: source.delimiter,
      headers: source.headers, headerRow: source.headerRow, columns: mapping.columns, mappingSource, missing: mapping.missing, inferred: validator.inferred,
      rowsTotal: 0, added: 0, updated: 0, skipped: 0, rejected: 0, customersCreated: 0, errors: [], rejectedRows: [], duplicates: [], tableIssues: [...source.headerIssues],
      sample: source.sample.slice(0, SAMPLE_ROWS).map((r) => ({ row: r.row, cells: r.cells.map(String) })), rejectsPath: null, elapsedMs: 0,
    };
    if (!options.dryRun && (mapping.missing.all.length > 0 || mapping.missing.anyOf.length > 0)) {
      throw new ImportError('no_header', missingFieldsMessage(mapping.missing, source.headers), { missing: mapping.missing });
    }
    const batchId = newId();
    client.exec('BEGIN IMMEDIATE');
    began = true;
    insertBatch(client, {
      id: batchId, kind: options.kind, fileName: source.fileName, format: source.format, encoding: source.encoding, delimiter: source.delimiter, onError: options.onError,
      rowsTotal: 0, added: 0, updated: 0, skipped: 0, rejected: 0, customersCreated: 0, createdAt: now,
    });
    // Aggregates are recomputed set-based for the touched customers before commit, not per row by triggers.
    const bulk = beginBulkWrite(client);
    // Per-row triggers that can do nothing in this write (bulk mode's, and the team's outside a team) are not entered for each row.
    const triggersAside = setInertTriggersAside(client, IMPORT_WRITES);
    const writer = new RowWriter(client, batchId, now, settings, options, db, (first, last) => bulk.insertedOrders(first, last));
    if (rejectsPath) rejects = new RejectsFile(rejectsPath, source.headers, checkRejectsTarget(rejectsPath));
    // A file of orders as large as a good part of the table: the scattered indexes are made again once at the
    // end instead of taking each order in place (db/repos/indexes-aside.ts). Decided from the rows per byte so
    // far, at the first batch that shows the file is that large. The table's size is its last rowid (the rows
    // the indexes hold, soft-deleted ones too): a seek, where count(*) read a whole index for every orders file.
    const ordersAtStart = options.kind === 'orders' ? ((client.prepare(`SELECT max(rowid) FROM orders`).pluck().get() as number | null) ?? 0) : 0;
    let indexesAside: IndexesAside | null = null;
    const columnOf = new Map<string, number>();
    mapping.mapping.forEach((field, column) => field && !columnOf.has(field) && columnOf.set(field, column));
    const write = (row: SourceRow): RowOutcome | { kind: 'invalid'; errors: ImportRowError[] } => {
      const checked = validator.validate(row);
      if (!checked.record) return { kind: 'invalid', errors: checked.errors };
      return options.kind === 'customers'
        ? writer.customer(checked.record as never)
        : options.kind === 'orders'
          ? writer.order(checked.record as never)
          : writer.followUp(checked.record as never);
    };

    for await (const batch of source.batches) {
      if (options.signal?.aborted) throw new ImportError('aborted', 'The import was cancelled.');
      if (result.tableIssues.length < limit) result.tableIssues.push(...(batch.issues as TableIssue[]).slice(0, limit - result.tableIssues.length));
      for (const raw of batch.rows) {
        const row = clean(raw);
        result.rowsTotal++;
        const outcome = write(row);
        if (outcome.kind === 'invalid' || outcome.kind === 'error') {
          const errors = outcome.kind === 'invalid' ? outcome.errors : [describeOutcomeError(row, outcome, columnOf, source.headers)];
          result.rejected++;
          if (result.errors.length < limit) result.errors.push(...errors.slice(0, limit - result.errors.length));
          if (result.rejectedRows.length < limit) result.rejectedRows.push({ row: row.row, cells: row.cells.map(String) });
          rejects?.add(row, errors);
          continue;
        }
        result[outcome.kind]++;
        if (outcome.duplicate && result.duplicates.length < limit) result.duplicates.push({ row: row.row, ...outcome.duplicate });
      }
      writer.flush();
      stageTouched(writer, bulk);
      if (options.kind === 'orders' && !indexesAside) {
        const estimatedRows = batch.totalBytes > 0 && batch.bytesRead > 0 ? Math.round((result.rowsTotal * batch.totalBytes) / batch.bytesRead) : result.rowsTotal;
        if (worthSettingIndexesAside(estimatedRows, ordersAtStart, options.indexesAsideFromRows)) indexesAside = setIndexesAside(client, SCATTERED_ORDER_INDEXES);
      }
      options.onProgress?.({ rows: result.rowsTotal, bytesRead: batch.bytesRead, totalBytes: batch.totalBytes, rowsPerSecond: Math.round(result.rowsTotal / Math.max(0.001, (Date.now() - started) / 1000)) });
      // Let timers and the cancel button's message in between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    // The last orders of a lines file wait in the assembler's buffer until the file ends.
    writer.assembler.flushAll();
    writer.flush();
    if (writer.assembler.lines > 0) result.orders = { orders: writer.assembler.orders, lines: writer.assembler.lines, returns: writer.assembler.returns };
    result.customersCreated = writer.customersCreated;
    result.inferred = { ...result.inferred, places: { ...writer.places } };
    result.elapsedMs = Date.now() - started;

    if (options.dryRun || (options.onError === 'abort' && result.rejected > 0)) {
      client.exec('ROLLBACK');
      began = false;
      if (!options.dryRun) throw new ImportRejected(result);
      return result;
    }
    // Before anything reads through them again: the refresh finds each touched customer's orders by the customer index.
    indexesAside?.restore();
    triggersAside.restore();
    finishBatch(client, db, { kind: options.kind, remindersStated: columnOf.has('reminderClosed') }, writer, bulk, batchId, now);
    setBatchCounts(client, batchId, result);
    rememberMapping(client, options.kind, mapping.signature, toSavedMapping(source.headers, mapping.mapping), now);
    // Moved into place before COMMIT: a target that went bad meanwhile still rolls the import back, so an error
    // always means nothing was imported (a commit that failed after this removes the file again, below).
    result.rejectsPath = rejects?.commit() ?? null;
    client.exec('COMMIT');
    began = false;
    rejects = null;
    result.batchId = batchId;
    return result;
  } finally {
    if (began && client.inTransaction) client.exec('ROLLBACK');
    rejects?.discard();
    await source.close();
  }
}

/** Reminders the batch answered, then every aggregate of the customers it gave orders or follow-ups, and bulk mode off. */
function finishBatch(client: Database.Database, db: Db, file: { kind: ImportKind; remindersStated: boolean }, writer: RowWriter, bulk: BulkWrite, batchId: string, now: string): void {
  if (file.kind === 'followups' && !file.remindersStated) closeAnsweredReminders(client, batchId, now);
  if (file.kind === 'customers') recordAfterImages(client, batchId);
  stageTouched(writer, bulk);
  bulk.finish(db);
}

/** Hands the customers touched since the last batch to the bulk write's staging table, so the set never grows with the file. */
function stageTouched(writer: RowWriter, bulk: BulkWrite): void {
  bulk.touch(writer.affected);
  writer.affected.clear();
}

/** Undoes the exporter's formula neutralisation, so an exported file imports back unchanged. */
function clean(row: SourceRow): SourceRow {
  let cells = row.cells;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell === 'string' && cell.charCodeAt(0) === 39) {
      const plain = unneutralize(cell);
      if (plain !== cell) {
        if (cells === row.cells) cells = [...cells];
        cells[i] = plain;
      }
    }
  }
  return cells === row.cells ? row : { ...row, cells };
}

/** The fields a mapping lacks, in English ("date, amount, name or company"). */
export function missingFieldsText(missing: MissingFields): string {
  return listMissingFields(missing, (field) => field, { between: ', ', or: ' or ' });
}

/** The refusal of a mapping that lacks fields (the app words it from `missing`), with the file's own headers, which are what a mapping is made from. */
function missingFieldsMessage(missing: MissingFields, headers: readonly string[]): string {
  const shown = headers.length > 8 ? `${headers.slice(0, 8).join(', ')}, …` : headers.join(', ');
  return `The mapping leaves out required fields: ${missingFieldsText(missing)} (the file's columns: ${shown}).`;
}
