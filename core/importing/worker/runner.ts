import Database from 'better-sqlite3';
import { existsSync, truncateSync } from 'node:fs';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { AppError } from '../../../shared/contract';
import type { Db } from '../../../db/open';
import * as schema from '../../../db/schema';
import { openImportConnection } from '../connection';
import { runImport } from '../run-import';
import type { ImportProgress, ImportResult } from '../types';
import { undoBatch, type UndoResult } from '../undo';
import type { WorkerExit, WorkerHandle, WorkerLauncher } from './launcher';
import { fromWorkerError, type FromWorker, type ToWorker, type WorkerImportOptions } from './protocol';
import { checkHere, type FileCheck } from '../../backup/quick-check';
import { copyHere, type BackupCopier } from '../../backup/copy';
import { exportToFile, type ExportOptions, type ExportResult } from '../../exporting';
import type { ExportKind } from '../../../shared/export/columns';

export interface ImportControl {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Runs one import and answers with its result, or throws what runImport throws (ImportRejected,
 * ImportError, errno and SQLite errors), so the handler treats both kinds of runner alike.
 */
export interface ImportRunner {
  readonly kind: 'inline' | 'process';
  run(dbPath: string, options: WorkerImportOptions, now: string, control: ImportControl): Promise<ImportResult>;
  /** Undoes import batch `batchId` (core/importing/undo.ts), or throws what undoBatch throws. */
  undo(dbPath: string, batchId: string, now: string): Promise<UndoResult>;
  /** What quick_check says of the file at `path` (a backup's copy): read where the import's work is, not in the app. */
  checkFile: FileCheck;
  /** How a backup's copy is made (core/backup/copy.ts): in the worker, the app's process only waiting for it. */
  backupCopier(dbPath: string): BackupCopier;
  /** Writes an export of `kind` to `path` (core/exporting), read on a connection of its own; throws what exportToFile throws. */
  exportFile(dbPath: string, kind: ExportKind, path: string, options: ExportOptions): Promise<ExportResult>;
  /** The process ids of the import workers running now (always empty inline). */
  workers(): number[];
  /** Resolves once the workers that have answered have also finished writing their commit into the database (./entry.ts). */
  settled(): Promise<void>;
  /** Stops every running import; their transactions roll back. */
  close(): void;
}

/**
 * In the app's own process, on a connection of its own: for ':memory:' databases (a worker could not
 * see them) and for tests of the import logic itself.
 */
export function inlineImportRunner(shared: Database.Database): ImportRunner {
  return {
    kind: 'inline',
    async run(dbPath, options, now, control) {
      const conn = openImportConnection(dbPath, shared);
      try {
        return await runImport(conn.client, { ...options, signal: control.signal, onProgress: control.onProgress }, now);
      } finally {
        conn.close();
      }
    },
    async undo(dbPath, batchId, now) {
      const conn = openImportConnection(dbPath, shared);
      try {
        return undoBatch(drizzle(conn.client, { schema }) as unknown as Db, batchId, now);
      } finally {
        conn.close();
      }
    },
    checkFile: checkHere,
    backupCopier: () => copyHere,
    async exportFile(dbPath, kind, path, options) {
      // Its own read-only connection, so the export reads one snapshot while the app writes; ':memory:' has only the app's.
      const own = dbPath !== ':memory:' && dbPath !== '' && existsSync(dbPath);
      const reader = own ? new Database(dbPath, { readonly: true }) : shared;
      try {
        return await exportToFile(reader, kind, path, options);
      } finally {
        if (own) reader.close();
      }
    },
    workers: () => [],
    settled: async () => {},
    close: () => {},
  };
}

/**
 * Each import, and each undo of one, in a worker process of its own (see ./entry.ts). Progress and cancel
 * travel as messages; a worker that dies before answering (exit code ≠ 0, a signal, V8 out of memory)
 * becomes a clear error while the app keeps running: the worker's transaction was never committed.
 */
export function processImportRunner(launch: WorkerLauncher): ImportRunner {
  const active = new Set<WorkerHandle>();
  /** Workers that have answered and are copying their commit into the database before they close (./entry.ts). */
  const windingDown = new Set<WorkerHandle>();
  let onWoundDown: Array<() => void> = [];
  const woundDown = (worker: WorkerHandle) => {
    if (!windingDown.delete(worker)) return;
    worker.kill();
    if (windingDown.size > 0) return;
    for (const resolve of onWoundDown) resolve();
    onWoundDown = [];
  };
  /**
   * One worker for one request: `first` is sent, `answer` picks the result out of the worker's replies (progress
   * goes to `control`). A failure comes back as the error the work would have thrown in-process; a worker that
   * ends without answering, as a clear error naming `work`. A worker that answered is ended once it says it has
   * closed its connection (its WAL checkpoint, after the answer) or when the runner is closed.
   */
  const exchange = <T>(work: WorkerWork, first: ToWorker, answer: (message: FromWorker) => T | undefined, control: ImportControl = {}) =>
    new Promise<T>((resolve, reject) => {
      const worker = launch();
      active.add(worker);
      let settled = false;
      const cancel = () => worker.send({ type: 'cancel' });
      const settle = (finish: () => void, windDown: boolean) => {
        if (settled) return;
        settled = true;
        active.delete(worker);
        control.signal?.removeEventListener('abort', cancel);
        if (windDown) windingDown.add(worker);
        // A failure committed nothing: ending it now saves waiting for it to wind down.
        else worker.kill();
        finish();
      };
      worker.onMessage((message) => {
        if (message.type === 'progress') control.onProgress?.(message.progress);
        else if (message.type === 'closed') woundDown(worker);
        else if (message.type === 'failed') settle(() => reject(fromWorkerError(message.error)), false);
        else {
          const result = answer(message);
          if (result !== undefined) settle(() => resolve(result), true);
        }
      });
      worker.onExit((exit) => {
        woundDown(worker);
        settle(() => reject(workerCrashed(exit, worker.stderrTail(), work)), false);
      });
      worker.send(first);
      if (control.signal?.aborted) cancel();
      else control.signal?.addEventListener('abort', cancel, { once: true });
    });
  return {
    kind: 'process',
    run: (dbPath, options, now, control) =>
      exchange('import', { type: 'start', dbPath, options, now }, (message) => (message.type === 'done' ? message.result : undefined), control),
    // Seconds of one synchronous transaction for a batch of a million rows: in the worker, the app answers meanwhile.
    undo: (dbPath, batchId, now) => exchange('undo', { type: 'undo', dbPath, batchId, now }, (message) => (message.type === 'undone' ? message.result : undefined)),
    // A worker that could not start or died is no reason to skip the check: it is read here then, holding the app once.
    checkFile: (path) => exchange('import', { type: 'check', path }, (message) => (message.type === 'checked' ? message.problems : undefined)).catch(() => checkHere(path)),
    // The copy's last step syncs it to disk (450-580 ms at 100k customers) and the check reads it whole: in the worker.
    // A worker that could not start or died is no reason to go without a backup: the copy is made here then.
    backupCopier: (dbPath) => (client, to, check) =>
      exchange('import', { type: 'copy', dbPath, to, check }, (message) => (message.type === 'copied' ? { problems: message.problems } : undefined)).then(
        ({ problems }) => problems,
        () => {
          truncateSync(to, 0);
          return copyHere(client, to, check);
        },
      ),
    // Reading and sorting every order for the file held the app for seconds at 100k customers: in the worker, it answers meanwhile.
    exportFile: (dbPath, kind, path, options) =>
      exchange('export', { type: 'export', dbPath, kind, path, options }, (message) => (message.type === 'exported' ? message.result : undefined)),
    workers: () => [...active].map((w) => w.pid).filter((pid): pid is number => pid !== undefined),
    settled: () => (windingDown.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => onWoundDown.push(resolve))),
    close: () => {
      for (const worker of active) worker.kill();
      for (const worker of [...windingDown]) woundDown(worker);
    },
  };
}

