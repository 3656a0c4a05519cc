import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** The flags every command understands plus its own; unknown flags are an error, not silently ignored. */
export function parseFlags(argv: string[], spec: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, json: { type: 'boolean' }, ...spec },
    allowPositionals: true,
    strict: true,
  });
  return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
}

export function requireFlag(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}

export function optionalString(values: Record<string, unknown>, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function optionalInt(values: Record<string, unknown>, name: string): number | undefined {
  const value = optionalString(values, name);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  return Number(value);
}

export class UsageError extends Error {}

/** A refusal that still has a result to show: `--json` prints `output` on stdout, and the exit code is 1. */
export class CommandFailed extends Error {
  constructor(
    message: string,
    readonly output: unknown,
  ) {
    super(message);
  }
}

/**
 * The text of a file a flag names (--file, --mapping, --summary), or `refuse` with why it cannot be read in words:
 * Node's own "ENOENT: no such file or directory, open 'x'" says it in its terms, not the flag's.
 */
export function readFlagFile(flag: string, path: string, refuse: (message: string) => Error): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw refuse(`--${flag} names no file: ${path}`);
    if (code === 'EISDIR') throw refuse(`--${flag} names a folder, not a file: ${path}`);
    if (code === 'EACCES' || code === 'EPERM') throw refuse(`--${flag} names a file this user may not read: ${path}`);
    throw refuse(`--${flag} ${path} cannot be read (${(error as Error).message})`);
  }
}
