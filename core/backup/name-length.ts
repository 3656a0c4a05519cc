import { lstatSync } from 'node:fs';
import { AppError } from '../../shared/contract';

/**
 * Names too long for where they go. The file system takes a name of up to 255 bytes (ext4, APFS, NTFS in its own
 * units), but SQLite keeps a database's working files beside it under longer names (`-journal` adds 8 bytes), and
 * opens no database whose full path, with that `-journal`, passes 512 bytes (its unix VFS's buffer). A file the
 * system holds can thus be one SQLite cannot open where it is, and SQLite says only "unable to open database file":
 * the checks below say which it is, so a user is told the name is too long rather than that a good file is damaged.
 */

/** The longest name a file may have in a folder (bytes; conservative where a system counts UTF-16 units). */
const NAME_MAX = 255;
/** The longest suffix SQLite adds to a database's name for a working file. */
const LONGEST_SIDE = '-journal';
/** The longest full path (bytes) SQLite opens as a database: 512 with its -journal (tested in backup-long-names). */
export const SQLITE_PATH_MAX = 512 - Buffer.byteLength(LONGEST_SIDE);

export const isNameTooLong = (error: unknown) => error instanceof Error && 'code' in error && error.code === 'ENAMETOOLONG';

/** The refusal: the name the user gave (or its folder's path) is longer than the file system or SQLite takes there. */
export const nameTooLong = (path: string, field: string[] = ['path']) =>
  new AppError(
    'invalid_input',
    `${path}: the file name, or the path of its folder, is too long for the file system; nothing was changed. Choose a shorter name or a folder nearer the top.`,
    [{ path: field, key: 'file_name_too_long', params: { path } }],
  );

/** False when the file system refuses the name `path` + `suffix` as too long (no file can be there under it). */
export function nameFits(path: string, suffix = ''): boolean {
  try {
    lstatSync(path + suffix, { throwIfNoEntry: false });
    return true;
  } catch (error) {
    // Any other refusal (a folder not searchable) is no statement about the name's length.
    return !isNameTooLong(error);
  }
}

/**
 * Whether SQLite can open a database at `real` (a path resolved through its links, target.ts's resolvedPath: SQLite
 * follows links and makes its working files beside the real file) with the working files it may make beside it:
 * to write, a -journal; to read, only a -wal and -shm (a -journal that cannot be there is no hot journal to roll back).
 */
export function sqliteOpensAt(real: string, use: 'read' | 'write'): boolean {
  return Buffer.byteLength(real) <= SQLITE_PATH_MAX && nameFits(real, use === 'write' ? LONGEST_SIDE : '-wal');
}

/**
 * `name` cut (at a character's boundary) so that it, a tail of `tailBytes` and SQLite's working files' suffix fit in
 * a folder: a temporary file keeps its target's name as far as there is room, so the user still sees whose it is.
 */
export function fittedName(name: string, tailBytes: number): string {
  const room = NAME_MAX - tailBytes - Buffer.byteLength(LONGEST_SIDE);
  if (Buffer.byteLength(name) <= room) return name;
  let cut = '';
  for (const char of name) {
    if (Buffer.byteLength(cut + char) > room) break;
    cut += char;
  }
  return cut;
}
