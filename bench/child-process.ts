/**
 * A bench measurement in a process of its own, bundled as the app's main process and the CLI are (one
 * CommonJS file, no TypeScript loader in its memory): what it measures then sees one app's heap, as the
 * app's main process would, not the bench's own data and its other apps beside it. The child prints its
 * result as the last line of its output, one JSON value.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildSync } from 'esbuild';
// @ts-expect-error -- a plain .mjs module of the build script, without type declarations
import { bundleDefaults } from '../scripts/cli-build.mjs';
// @ts-expect-error -- a plain .mjs module of the build script, without type declarations
import { asciiOnlyOutputs } from '../scripts/ascii-bundle.mjs';

export function runBundledChild<T>(entry: string, args: string[]): T {
  const outfile = resolve('dist', 'bench', entry.replace(/^.*\//, '').replace(/\.ts$/, '.cjs'));
  // The CLI's bundle settings, so the child runs code bundled as the app ships it.
  const built = buildSync({ ...bundleDefaults, sourcemap: false, entryPoints: [resolve(entry)], outfile, external: ['better-sqlite3', 'leveldown'], write: false });
  mkdirSync(dirname(outfile), { recursive: true });
  for (const file of asciiOnlyOutputs(built.outputFiles) as { path: string; contents: string }[]) writeFileSync(file.path, file.contents);
  const child = spawnSync(process.execPath, [outfile, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`${entry} exited ${child.status}: ${child.stderr}`);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}

