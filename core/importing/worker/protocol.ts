import { AppError, type AppErrorBody } from '../../../shared/contract/errors';
import { ImportError, isImportError, type ImportErrorCode } from '../../../shared/import/errors';
import { ImportRejected } from '../rejected';
import type { ImportOptions, ImportProgress, ImportResult } from '../types';
import type { UndoResult } from '../undo';
import type { ExportKind } from '../../../shared/export/columns';
import type { ExportOptions, ExportResult } from '../../exporting';

/**
 * The messages between the app and an import worker, one protocol for both transports (Node's
 * child_process IPC for the CLI and the bridge, Electron's utilityProcess for the app). A worker runs one
 * import (`start`), one undo of an import batch (`undo`), one check of a backup's copy (`check`), one backup's
 * copy (`copy`) or one export (`export`), then ends. Everything here is plain data that
 * survives structured cloning: no functions, no class instances.
 */

/** What the worker needs to run an import; the cancel signal and progress callback become messages. */
export type WorkerImportOptions = Omit<ImportOptions, 'signal' | 'onProgress'>;

export type ToWorker =
  | { type: 'start'; dbPath: string; options: WorkerImportOptions; now: string }
  | { type: 'undo'; dbPath: string; batchId: string; now: string }
  /** A backup's copy read whole (core/backup/quick-check.ts): a second of reading that would otherwise hold the app. */
  | { type: 'check'; path: string }
  /** A backup's copy made (core/backup/copy.ts copyFromFile), and checked when asked. */
  | { type: 'copy'; dbPath: string; to: string; check: boolean }
  /** An export read and written whole (core/exporting): sorting 840k orders held the app for seconds. */
  | { type: 'export'; dbPath: string; kind: ExportKind; path: string; options: ExportOptions }
  | { type: 'cancel' };

export type FromWorker =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; result: ImportResult }
  | { type: 'undone'; result: UndoResult }
  | { type: 'checked'; problems: string[] }
  | { type: 'copied'; problems: string[] | null }
  | { type: 'exported'; result: ExportResult }
  | { type: 'failed'; error: WorkerError }
  /** After the answer: the worker has copied its commit's WAL into the database and closed its connection. */
  | { type: 'closed' };

/** A failure inside the worker, kept precise enough to be turned back into the error the handler expects. */
export type WorkerError =
  | { kind: 'rejected'; result: ImportResult }
  | { kind: 'import'; code: ImportErrorCode; message: string; details: Record<string, unknown> }
  | { kind: 'app'; body: AppErrorBody }
  /** Node's errno errors (ENOENT…) and SQLite's (SQLITE_BUSY, SQLITE_CONSTRAINT…) are told apart by `code`. */
  | { kind: 'coded'; code: string; message: string; path?: string }
  | { kind: 'other'; name: string; message: string };

export function toWorkerError(error: unknown): WorkerError {
  if (error instanceof ImportRejected) return { kind: 'rejected', result: error.result };
  if (isImportError(error)) return { kind: 'import', code: error.code, message: error.message, details: plain(error.details) };
  if (error instanceof AppError) return { kind: 'app', body: error.toBody() };
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    const path = (error as NodeJS.ErrnoException).path;
    return { kind: 'coded', code: error.code, message: error.message, ...(typeof path === 'string' ? { path } : {}) };
  }
  if (error instanceof Error) return { kind: 'other', name: error.name, message: error.message };
  return { kind: 'other', name: 'Error', message: String(error) };
}

/** The worker's failure as the same error runImport would have thrown in-process. */
export function fromWorkerError(error: WorkerError): Error {
  switch (error.kind) {
    case 'rejected':
      return new ImportRejected(error.result);
    case 'import':
      return new ImportError(error.code, error.message, error.details);
    case 'app':
      return new AppError(error.body.code, error.body.message, error.body.issues);
    case 'coded':
      return Object.assign(new Error(error.message), { code: error.code, ...(error.path !== undefined ? { path: error.path } : {}) });
    case 'other':
      return Object.assign(new Error(error.message), { name: error.name });
  }
}

/** ImportError details are plain records in practice; this keeps a stray non-cloneable value from breaking the reply. */
function plain(details: Record<string, unknown>): Record<string, unknown> {
  try {
    return JSON.parse(JSON.stringify(details)) as Record<string, unknown>;
  } catch {
    return {};
  }
}
