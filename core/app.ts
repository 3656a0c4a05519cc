import { resolve } from 'node:path';
import { DatabaseBusyError, isBusy, openDatabase, type Db } from '../db/open';
import { removeStrayBackupFiles } from './backup';
import { runMaintenanceTasks } from './maintenance';
import { trustTotalsOfEmptyBook } from './reports/totals';
import { systemClock, type Clock } from './context';
import { checkpointAfterAnswer } from './checkpoint-after-answer';
import { refuseWritesOnceFileGone } from './workspace-file-gone';
import { createDispatch, type Dispatch } from './dispatch';
import { fileAccess, type FileAccessChoice, type FileMode } from './files';
import { createHandlers } from './handlers';
import { existingTeamSync } from './sync/service';
import { storedLikelihood } from './prediction/likelihood-provider';
import { inlineImportRunner, processImportRunner, type ImportRunner, type WorkerLauncher } from './importing';

export interface OpenedApp {
  db: Db;
  dispatch: Dispatch;
  /** How this app's callers name files; the bridge refuses to serve an app that takes real paths. */
  fileMode: FileMode;
  importRunner: ImportRunner;
  close(): void;
}

/**
 * How long a call's write waits for the database while another connection writes (an import worker
 * holding its transaction, a CLI run). better-sqlite3 waits synchronously, freezing the event loop —
 * in Electron the whole main process — so the wait is short: past it the call fails with `busy`
 * ("try again when the import finishes") instead of hanging the window for seconds.
 */
export const APP_WRITE_WAIT_MS = 250;

/**
 * Opens a database file (migrating it first) and wires the handlers behind one dispatch. `files` has no
 * default on purpose: each transport states who its callers are (see core/files/access.ts). With
 * `importWorker` (the app, the CLI, the bridge) every import runs in a process of its own; without it
 * (tests, ':memory:'), in this process.
 */
export function openApp(options: {
  dbPath: string;
  migrationsFolder: string;
  appVersion: string;
  files: FileAccessChoice;
  clock?: Clock;
  checkOutput?: boolean;
  importWorker?: WorkerLauncher;
}): OpenedApp {
  const inMemory = options.dbPath === ':memory:' || options.dbPath === '';
  // Absolute from here on: the import worker opens the same file from another working directory.
  const dbPath = inMemory ? options.dbPath : resolve(options.dbPath);
  const db = openDatabase(dbPath, options.migrationsFolder);
  // What a migration left for the app's own code to do (search keys made again, …), and a new book's report totals
  // marked right (core/reports/totals.ts): before any call reads, and with the open's own wait for another
  // process's write (the calls' shorter one is set after it). Only a task that is there writes, so a file with
  // none opens while another process writes.
  try {
    runMaintenanceTasks(db);
    trustTotalsOfEmptyBook(db, (options.clock ?? systemClock).now().toISOString());
  } catch (error) {
    db.$client.close();
    throw isBusy(error) ? new DatabaseBusyError(dbPath, error) : error;
  }
  db.$client.pragma(`busy_timeout = ${APP_WRITE_WAIT_MS}`);
  // What a backup or restore killed half-way left behind; never the database's own journal files.
  if (!inMemory) removeStrayBackupFiles(dbPath);
  const files = fileAccess(options.files, dbPath);
  const importRunner = options.importWorker && !inMemory ? processImportRunner(options.importWorker) : inlineImportRunner(db.$client);
  const handlers = createHandlers({ db, clock: options.clock ?? systemClock, dbPath, appVersion: options.appVersion, files, importRunner, purchaseLikelihood: storedLikelihood(db) });
  // Calls answer before the WAL they wrote is checkpointed (core/checkpoint-after-answer.ts).
  const checked = checkpointAfterAnswer(db.$client, createDispatch(handlers, { checkOutput: options.checkOutput ?? false }));
  const dispatch = inMemory ? checked : refuseWritesOnceFileGone(db.$client, dbPath, checked);
  return {
    db,
    dispatch,
    fileMode: files.mode,
    importRunner,
    close: () => {
      importRunner.close();
      void existingTeamSync(db)?.stop();
      db.$client.close();
    },
  };
}
