import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../core/bridge/server';
import type { Result } from '../../shared/contract';
import { openTestApp, ROOT, tempDir, type TestApp } from '../support/test-app';
import { spawnCli } from '../support/cli';

/**
 * Every file channel over the real loopback bridge, as a page in a browser reaches it: a file outside
 * its folder (here, in another temp folder) is refused and left alone; a name inside the folder works.
 */
let app: TestApp;
let bridge: Bridge;
let elsewhere: string;
const folder = (name: 'imports' | 'exports' | 'backups') => join(app.dir, name);
const CUSTOMERS_CSV = 'Name,Phone\n李四,13800138001\n王五,13800138002\n坏行,not-a-phone\n';
const SECRET = 'MARKER-outside-the-folders';

beforeAll(async () => {
  app = openTestApp('2026-11-23', { files: { mode: 'confined' } });
  bridge = await startBridge({ dispatch: app.dispatch, fileMode: app.fileMode, staticDir: join(ROOT, 'renderer') });
  elsewhere = tempDir();
  writeFileSync(join(elsewhere, 'secret.csv'), `Name,Phone\n${SECRET},13800138009\n`);
  writeFileSync(join(elsewhere, 'keep.txt'), SECRET);
  mkdirSync(folder('imports'), { recursive: true });
  writeFileSync(join(folder('imports'), 'customers.csv'), CUSTOMERS_CSV);
});
afterAll(async () => {
  await bridge.close();
  app.cleanup();
});

function invoke(channel: string, input: unknown): Promise<{ raw: string; result: Result<Record<string, unknown>> }> {
  const url = new URL('/api/invoke', bridge.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: url.port, path: url.pathname, method: 'POST', headers: { host: url.host, 'x-tierbook-token': bridge.token, 'content-type': 'application/json' } },
      (res) => {
        let raw = '';
        res.on('data', (c) => (raw += c));
        res.on('end', () => resolve({ raw, result: JSON.parse(raw) as Result<Record<string, unknown>> }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ channel, input }));
  });
}

/** The call must fail with invalid_input and this issue key, and say nothing of the outside file's contents. */
async function refused(channel: string, input: unknown, key = 'path_outside_folder') {
  const { raw, result } = await invoke(channel, input);
  expect(result.ok, raw).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('invalid_input');
  expect(result.error.issues?.map((i) => i.key)).toContain(key);
  expect(raw).not.toContain(SECRET);
}

async function accepted(channel: string, input: unknown): Promise<Record<string, unknown>> {
  const { raw, result } = await invoke(channel, input);
  expect(result.ok, raw).toBe(true);
  return result.ok ? result.value : {};
}

const untouched = () => {
  expect(readFileSync(join(elsewhere, 'keep.txt'), 'utf8')).toBe(SECRET);
  expect(readdirSync(elsewhere).sort()).toEqual(['keep.txt', 'secret.csv']);
};

