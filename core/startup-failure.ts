import { basename, extname } from 'node:path';
import { errors } from '../renderer/i18n/resources/errors';
import { AppError } from '../shared/contract';
import type { RecoveryOffer } from './backup/recovery-offer';
import { DatabaseBusyError, DatabaseDamagedError, DatabaseReadOnlyError, DatabaseTooNewError, DatabaseUnreadableError, MigrationError, NotTierBookDatabaseError, type NotTierBookReason } from '../db/open';

export type StartupLanguage = 'zh-CN' | 'en';

/** What the desktop app's error box says when its database cannot be opened, or it cannot start at all. */
export interface StartupFailureText {
  title: string;
  detail: string;
}

/**
 * The start-up failure in the user's language. The database could not be opened, so its language setting cannot be
 * read: the system's language decides (electron/main.ts). Each refusal db/open.ts makes has words of its own here;
 * anything else is said with its own message (a failure TierBook did not foresee is reported as it is).
 */
export function startupFailureText(error: unknown, language: StartupLanguage, dbPath: string, stage: 'open' | 'start' = 'open'): StartupFailureText {
  const words = WORDS[language];
  if (stage === 'start') return { title: words.startTitle, detail: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  return { title: words.openTitle, detail: `${dbPath}\n\n${words.detail(error)}` };
}

/** Why the database could not be opened, in the user's language, without the title (the command line prints it as one line). */
export const openFailureDetail = (error: unknown, language: StartupLanguage): string => WORDS[language].detail(error);

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

const WORDS: Record<StartupLanguage, { openTitle: string; startTitle: string; detail: (error: unknown) => string }> = {
  en: {
    openTitle: 'TierBook cannot open its database',
    startTitle: 'TierBook failed to start',
    // db/open.ts's own messages are English already.
    detail: message,
  },
  'zh-CN': {
    openTitle: 'TierBook 无法打开数据库',
    startTitle: 'TierBook 启动失败',
    detail: (error) => {
      if (error instanceof DatabaseTooNewError) return `这个数据库由更新版本的 TierBook 写入（数据结构版本 ${error.fileVersion}，本软件最高认识 ${error.appVersion}）。请先更新 TierBook 再打开它。`;
      if (error instanceof MigrationError) return `数据库无法升级，已保持原样，没有改动任何内容：${error.reason}`;
      if (error instanceof DatabaseBusyError) return `另一个 TierBook 进程（导入、软件本身或命令行）正在写入 ${error.file}，没有改动任何内容。请等它完成后再打开。`;
      if (error instanceof DatabaseReadOnlyError) {
        const why = error.locked.kind === 'file' ? `${error.locked.name} 是只读的` : `它所在的文件夹 ${error.locked.folder} 是只读的`;
        return `${error.file} 无法写入（${why}）。TierBook 边用边保存，所以没有打开它，也没有改动任何内容。请允许写入它，或把它复制到你自己的文件夹后打开副本。`;
      }
      if (error instanceof DatabaseDamagedError) {
        return `${error.file} 已损坏（${error.reason}），文件保持原样。请退出 TierBook，用命令 tierbook restore --db ${error.file} --from 备份文件 恢复它旁边 backups 文件夹里最新的备份（损坏的文件会改名为 *.damaged-日期 保留在旁边）。`;
      }
      if (error instanceof DatabaseUnreadableError) return `${error.file} 无法读取（${error.reason}），文件保持原样。可能是磁盘已满，或它所在的磁盘不可用：请清理磁盘空间或重新连接磁盘后再试。`;
      if (error instanceof NotTierBookDatabaseError) return `${error.file} ${NOT_TIERBOOK_ZH[error.reason]}${error.fileIsThere ? '，文件保持原样' : ''}。请选择一个 TierBook 数据库，或一个新文件名来新建。`;
      return `打开时出错：${message(error)}`;
    },
  },
};

const NOT_TIERBOOK_ZH: Record<NotTierBookReason, string> = {
  folder: '是文件夹，不是数据库文件',
  device: '是设备、管道或套接字，不是数据库文件',
  not_a_database: '不是数据库文件',
  other_program: '是其他软件的数据库，不是 TierBook 的',
  not_tierbook: '不是 TierBook 数据库（缺少它的数据表）',
  cannot_open: '无法作为数据库打开',
};

/** What the user picks in the recovery dialog; each button carries one. */
export type RecoveryChoice = 'restore' | 'choose' | 'quit';

/** The desktop app's recovery dialog when its workspace will not open as damaged or unreadable, and its open dialog's words. */
export interface RecoveryDialogText {
  title: string;
  message: string;
  detail: string;
  /** In the order shown; the last is Quit, the answer to closing the box. */
  buttons: Array<{ label: string; choice: RecoveryChoice }>;
  pickTitle: string;
  pickFilter: string;
}

/** A backup the user chose that a restore refused: said at the top of the dialog, which then offers the choice again. */
export interface RecoveryRefusal {
  from: string;
  error: unknown;
}

/**
 * The recovery dialog in the user's language (the system's: the database's setting cannot be read). The offer comes
 * from core/backup/recovery-offer.ts; `refused` is the restore just refused, if any.
 */
export function recoveryDialogText(offer: RecoveryOffer, language: StartupLanguage, refused?: RecoveryRefusal): RecoveryDialogText {
  const words = RECOVERY_WORDS[language];
  const damaged = offer.failure instanceof DatabaseDamagedError;
  const paragraphs = [offer.dbPath, damaged ? words.damaged(offer.failure.reason) : words.unreadable(offer.failure.reason)];
  if (refused) paragraphs.push(words.refused(basename(refused.from), refusalReason(refused.error, language)));
  const extension = extname(offer.dbPath);
  const keptAs = `${basename(offer.dbPath, extension)}.damaged-${words.dateWord}${extension}`;
  if (offer.newest) paragraphs.push(words.offer(localDateTime(offer.newest.takenAt, offer.newest.timeKnown), words.ago(offer.newest.daysBefore), keptAs));
  else paragraphs.push(words.none(offer.backupsFolder));
  if (offer.passedOver.length > 0) paragraphs.push(words.passedOver(offer.passedOver.map((b) => words.passedOne(localDateTime(b.takenAt, b.timeKnown), refusalReason(b.refusal, language)))));
  const buttons: RecoveryDialogText['buttons'] = [];
  if (offer.newest) buttons.push({ label: words.restore(localDateTime(offer.newest.takenAt, offer.newest.timeKnown)), choice: 'restore' });
  buttons.push({ label: offer.newest ? words.chooseAnother : words.choose, choice: 'choose' }, { label: words.quit, choice: 'quit' });
  return {
    title: WORDS[language].openTitle,
    message: damaged ? words.damagedMessage : words.unreadableMessage,
    detail: paragraphs.join('\n\n'),
    buttons,
    pickTitle: words.pickTitle,
    pickFilter: words.pickFilter,
  };
}

/** `2026-11-20 08:15` (or the day alone, when the time is not known): this computer's clock, read the same way in both languages. */
export function localDateTime(at: Date, timeKnown = true): string {
  const two = (value: number) => String(value).padStart(2, '0');
  const day = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
  return timeKnown ? `${day} ${two(at.getHours())}:${two(at.getMinutes())}` : day;
}

/** Why a backup was refused: restore's issue key in the screens' words (errors resource), else its own message. */
function refusalReason(error: unknown, language: StartupLanguage): string {
  const issue = error instanceof AppError ? error.issues?.[0] : undefined;
  const said = issue ? (errors[language].issue as Record<string, string | undefined>)[issue.key] : undefined;
  if (!issue || !said) return message(error);
  return said.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (issue.params?.[name] === undefined ? whole : String(issue.params[name])));
}

