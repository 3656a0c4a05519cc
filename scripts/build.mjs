// Builds everything the app, the CLI and the browser tests run: the renderer with Vite, and the Electron
// main process, preload and CLI with esbuild. better-sqlite3 stays external: it ships its own native binary;
// so does pouchdb (team sync), whose LevelDB store loads leveldown's N-API prebuild at run time (docs/team.md).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleDefaults, cliBundles, cliOutfile, nodeBundleFiles } from './cli-build.mjs';

/** The contract's channel names, read from the contract itself, for the preload's allow-list. */
async function contractChannels() {
  const dir = mkdtempSync(join(tmpdir(), 'tierbook-build-'));
  try {
    const outfile = join(dir, 'contract.mjs');
    await esbuild({ entryPoints: ['shared/contract/index.ts'], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'warning' });
    return (await import(pathToFileURL(outfile).href)).CHANNELS;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const common = bundleDefaults;

/** A Node bundle built and written ASCII-only. */
async function buildNodeBundle(options) {
  for (const { path, contents } of await nodeBundleFiles(options)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, contents);
  }
}

await Promise.all([
  buildNodeBundle({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/main/main.cjs', external: ['electron', 'better-sqlite3', 'leveldown'] }),
  // The preload runs sandboxed and stays tiny: the channel names are baked in, not the contract's schemas.
  buildNodeBundle({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/main/preload.cjs',
    external: ['electron'],
    sourcemap: false,
    define: { __CONTRACT_CHANNELS__: JSON.stringify(await contractChannels()) },
  }),
  // The CLI and the import worker (a process of its own: a crash there leaves the app running).
  ...cliBundles.map(buildNodeBundle),
]);
chmodSync(cliOutfile, 0o755);

// Vite keeps a NODE_ENV it finds set: run from a test (vitest sets it to 'test') the page came out a
// development build, with React's and antd's development warnings in the console. The app ships production.
process.env.NODE_ENV = 'production';
await viteBuild({ configFile: 'renderer/vite.config.ts', mode: 'production', logLevel: 'warn' });
console.log('built dist/main, dist/cli and dist/renderer');