describe('file channels over the bridge stay inside the folders beside the database', () => {
  it('import:preview reads only from imports/: an outside file’s contents never come back', async () => {
    await refused('import:preview', { kind: 'customers', source: { path: join(elsewhere, 'secret.csv') } });
    await refused('import:preview', { kind: 'customers', source: { path: '../../' + elsewhere.split('/').slice(-1)[0] + '/secret.csv' } });
    await refused('import:preview', { kind: 'customers', source: { path: `../tierbook.sqlite` } });
    const preview = await accepted('import:preview', { kind: 'customers', source: { path: 'customers.csv' } });
    expect(preview).toMatchObject({ headers: ['Name', 'Phone'], added: 2, rejected: 1, dryRun: true });
    // The folder's full path is a path inside it too.
    expect(await accepted('import:preview', { kind: 'customers', source: { path: join(folder('imports'), 'customers.csv') } })).toMatchObject({ added: 2 });
  });

  it('a symlink planted in imports/ that leads out is refused', async () => {
    symlinkSync(join(elsewhere, 'secret.csv'), join(folder('imports'), 'innocent.csv'));
    await refused('import:preview', { kind: 'customers', source: { path: 'innocent.csv' } });
  });

  it('import:commit reads only from imports/ and writes its rejects only into exports/', async () => {
    await refused('import:commit', { kind: 'customers', source: { path: join(elsewhere, 'secret.csv') } });
    const outsideRejects = join(elsewhere, 'rejects.csv');
    await refused('import:commit', { kind: 'customers', source: { path: 'customers.csv' }, onError: 'skip', rejectsPath: outsideRejects });
    await refused('import:commit', { kind: 'customers', source: { path: 'customers.csv' }, onError: 'skip', rejectsPath: join(elsewhere, 'keep.txt') });
    expect((await accepted('customers:list', {})).total).toBe(0); // refused before anything was written
    untouched();

    const done = await accepted('import:commit', { kind: 'customers', source: { path: 'customers.csv' }, onError: 'skip', rejectsPath: 'customers-rejects.csv' });
    expect(done).toMatchObject({ added: 2, rejected: 1, rejectsPath: join(realpathSync(folder('exports')), 'customers-rejects.csv') });
    expect(readFileSync(join(folder('exports'), 'customers-rejects.csv'), 'utf8')).toContain('not-a-phone');
  });

  it.each(['export:customers', 'export:orders', 'export:followUps'])('%s writes only into exports/, and reports the real path', async (channel) => {
    await refused(channel, { path: join(elsewhere, 'keep.txt'), format: 'csv' });
    await refused(channel, { path: join(elsewhere, 'new.xlsx') });
    await refused(channel, { path: '../tierbook.sqlite', format: 'csv' });
    untouched();
    const name = `${channel.split(':')[1]}.csv`;
    const out = await accepted(channel, { path: name });
    expect(out).toMatchObject({ path: join(realpathSync(folder('exports')), name), format: 'csv' });
    expect(existsSync(join(folder('exports'), name))).toBe(true);
  });

  it('backup:create writes only into backups/: it cannot rename over an outside file or the database', async () => {
    await refused('backup:create', { path: join(elsewhere, 'keep.txt') });
    await refused('backup:create', { path: '../tierbook.sqlite' });
    await refused('backup:create', { path: app.dbPath });
    untouched();
    const made = await accepted('backup:create', { path: 'before-changes.sqlite' });
    expect(made).toMatchObject({ path: join(realpathSync(folder('backups')), 'before-changes.sqlite'), name: 'before-changes.sqlite' });
  });

  it('backup:restore reads only from backups/ (by path or by the name the list shows)', async () => {
    copyFileSync(join(folder('backups'), 'before-changes.sqlite'), join(elsewhere, 'copy.sqlite'));
    await refused('backup:restore', { path: join(elsewhere, 'copy.sqlite') });
    await refused('backup:restore', { name: '../../' + elsewhere.split('/').slice(-1)[0] + '/copy.sqlite' });
    await accepted('customers:create', { name: '赵六' });
    expect((await accepted('customers:list', {})).total).toBe(3);

    const restored = await accepted('backup:restore', { name: 'before-changes.sqlite' });
    expect(restored.restoredFrom).toBe(join(realpathSync(folder('backups')), 'before-changes.sqlite'));
    expect((await accepted('customers:list', {})).total).toBe(2);
    expect(await accepted('backup:restore', { path: 'before-changes.sqlite' })).toMatchObject({ restoredFrom: join(realpathSync(folder('backups')), 'before-changes.sqlite') });
  });

  it('handles mean nothing here: the bridge issues none', async () => {
    await refused('export:customers', { handle: 'A'.repeat(32) }, 'handle_unknown');
    await refused('import:preview', { kind: 'customers', source: { handle: 'A'.repeat(32) } }, 'handle_unknown');
  });

  it('a NUL byte in a path is refused by the contract', async () => {
    await refused('export:customers', { path: 'a.csv\0/../../x' }, 'path_not_allowed');
  });
});

describe('the bridge and file access', () => {
  it('will not serve an app that takes real paths', async () => {
    const cli = openTestApp('2026-11-23', { files: { mode: 'paths' } });
    try {
      await expect(startBridge({ dispatch: cli.dispatch, fileMode: cli.fileMode, staticDir: join(ROOT, 'renderer') })).rejects.toThrow(/confined file access/);
    } finally {
      cli.cleanup();
    }
  });
});

describe('tierbook serve', () => {
  it('opens its database with confined file access', async () => {
    const db = join(tempDir(), 'served.sqlite');
    const child = spawnCli(['serve', '--db', db]);
    try {
      const pageUrl = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out.trim());
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const url = new URL(pageUrl);
      const response = await fetch(new URL('/api/invoke', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tierbook-token': url.searchParams.get('token')! },
        body: JSON.stringify({ channel: 'export:customers', input: { path: join(elsewhere, 'served.csv') } }),
      });
      const result = (await response.json()) as Result<unknown>;
      expect(result.ok ? null : result.error.issues?.[0]?.key).toBe('path_outside_folder');
      expect(existsSync(join(elsewhere, 'served.csv'))).toBe(false);
    } finally {
      child.kill();
    }
  });
});
