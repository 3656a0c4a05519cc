/** Node-side import orchestration: a file (or its bytes) into the database as one undoable batch. */
export { openImportConnection } from './connection';
export { ImportJobs } from './jobs';
export { ImportRejected } from './rejected';
export { runImport } from './run-import';
export { openSource, type ImportSource } from './source';
export type { DuplicateRow, ImportOptions, ImportProgress, ImportReason, ImportResult, ImportRowError } from './types';
export { undoBatch, type UndoResult } from './undo';
export { inlineImportRunner, processImportRunner, type ImportControl, type ImportRunner } from './worker/runner';
export { forkImportWorker, importWorkerCommand } from './worker/fork-launcher';
export type { WorkerHandle, WorkerLauncher } from './worker/launcher';