/** What a worker was started for, to say what stopped when it dies. */
type WorkerWork = 'import' | 'undo' | 'export';

/** The worker ended without an answer. Its transaction was never committed, so the database is as before. */
export function workerCrashed(exit: WorkerExit, stderr: string, work: WorkerWork = 'import'): AppError {
  const reason = exit.signal ? `signal ${exit.signal}` : exit.code !== null ? `exit code ${exit.code}` : 'it could not be started';
  const detail = lastWords(stderr);
  // An export writes under a temporary name and renames it when whole (core/files/write-whole.ts): nothing was written.
  if (work === 'export') {
    return new AppError('invalid_input', `The export stopped unexpectedly (${reason})${detail}. No file was written; TierBook keeps running.`, [
      { path: ['path'], key: 'export_worker_crashed', params: { reason } },
    ]);
  }
  if (work === 'undo') {
    return new AppError('invalid_input', `The undo stopped unexpectedly (${reason})${detail}. Nothing was undone; TierBook keeps running.`, [
      { path: ['batchId'], key: 'undo_worker_crashed', params: { reason } },
    ]);
  }
  return new AppError('invalid_input', `The import stopped unexpectedly (${reason})${detail}. Nothing was imported; TierBook keeps running.`, [
    { path: ['source'], key: 'import_worker_crashed', params: { reason } },
  ]);
}

/** The lines of a dying worker's stderr that say why (V8's "heap out of memory", "Cannot find module"…). */
function lastWords(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
  const errors = lines.filter((line) => /error/i.test(line));
  const chosen = (errors.length ? errors : lines).slice(-2).join(' | ');
  return chosen ? `: ${chosen.slice(0, 400)}` : '';
}
