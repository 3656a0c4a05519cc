import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, utimesSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../core/app';
import { backupTo } from '../../core/backup/backup';
import { backupName } from '../../core/backup/files';
import { calendarDaysBetween, recoveryOffer, restoreChosenBackup } from '../../core/backup/recovery-offer';
import { recoveryDialogText, type RecoveryChoice, type RecoveryDialogText } from '../../core/startup-failure';
import { recoverFromOpenFailure } from '../../core/startup-recovery';
import { DatabaseDamagedError, DatabaseUnreadableError, openDatabase } from '../../db/open';
import { MIGRATIONS, openTestApp } from '../support/test-app';

/**
 * A desktop user whose workspace will not open is offered the newest automatic backup that a restore takes, by its
 * date and time, and gets their data back from a dialog: no command line. Backups and damage are made for real.
 */
const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The test's "now", and days before it at a given time, on this computer's calendar (the local Date constructor). */
const NOW = new Date(2026, 10, 23, 9, 30);
const daysBefore = (days: number, hours: number, minutes: number) => new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate() - days, hours, minutes);

/** The same moment as `2026-11-20 08:15`, spelled by Intl's Swedish format (ISO-like, local time) rather than by the code under test. */
const shown = (at: Date) => new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(at);

const count = (path: string, sql: string) => {
  const raw = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return raw.prepare(sql).pluck().get() as number;
  } finally {
    raw.close();
  }
};
const liveCustomers = (path: string) => count(path, 'SELECT count(*) FROM customers WHERE deleted_at IS NULL');

const pageSize = (path: string) => readFileSync(path).readUInt16BE(16);
function scribble(path: string, page: number, offset: number, length: number): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(length, 0xff), 0, length, (page - 1) * pageSize(path) + offset);
  } finally {
    closeSync(fd);
  }
}
const customersPage = (path: string) => count(path, `SELECT pageno FROM dbstat WHERE name = 'customers' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1`);

/** An automatic (daily) backup of the workspace as it is now, dated `at` by its name and its file time, as runAutomaticBackups leaves it. */
async function dailyBackup(client: Database.Database, dbPath: string, at: Date): Promise<string> {
  const folder = join(dbPath, '..', 'backups');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, backupName('daily', at));
  await backupTo(client, path, 'daily', at);
  utimesSync(path, at, at);
  return path;
}

/** The open failure of a workspace whose schema page is written over. */
function openFailure(dbPath: string): unknown {
  try {
    openDatabase(dbPath, MIGRATIONS).$client.close();
  } catch (error) {
    return error;
  }
  throw new Error('the workspace opened');
}

/**
 * A workspace with 3 customers, an automatic backup of 3 days ago holding 1, a newer one of yesterday holding 2 but
 * itself damaged, and then the workspace's schema page damaged: it will not open.
 */
async function damagedWithTwoBackups() {
  const app = openTestApp();
  folders.push(app.dir);
  await app.call('customers:create', { name: '老主顾甲' });
  const older = await dailyBackup(app.db.$client, app.dbPath, daysBefore(3, 8, 15));
  await app.call('customers:create', { name: '老主顾乙' });
  const newer = await dailyBackup(app.db.$client, app.dbPath, daysBefore(1, 20, 5));
  await app.call('customers:create', { name: '老主顾丙' });
  app.close();
  // A disk fault writes over a page without the file's time changing.
  scribble(newer, customersPage(newer), 0, pageSize(newer));
  utimesSync(newer, daysBefore(1, 20, 5), daysBefore(1, 20, 5));
  scribble(app.dbPath, 1, 100, pageSize(app.dbPath) - 100);
  return { dbPath: app.dbPath, dir: app.dir, older, newer, failure: openFailure(app.dbPath) };
}

