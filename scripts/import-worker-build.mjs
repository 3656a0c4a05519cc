// The import worker's esbuild settings, shared by scripts/build.mjs and the test that runs the bundle,
// so what the test runs is what ships. better-sqlite3 stays external, as in the app's own bundle.
export const importWorkerBuild = {
  entryPoints: ['core/importing/worker/entry.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['better-sqlite3'],
};

/** Where the app and the CLI look for it (core/importing/worker/fork-launcher.ts, electron/import-process.ts): the few lines of core/importing/worker/launch.ts. */
export const importWorkerOutfile = 'dist/main/import-worker.cjs';

/** The worker proper, which the launcher loads from beside itself once Node's compile cache is on. */
export const importWorkerMainOutfile = 'dist/main/import-worker-main.cjs';

/** The launcher's settings: nothing bundled but itself. */
export const importWorkerLaunchBuild = {
  entryPoints: ['core/importing/worker/launch.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
};