interface RecoveryWords {
  damagedMessage: string;
  unreadableMessage: string;
  damaged(reason: string): string;
  unreadable(reason: string): string;
  refused(name: string, reason: string): string;
  offer(when: string, ago: string, keptAs: string): string;
  none(folder: string): string;
  passedOver(each: string[]): string;
  passedOne(when: string, reason: string): string;
  ago(days: number): string;
  /** What stands for the date in the kept file's name, as the user will find it. */
  dateWord: string;
  restore(when: string): string;
  chooseAnother: string;
  choose: string;
  quit: string;
  pickTitle: string;
  pickFilter: string;
}

const RECOVERY_WORDS: Record<StartupLanguage, RecoveryWords> = {
  en: {
    damagedMessage: 'The database file is damaged',
    unreadableMessage: 'The database file cannot be read',
    damaged: (reason) => `It is damaged (${reason}). The file is left as it is.`,
    unreadable: (reason) =>
      `It could not be read (${reason}). The file is left as it is. The disk may be full, or the drive it is on unavailable: if freeing some space or reconnecting the drive does not help, restore a backup.`,
    refused: (name, reason) => `The backup ${name} was not restored: ${reason}. Nothing was changed.`,
    offer: (when, ago, keptAs) =>
      `The newest automatic backup that can be restored is from ${when} (${ago}). Restoring it brings your data back as it was then: what was entered after that is not in it. The file that would not open is kept beside it, renamed ${keptAs}.`,
    none: (folder) =>
      `No automatic backup that can be restored was found in ${folder}. If you keep a copy elsewhere (a backup you made, one on a USB stick), choose it to restore it. Otherwise quit, and keep the file: it is left as it is, and something may still be read from it.`,
    passedOver: (each) => `Newer automatic backups that failed the checks were passed over: ${each.join('; ')}.`,
    passedOne: (when, reason) => `${when} (${reason})`,
    ago: (days) => (days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`),
    dateWord: '<date>',
    restore: (when) => `Restore the backup of ${when}`,
    chooseAnother: 'Choose another backup…',
    choose: 'Choose a backup…',
    quit: 'Quit',
    pickTitle: 'Choose a TierBook backup to restore',
    pickFilter: 'TierBook backups',
  },
  'zh-CN': {
    damagedMessage: '数据库文件已损坏',
    unreadableMessage: '数据库文件无法读取',
    damaged: (reason) => `它已损坏（${reason}），文件保持原样。`,
    unreadable: (reason) => `它无法读取（${reason}），文件保持原样。可能是磁盘已满，或它所在的磁盘不可用：如果清理磁盘空间或重新连接磁盘后仍不行，请恢复一个备份。`,
    refused: (name, reason) => `备份 ${name} 没有恢复：${reason}。没有改动任何内容。`,
    offer: (when, ago, keptAs) => `能恢复的最新自动备份是 ${when}（${ago}）的。恢复后，数据回到那时的样子：那之后录入的内容不在其中。无法打开的原文件会改名为 ${keptAs}，保留在旁边。`,
    none: (folder) => `在 ${folder} 里没有找到能恢复的自动备份。如果你在别处有副本（自己做的备份、U 盘里的副本），请选择它来恢复；否则请退出，并保留这个文件：它保持原样，其中的内容也许还能读出。`,
    passedOver: (each) => `更新的自动备份没有通过检查，已跳过：${each.join('；')}。`,
    passedOne: (when, reason) => `${when}（${reason}）`,
    ago: (days) => (days === 0 ? '今天' : days === 1 ? '昨天' : `${days} 天前`),
    dateWord: '日期',
    restore: (when) => `恢复 ${when} 的备份`,
    chooseAnother: '选择其他备份…',
    choose: '选择备份…',
    quit: '退出',
    pickTitle: '选择要恢复的 TierBook 备份',
    pickFilter: 'TierBook 备份',
  },
};
