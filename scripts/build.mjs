// Builds everything the app, the CLI and the browser tests run: the renderer with Vite, and the Electron
// main process, preload and CLI with esbuild. better-sqlite3 stays external: it ships its own native binary;
// so does pouchdb (team sync), whose LevelDB store loads leveldown's N-API prebuild at run time (docs/team.md).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { shippedBundleDefaults, cliBundles, cliNotices, cliOutfile, nodeBundle } from './cli-build.mjs';
import { importWorkerMainOutfile } from './import-worker-build.mjs';
import { mainBundle } from './main-build.mjs';
import { noticesFile, rollupInputs } from './notices.mjs';

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

const common = shippedBundleDefaults;

const root = resolve('.');

/** A file built in memory, written where it goes. */
function writeBuilt({ path, contents }) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
}

/** A Node bundle built and written ASCII-only; gives back the files it carries code of. */
async function buildNodeBundle(options) {
  const { files, inputs } = await nodeBundle(options);
  files.forEach(writeBuilt);
  return inputs;
}

/** The third-party notices shipped with the app (electron-builder.yml puts them beside it). */
const APP_NOTICES = 'dist/THIRD-PARTY-NOTICES.txt';

/**
 * The packages npm installs for production (the native drivers and what they load), which the app ships in its
 * node_modules unbundled: listed in its notices too, by their package.json files.
 */
function productionPackageFiles() {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
  return Object.entries(lock.packages)
    .filter(([path, meta]) => path !== '' && !meta.dev && !meta.devOptional)
    .map(([path]) => join(path, 'package.json'));
}

const [mainInputs, preloadInputs, ...cliInputs] = await Promise.all([
  buildNodeBundle(mainBundle),
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
writeBuilt(cliNotices(cliInputs.flat(), root));

// Vite keeps a NODE_ENV it finds set: run from a test (vitest sets it to 'test') the page came out a
// development build, with React's and antd's development warnings in the console. The app ships production.
process.env.NODE_ENV = 'production';
const renderer = await viteBuild({ configFile: 'renderer/vite.config.ts', mode: 'production', logLevel: 'warn' });
const workerInputs = cliInputs[cliBundles.findIndex((b) => b.outfile === importWorkerMainOutfile)];
writeBuilt(
  noticesFile(
    [...mainInputs, ...preloadInputs, ...workerInputs, ...rollupInputs(renderer), ...productionPackageFiles()],
    root,
    APP_NOTICES,
    'the TierBook desktop app (its main process, its pages, its import worker and the native drivers in its node_modules)',
  ),
);
console.log('built dist/main, dist/cli and dist/renderer, and the third-party notices');
