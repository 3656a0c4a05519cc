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
