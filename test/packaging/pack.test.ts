import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/test-app';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// @electron/fuses V1 order: RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, EmbeddedAsarIntegrity,
// OnlyLoadAppFromAsar, BrowserProcessV8Snapshot, GrantFileProtocolExtraPrivileges.
const EXPECTED_FUSES = '01001110';

/**
 * Packs the app with electron-builder --dir as a release would, around a stand-in Electron (its real
 * binary cannot be downloaded here): a file carrying Electron's fuse wire, so the fuses are really flipped.
 */
function standInElectron(): string {
  const dir = join(tempDir(), 'electron-dist');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('11111111')]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), '45.4.1');
  writeFileSync(join(dir, 'LICENSE'), '');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '');
  mkdirSync(join(dir, 'resources'));
  return dir;
}

/**
 * The packages npm installs for production, read from the lock file at any depth: the two native drivers
 * (better-sqlite3, leveldown) and what they need at run time; electron-builder lifts nested ones to the
 * top. Everything else is bundled by esbuild.
 */
function productionPackages(): string[] {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; devOptional?: boolean }> };
  const names = Object.entries(lock.packages)
    .filter(([path, meta]) => path !== '' && !meta.dev && !meta.devOptional)
    .map(([path]) => /node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(path)![1]!);
  return [...new Set(names)].sort();
}

describe('the packaged app (electron-builder --dir)', () => {
  it('ships the bundles, the migrations and the native drivers with what they need, with hardened fuses', () => {
    if (!existsSync(join(ROOT, 'dist', 'main', 'main.cjs'))) throw new Error('Build first: npm run build (npm test does it).');
    const out = join(tempDir(), 'release');
    const bin = join(ROOT, 'node_modules', '.bin');
    execFileSync(join(bin, 'electron-builder'), ['--dir', '--linux', '--x64', `-c.electronDist=${standInElectron()}`, '-c.electronVersion=45.4.1', `-c.directories.output=${out}`], {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
      timeout: 240_000,
    });
    const app = join(out, 'linux-unpacked');
    const binary = readFileSync(join(app, 'tierbook'));
    const wire = binary.indexOf(SENTINEL) + SENTINEL.length;
    expect(binary.subarray(wire + 2, wire + 10).toString()).toBe(EXPECTED_FUSES);

    const files = execFileSync(join(bin, 'asar'), ['list', join(app, 'resources', 'app.asar')], { encoding: 'utf8' }).split('\n');
    for (const file of ['/package.json', '/dist/main/main.cjs', '/dist/main/preload.cjs', '/dist/main/import-worker.cjs', '/dist/main/import-worker-main.cjs', '/dist/renderer/index.html', '/db/migrations/meta/_journal.json', '/db/migrations/0000_init.sql']) {
      expect(files).toContain(file);
    }
    expect(files.filter((f) => /\.(ts|tsx|map)$/.test(f) || f.startsWith('/node_modules/better-sqlite3/src') || f.startsWith('/core/') || f.endsWith('_snapshot.json'))).toEqual([]);
    const shipped = files.filter((f) => f.startsWith('/node_modules/')).map((f) => f.split('/').slice(2, f.split('/')[2]!.startsWith('@') ? 4 : 3).join('/')).filter((v, i, a) => a.indexOf(v) === i);
    expect(shipped.sort()).toEqual(productionPackages());
    // The licenses of the third-party code it carries, bundled or in node_modules (scripts/notices.mjs), beside its files.
    const notices = readFileSync(join(app, 'resources', 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    expect(notices).toBe(readFileSync(join(ROOT, 'dist', 'THIRD-PARTY-NOTICES.txt'), 'utf8'));
    for (const name of ['react', 'antd', 'echarts', 'opencc-js', 'pouchdb', 'zod', ...productionPackages()]) {
      expect(notices, name).toMatch(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\S+\\nLicense: \\S`, 'm'));
    }
    expect(existsSync(join(app, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds', 'linux-x64.node'))).toBe(true);
    // Team sync's LevelDB store (docs/team.md): leveldown's N-API prebuild serves Electron without a rebuild.
    expect(existsSync(join(app, 'resources', 'app.asar.unpacked', 'node_modules', 'leveldown', 'prebuilds', 'linux-x64', 'node.napi.glibc.node'))).toBe(true);
    // The import worker carries the file readers a second time (about 4 MB), the price of a crash there not taking the app down;
    // the main bundle also carries PouchDB for team sync.
    expect(statSync(join(app, 'resources', 'app.asar')).size).toBeLessThan(14 * 1024 * 1024);
  });
});
