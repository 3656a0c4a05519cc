// The Electron main process's esbuild settings, shared by scripts/build.mjs and the test that checks what the bundle
// loads at start (test/integration/bundle-start.test.ts), so what the test reads is what ships.
import { shippedBundleDefaults } from './cli-build.mjs';

/** better-sqlite3 and leveldown ship native binaries, loaded at run time; electron is the host's own module. */
export const mainBundle = { ...shippedBundleDefaults, entryPoints: ['electron/main.ts'], outfile: 'dist/main/main.cjs', external: ['electron', 'better-sqlite3', 'leveldown'] };
