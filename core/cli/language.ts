import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { writable } from '../../db/open';
import { UsageError } from './args';
import { say, type CliLanguage } from './words';

const LANGUAGES: readonly string[] = ['zh-CN', 'en'] satisfies CliLanguage[];

/** The value of a flag as typed (`--lang zh-CN` or `--lang=zh-CN`, the last one given), read before the flags are parsed. */
export function typedFlag(argv: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    // After "--" every word is a positional argument, as the parser reads it.
    if (word === '--') break;
    if (word === `--${name}`) value = argv[++i];
    else if (word.startsWith(`--${name}=`)) value = word.slice(name.length + 3);
  }
  return value;
}

/** The words typed without a flag and its value (help reads the same with --lang beside it). */
export function withoutFlag(argv: readonly string[], name: string): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') return [...words, ...argv.slice(i)];
    if (word === `--${name}`) i++;
    else if (!word.startsWith(`--${name}=`)) words.push(word);
  }
  return words;
}

/** --lang as parsed: a value other than the two languages is refused, naming them, as any flag's value is. */
export function checkedLanguageFlag(values: Record<string, unknown>): void {
  const lang = values.lang;
  if (typeof lang === 'string' && !LANGUAGES.includes(lang)) throw new UsageError(say('cli:usage.oneOfBar', { name: 'lang', choices: LANGUAGES.join('|'), value: lang }));
}

/** --lang when it names one of the two languages; a value it cannot be is refused as any flag is (checkedLanguageFlag). */
export function flagLanguage(argv: readonly string[]): CliLanguage | undefined {
  const lang = typedFlag(argv, 'lang');
  return lang !== undefined && LANGUAGES.includes(lang) ? (lang as CliLanguage) : undefined;
}

/**
 * The system's language as POSIX programs read it for their messages: the first of LC_ALL, LC_MESSAGES and LANG that
 * is set and not empty. Chinese (zh_CN.UTF-8, zh_TW, zh) reads Chinese; anything else, C and POSIX included, English.
 */
export function localeLanguage(env: NodeJS.ProcessEnv): CliLanguage {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return locale !== undefined && /^zh(?:[_.@-]|$)/i.test(locale) ? 'zh-CN' : 'en';
}

/**
 * The workspace's own language setting (Settings → language), or undefined when it follows the system or cannot be
 * read: no such file, not a TierBook database, one this user may not write. Opened as the commands open it, never
 * read-only: SQLite's read-only opening of a WAL database leaves a -wal and a -shm file behind, while the last
 * connection of a writable one removes them again; it reads one row and writes nothing.
 */
export function workspaceLanguage(dbPath: string | undefined): CliLanguage | undefined {
  if (dbPath === undefined || dbPath === '' || dbPath === ':memory:') return undefined;
  const stat = statSync(dbPath, { throwIfNoEntry: false });
  if (!stat?.isFile() || stat.size === 0 || !writable(dbPath) || !writable(dirname(dbPath))) return undefined;
  let db: Database.Database | undefined;
  try {
    db = new Database(dbPath, { fileMustExist: true, timeout: 0 });
    const language = db.prepare('SELECT language FROM settings WHERE id = 1').pluck().get();
    return typeof language === 'string' && LANGUAGES.includes(language) ? (language as CliLanguage) : undefined;
  } catch {
    return undefined;
  } finally {
    db?.close();
  }
}

/**
 * The language the command line speaks in — a refusal, --help, the lines a command prints for people — as a user
 * would expect it: --lang when typed; otherwise the language the workspace named by --db is set to (as the app's
 * screens show it); otherwise the system's locale.
 */
export function refusalLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): CliLanguage {
  return flagLanguage(argv) ?? workspaceLanguage(typedFlag(argv, 'db')) ?? localeLanguage(env);
}
