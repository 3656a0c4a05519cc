// Whether the CLI's bundles are older than their sources, and how to rebuild them safely; split out of
// scripts/cli.mjs so a test can run it on a small project of its own instead of the repository's dist/.
import { nodeBundle } from './cli-build.mjs';
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

/** True when a bundle (or another file built with them, `alongside`) is missing or any source is newer than the oldest. */
export function bundlesStale(root, bundles, sources, alongside = []) {
  const outputs = [...bundles.map((b) => b.outfile), ...alongside];
  const oldest = Math.min(...outputs.map((file) => join(root, file)).map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
  return Math.max(...sources.map((s) => newestMtime(join(root, s)))) > oldest;
}

/**
 * Builds each bundle in memory and renames it into place, so another run starting at the same moment
 * reads either the old bundle or the new one, never half a file. `alongside`, given the files the bundles carry
 * (and the root), makes one more file written the same way: the third-party notices of what they carry.
 */
export async function rebuildBundles(root, bundles, alongside) {
  const inputs = [];
  const files = [];
  for (const options of bundles) {
    const built = await nodeBundle({ ...options, absWorkingDir: root });
    inputs.push(...built.inputs);
    files.push(...built.files);
  }
  // Worked out before anything is written: a package without its license stops the build with the old bundles in place.
  if (alongside) files.push(alongside(inputs, root));
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
  for (const options of bundles) chmodSync(join(root, options.outfile), 0o755);
}
