import type Database from 'better-sqlite3';
import { statSync, type Stats } from 'node:fs';
import { AppError } from '../../shared/contract';
import { assertWritableTarget, resolvedPath, samePath } from '../backup/target';

export interface WriteTargetOptions {
  /** The input's path to the file reference, for the issue (['path'], ['rejectsPath'] …). */
  field?: string[];
  /** A file this write must never replace: the import's own source, when its rejected rows are written. */
  source?: string;
}

const statOrNull = (path: string): Stats | null => {
  try {
    return statSync(path);
  } catch {
    return null;
  }
};

/**
 * Throws unless `path` may be written by an export, a report, a chart picture or an import's rejected
 * rows: the same rule as a backup's target (never the open database or its -wal/-shm/-journal, however
 * spelled or linked; never a folder, link, device or pipe; only in a folder that exists), and also never the
 * file being imported. Called before the first byte is written, so a refusal leaves everything
 * as it was, instead of a file that replaced the database (or the source) with a CSV.
 */
export function assertFileTarget(client: Database.Database, path: string, options: WriteTargetOptions = {}): void {
  const field = options.field ?? ['path'];
  assertWritableTarget(client, path, { writer: 'file', field });
  if (options.source !== undefined && isSameFile(options.source, path)) {
    throw new AppError('invalid_input', `${path} is the file being imported; writing the rejected rows there would replace it. Choose another file.`, [
      { path: field, key: 'write_target_is_source', params: { path } },
    ]);
  }
}

/** One file under two spellings, a symlinked folder or a hard link. */
function isSameFile(a: string, b: string): boolean {
  if (samePath(resolvedPath(a), resolvedPath(b))) return true;
  const [x, y] = [statOrNull(a), statOrNull(b)];
  return x !== null && y !== null && x.dev === y.dev && x.ino === y.ino;
}
