import { resolve } from 'node:path';
import { DatabaseDamagedError, DatabaseUnreadableError } from '../../db/open';
import { backupFolder, listBackups, localDay, type BackupFile } from './files';
import { stageCheckedCopy, stagingTarget } from './restore';
import { restoreOntoUnopenable, type RestoredOntoUnopenable } from './restore-onto-unopenable';
import { createTempBeside, discardTemp } from './temp-file';

/** A backup as the recovery dialog names it: when it was made, on this computer's clock. */
export interface DatedBackup {
  path: string;
  name: string;
  takenAt: Date;
  /** False when only the day is known: the file's time is not on the day its name says (copied, or touched since). */
  timeKnown: boolean;
}

/** What the app can offer when its workspace file will not open as damaged or unreadable. */
export interface RecoveryOffer {
  failure: DatabaseDamagedError | DatabaseUnreadableError;
  dbPath: string;
  /** The `backups` folder beside the workspace, where the app's own backups are and where "Choose…" starts. */
  backupsFolder: string;
  /** The newest automatic backup that passed restore's own checks; null when none did (or there is none). */
  newest: (DatedBackup & { daysBefore: number }) | null;
  /** Newer automatic backups that failed those checks, newest first, with the refusal: the user learns why they were passed over. */
  passedOver: Array<DatedBackup & { refusal: unknown }>;
}

const AUTOMATIC = new Set<BackupFile['kind']>(['daily', 'weekly']);

/**
 * What the desktop app can offer instead of a dead end when its workspace will not open: undefined for any failure
 * a restore is not the way out of (a newer version's file, a busy or read-only one: their message says what to do).
 * The automatic backups are tried newest first, each checked exactly as a restore would check it (copied beside the
 * workspace, verified, brought to this version, verified again; nothing else is written), so the one offered is one
 * the restore will take — a backup made after the damage began may be damaged itself.
 */
export async function recoveryOffer(failure: unknown, dbPath: string, migrationsFolder: string, now = new Date()): Promise<RecoveryOffer | undefined> {
  if (!(failure instanceof DatabaseDamagedError || failure instanceof DatabaseUnreadableError)) return undefined;
  const workspace = resolve(dbPath);
  const backupsFolder = backupFolder(workspace);
  const passedOver: RecoveryOffer['passedOver'] = [];
  for (const backup of listBackups(backupsFolder).filter((file) => AUTOMATIC.has(file.kind))) {
    const dated = { path: backup.path, name: backup.name, ...whenTaken(backup) };
    const refusal = await restoreRefusal(workspace, backup.path, migrationsFolder);
    if (refusal === undefined) return { failure, dbPath: workspace, backupsFolder, newest: { ...dated, daysBefore: calendarDaysBetween(dated.takenAt, now) }, passedOver };
    passedOver.push({ ...dated, refusal });
  }
  return { failure, dbPath: workspace, backupsFolder, newest: null, passedOver };
}

/** What the app should open once the backup has taken the workspace's place: the same path, and where the old file went. */
export interface Recovered extends RestoredOntoUnopenable {
  open: string;
}

/**
 * Puts the backup the user chose (the one offered, or one picked in the open dialog) in place of the workspace that
 * would not open, keeping that file beside it (restore-onto-unopenable.ts). A refused backup throws its refusal and
 * leaves everything as it was, so the user may choose again.
 */
export async function restoreChosenBackup(offer: RecoveryOffer, from: string, migrationsFolder: string, at = new Date()): Promise<Recovered> {
  const restored = await restoreOntoUnopenable(offer.dbPath, resolve(from), migrationsFolder, at);
  return { ...restored, open: offer.dbPath };
}

/**
 * When an automatic backup was made: its name says the day (runAutomaticBackups names it by the local day), the file's
 * time says the minute. A file copied or written to since carries another day's time, and then only the day is said.
 */
function whenTaken(backup: BackupFile): Pick<DatedBackup, 'takenAt' | 'timeKnown'> {
  const modified = new Date(backup.createdAt);
  const day = /(\d{4})-(\d{2})-(\d{2})/.exec(backup.name);
  if (!day) return { takenAt: modified, timeKnown: true };
  const named = new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  return localDay(modified) === localDay(named) ? { takenAt: modified, timeKnown: true } : { takenAt: named, timeKnown: false };
}

/** Restore's steps 1–2 on a copy that is thrown away: the refusal a restore from `from` would meet, or undefined. */
async function restoreRefusal(dbPath: string, from: string, migrationsFolder: string): Promise<unknown> {
  let staging;
  try {
    staging = createTempBeside(stagingTarget(dbPath), { forSqlite: true });
    await stageCheckedCopy(from, staging, migrationsFolder);
    return undefined;
  } catch (error) {
    return error;
  } finally {
    if (staging) discardTemp(staging);
  }
}

/** Days between the two dates on this computer's calendar (yesterday evening is 1 day before this morning); never below 0. */
export function calendarDaysBetween(earlier: Date, later: Date): number {
  const day = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.max(0, Math.round((day(later) - day(earlier)) / 86_400_000));
}
