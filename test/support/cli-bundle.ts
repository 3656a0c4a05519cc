import { resolve } from 'node:path';
// @ts-expect-error -- a plain .mjs module of the build scripts, without type declarations
import { cliBundles, cliNotices, cliNoticesOutfile, cliSources } from '../../scripts/cli-build.mjs';
// @ts-expect-error -- a plain .mjs module of the build scripts, without type declarations
import { bundlesStale, rebuildBundles } from '../../scripts/cli-freshness.mjs';

/**
 * Vitest's global setup: the CLI's bundles (test/support/cli.ts runs them) are rebuilt before any test when
 * a source is newer than they are, as `npm run cli` does, so a test never runs yesterday's CLI.
 */
export async function setup(): Promise<void> {
  const root = resolve(import.meta.dirname, '..', '..');
  if (bundlesStale(root, cliBundles, cliSources, [cliNoticesOutfile])) await rebuildBundles(root, cliBundles, cliNotices);
}
