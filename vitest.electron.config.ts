import { defineConfig } from 'vitest/config';

// `npm run test:e2e:electron`: the end-to-end journeys against the real Electron app, on demand.
export default defineConfig({
  test: { globalSetup: ['test/support/temp-root.ts'], name: 'e2e-electron', include: ['test/e2e/electron.test.ts'], testTimeout: 180_000, hookTimeout: 120_000, fileParallelism: false, expect: { poll: { timeout: 10_000 } } },
});
