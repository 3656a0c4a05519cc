/**
 * The bench's children are bundled as the shipped bundles are (bench/child-build.mjs with scripts/cli-build.mjs
 * shippedBundleDefaults): the city table trimmed to the countries of several times, as the app's main process and
 * the CLI carry it. Bundled with esbuild's plain settings, a child loaded the package's whole table (7,329 cities)
 * the first time a customer's zone was looked up: 67-70 ms in one turn that the app never spends.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const packageRows = require('city-timezones/data/cityMap.json') as { city: string; iso2: string }[];

describe('a bench child bundle', () => {
  it('carries the city table trimmed as the shipped bundles do', () => {
    // Pokhara's country (Nepal) keeps one time: the trimmed table leaves it out; Chicago's keeps several.
    expect(packageRows.some((r) => r.city === 'Pokhara')).toBe(true);
    expect(packageRows.some((r) => r.city === 'Chicago')).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'tierbook-child-build-'));
    try {
      const outfile = join(dir, 'zones.cjs');
      const built = spawnSync(process.execPath, [resolve('bench/child-build.mjs'), resolve('core/customer-time-zones.ts'), outfile], { encoding: 'utf8' });
      expect(built.stderr).toBe('');
      expect(built.status).toBe(0);
      const bundle = readFileSync(outfile, 'utf8');
      expect(bundle).toContain('Chicago');
      expect(bundle).not.toContain('Pokhara');
      // Written as ASCII only, as the shipped bundles are (scripts/ascii-bundle.mjs).
      expect(/[^\x00-\x7f]/.test(bundle)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
