// The command line's two bundles — the CLI itself and the import worker it forks — with the settings
// scripts/build.mjs uses, so `npm run cli` (scripts/cli.mjs) runs exactly what a full build ships.
import { build } from 'esbuild';
import { cityZonesTrim } from './city-zones-trim.mjs';
import { asciiOnlyOutputs } from './ascii-bundle.mjs';
import { importWorkerBuild, importWorkerLaunchBuild, importWorkerMainOutfile, importWorkerOutfile } from './import-worker-build.mjs';
import { esbuildInputs, noticesFile } from './notices.mjs';

export const bundleDefaults = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: 'linked',
  minify: true,
  keepNames: true,
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'silent' },
  // PouchDB's cookie jar (tough-cookie) asks for 'punycode', meaning the npm package; left alone, Node hands
  // it the deprecated built-in and every command prints a DeprecationWarning. The trailing slash names the package.
  alias: { punycode: 'punycode/' },
};

/** What the shipped bundles add (a plugin: esbuild's synchronous API, which tests use, takes none): customers' time zones carry only the city rows a lookup can need (scripts/city-zones-trim.mjs). */
export const shippedBundleDefaults = { ...bundleDefaults, plugins: [cityZonesTrim] };

/** The bin: a few lines that turn on Node's compile cache and load the CLI proper (core/cli/launch.ts). */
export const cliOutfile = 'dist/cli/tierbook.cjs';
/** The CLI proper, which the bin loads from beside itself. */
export const cliMainOutfile = 'dist/cli/tierbook-main.cjs';

/**
 * better-sqlite3 13 crashes (a segmentation fault, no message) when loaded by Node older than 22. The bundle
 * checks first, before anything is required, and says what to do instead.
 */
export const NODE_GUARD = [
  '#!/usr/bin/env node',
  "if (Number(process.versions.node.split('.')[0]) < 22) { console.error('error: TierBook needs Node 22 or newer, and this is ' + process.version + '. Run it with npm run cli -- …, which uses the project\\'s own Node.'); process.exit(1); }",
].join('\n');

/** esbuild options for each bundle the CLI needs. */
export const cliBundles = [
  { ...bundleDefaults, entryPoints: ['core/cli/launch.ts'], outfile: cliOutfile, sourcemap: false, banner: { js: NODE_GUARD } },
  { ...shippedBundleDefaults, entryPoints: ['core/cli/main.ts'], outfile: cliMainOutfile, external: ['better-sqlite3', 'leveldown'] },
  // Imports run in a process of their own (core/importing/worker): a crash there leaves the CLI able to report it.
  // Started by a launcher that turns on the compile cache first (core/importing/worker/launch.ts).
  { ...bundleDefaults, ...importWorkerLaunchBuild, outfile: importWorkerOutfile, sourcemap: false },
  { ...shippedBundleDefaults, ...importWorkerBuild, outfile: importWorkerMainOutfile },
];

/**
 * What the bundles are built from: a change to any of these makes them stale. The whole of db/, so that a new
 * file there needs no entry (db/migrations, read from disk at run time, only costs a rebuild when it changes).
 */
export const cliSources = [
  'core', 'shared', 'db', 'renderer/i18n/resources',
  // The screens' own wording the command line borrows (classes, Today's reasons, amounts and country names, local times,
  // offers' reasons, a tier's cut).
  'renderer/features/tiers/labels.ts', 'renderer/features/today/reason-label.ts', 'renderer/components/format.ts',
  'renderer/components/local-time-view.ts', 'renderer/features/offering/reason-text.ts', 'renderer/features/tiers/cut-text.ts',
  'package.json', 'package-lock.json', 'scripts/cli-build.mjs', 'scripts/city-zones-trim.mjs', 'scripts/ascii-bundle.mjs', 'scripts/import-worker-build.mjs',
  // The notices list the installed versions of what the bundles carry (package-lock.json moves with them).
  'scripts/notices.mjs', 'scripts/license-texts',
];

/** The third-party notices of the command line, beside its bin: `tierbook licenses` prints them. */
export const cliNoticesOutfile = 'dist/cli/THIRD-PARTY-NOTICES.txt';

/** The CLI's notices file from the files its bundles carry (the CLI proper and the import worker it forks). */
export const cliNotices = (inputs, root) =>
  noticesFile(inputs, root, cliNoticesOutfile, 'the TierBook command line (dist/cli) and the import worker it starts (dist/main/import-worker.cjs and import-worker-main.cjs)');

/**
 * One Node bundle built in memory: its files given back ASCII-only (scripts/ascii-bundle.mjs says why) to be
 * written, and the files it carries code of (for the third-party notices, scripts/notices.mjs).
 */
export async function nodeBundle(options) {
  const result = await build({ ...options, write: false, metafile: true });
  return { files: asciiOnlyOutputs(result.outputFiles), inputs: esbuildInputs(result.metafile) };
}

export async function nodeBundleFiles(options) {
  return (await nodeBundle(options)).files;
}
