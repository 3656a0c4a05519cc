/**
 * Main-process memory with the data set loaded and tiered, measured in a child process (bench/rss-child.ts)
 * so that what the bench itself holds (DuckDB, earlier measurements) does not count. The child is bundled
 * with esbuild the way the CLI is (scripts/cli-build.mjs), so no TypeScript loader sits in its memory.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { buildSync } from 'esbuild';

const OUTFILE = resolve('dist/bench/rss-child.cjs');

export function measureMainProcessRss(dbPath: string, asOf: string) {
  buildSync({
    entryPoints: [resolve('bench/rss-child.ts')],
    outfile: OUTFILE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    minify: true,
    keepNames: true,
    logLevel: 'warning',
    logOverride: { 'empty-import-meta': 'silent' },
    alias: { punycode: 'punycode/' },
    external: ['better-sqlite3', 'leveldown'],
  });
  const child = spawnSync(process.execPath, [OUTFILE, dbPath, asOf], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bench/rss-child.ts exited ${child.status}: ${child.stderr}`);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as { customers: number; membersTotal: number; startRssMiB: number; rssMiB: number; heapUsedMiB: number; peakRssMiB: number };
}
