import { openDatabase, type Db } from '../db/open';
import { removeStrayBackupFiles } from './backup';
import { systemClock, type Clock } from './context';
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';

export interface OpenedApp {
  db: Db;
  dispatch: Dispatch;
  close(): void;
}

/** Opens a database file (migrating it first) and wires the handlers behind one dispatch. */
export function openApp(options: { dbPath: string; migrationsFolder: string; appVersion: string; clock?: Clock; checkOutput?: boolean }): OpenedApp {
  const db = openDatabase(options.dbPath, options.migrationsFolder);
  // What a backup or restore killed half-way left behind; never the database's own journal files.
  if (options.dbPath !== ':memory:') removeStrayBackupFiles(options.dbPath);
  const handlers = createHandlers({ db, clock: options.clock ?? systemClock, dbPath: options.dbPath, appVersion: options.appVersion });
  const dispatch = createDispatch(handlers, { checkOutput: options.checkOutput ?? false });
  return { db, dispatch, close: () => db.$client.close() };
}
