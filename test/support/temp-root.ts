import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest's global setup: every temporary folder a test makes (its databases, backups, built packages,
 * browser profiles) goes under one folder for the run, removed when the run ends, so that repeated
 * `npm test` runs do not fill the system's temporary folder. Workers and the processes tests start
 * inherit TMPDIR, which `os.tmpdir()` reads on every call.
 */
export const RUN_FOLDER_PREFIX = 'tierbook-tests-';

export function setup(): () => void {
  const runFolder = mkdtempSync(join(tmpdir(), RUN_FOLDER_PREFIX));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = runFolder;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(runFolder, { recursive: true, force: true });
  };
}
