import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openApp, type OpenedApp } from '../../core/app';
import { openDatabase } from '../../db/open';
import { fixedClock, type Clock } from '../../core/context';
import type { FileAccessChoice } from '../../core/files';
import { call } from '../../core/dispatch';
import type { WorkerLauncher } from '../../core/importing';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const MIGRATIONS = join(ROOT, 'db', 'migrations');

export interface TestApp extends OpenedApp {
  dir: string;
  dbPath: string;
  call<C extends Channel>(name: C, input: InputOf<C>): Promise<OutputOf<C>>;
  cleanup(): void;
}

/**
 * A file the real migrations built, once per run and set of migrations (in the run's temporary folder, which
 * every worker shares), that each test app starts from as a copy: running the 38 migrations took about 55 ms
 * per test app, the copy and the check that none is pending about 5. Built under a name of its own and moved
 * into place, so workers building it at once never read a half-built one.
 */
let templatePath: string | undefined;

function migratedTemplate(): string {
  if (templatePath && existsSync(templatePath)) return templatePath;
  const hash = createHash('sha256').update(readFileSync(join(MIGRATIONS, 'meta', '_journal.json')));
  for (const file of readdirSync(MIGRATIONS).filter((name) => name.endsWith('.sql')).sort()) hash.update(file).update(readFileSync(join(MIGRATIONS, file)));
  const stamp = hash.digest('hex').slice(0, 16);
  const template = join(tmpdir(), `tierbook-migrated-${stamp}.sqlite`);
  if (!existsSync(template)) {
    const building = `${template}.${process.pid}-${Math.random().toString(36).slice(2)}`;
    openDatabase(building, MIGRATIONS).$client.close();
    renameSync(building, template);
  }
  return (templatePath = template);
}

/**
 * A real database file built by the real migrations (a copy of the one they built: migratedTemplate), behind
 * the real dispatch, with a fixed "today".
 * Tests call like the CLI (real paths) unless they ask for the bridge's or Electron's file access, and
 * imports run in this process unless `importWorker` is given (as the app, the CLI and the bridge do).
 */
export function openTestApp(today = '2026-11-23', options: { files?: FileAccessChoice; importWorker?: WorkerLauncher; clock?: Clock } = {}): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'tierbook-test-'));
  const dbPath = join(dir, 'tierbook.sqlite');
  copyFileSync(migratedTemplate(), dbPath);
  const app = openApp({ dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: options.files ?? { mode: 'paths' }, clock: options.clock ?? fixedClock(today), checkOutput: true, importWorker: options.importWorker });
  return {
    ...app,
    dir,
    dbPath,
    call: (name, input) => call(app.dispatch, name, input),
    cleanup() {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A clock at noon of a day that a test moves on, as the calendar does under a running app. */
export function movableClock(day: string): Clock & { moveTo(next: string): void } {
  let clock = fixedClock(day);
  return { now: () => clock.now(), today: () => clock.today(), moveTo: (next) => void (clock = fixedClock(next)) };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tierbook-test-'));
}
