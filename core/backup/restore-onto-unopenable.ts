import { existsSync, lstatSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { openDatabase } from '../../db/open';
import { runMaintenanceTasks } from '../maintenance';
import { stageCheckedCopy, stagingTarget } from './restore';
import { assertReadableSource } from './target';
import { createTempBeside, discardTemp, SQLITE_SIDE_FILES } from './temp-file';

export interface RestoredOntoUnopenable {
  restoredFrom: string;
  /** Where the file that could not be opened now is, its -wal, -shm and -journal beside it under the same name. */
  keptAs: string;
  /** The working files that were beside it and were kept with it (keptAs + '-wal' …); none after a clean close. */
  keptWorkingFiles: string[];
  /** What the user now has, as every restore says it (backup:restore): the backup's name and date, and its customers (not in the trash). */
  summary: { fileName: string; fileDate: string; customers: number };
}

/**
 * A restore onto a workspace file SQLite cannot open at all (a damaged schema page, a copy cut short, a working file
 * that cannot be read): the app cannot open it to restore into it, so the backup takes its place instead.
 *  1. the backup is copied beside the database and checked as every restore checks it (restore.ts, steps 1–2);
 *  2. the file that would not open is renamed, with its working files, to `<name>.damaged-<when><ext>` in the same
 *     folder — kept whole, as something may still be read from it, and found beside the workspace;
 *  3. the checked copy is renamed into the workspace's place and opened as the app opens it.
 * A refused backup leaves everything as it was; a failure after step 2 puts the kept file back.
 */
export async function restoreOntoUnopenable(dbPath: string, from: string, migrationsFolder: string, at = new Date()): Promise<RestoredOntoUnopenable> {
  assertReadableSource(from);
  const fileDate = statSync(from).mtime.toISOString();
  let customers = 0;
  const staging = createTempBeside(stagingTarget(dbPath), { forSqlite: true });
  try {
    await stageCheckedCopy(from, staging, migrationsFolder);
    const keptAs = keptName(dbPath, at);
    const moved = moveWithWorkingFiles(dbPath, keptAs);
    try {
      renameSync(staging.path, dbPath);
      const db = openDatabase(dbPath, migrationsFolder);
      try {
        // What an older backup's migrations left for the app is done now, as after any restore.
        runMaintenanceTasks(db);
        customers = db.$client.prepare('SELECT count(*) FROM customers WHERE deleted_at IS NULL').pluck().get() as number;
      } finally {
        db.$client.close();
      }
    } catch (error) {
      // The copy (and what opening it made beside it) goes back to the working copy's name, which is removed below.
      for (const suffix of ['', ...SQLITE_SIDE_FILES]) if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, staging.path + suffix);
      for (const suffix of moved) renameSync(keptAs + suffix, dbPath + suffix);
      throw error;
    }
    return { restoredFrom: from, keptAs, keptWorkingFiles: moved.filter((suffix) => suffix !== '').map((suffix) => keptAs + suffix), summary: { fileName: basename(from), fileDate, customers } };
  } finally {
    discardTemp(staging);
  }
}

/** `book.sqlite` → `book.damaged-2026-12-07-0712.sqlite`, with `-2`, `-3`… when a file of that name is there already. */
function keptName(dbPath: string, at: Date): string {
  const extension = extname(dbPath);
  const stem = basename(dbPath, extension);
  // The local time, as the user reads the clock: the name says when the file was set aside.
  const two = (value: number) => String(value).padStart(2, '0');
  const when = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}`;
  const named = (n: number) => join(dirname(dbPath), `${stem}.damaged-${when}${n > 1 ? `-${n}` : ''}${extension}`);
  let n = 1;
  while (['', ...SQLITE_SIDE_FILES].some((suffix) => lstatSync(named(n) + suffix, { throwIfNoEntry: false }) !== undefined)) n++;
  return named(n);
}

/** Renames `from` and whichever of its working files are there to `to` (+ the same suffix); the suffixes moved. */
function moveWithWorkingFiles(from: string, to: string): string[] {
  const moved: string[] = [];
  try {
    for (const suffix of ['', ...SQLITE_SIDE_FILES]) {
      if (lstatSync(from + suffix, { throwIfNoEntry: false }) === undefined) continue;
      renameSync(from + suffix, to + suffix);
      moved.push(suffix);
    }
  } catch (error) {
    for (const suffix of moved) renameSync(to + suffix, from + suffix);
    throw error;
  }
  return moved;
}
