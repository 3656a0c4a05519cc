import Database from 'better-sqlite3';

/**
 * What SQLite's quick_check says of the database file at `path`: ['ok'] when every page reads as a whole b-tree,
 * else the problems it lists (or the error that kept it from reading the file). It reads every page — about a
 * second for a database of 100k customers — so the app runs it in its worker process (core/importing/worker), and
 * only tests and in-memory workspaces here.
 */
export function quickCheck(path: string): string[] {
  let copy: Database.Database | null = null;
  try {
    copy = new Database(path, { readonly: true, fileMustExist: true });
    return (copy.pragma('quick_check') as Array<{ quick_check: string }>).map((row) => row.quick_check);
  } catch (error) {
    return [(error as Error).message];
  } finally {
    copy?.close();
  }
}

/** Checks a file as quickCheck does, wherever the caller runs it. */
export type FileCheck = (path: string) => Promise<string[]>;

/** quickCheck in this process. */
export const checkHere: FileCheck = async (path) => quickCheck(path);
