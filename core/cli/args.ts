import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { say, type Said } from './words';

type FlagSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

/**
 * The flags every command takes (and `serve`): the database, JSON output for a script, and the language the command
 * speaks in (main.ts; an export's --lang also names its file's). Only these may come before the command words.
 */
export const GLOBAL_FLAGS: FlagSpec = { db: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' } };

/**
 * The flags every command understands plus its own; unknown flags are an error, not silently ignored. `command`
 * (its words) names where to look up its flags when one is not among them.
 */
export function parseFlags(argv: string[], spec: FlagSpec, command?: string) {
  const options: FlagSpec = { ...GLOBAL_FLAGS, ...spec };
  const { values, positionals } = parseArgs({ args: checkedFlags(argv, options, command), options, allowPositionals: true, strict: true });
  return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
}

/** A value that starts with "-" and is a number (-1, -0.5, -.5): no flag looks like one. */
const NEGATIVE_NUMBER = /^-\.?\d/;

/**
 * The words as node:util parseArgs is to read them, refusing first, in the command line's words and naming the
 * flag, what it would refuse in its own (over three lines, with advice about positional arguments no command
 * takes). A negative number after a flag is that flag's value: parseArgs reads `--limit -1` as a flag with no
 * value before another flag, so the count never reached the check that says what a count may be.
 */
function checkedFlags(argv: readonly string[], options: FlagSpec, command: string | undefined): string[] {
  const help = command === undefined ? 'tierbook --help' : `tierbook ${command} --help`;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    // After "--" every word is a positional argument, as parseArgs reads it.
    if (word === '--') return [...words, ...argv.slice(i)];
    if (!word.startsWith('-') || word === '-') {
      words.push(word);
      continue;
    }
    if (!word.startsWith('--')) throw new UsageError(say('cli:usage.dashlessFlag', { word, help }));
    const equals = word.indexOf('=');
    const name = word.slice(2, equals === -1 ? undefined : equals);
    const flag = Object.hasOwn(options, name) ? options[name] : undefined;
    if (!flag) throw new UsageError(say('cli:usage.unknownFlag', { name, help }));
    if (flag.type === 'boolean') {
      if (equals !== -1) throw new UsageError(say('cli:usage.takesNoValue', { name, value: word.slice(equals + 1) }));
      words.push(word);
      continue;
    }
    if (equals !== -1) {
      words.push(word);
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined) throw new UsageError(say('cli:usage.needsValue', { name }));
    if (value.length > 1 && value.startsWith('-') && !NEGATIVE_NUMBER.test(value)) {
      const next = value.startsWith('--') ? value.slice(2).split('=')[0]! : '';
      if (Object.hasOwn(options, next)) throw new UsageError(say('cli:usage.needsValueBefore', { name, next }));
      throw new UsageError(say('cli:usage.valueReadsAsFlag', { name, value }));
    }
    words.push(`--${name}=${value}`);
    i++;
  }
  return words;
}

export function requireFlag(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(say('cli:usage.required', { name }));
  return value;
}

export function optionalString(values: Record<string, unknown>, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function optionalInt(values: Record<string, unknown>, name: string): number | undefined {
  const value = optionalString(values, name);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(say('cli:usage.wholeNumber', { name, value }));
  // Past 2^53 a number is no longer itself (9007199254740993 reads as …992): refused rather than changed.
  if (!Number.isSafeInteger(Number(value))) throw new UsageError(say('cli:usage.tooLarge', { name, value }));
  return Number(value);
}

/** The command line cannot be carried out as typed (exit 2): `said` in the user's language, its message in English. */
export class UsageError extends Error {
  constructor(readonly said: Said) {
    super(said('en'));
  }
}

/** A refusal that still has a result to show: `--json` prints `output` on stdout, and the exit code is 1. */
export class CommandFailed extends Error {
  constructor(
    readonly said: Said,
    readonly output: unknown,
  ) {
    super(said('en'));
  }
}

/** The largest file a flag may name for reading whole (a mapping, the tier settings): far above any real one. */
const FLAG_FILE_MAX_BYTES = 16 * 1048576;

/**
 * The text of a file a flag names (--file, --mapping, --summary), or `refuse` with why it cannot be read in words:
 * Node's own "ENOENT: no such file or directory, open 'x'" says it in its terms, not the flag's.
 */

export function readFlagFile(flag: string, path: string, refuse: (said: Said) => Error): string {
  // Read whole: /dev/zero or a pipe would be read until memory ran out, and a JSON of settings is never this large.
  const found = statSync(path, { throwIfNoEntry: false });
  if (found && !found.isFile() && !found.isDirectory()) throw refuse(say('cli:file.device', { flag, path }));
  if (found?.isFile() && found.size > FLAG_FILE_MAX_BYTES) {
    throw refuse(say('cli:file.tooLarge', { flag, path, size: Math.ceil(found.size / 1048576), limit: FLAG_FILE_MAX_BYTES / 1048576 }));
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw refuse(say('cli:file.missing', { flag, path }));
    if (code === 'EISDIR') throw refuse(say('cli:file.folder', { flag, path }));
    if (code === 'EACCES' || code === 'EPERM') throw refuse(say('cli:file.forbidden', { flag, path }));
    throw refuse(say('cli:file.unreadable', { flag, path, reason: (error as Error).message }));
  }
}