describe('the recovery offered when the workspace will not open', () => {
  it('is the newest automatic backup that passes restore’s checks, by its date and time and how many days ago', async () => {
    const { dbPath, dir, older, newer, failure } = await damagedWithTwoBackups();
    expect(failure).toBeInstanceOf(DatabaseDamagedError);
    const damagedBytes = readFileSync(dbPath);
    const offer = (await recoveryOffer(failure, dbPath, MIGRATIONS, NOW))!;
    expect(offer.newest).toMatchObject({ path: older, daysBefore: 3 });
    expect(offer.passedOver.map((b) => b.path)).toEqual([newer]);
    // Checking the backups wrote nothing beside the workspace and left it as it was.
    expect(readdirSync(dir).sort()).toEqual(['backups', 'tierbook.sqlite']);
    expect(readFileSync(dbPath).equals(damagedBytes)).toBe(true);

    const en = recoveryDialogText(offer, 'en');
    expect(en.title).toBe('TierBook cannot open its database');
    expect(en.message).toBe('The database file is damaged');
    expect(en.buttons).toEqual([
      { label: `Restore the backup of ${shown(daysBefore(3, 8, 15))}`, choice: 'restore' },
      { label: 'Choose another backup…', choice: 'choose' },
      { label: 'Quit', choice: 'quit' },
    ]);
    expect(en.detail).toBe(
      [
        dbPath,
        'It is damaged (database disk image is malformed). The file is left as it is.',
        `The newest automatic backup that can be restored is from ${shown(daysBefore(3, 8, 15))} (3 days ago). Restoring it brings your data back as it was then: what was entered after that is not in it. The file that would not open is kept beside it, renamed tierbook.damaged-<date>.sqlite.`,
        `Newer automatic backups that failed the checks were passed over: ${shown(daysBefore(1, 20, 5))} (This is not a database file, or it is damaged).`,
      ].join('\n\n'),
    );

    const zh = recoveryDialogText(offer, 'zh-CN');
    expect(zh.title).toBe('TierBook 无法打开数据库');
    expect(zh.message).toBe('数据库文件已损坏');
    expect(zh.buttons.map((b) => b.label)).toEqual([`恢复 ${shown(daysBefore(3, 8, 15))} 的备份`, '选择其他备份…', '退出']);
    expect(zh.detail).toBe(
      [
        dbPath,
        '它已损坏（database disk image is malformed），文件保持原样。',
        `能恢复的最新自动备份是 ${shown(daysBefore(3, 8, 15))}（3 天前）的。恢复后，数据回到那时的样子：那之后录入的内容不在其中。无法打开的原文件会改名为 tierbook.damaged-日期.sqlite，保留在旁边。`,
        `更新的自动备份没有通过检查，已跳过：${shown(daysBefore(1, 20, 5))}（不是数据库文件，或文件已损坏）。`,
      ].join('\n\n'),
    );
    expect([zh.pickTitle, zh.pickFilter, en.pickTitle, en.pickFilter]).toEqual(['选择要恢复的 TierBook 备份', 'TierBook 备份', 'Choose a TierBook backup to restore', 'TierBook backups']);
  });

  it('counts days by the calendar, not by 24-hour spans, and says today and yesterday in words', async () => {
    // Made 23:50 last night, read at 00:10: yesterday, though 20 minutes ago; 00:05 today is today.
    const justAfterMidnight = new Date(2026, 10, 23, 0, 10);
    expect(calendarDaysBetween(new Date(2026, 10, 22, 23, 50), justAfterMidnight)).toBe(1);
    expect(calendarDaysBetween(new Date(2026, 10, 23, 0, 5), justAfterMidnight)).toBe(0);
    // Across a month's end: 28 October to 2 November is 5 days.
    expect(calendarDaysBetween(new Date(2026, 9, 28, 12), new Date(2026, 10, 2, 8))).toBe(5);
    const { dbPath, failure } = await damagedWithTwoBackups();
    const offer = (await recoveryOffer(failure, dbPath, MIGRATIONS, NOW))!;
    const saying = (daysBefore: number, language: 'en' | 'zh-CN') => recoveryDialogText({ ...offer, newest: { ...offer.newest!, daysBefore } }, language).detail;
    expect([saying(0, 'en'), saying(1, 'en')]).toEqual([expect.stringContaining('(today)'), expect.stringContaining('(yesterday)')]);
    expect([saying(0, 'zh-CN'), saying(1, 'zh-CN')]).toEqual([expect.stringContaining('（今天）'), expect.stringContaining('（昨天）')]);
  });

  it('a backup whose file time is not on its name’s day (copied since) is named by that day alone', async () => {
    const { dbPath, older, failure } = await damagedWithTwoBackups();
    utimesSync(older, NOW, NOW);
    const offer = (await recoveryOffer(failure, dbPath, MIGRATIONS, NOW))!;
    expect(offer.newest).toMatchObject({ path: older, daysBefore: 3, timeKnown: false });
    const day = shown(daysBefore(3, 8, 15)).slice(0, 10);
    expect(recoveryDialogText(offer, 'en').buttons[0]!.label).toBe(`Restore the backup of ${day}`);
    expect(recoveryDialogText(offer, 'zh-CN').detail).toContain(`能恢复的最新自动备份是 ${day}（3 天前）的。`);
  });

  it('with no backup at all: nothing to restore offered, and the words say what to do', async () => {
    const app = openTestApp();
    folders.push(app.dir);
    app.close();
    scribble(app.dbPath, 1, 100, pageSize(app.dbPath) - 100);
    const offer = (await recoveryOffer(openFailure(app.dbPath), app.dbPath, MIGRATIONS, NOW))!;
    expect(offer).toMatchObject({ newest: null, passedOver: [] });
    const en = recoveryDialogText(offer, 'en');
    expect(en.buttons).toEqual([
      { label: 'Choose a backup…', choice: 'choose' },
      { label: 'Quit', choice: 'quit' },
    ]);
    expect(en.detail.split('\n\n').at(-1)).toBe(
      `No automatic backup that can be restored was found in ${join(app.dir, 'backups')}. If you keep a copy elsewhere (a backup you made, one on a USB stick), choose it to restore it. Otherwise quit, and keep the file: it is left as it is, and something may still be read from it.`,
    );
    const zh = recoveryDialogText(offer, 'zh-CN');
    expect(zh.buttons.map((b) => b.label)).toEqual(['选择备份…', '退出']);
    expect(zh.detail.split('\n\n').at(-1)).toBe(`在 ${join(app.dir, 'backups')} 里没有找到能恢复的自动备份。如果你在别处有副本（自己做的备份、U 盘里的副本），请选择它来恢复；否则请退出，并保留这个文件：它保持原样，其中的内容也许还能读出。`);
  });

  it('a workspace that cannot be read is offered the backup too, with the disk named first; other failures are not offered one', async () => {
    const { dbPath, older } = await damagedWithTwoBackups();
    const unreadable = new DatabaseUnreadableError(dbPath, 'disk I/O error');
    const offer = (await recoveryOffer(unreadable, dbPath, MIGRATIONS, NOW))!;
    expect(offer.newest?.path).toBe(older);
    expect(recoveryDialogText(offer, 'en').message).toBe('The database file cannot be read');
    expect(recoveryDialogText(offer, 'en').detail).toContain('It could not be read (disk I/O error). The file is left as it is. The disk may be full');
    expect(recoveryDialogText(offer, 'zh-CN').detail).toContain('它无法读取（disk I/O error），文件保持原样。可能是磁盘已满');
    expect(await recoveryOffer(new Error('something else'), dbPath, MIGRATIONS, NOW)).toBeUndefined();
  });
});

