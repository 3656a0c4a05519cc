import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './test-app';

/**
 * The command line as a user runs it: the built bundle (`npm run cli` runs the same file), which the
 * test run's global setup (test/support/cli-bundle.ts) rebuilds first when a source is newer. Starting
 * it takes a fraction of a second where compiling the TypeScript on every call took about two.
 */
export const CLI_BUNDLE = join(ROOT, 'dist', 'cli', 'tierbook.cjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment a command runs in: this one, in an English locale unless `locale` says otherwise. A refusal is
 * printed in the system's language when neither --lang nor the workspace names one (core/cli/language.ts), so a
 * test that reads English must not read Chinese on a machine set to zh_CN.
 */
export function cliEnv(locale: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8' };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  return { ...env, ...locale };
}

/** Runs one command to its end, in `cwd` (the project root unless given) and `locale` (English unless given); its output as text. */
export function runCli(args: readonly string[], cwd = ROOT, locale: Record<string, string> = {}): CliRun {
  const run = spawnSync(process.execPath, [CLI_BUNDLE, ...args], { cwd, env: cliEnv(locale), encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `runCli` with the words as arguments, the way the tests read best. */
export const cli = (...args: string[]): CliRun => runCli(args);

/** A command that keeps running (serve), for the test to talk to and stop. */
export function spawnCli(args: readonly string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [CLI_BUNDLE, ...args], { cwd: ROOT, env: cliEnv() });
}
