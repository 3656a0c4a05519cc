// `npm run cli -- …`: runs the built CLI bundle (dist/cli/tierbook.cjs), rebuilding it — and the import
// worker it forks, nothing else — only when a source file is newer than the bundles. Compiling the
// TypeScript on every call (tsx) cost seconds per command; a fresh bundle starts in a fraction of that.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { cliBundles, cliNotices, cliNoticesOutfile, cliOutfile, cliSources } from './cli-build.mjs';
import { bundlesStale, rebuildBundles } from './cli-freshness.mjs';

const root = resolve(import.meta.dirname, '..');
if (bundlesStale(root, cliBundles, cliSources, [cliNoticesOutfile])) {
  process.stderr.write('tierbook: sources changed since the last build; rebuilding the CLI bundle…\n');
  await rebuildBundles(root, cliBundles, cliNotices);
}
// The bundle reads its arguments from process.argv.slice(2): the same words as after `node scripts/cli.mjs`.
createRequire(import.meta.url)(join(root, cliOutfile));
