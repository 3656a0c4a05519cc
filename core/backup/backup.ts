import type Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../../shared/contract';
import { backupFolder, backupName, freshBackupPath, listBackups, localDay, weekOf, type BackupFile, type BackupKind } from './files';
import { assertWritableTarget } from './target';
import { commitTemp, createTempBeside, discardTemp } from './temp-file';
import { copyHere, type BackupCopier } from './copy';

/**
 * A consistent copy through SQLite's online backup API: safe while the app keeps writing, and the
 * result is a single self-contained file (no -wal beside it). Written under a temporary name created
 * for this copy alone and renamed, so a crash never leaves a half-written file that looks like a
 * backup. The target is checked before and again right before the rename: never the open database
 * or its working files, never a folder, link, device or pipe (see target.ts).
 */
export async function backupTo(client: Database.Database, path: string, kind: BackupKind = 'manual', at = new Date(), copy: BackupCopier = copyHere): Promise<BackupFile> {
  assertWritableTarget(client, path);
  // SQLite writes the copy: where its path would pass what SQLite opens, refused as too long before anything is made.
  const temp = createTempBeside(path, { forSqlite: true });
  try {
    // The copy kept before a restore is what the data was, damaged or not: restoring a good backup is the way out
    // of a damaged database, and refusing its copy would refuse the restore.
    const problems = await copy(client, temp.path, kind !== 'before_restore');
    if (problems) assertCopyWhole(problems);
  } catch (error) {
    discardTemp(temp);
    throw error;
  }
  commitTemp(client, temp, path);
  const stat = statSync(path);
  return { path, name: basename(path), bytes: stat.size, createdAt: at.toISOString(), kind };
}

/**
 * SQLite's backup API copies pages as they are, a damaged page too, and reports success. A damaged copy is refused
 * before it takes a backup's name: the automatic backups would otherwise replace the last good copies one day at a
 * time (rotation deletes the oldest), leaving only damaged ones by the time the user notices. quick_check reads every
 * page, as integrity_check does, without comparing each index with its table, which costs several times as long:
 * `problems` is what it said of the copy (quick-check.ts), run where the caller chose (the app: its worker process).
 */
function assertCopyWhole(problems: string[]): void {
  if (problems.length === 1 && problems[0] === 'ok') return;
  throw new AppError(
    'invalid_input',
    `The database is damaged (${problems.slice(0, 3).join('; ').replace(/\s*\n\s*/g, ' ')}): no backup was made, and no earlier backup was deleted. Restore a backup from before the damage.`,
    [{ path: [], key: 'backup_source_damaged' }],
  );
}

/** A backup in the `backups` folder beside the database: TierBook's own folder, made on its first backup. */
export function backupHere(client: Database.Database, dbPath: string, kind: BackupKind, at = new Date(), copy?: BackupCopier): Promise<BackupFile> {
  const folder = ownBackupFolder(dbPath);
  return backupTo(client, freshBackupPath(folder, kind, at), kind, at, copy);
}

/** The `backups` folder beside the database, made when it is not there yet (a chosen target's folder never is: target.ts). */
function ownBackupFolder(dbPath: string): string {
  const folder = backupFolder(dbPath);
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** A file copy with the same care as a backup: exclusive temp, checks, rename. */
function copyBackup(client: Database.Database, from: string, to: string): void {
  assertWritableTarget(client, to);
  const temp = createTempBeside(to);
  try {
    copyFileSync(from, temp.path);
  } catch (error) {
    discardTemp(temp);
    throw error;
  }
  commitTemp(client, temp, to);
}

export const DAILY_KEPT = 7;
export const WEEKLY_KEPT = 4;

/**
 * The start-up backup: one per day, and the first of each week also kept as that week's backup.
 * The newest 7 daily and 4 weekly backups are kept, older ones deleted; manual and before-restore
 * backups are the user's and are never deleted here.
 */
export async function runAutomaticBackups(client: Database.Database, dbPath: string, now = new Date(), copy?: BackupCopier): Promise<{ created: string[]; removed: string[] }> {
  const folder = ownBackupFolder(dbPath);
  const today = localDay(now);
  const existing = listBackups(folder);
  const created: string[] = [];
  const dailyPath = join(folder, backupName('daily', now));
  if (!existing.some((b) => b.kind === 'daily' && b.name === basename(dailyPath))) {
    await backupTo(client, dailyPath, 'daily', now, copy);
    created.push(dailyPath);
  }
  const thisWeek = weekOf(today);
  const hasWeekly = existing.some((b) => b.kind === 'weekly' && weekOf(dayOf(b.name)) === thisWeek);
  if (!hasWeekly) {
    const weeklyPath = join(folder, backupName('weekly', now));
    copyBackup(client, dailyPath, weeklyPath);
    created.push(weeklyPath);
  }
  const removed: string[] = [];
  const all = listBackups(folder);
  for (const [kind, keep] of [['daily', DAILY_KEPT], ['weekly', WEEKLY_KEPT]] as const) {
    for (const old of all.filter((b) => b.kind === kind).slice(keep)) {
      rmSync(old.path, { force: true });
      removed.push(old.path);
    }
  }
  return { created, removed };
}

const dayOf = (name: string) => /\d{4}-\d{2}-\d{2}/.exec(name)?.[0] ?? '0000-00-00';
