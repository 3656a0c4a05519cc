import { build, type BuildOptions, type Metafile } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { cliBundles, cliMainOutfile } from '../../scripts/cli-build.mjs';
// @ts-expect-error: a plain .mjs build script without type declarations
import { importWorkerMainOutfile } from '../../scripts/import-worker-build.mjs';
// @ts-expect-error: a plain .mjs build script without type declarations
import { mainBundle } from '../../scripts/main-build.mjs';
import { runCli } from '../support/cli';
import { ROOT, tempDir } from '../support/test-app';

/**
 * The libraries only some commands need, and what each is for: loaded when that work starts (a dynamic import,
 * which esbuild turns into a deferred require), never as the CLI or the app's main process starts. Each is still
 * shipped in the bundle, so the third-party notices name it.
 */
const LOADED_ON_DEMAND = {
  // Reading a file to import (core/importing/file-reader.ts): character sets, legacy decoders, the .xlsx reader.
  jschardet: 'import',
  'iconv-lite': 'import',
  yauzl: 'import',
  saxes: 'import',
  // Writing .xlsx (core/exporting/spreadsheet-lib.ts), with its zip writers.
  exceljs: 'export',
  jszip: 'export',
  archiver: 'export',
  // Team sync (core/sync/pouch.ts) and the URL handling it brings.
  pouchdb: 'team sync',
  tr46: 'team sync',
  psl: 'team sync',
  // A customer's time zone from their city (core/customer-time-zones.ts).
  'city-timezones': 'time zones',
};

/** The package a bundled file belongs to: the innermost node_modules/<name> (or @scope/name) on its path. */
const packageOf = (file: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?:(?!node_modules\/).)*$/.exec(file)?.[1];

/**
 * Every file reached from the entry point through imports that run as the bundle starts: all but dynamic imports.
 * For each, the file that first brought it in, so a failure can show the chain.
 */
function reachedAtStart(metafile: Metafile, entry: string): Map<string, string | undefined> {
  const from = new Map<string, string | undefined>([[entry, undefined]]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const imported of metafile.inputs[file]?.imports ?? []) {
      if (imported.kind === 'dynamic-import' || imported.external || from.has(imported.path)) continue;
      from.set(imported.path, file);
      queue.push(imported.path);
    }
  }
  return from;
}

const chainTo = (from: Map<string, string | undefined>, file: string) => {
  const chain: string[] = [];
  for (let at: string | undefined = file; at !== undefined; at = from.get(at)) chain.unshift(at);
  return chain.join(' → ');
};

type Built = { entry: string; metafile: Metafile };
const built = new Map<string, Built>();

/**
 * What `bundle` loads as it starts that `onDemand` names (a package, or a file itself; undefined for anything else),
 * each with the shortest chain of imports that brings it in.
 */
function loadedAtStart(bundle: string, onDemand: (file: string) => string | undefined): Record<string, string> {
  const { entry, metafile } = built.get(bundle)!;
  const atStart = reachedAtStart(metafile, entry);
  const loaded: Record<string, string> = {};
  for (const file of atStart.keys()) {
    const name = onDemand(file);
    if (name !== undefined) loaded[name] ??= chainTo(atStart, file);
  }
  return loaded;
}

/** The packages `bundle` carries some code of. */
function shippedPackages(bundle: string): Set<string | undefined> {
  const output = Object.values(built.get(bundle)!.metafile.outputs).find((o) => o.entryPoint)!;
  return new Set(Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([file]) => packageOf(file)));
}

/** The bundle built in memory as scripts/build.mjs builds it (scripts/cli-build.mjs's nodeBundle), with esbuild's account of it. */
async function buildInMemory(options: BuildOptions): Promise<Built> {
  const { metafile } = await build({ ...options, absWorkingDir: ROOT, write: false, metafile: true, logLevel: 'silent' });
  const entry = Object.values(metafile.outputs).find((output) => output.entryPoint)!.entryPoint!;
  return { entry, metafile };
}

