import { COMMANDS, pad, type Command } from './commands';
import { CUSTOMER_SHOW_COMMANDS } from './commands-customer-show';
import { LICENSE_COMMANDS } from './commands-licenses';
import { MERGE_COMMANDS } from './commands-merges';
import { OFFERING_COMMANDS } from './commands-offering';
import { ORDER_COMMANDS } from './commands-orders';
import { PREDICTION_COMMANDS } from './commands-prediction';
import { REPORT_COMMANDS } from './commands-reports';
import { SEGMENTATION_COMMANDS } from './commands-segmentation';
import { SETTINGS_COMMANDS } from './commands-settings';
import { TEAM_COMMANDS } from './commands-team';
import { TODAY_COMMANDS } from './commands-today';
import { TRANSFER_COMMANDS } from './commands-transfer';
import { say, type Said, type Words } from './words';

/** Every CLI command, by domain. A domain adds its commands file here with one spread. */
export const ALL_COMMANDS: Command[] = [...COMMANDS, ...CUSTOMER_SHOW_COMMANDS, ...ORDER_COMMANDS, ...SEGMENTATION_COMMANDS, ...TRANSFER_COMMANDS, ...MERGE_COMMANDS, ...TODAY_COMMANDS, ...SETTINGS_COMMANDS, ...PREDICTION_COMMANDS, ...REPORT_COMMANDS, ...TEAM_COMMANDS, ...OFFERING_COMMANDS, ...LICENSE_COMMANDS];

export function findCommand(args: string[]): { command: Command; rest: string[] } | undefined {
  for (const command of ALL_COMMANDS) {
    if (command.words.every((w, i) => args[i] === w)) return { command, rest: args.slice(command.words.length) };
  }
  return undefined;
}

/**
 * Why the words typed name no command: only the words count (a flag after them is not part of the name), and a
 * group's first word (customers, import …) lists the words that may follow it.
 */
export function unknownCommand(args: string[]): Said {
  const firstFlag = args.findIndex((a) => a.startsWith('-'));
  const words = (firstFlag === -1 ? args : args.slice(0, firstFlag)).slice(0, 3);
  const typed = words.join(' ');
  const following = [...new Set(ALL_COMMANDS.filter((c) => c.words.length > 1 && c.words[0] === words[0]).map((c) => c.words.slice(1).join(' ')))];
  if (following.length === 0) return say('cli:usage.unknownCommand', { typed });
  const choices = `${words[0]} ${following.join(', ')}`;
  return say(words.length === 1 ? 'cli:usage.needsSecondWord' : 'cli:usage.unknownCommandAmong', { typed, choices });
}

/**
 * A word left over after a command that takes none (only import and export take a FILE): a mistyped second word
 * (`segment confg get` would otherwise run `segment` and store the day's tiers), or a database named without --db.
 */
export function strayWords(args: string[], command: Command, positionals: string[]): Said | undefined {
  if (command.takesFile || positionals.length === 0) return undefined;
  const next = args[command.words.length];
  if (next !== undefined && !next.startsWith('-')) return unknownCommand(args);
  return say('cli:usage.strayWord', { command: command.words.join(' '), word: positionals[0]! });
}

/** What a command does, in the user's words (cli:help.commands, under its words as typed). */
export const summaryOf = (words: readonly string[], w: Words): string => w(`cli:help.commands.${words.join(' ')}`);

/** `tierbook --help`: how a command is called, every command with what it does, the language and the exit codes. */
export function usage(w: Words): string {
  return [
    w('cli:help.usage'),
    '',
    ...ALL_COMMANDS.map((c) => `  ${pad(c.words.join(' '), 18)} ${summaryOf(c.words, w)}`),
    `  ${pad('serve', 18)} ${summaryOf(['serve'], w)}`,
    '',
    w('cli:help.more'),
    '',
    w('cli:help.language'),
    '',
    w('cli:help.exitCodes'),
  ].join('\n');
}

/** One command's help: how it is called, what it does, and every flag it takes (with --db, which every command but an offline one needs). */
export function commandUsage(command: Command, w: Words): string {
  const flags = Object.entries(command.flags).map(([name, spec]) => `--${name}${spec.type === 'boolean' ? '' : ' VALUE'}${spec.multiple ? w('cli:help.repeatable') : ''}`);
  // --json is every command's (parseFlags adds it): the output as JSON for a script. A command that never opens a
  // database (licenses, team dev-server) is shown without --db.
  const db = command.offline?.({}) ? [] : ['--db FILE'];
  // --lang (the language it speaks in) is every command's too; an export lists its own, which also names the file's language.
  const lang = Object.hasOwn(command.flags, 'lang') ? [] : ['--lang zh-CN|en'];
  const all = [...db, ...flags, ...lang, ...(flags.includes('--json') ? [] : ['--json'])];
  const line = [...command.words, ...(command.takesFile ? ['FILE'] : []), ...db].join(' ');
  return [w('cli:help.commandUsage', { line }), '', summaryOf(command.words, w), '', w('cli:help.flags', { flags: all.join(', ') })].join('\n');
}

export function serveUsage(w: Words): string {
  return [w('cli:help.serveUsage'), '', summaryOf(['serve'], w)].join('\n');
}
