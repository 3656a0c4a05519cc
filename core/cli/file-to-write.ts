import { lstatSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolvedPath, samePath } from '../backup/target';
import { requireFlag, UsageError } from './args';
import type { Said } from './words';

type Flags = Record<string, unknown>;

/** The flag every command that writes a file the user names takes: a file already there is replaced only with it. */
export const REPLACE_FLAG = { replace: { type: 'boolean' } } as const;

/** The files SQLite keeps for the workspace: the write's own refusal says what they are. */
const WORKSPACE_FILES = ['', '-wal', '-shm', '-journal'];

/** One file under two spellings, a symlinked folder or a hard link. */
function sameFile(a: string, b: string): boolean {
  if (samePath(resolvedPath(a), resolvedPath(b))) return true;
  const [x, y] = [statSync(a, { throwIfNoEntry: false }), statSync(b, { throwIfNoEntry: false })];
  return x !== undefined && y !== undefined && x.dev === y.dev && x.ino === y.ino;
}

/**
 * Where a command writes a file the user names (a backup, an export, the report's workbook, an import's rejected rows),
 * resolved. The desktop save dialog asks before a file is replaced; a command cannot ask, so a regular file already
 * there is refused with `exists` (which names the file and --replace) unless --replace is given, before anything is
 * read or written. What no flag may replace is left to the write's own refusal (core/backup/target.ts,
 * core/files/write-target.ts), which says why: the workspace and its working files, `ownRefusal` (the file being
 * imported), and anything that is not a regular file (a folder, a link, a device): --replace is no advice for them.
 */
export function fileToWrite(values: Flags, path: string, exists: Said, ownRefusal: readonly string[] = []): string {
  const target = resolve(path);
  if (values.replace === true || !lstatSync(target, { throwIfNoEntry: false })?.isFile()) return target;
  const workspace = resolve(requireFlag(values, 'db'));
  const refusedAnyway = [...WORKSPACE_FILES.map((suffix) => workspace + suffix), ...ownRefusal];
  if (refusedAnyway.some((other) => sameFile(target, other))) return target;
  throw new UsageError(exists);
}
