/**
 * A bench measurement in a process of its own, bundled as the app's main process and the CLI are (one
 * CommonJS file, no TypeScript loader in its memory): what it measures then sees one app's heap, as the
 * app's main process would, not the bench's own data and its other apps beside it. The child prints its
 * result as the last line of its output, one JSON value.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { buildSync } from 'esbuild';

export function runBundledChild<T>(entry: string, args: string[]): T {
  const outfile = resolve('dist', 'bench', entry.replace(/^.*\//, '').replace(/\.ts$/, '.cjs'));
  buildSync({
    entryPoints: [resolve(entry)],
    outfile,
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
  const child = spawnSync(process.execPath, [outfile, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`${entry} exited ${child.status}: ${child.stderr}`);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}