describe('the restore chosen in the dialog', () => {
  it('puts the offered backup in place: the workspace opens with the backup’s rows, the damaged file kept byte for byte', async () => {
    const { dbPath, dir, older, failure } = await damagedWithTwoBackups();
    const damagedBytes = readFileSync(dbPath);
    const offer = (await recoveryOffer(failure, dbPath, MIGRATIONS, NOW))!;
    const recovered = await restoreChosenBackup(offer, offer.newest!.path, MIGRATIONS, NOW);
    expect(recovered.open).toBe(dbPath);
    expect(recovered.keptAs).toBe(join(dir, 'tierbook.damaged-2026-11-23-0930.sqlite'));
    expect(readFileSync(recovered.keptAs).equals(damagedBytes)).toBe(true);
    // The app opens what it was told to, and holds the older backup's customers: 1, by plain SQL on both files.
    const app = openApp({ dbPath: recovered.open, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' } });
    app.close();
    expect(liveCustomers(older)).toBe(1);
    expect(liveCustomers(dbPath)).toBe(liveCustomers(older));
    expect(count(dbPath, `SELECT count(*) FROM customers WHERE name = '老主顾甲'`)).toBe(1);
  });

  it('a refused choice is said, nothing moves, and the choice is offered again until a backup is restored', async () => {
    const { dbPath, dir, older, newer, failure } = await damagedWithTwoBackups();
    const damagedBytes = readFileSync(dbPath);
    const asked: RecoveryDialogText[] = [];
    const answers: RecoveryChoice[] = ['choose', 'choose', 'restore'];
    const picks: Array<string | undefined> = [newer, undefined];
    const outcome = await recoverFromOpenFailure(failure, dbPath, 'en', MIGRATIONS, {
      ask: async (text) => (asked.push(text), answers.shift()!),
      pickBackup: async (_text, folder) => (expect(folder).toBe(join(dir, 'backups')), picks.shift()),
    }, () => NOW);
    expect(outcome).toMatchObject({ kind: 'restored', recovered: { open: dbPath, restoredFrom: older } });
    expect(asked).toHaveLength(3);
    expect(asked[0]!.detail).not.toContain('was not restored');
    // The damaged backup picked by hand: refused, said, the workspace untouched, then the choice again (a cancelled pick asks again too).
    const refusedLine = `The backup ${backupName('daily', daysBefore(1, 20, 5))} was not restored: This is not a database file, or it is damaged. Nothing was changed.`;
    expect(asked[1]!.detail.split('\n\n')[2]).toBe(refusedLine);
    expect(asked[1]!.buttons.map((b) => b.choice)).toEqual(['restore', 'choose', 'quit']);
    expect(asked[2]!.detail.split('\n\n')[2]).toBe(refusedLine);
    expect(liveCustomers(dbPath)).toBe(1);
    const kept = readdirSync(dir).filter((name) => name.includes('.damaged-'));
    expect(kept).toEqual(['tierbook.damaged-2026-11-23-0930.sqlite']);
    expect(readFileSync(join(dir, kept[0]!)).equals(damagedBytes)).toBe(true);
  });

  it('says a refusal in Chinese, and Quit leaves the workspace as it was', async () => {
    const { dbPath, dir, newer, failure } = await damagedWithTwoBackups();
    const damagedBytes = readFileSync(dbPath);
    const asked: RecoveryDialogText[] = [];
    const answers: RecoveryChoice[] = ['choose', 'quit'];
    const outcome = await recoverFromOpenFailure(failure, dbPath, 'zh-CN', MIGRATIONS, { ask: async (text) => (asked.push(text), answers.shift()!), pickBackup: async () => newer }, () => NOW);
    expect(outcome).toEqual({ kind: 'quit' });
    expect(asked[1]!.detail.split('\n\n')[2]).toBe(`备份 ${backupName('daily', daysBefore(1, 20, 5))} 没有恢复：不是数据库文件，或文件已损坏。没有改动任何内容。`);
    expect(readFileSync(dbPath).equals(damagedBytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['backups', 'tierbook.sqlite']);
  });
});
