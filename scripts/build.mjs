// Builds everything the app, the CLI and the browser tests run: the renderer with Vite, and the Electron
// main process, preload and CLI with esbuild. better-sqlite3 stays external: it ships its own native binary.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { chmodSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'silent' },
};

await Promise.all([
  esbuild({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/main/main.cjs', external: ['electron', 'better-sqlite3'] }),
  // The preload runs sandboxed: only `electron` may be required, everything else is bundled in.
  esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/main/preload.cjs', external: ['electron'], sourcemap: false }),
  esbuild({ ...common, entryPoints: ['core/cli/main.ts'], outfile: 'dist/cli/tierbook.cjs', external: ['better-sqlite3'], banner: { js: '#!/usr/bin/env node' } }),
]);
chmodSync('dist/cli/tierbook.cjs', 0o755);

await viteBuild({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });
console.log('built dist/main, dist/cli and dist/renderer');
