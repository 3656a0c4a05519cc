import { mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError, type ParsedInputOf } from '../../shared/contract';
import { isImportError } from '../../shared/import/errors';
import type { ExportKind } from '../../shared/export/columns';
import { backupFolder, backupHere, backupTo, listBackups, restoreFrom } from '../backup';
import { leaveTeamTheBackupWasNotIn, refuseUnconfirmedRestoreInTeam, teamOfLaptop } from '../backup/restore-in-team';
import { runMaintenanceTasks } from '../maintenance';
import type { HandlerContext } from '../context';
import { resolveImportFiles, restoreSource, writeTarget, type ResolvedImportInput } from '../files/transfer-files';
import { ImportJobs, ImportRejected, inlineImportRunner, type ImportSource } from '../importing';
import { listBatches } from '../../db/repos/imports';
import { listedIds } from '../../db/repos/customers';
import { listByClass } from '../segmentation/class-list';
import { letGoOfHeldTiers } from '../segmentation/state';
import { normalizeQuery } from '../../shared/domain/pinyin';
import { migrationsFolder } from '../paths';
import type { HandlerMap } from './types';

type ImportInput = ParsedInputOf<'import:commit'>;

/** Whole-file problems (unreadable, cancelled, all-or-nothing refused) as errors the UI translates. */
function asAppError(error: unknown): unknown {
  if (error instanceof ImportRejected) {
    const { rejected, rowsTotal } = error.result;
    return new AppError('invalid_input', error.message, [{ path: ['rows'], key: 'import_rows_rejected', params: { rejected, total: rowsTotal } }]);
  }
  if (isImportError(error)) {
    const missing = error.details.missing as { all: string[]; anyOf: string[] } | undefined;
    if (missing) return new AppError('invalid_input', error.message, [{ path: ['mapping'], key: 'import_mapping_incomplete', params: { fields: [...missing.all, ...missing.anyOf].join(', ') } }]);
    // Plain details (the line an unclosed quote opens on …) go along for the translated text.
    const params = Object.fromEntries(Object.entries(error.details).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'));
    // A header row refused is the given headerRow's fault, not the file's: the screen shows it by that control.
    const path = error.code === 'header_row_blank' || error.code === 'header_row_beyond' || error.code === 'header_row_sep_line' ? 'headerRow' : 'source';
    return new AppError('invalid_input', error.message, [{ path: [path], key: `import_${error.code}`, ...(Object.keys(params).length > 0 ? { params } : {}) }]);
  }
  if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
    const path = (error as NodeJS.ErrnoException).path ?? '';
    return new AppError('not_found', `No such file: ${path}`, [{ path: ['source'], key: 'file_not_found', params: { path } }]);
  }
  return error;
}

function sourceOf(input: ResolvedImportInput): ImportSource {
  return 'path' in input.source ? { path: input.source.path } : { bytes: Buffer.from(input.source.base64, 'base64'), fileName: input.source.fileName };
}

/**
 * Import, export and backup. An import runs on its own connection (see core/importing/connection.ts),
 * in a worker process when the app was given one (core/importing/worker/runner.ts);
 * exports read on their own read-only connection, because iterating 100k rows while the file is
 * written would otherwise keep the app's connection busy for every other call.
 */
