import { existsSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { CHANNELS } from './shared/contract';

/**
 * The Electron launcher runs only where Electron's binary was downloaded (`npm install` with access to
 * GitHub). Elsewhere `npm test` says so plainly; `npm run test:e2e:electron` runs it on demand and fails loudly without it.
 */
function electronInstalled(): boolean {
  const pathFile = 'node_modules/electron/path.txt';
  return existsSync(pathFile) && existsSync(`node_modules/electron/dist/${readFileSync(pathFile, 'utf8').trim()}`);
}
const withElectron = electronInstalled();
if (!withElectron) console.log('Electron binary not installed: the Electron launcher of the end-to-end tests did not run (the Chromium launcher did).');

/** The tests of the Electron shell, which mock the electron module (vi.mock). */
const ELECTRON_MOCKED = ['test/unit/electron-bridges.test.ts', 'test/integration/electron-main.test.ts', 'test/integration/electron-reminders.test.ts', 'test/integration/import-utility-process.test.ts'];

// Polls wait up to 10 s: a busy 2-core machine can take seconds to paint a screen that a user would see at once.
const e2e = { testTimeout: 180_000, hookTimeout: 120_000, fileParallelism: false, expect: { poll: { timeout: 10_000 } } };

export default defineConfig({
  // What scripts/build.mjs bakes into the preload bundle.
  define: { __CONTRACT_CHANNELS__: JSON.stringify(CHANNELS) },
  test: {
    globalSetup: ['test/support/temp-root.ts', 'test/support/cli-bundle.ts'],
    projects: [
      // A worker keeps the modules it loaded from one test file to the next (isolate: false): loading the app's
      // modules again for each file was most of the unit tests' time and a fifth of the whole run's. Files that
      // mock a module (Electron's) keep a module graph of their own, so no mock reaches another file.
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], exclude: ELECTRON_MOCKED, isolate: false } },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], exclude: ELECTRON_MOCKED, testTimeout: 60_000, isolate: false } },
      { test: { name: 'electron-shell', include: ELECTRON_MOCKED, testTimeout: 60_000 } },
      { test: { name: 'e2e', include: ['test/e2e/chromium.test.ts', 'test/e2e/app-origin.test.ts', 'test/e2e/local-day.test.ts', 'test/e2e/day-rollover.test.ts'], ...e2e } },
      { test: { name: 'packaging', include: ['test/packaging/**/*.test.ts'], testTimeout: 300_000 } },
      ...(withElectron ? [{ test: { name: 'e2e-electron', include: ['test/e2e/electron.test.ts'], ...e2e } }] : []),
    ],
  },
});