const BUNDLES: Record<string, BuildOptions> = {
  'the command line (core/cli/main.ts)': (cliBundles as BuildOptions[]).find((b) => b.outfile === cliMainOutfile)!,
  'the app’s main process (electron/main.ts)': mainBundle as BuildOptions,
};
const WORKER = 'the import worker (core/importing/worker/entry.ts)';
/** What an import needs and an undo or a backup check does not: the readers, and the contract's schemas (zod). */
const WORKER_ON_DEMAND = ['jschardet', 'iconv-lite', 'yauzl', 'saxes', 'papaparse'];
const CONTRACT_SCHEMAS = 'shared/contract/index.ts';

beforeAll(async () => {
  for (const [name, options] of Object.entries(BUNDLES)) built.set(name, await buildInMemory(options));
  built.set(WORKER, await buildInMemory((cliBundles as BuildOptions[]).find((b) => b.outfile === importWorkerMainOutfile)!));
}, 120_000);

/**
 * Every undo and backup check starts a worker, and the user waits for its start: the import's readers (most of the
 * bundle) and the whole contract's schemas took it from about 50 to 90 ms with its code cached. They are loaded by the
 * import that needs them (run-import's dynamic import in the worker's entry).
 */
describe(`${WORKER} at start`, () => {
  it('loads neither the import readers nor the contract’s schemas, and still carries the readers', () => {
    const loaded = loadedAtStart(WORKER, (file) => {
      const pkg = packageOf(file);
      return file === CONTRACT_SCHEMAS ? file : pkg !== undefined && WORKER_ON_DEMAND.includes(pkg) ? pkg : undefined;
    });
    expect(loaded).toEqual({});
    expect(WORKER_ON_DEMAND.filter((pkg) => !shippedPackages(WORKER).has(pkg))).toEqual([]);
  });
});

describe.each(Object.keys(BUNDLES))('%s at start', (name) => {
  it('loads no library that only importing, exporting, team sync or time zones need', () => {
    const loaded = loadedAtStart(name, (file) => {
      const pkg = packageOf(file);
      return pkg !== undefined && pkg in LOADED_ON_DEMAND ? pkg : undefined;
    });
    expect(loaded).toEqual({});
  });

  it('still carries each of them, loaded when its work starts', () => {
    expect(Object.keys(LOADED_ON_DEMAND).filter((pkg) => !shippedPackages(name).has(pkg))).toEqual([]);
  });
});

/**
 * A grapheme segmenter (what `customers list` and the other tables count a name's columns with) loads ICU's break
 * rules when it is made, about 10 ms: made when a table is first printed, not by every command as it starts. Counted
 * in the built command line by a preload that wraps Intl.Segmenter.
 */
describe('the command line’s grapheme segmenter', () => {
  it('is made only by a command that prints a table, not as the command line starts', () => {
    const dir = tempDir();
    const counts = join(dir, 'segmenters.txt');
    const preload = join(dir, 'count-segmenters.cjs');
    writeFileSync(
      preload,
      `let made = 0;
      const Segmenter = Intl.Segmenter;
      Intl.Segmenter = class extends Segmenter { constructor(...args) { super(...args); made += 1; } };
      process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(counts)}, String(made)));`,
    );
    const counted = (...args: string[]) => {
      // Written by the preload as the process ends: a run without it fails to read it, never reads 0.
      rmSync(counts, { force: true });
      const run = runCli(args, ROOT, { NODE_OPTIONS: `--require ${preload}` });
      expect([run.code, run.stderr]).toEqual([0, '']);
      return { stdout: run.stdout, made: Number(readFileSync(counts, 'utf8')) };
    };
    const db = join(dir, 'book.sqlite');
    expect(counted('--version').made).toBe(0);
    expect(counted('customers', 'add', '--db', db, '--name', 'สมชาย ใจดี', '--json').made).toBe(0);
    // The list is a table: its columns are counted with a segmenter made then (terminal-width.test.ts checks the counts).
    const list = counted('customers', 'list', '--db', db);
    expect(list.made).toBeGreaterThan(0);
    expect(list.stdout).toContain('สมชาย ใจดี');
  });
});
