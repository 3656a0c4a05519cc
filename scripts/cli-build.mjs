// The command line's two bundles — the CLI itself and the import worker it forks — with the settings
// scripts/build.mjs uses, so `npm run cli` (scripts/cli.mjs) runs exactly what a full build ships.
import { importWorkerBuild, importWorkerOutfile } from './import-worker-build.mjs';

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
};

export const cliOutfile = 'dist/cli/tierbook.cjs';

/** esbuild options for each bundle the CLI needs. */
export const cliBundles = [
  { ...bundleDefaults, entryPoints: ['core/cli/main.ts'], outfile: cliOutfile, external: ['better-sqlite3'], banner: { js: '#!/usr/bin/env node' } },
  // Imports run in a process of their own (core/importing/worker): a crash there leaves the CLI able to report it.
  { ...bundleDefaults, ...importWorkerBuild, outfile: importWorkerOutfile },
];

/** What the bundles are built from: a change to any of these makes them stale. */
export const cliSources = ['core', 'shared', 'db/schema', 'db/repos', 'db/open.ts', 'renderer/i18n/resources', 'package.json', 'scripts/cli-build.mjs', 'scripts/import-worker-build.mjs'];
