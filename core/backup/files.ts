import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type BackupKind = 'daily' | 'weekly' | 'manual' | 'before_restore';

export interface BackupFile {
  path: string;
  name: string;
  bytes: number;
  createdAt: string;
  kind: BackupKind;
}

/** Backups live beside the database, in a folder the user finds next to the file they know. */
export function backupFolder(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

const PREFIX: Record<BackupKind, string> = { daily: 'daily', weekly: 'weekly', manual: 'manual', before_restore: 'before-restore' };
const NAME = /^tierbook-(daily|weekly|manual|before-restore)-(\d{4}-\d{2}-\d{2}(?:-\d{6}(?:-\d+)?)?)\.sqlite$/;

const pad = (n: number) => String(n).padStart(2, '0');
export const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const stamp = (d: Date) => `${localDay(d)}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

/** Daily and weekly backups are named by day (one per day or week); the others by the second they were made. */
export function backupName(kind: BackupKind, at: Date, copy = 1): string {
  const suffix = copy > 1 ? `-${copy}` : '';
  return `tierbook-${PREFIX[kind]}-${kind === 'daily' || kind === 'weekly' ? localDay(at) : stamp(at) + suffix}.sqlite`;
}

/**
 * A manual or before-restore backup never replaces another: two within the same second get `-2`, `-3`…
 * (a second restore must not overwrite the safety copy of the first). Daily and weekly keep one per slot.
 */
export function freshBackupPath(folder: string, kind: BackupKind, at: Date): string {
  if (kind === 'daily' || kind === 'weekly') return join(folder, backupName(kind, at));
  for (let copy = 1; ; copy++) {
    const path = join(folder, backupName(kind, at, copy));
    if (!existsSync(path)) return path;
  }
}

export function listBackups(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const match = NAME.exec(name);
      if (!match) return [];
      const stat = statSync(join(folder, name));
      const kind = (match[1] === 'before-restore' ? 'before_restore' : match[1]) as BackupKind;
      return [{ path: join(folder, name), name, bytes: stat.size, createdAt: stat.mtime.toISOString(), kind, day: match[2]! }];
    })
    .sort((a, b) => (a.day === b.day ? b.createdAt.localeCompare(a.createdAt) : b.day.localeCompare(a.day)))
    .map(({ day: _day, ...file }) => file);
}

/** Monday of the date's week, so all days of one week share a weekly slot. */
export function weekOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}
