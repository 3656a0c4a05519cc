// Whether the CLI's bundles are older than their sources, and how to rebuild them safely; split out of
// scripts/cli.mjs so a test can run it on a small project of its own instead of the repository's dist/.
import { nodeBundleFiles } from './cli-build.mjs';
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The newest modification time under `path` (a file, or a folder walked; 0 if absent). */
export function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted or renamed file changes its folder's time
  for (const entry of readdirSync(path, { withFileTypes: true })) newest = Math.max(newest, newestMtime(join(path, entry.name)));
  return newest;
}

/** True when a bundle is missing or any source is newer than the oldest bundle. */
export function bundlesStale(root, bundles, sources) {
  const oldest = Math.min(...bundles.map((b) => join(root, b.outfile)).map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
  return Math.max(...sources.map((s) => newestMtime(join(root, s)))) > oldest;
}

/**
 * Builds each bundle in memory and renames it into place, so another run starting at the same moment
 * reads either the old bundle or the new one, never half a file.
 */
export async function rebuildBundles(root, bundles) {
  for (const options of bundles) {
    for (const file of await nodeBundleFiles({ ...options, absWorkingDir: root })) {
      mkdirSync(dirname(file.path), { recursive: true });
      const temp = `${file.path}.${process.pid}.tmp`;
      writeFileSync(temp, file.contents);
      renameSync(temp, file.path);
    }
    chmodSync(join(root, options.outfile), 0o755);
  }
}
