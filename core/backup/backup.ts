import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Db } from '../../db/open';
import { backupFolder, backupName, listBackups, localDay, weekOf, type BackupFile, type BackupKind } from './files';
import { verifyBackupFile } from './verify';

/**
 * A consistent copy through SQLite's online backup API: safe while the app keeps writing, and the
 * result is a single self-contained file (no -wal beside it). Written under a temporary name and
 * renamed, so a crash never leaves a half-written file that looks like a backup.
 */
export async function backupTo(client: Database.Database, path: string, kind: BackupKind = 'manual', at = new Date()): Promise<BackupFile> {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.partial`;
  rmSync(temp, { force: true });
  await client.backup(temp);
  renameSync(temp, path);
  const stat = statSync(path);
  return { path, name: basename(path), bytes: stat.size, createdAt: at.toISOString(), kind };
}

export function backupHere(client: Database.Database, dbPath: string, kind: BackupKind, at = new Date()): Promise<BackupFile> {
  return backupTo(client, join(backupFolder(dbPath), backupName(kind, at)), kind, at);
}

/**
 * Replaces the open database's contents with a verified backup's, page by page through the backup
 * API into the live file (the app's connection stays valid and sees the restored data). The current
 * data is backed up first, so a restore of the wrong file can itself be undone.
 */
export async function restoreFrom(db: Db, dbPath: string, from: string, migrationsFolder: string, at = new Date()): Promise<{ restoredFrom: string; safetyBackup: BackupFile }> {
  const client = db.$client;
  const appVersion = client.pragma('user_version', { simple: true }) as number;
  const { schemaVersion } = verifyBackupFile(from, appVersion);
  const safetyBackup = await backupHere(client, dbPath, 'before_restore', at);
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(dbPath);
  } finally {
    source.close();
  }
  // A backup from an older TierBook is brought up to this version's schema, as opening it would.
  if (schemaVersion < appVersion) {
    migrate(db, { migrationsFolder });
    client.pragma(`user_version = ${appVersion}`);
  }
  return { restoredFrom: from, safetyBackup };
}

export const DAILY_KEPT = 7;
export const WEEKLY_KEPT = 4;

/**
 * The start-up backup: one per day, and the first of each week also kept as that week's backup.
 * The newest 7 daily and 4 weekly backups are kept, older ones deleted; manual and before-restore
 * backups are the user's and are never deleted here.
 */
export async function runAutomaticBackups(client: Database.Database, dbPath: string, now = new Date()): Promise<{ created: string[]; removed: string[] }> {
  const folder = backupFolder(dbPath);
  const today = localDay(now);
  const existing = listBackups(folder);
  const created: string[] = [];
  const dailyPath = join(folder, backupName('daily', now));
  if (!existing.some((b) => b.kind === 'daily' && b.name === basename(dailyPath))) {
    await backupTo(client, dailyPath, 'daily', now);
    created.push(dailyPath);
  }
  const thisWeek = weekOf(today);
  const hasWeekly = existing.some((b) => b.kind === 'weekly' && weekOf(dayOf(b.name)) === thisWeek);
  if (!hasWeekly) {
    const weeklyPath = join(folder, backupName('weekly', now));
    copyFileSync(dailyPath, weeklyPath);
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
