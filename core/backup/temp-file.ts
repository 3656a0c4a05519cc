import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, lstatSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/contract';
import { fittedName, isNameTooLong, nameTooLong, sqliteOpensAt } from './name-length';
import { assertWritableTarget, resolvedPath } from './target';

/** What SQLite may leave beside a database file it was writing when the process died. */
export const SQLITE_SIDE_FILES = ['-journal', '-wal', '-shm'];

export interface TempFile {
  path: string;
  /** Device and inode of the file we created, to notice if something else took its name meanwhile. */
  dev: number;
  ino: number;
}

/** The operating system's refusals of the place itself: no permission, or a read-only disk. */
const PLACE_REFUSED: Record<string, string> = { EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'a read-only disk' };

/**
 * A file that could not be made or put in place. A folder that does not allow writing is the place typed, refused as a
 * folder that does not exist is (exit 2 on the command line); anything else (a disk fault) says the system's reason.
 */
function unwritable(path: string, error: unknown, field = ['path']): AppError {
  if (isNameTooLong(error)) return nameTooLong(path, field);
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const placeRefused = PLACE_REFUSED[code];
  if (placeRefused) {
    const folder = dirname(path);
    return new AppError('invalid_input', `${path} cannot be written: the folder ${folder} does not allow writing (${placeRefused}); nothing was written. Choose a folder you may write to.`, [
      { path: field, key: 'write_folder_not_writable', params: { path, folder, why: code === 'EROFS' ? 'read_only_disk' : 'permission' } },
    ]);
  }
  const reason = (error as Error).message;
  return new AppError('invalid_input', `Cannot write ${path} (${reason}).`, [{ path: field, key: 'file_not_writable', params: { path, reason } }]);
}

/** `.<16 hex>.partial`: the random tail of a temp file's name. */
const TAIL_BYTES = 25;

/**
 * The first part of a temp file's name beside `name`: the name itself, cut where it and the tail would leave no room
 * for SQLite's working files (a backup's temp is a database) or pass the file system's limit (name-length.ts).
 */
export const tempStem = (name: string) => fittedName(name, TAIL_BYTES);

/** `<target>.<random>.partial`, the target's name cut to fit (tempStem). The random part keeps two writers — and anyone guessing — apart. */
export function tempPathBeside(target: string): string {
  return join(dirname(target), `${tempStem(basename(target))}.${randomBytes(8).toString('hex')}.partial`);
}

export interface TempOptions {
  /** The input's path to the reference, for a refusal's issue. */
  field?: string[];
  /** SQLite writes the temp file (a backup, a restore's working copy): refused, before anything is made, where it could not. */
  forSqlite?: boolean;
}

/**
 * Creates a temp file beside `target` (tempPathBeside) exclusively (O_EXCL: an existing file or a planted symlink
 * of that name makes it fail instead of being followed), readable by the owner only, as backups hold customers' data.
 */
export function createTempBeside(target: string, options: TempOptions = {}): TempFile {
  const path = tempPathBeside(target);
  if (options.forSqlite && !sqliteOpensAt(resolvedPath(path), 'write')) throw nameTooLong(target, options.field);
  let fd: number;
  try {
    // No folder is made here: every caller checked that the target's folder exists (target.ts), and one that
    // made it would turn a mistyped folder into a new tree of folders.
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    throw unwritable(target, error, options.field);
  }
  try {
    const { dev, ino } = fstatSync(fd);
    return { path, dev, ino };
  } finally {
    closeSync(fd);
  }
}

/** The temp file and whatever SQLite left beside it. */
export function discardTemp(temp: TempFile): void {
  for (const suffix of ['', ...SQLITE_SIDE_FILES]) rmSync(temp.path + suffix, { force: true });
}

/**
 * Moves a finished temp file onto the target. Both are checked right before the rename: the temp must
 * still be the file we created, and the target still nothing or a regular file that is not the open
 * database — whatever happened to the folder while the copy was being written.
 */
export function commitTemp(client: Database.Database, temp: TempFile, target: string): void {
  try {
    const now = lstatSync(temp.path);
    if (!now.isFile() || now.dev !== temp.dev || now.ino !== temp.ino) throw new Error(`${temp.path} was replaced while the backup was written`);
    assertWritableTarget(client, target);
    renameSync(temp.path, target);
  } catch (error) {
    discardTemp(temp);
    if (error instanceof AppError) throw error;
    throw unwritable(target, error);
  }
}
