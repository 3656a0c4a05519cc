import type Database from 'better-sqlite3';
import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../shared/contract';
import { isNameTooLong, nameFits, nameTooLong } from './name-length';

/** The files SQLite keeps for one open database: replacing any of them under a live connection corrupts it. */
const COMPANIONS = ['', '-wal', '-shm', '-journal'];

interface LiveFile {
  path: string;
  identity: { dev: number; ino: number } | null;
}

/** A path with every existing directory resolved through its symlinks, so two spellings of one file compare equal. */
export function resolvedPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    try {
      return join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}

// macOS and Windows volumes are case-insensitive by default: "TierBook.sqlite" is the same file there.
const foldCase = process.platform === 'darwin' || process.platform === 'win32';
export const samePath = (a: string, b: string) => (foldCase ? a.toLowerCase() === b.toLowerCase() : a === b);

function identityOf(path: string): LiveFile['identity'] {
  try {
    const stat = statSync(path);
    return { dev: stat.dev, ino: stat.ino };
  } catch {
    return null;
  }
}

/** Every database file this connection has open (main and attached), with its journal, WAL and shared-memory files. */
export function liveFiles(client: Database.Database): LiveFile[] {
  const files = (client.pragma('database_list') as Array<{ file: string }>).map((d) => d.file).filter((file) => file !== '');
  return files.flatMap((file) => COMPANIONS.map((suffix) => ({ path: resolvedPath(file + suffix), identity: identityOf(file + suffix) })));
}

const isLive = (live: LiveFile[], stat: Stats) => live.some((f) => f.identity !== null && f.identity.dev === stat.dev && f.identity.ino === stat.ino);

const refuse = (key: string, message: string, path: string, field: string[] = ['path']) => new AppError('invalid_input', message, [{ path: field, key, params: { path } }]);

export const targetIsDatabase = (path: string) =>
  refuse('backup_target_is_database', `${path} is the open database or one of its working files; a backup there would destroy it. Choose another file.`, path);
export const notAFile = (path: string) =>
  refuse('backup_not_a_file', `${path} is not a regular file (a folder, link, device or pipe). Choose a file.`, path);
const inUseText = (path: string, companion: string, doing: string) =>
  `${path} is a database another program has open, or one not closed cleanly (${companion} is beside it); ${doing} would corrupt it. Choose another file.`;

/**
 * A name in a folder that is not there: never made for it. A mistyped folder would otherwise become a new tree of
 * folders (anywhere the user may write, / included when run as root), with the file where nobody looks for it.
 */
const folderMissing = (path: string, folder: string, tail: string, field: string[] = ['path']) =>
  new AppError('invalid_input', `${path} cannot be written: the folder ${folder} does not exist${tail}.`, [
    { path: field, key: 'write_folder_missing', params: { path, folder } },
  ]);

/** Who writes the target: a backup names itself in the refusal; any other file (an export, a report, rejected rows) is "a file". */
export interface TargetUse {
  writer: 'backup' | 'file';
  /** The input's path to the reference, for the issue (['path'], ['rejectsPath'] …). */
  field?: string[];
}

const REFUSALS = {
  backup: {
    isDatabase: (path: string) => targetIsDatabase(path),
    notAFile: (path: string) => notAFile(path),
    inUse: (path: string, companion: string) => refuse('backup_target_in_use', inUseText(path, companion, 'a backup there'), path),
    folderMissing: (path: string, folder: string) => folderMissing(path, folder, '; no backup was made (choose a folder that exists)'),
  },
  file: {
    isDatabase: (path: string, field?: string[]) =>
      refuse('write_target_is_database', `${path} is the open database or one of its working files; writing there would destroy it. Choose another file.`, path, field),
    notAFile: (path: string, field?: string[]) => refuse('write_target_not_a_file', `${path} is not a regular file (a folder, link, device or pipe). Choose a file.`, path, field),
    inUse: (path: string, companion: string, field?: string[]) => refuse('write_target_in_use', inUseText(path, companion, 'writing there'), path, field),
    folderMissing: (path: string, folder: string, field?: string[]) => folderMissing(path, folder, '', field),
  },
};

/**
 * The -wal, -shm or -journal beside a name: another connection's working file (its database open in the
 * app or another program), or one a crash left. A file renamed onto that name does not take them away:
 * the other connection goes on writing its log, and the next open replays a log or journal, into pages of
 * the new file, which then reads as "malformed database schema". Returns the first one there, or null.
 */
function companionBeside(path: string): string | null {
  for (const suffix of ['-wal', '-shm', '-journal']) {
    // A name too long for the folder is one no file can have: no working file there.
    if (!nameFits(path, suffix)) continue;
    if (lstatSync(`${path}${suffix}`, { throwIfNoEntry: false }) !== undefined) return `${basename(path)}${suffix}`;
  }
  return null;
}

/**
 * Throws unless `path` is a place a backup may be written: nothing there yet, or a regular file that
 * is not the open database, with no other database's working file beside the name, in a folder that
 * exists. The database is recognised by its resolved path (also when it does not exist yet, like a
 * -journal) and by device and inode (a hard link or a symlink to it). Links are refused outright:
 * renaming over one replaces the link, not the file the user thinks of.
 */
export function assertWritableTarget(client: Database.Database, path: string, use: TargetUse = { writer: 'backup' }): void {
  const refusal = REFUSALS[use.writer];
  const targetIsDatabase = (p: string) => refusal.isDatabase(p, use.field);
  const notAFile = (p: string) => refusal.notAFile(p, use.field);
  const live = liveFiles(client);
  const resolved = resolvedPath(path);
  if (live.some((f) => samePath(f.path, resolved))) throw targetIsDatabase(path);
  const folder = dirname(resolved);
  // The name (or its folder's path) longer than the file system takes: said so, not as a missing folder or a fault.
  if (!nameFits(path)) throw nameTooLong(path, use.field);
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw refusal.folderMissing(path, folder, use.field);
  const companion = companionBeside(path);
  let stat: Stats;
  try {
    stat = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // Nothing there yet, but a log or journal left under the name would be replayed into the new file.
    if (companion) throw refusal.inUse(path, companion, use.field);
    return;
  }
  if (stat.isSymbolicLink()) {
    let linked: Stats | null = null;
    try {
      linked = statSync(path);
    } catch {
      // A dangling link is still a link; refused below like any other.
    }
    if (linked && isLive(live, linked)) throw targetIsDatabase(path);
    throw notAFile(path);
  }
  if (!stat.isFile()) throw notAFile(path);
  if (isLive(live, stat)) throw targetIsDatabase(path);
  if (companion) throw refusal.inUse(path, companion, use.field);
}

/** Reading follows links (the user picked the file), but only into a regular file: a FIFO or device would block or never end. */
export function assertReadableSource(path: string): void {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('not_found', `No such file: ${path}`, [{ path: ['path'], key: 'file_not_found', params: { path } }]);
    if (isNameTooLong(error)) throw nameTooLong(path);
    throw error;
  }
  if (!stat.isFile()) throw notAFile(path);
}
