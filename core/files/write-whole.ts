import type Database from 'better-sqlite3';
import { commitTemp, createTempBeside, discardTemp } from '../backup/temp-file';

/**
 * Writes a file the user asked for (an export, a report, a chart picture) whole or not at all, as a backup
 * is written: into `<target>.<random>.partial` beside it, created for this write alone, and moved over the
 * target only when `write` has finished, the target checked again right before the move. A write that fails
 * half-way (a full disk, an error in a row, a folder taken away) leaves the file that was there, or none,
 * instead of half a file that opens as if it were the export. The caller checks the target first
 * (core/files/write-target.ts), so a refusal costs no temp file.
 */
export async function writeWhole<T>(client: Database.Database, target: string, write: (tempPath: string) => Promise<T> | T): Promise<T> {
  const temp = createTempBeside(target);
  let result: T;
  try {
    result = await write(temp.path);
  } catch (error) {
    discardTemp(temp);
    throw error;
  }
  commitTemp(client, temp, target);
  return result;
}