export function transferHandlers(ctx: HandlerContext): HandlerMap<'import'> & HandlerMap<'export'> & HandlerMap<'backup'> {
  const now = () => ctx.clock.now().toISOString();
  const jobs = new ImportJobs();
  // In the app, the CLI and the bridge each import runs in a worker process (see core/importing/worker).
  const runner = ctx.importRunner ?? inlineImportRunner(ctx.db.$client);
  const runOn = async (input: ResolvedImportInput, dryRun: boolean) => {
    const job = jobs.start(input.jobId);
    try {
      const { jobId: _jobId, ...options } = input;
      return await runner.run(ctx.dbPath, { ...options, source: sourceOf(input), dryRun, rejectsPath: input.rejectsPath ?? null }, now(), { signal: job.signal, onProgress: job.onProgress });
    } catch (error) {
      throw asAppError(error);
    } finally {
      job.done();
    }
  };
  const importFile = async (raw: ImportInput, dryRun: boolean) => {
    const files = resolveImportFiles(ctx.files, raw, !dryRun);
    const result = await runOn(files.input, dryRun);
    if (!dryRun) files.used();
    return result;
  };
  const exportKind = (kind: ExportKind) => async (input: ParsedInputOf<'export:customers'>) => {
    if ((input.scheme === undefined) !== (input.classKey === undefined)) throw new AppError('invalid_input', 'Give both scheme and classKey, or neither.', [{ path: [input.scheme ? 'classKey' : 'scheme'], key: 'required' }]);
    const classFilter = input.scheme && input.classKey ? { scheme: input.scheme, classKey: input.classKey } : undefined;
    if (input.filter && input.ids) throw new AppError('invalid_input', 'Give a filter or ids, not both.', [{ path: ['ids'], key: 'invalid_value' }]);
    // The list's filter is resolved on the app's connection, the same query the list pages through.
    const only = input.ids ?? (input.filter ? await shownIds(ctx, input.filter) : undefined);
    const path = writeTarget(ctx.files, input, 'export') ?? defaultExportPath(ctx.dbPath, kind, input.format ?? 'xlsx', ctx.clock.today(), classFilter);
    // Read on a connection of its own, in the worker when there is one: sorting 840k orders held the app for seconds.
    return runner.exportFile(ctx.dbPath, kind, path, { format: input.format, language: input.language, classFilter, only });
  };

  return {
    'import:preview': (input) => importFile(input, true),
    'import:commit': (input) => importFile(input, false),
    'import:progress': ({ jobId }) => jobs.progress(jobId),
    'import:cancel': ({ jobId }) => jobs.cancel(jobId),
    // On the import's own connection, in the worker when there is one: a million rows' undo holds it, not the app.
    'import:undo': async ({ batchId }) => {
      try {
        return await runner.undo(ctx.dbPath, batchId, now());
      } catch (error) {
        throw asAppError(error);
      }
    },
    'import:batches': ({ limit }) => ({ batches: listBatches(ctx.db.$client, limit) }),
    'export:customers': exportKind('customers'),
    'export:orders': exportKind('orders'),
    'export:orderLines': exportKind('orderLines'),
    'export:followUps': exportKind('followUps'),
    'backup:create': (input) => {
      const path = writeTarget(ctx.files, input, 'backup');
      const copy = runner.backupCopier(ctx.dbPath);
      return path ? backupTo(ctx.db.$client, path, 'manual', ctx.clock.now(), copy) : backupHere(ctx.db.$client, ctx.dbPath, 'manual', ctx.clock.now(), copy);
    },
    'backup:restore': async (input) => {
      // Asked before the file is resolved, so a dialog's handle is still good when the user says yes.
      const team = teamOfLaptop(ctx);
      refuseUnconfirmedRestoreInTeam(team, input.teamConfirmed);
      const from = restoreSource(ctx.files, input);
      // The interface language is this computer's choice, not part of the data: a backup made in another
      // language must not switch the screen the user is reading.
      const language = ctx.db.$client.prepare('SELECT language FROM settings WHERE id = 1').pluck().get() as string | null | undefined;
      let restored;
      try {
        restored = await restoreFrom(ctx.db, ctx.dbPath, from.path, migrationsFolder(), ctx.clock.now());
      } finally {
        // Replaced (or put back after a failure): the tiers held from before describe other data. Let go in the
        // same turn the copy ended in, before any background work can install what it computed from before.
        letGoOfHeldTiers(ctx.db);
      }
      from.used();
      const fileDate = statSync(from.path).mtime.toISOString();
      if (language !== undefined) ctx.db.$client.prepare('UPDATE settings SET language = ? WHERE id = 1').run(language);
      // An older backup was migrated on the way in: what its migrations left for the app is done now, not at the next start.
      runMaintenanceTasks(ctx.db);
      const leftTeam = await leaveTeamTheBackupWasNotIn(ctx, team);
      const customers = ctx.db.$client.prepare('SELECT count(*) FROM customers WHERE deleted_at IS NULL').pluck().get() as number;
      return { ...restored, summary: { fileName: basename(from.path), fileDate, customers }, leftTeam };
    },
    'backup:list': () => ({ folder: backupFolder(ctx.dbPath), backups: listBackups(backupFolder(ctx.dbPath)) }),
  };
}

/** `<database folder>/exports/customers-gold-2026-11-23.xlsx`: where an export goes when no path was chosen. */
function defaultExportPath(dbPath: string, kind: ExportKind, format: 'xlsx' | 'csv', today: string, classFilter?: { scheme: string; classKey: string }): string {
  const folder = join(dirname(dbPath), 'exports');
  mkdirSync(folder, { recursive: true });
  const name = [kind, classFilter ? `${classFilter.scheme}-${classFilter.classKey}` : null, today].filter(Boolean).join('-').replace(/[^\w.-]+/g, '_');
  return join(folder, `${name}.${format}`);
}

/**
 * The customers the list shows for this filter, in its order: the list's own query, or, with a class
 * filter or a tier sort, the same in-memory classes the list pages through (core/segmentation/class-list.ts).
 */
async function shownIds(ctx: HandlerContext, filter: NonNullable<ParsedInputOf<'export:customers'>['filter']>): Promise<string[]> {
  const searchKey = normalizeQuery(filter.search);
  const input = { ...filter, offset: 0, limit: 1, schemes: [], today: ctx.clock.today() };
  if (!filter.classFilter && filter.sort.field !== 'tier') return listedIds(ctx.db, input, searchKey);
  const all = await listByClass(ctx, { ...input, limit: Number.MAX_SAFE_INTEGER }, searchKey);
  return all.rows.map((r) => r.id);
}
