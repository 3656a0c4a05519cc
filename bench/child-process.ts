/**
 * A bench measurement in a process of its own, bundled as the app's main process and the CLI are (one
 * CommonJS file, no TypeScript loader in its memory): what it measures then sees one app's heap, as the
 * app's main process would, not the bench's own data and its other apps beside it. The child prints its
 * result as the last line of its output, one JSON value.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export function runBundledChild<T>(entry: string, args: string[]): T {
  const outfile = resolve('dist', 'bench', entry.replace(/^.*\//, '').replace(/\.ts$/, '.cjs'));
  // Bundled as the app ships its code (the shipped bundles' plugins too: the city table trimmed).
  const bundled = spawnSync(process.execPath, [resolve('bench', 'child-build.mjs'), resolve(entry), outfile], { encoding: 'utf8' });
  if (bundled.status !== 0) throw new Error(`${entry} could not be bundled: ${bundled.stderr}`);
  const child = spawnSync(process.execPath, [outfile, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`${entry} exited ${child.status}: ${child.stderr}`);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}

