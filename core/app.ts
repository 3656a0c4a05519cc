import { openDatabase, type Db } from '../db/open';
import { removeStrayBackupFiles } from './backup';
import { systemClock, type Clock } from './context';
import { createDispatch, type Dispatch } from './dispatch';
import { fileAccess, type FileAccessChoice, type FileMode } from './files';
import { createHandlers } from './handlers';

export interface OpenedApp {
  db: Db;
  dispatch: Dispatch;
  /** How this app's callers name files; the bridge refuses to serve an app that takes real paths. */
  fileMode: FileMode;
  close(): void;
}

/**
 * Opens a database file (migrating it first) and wires the handlers behind one dispatch. `files` has no
 * default on purpose: each transport states who its callers are (see core/files/access.ts).
 */
export function openApp(options: { dbPath: string; migrationsFolder: string; appVersion: string; files: FileAccessChoice; clock?: Clock; checkOutput?: boolean }): OpenedApp {
  const db = openDatabase(options.dbPath, options.migrationsFolder);
  // What a backup or restore killed half-way left behind; never the database's own journal files.
  if (options.dbPath !== ':memory:') removeStrayBackupFiles(options.dbPath);
  const files = fileAccess(options.files, options.dbPath);
  const handlers = createHandlers({ db, clock: options.clock ?? systemClock, dbPath: options.dbPath, appVersion: options.appVersion, files });
  const dispatch = createDispatch(handlers, { checkOutput: options.checkOutput ?? false });
  return { db, dispatch, fileMode: files.mode, close: () => db.$client.close() };
}
