import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamServer, TEAM_ADMIN, type TeamServerProcess } from '../support/team-server';
import { tempDir } from '../support/test-app';
import { cli } from '../support/cli';
import { resources } from '../../renderer/i18n/resources';

// The words a restore in a team says on the command line, as the resources hold them in each language.
const en = { restoreInTeam: resources.cli.en.file.restoreInTeam, leftTeam: resources.cli.en.out.backup.leftTeam };
const zh = { restoreInTeam: resources.cli['zh-CN'].file.restoreInTeam, leftTeam: resources.cli['zh-CN'].out.backup.leftTeam };

let dir: string;
let server: TeamServerProcess;
beforeAll(async () => {
  dir = tempDir();
  server = await startTeamServer(join(dir, 'server'));
}, 30_000);
afterAll(async () => {
  await server?.stop();
});

describe('team commands of the CLI', () => {
  it('joins, syncs a customer from one laptop file to another, reports status, and leaves keeping the data', () => {
    const a = join(dir, 'a.sqlite');
    const b = join(dir, 'b.sqlite');
    const credentials = ['--server', server.url, '--database', 'shop', '--user', TEAM_ADMIN.user, '--password', TEAM_ADMIN.password];
    expect(cli('team', 'create', '--db', a, ...credentials, '--name', '小王', '--json').code).toBe(0);
    expect(cli('customers', 'add', '--db', a, '--name', '张三', '--phone', '13800138000', '--json').code).toBe(0);
    const pushed = cli('team', 'sync', '--db', a, '--json');
    expect(pushed.code).toBe(0);
    const first = JSON.parse(pushed.stdout) as { pushed: number; pulled: number; conflicts: number };
    // The customer, its phone and the shared settings (and default policies when present) went up; nothing new came down.
    expect(first.pushed).toBeGreaterThanOrEqual(3);
    expect(first.conflicts).toBe(0);

    expect(cli('team', 'join', '--db', b, ...credentials, '--name', '小李', '--json').code).toBe(0);
    const pulled = JSON.parse(cli('team', 'sync', '--db', b, '--json').stdout) as { pushed: number; pulled: number; conflicts: number };
    expect(pulled.pulled).toBeGreaterThanOrEqual(3);
    const raw = new Database(b, { readonly: true });
    expect(raw.prepare(`SELECT c.name, c.created_by AS createdBy, k.value FROM customers c JOIN contact_channels k ON k.customer_id = c.id`).all()).toEqual([{ name: '张三', createdBy: '小王', value: '+8613800138000' }]);
    raw.close();

    const status = JSON.parse(cli('team', 'status', '--db', b, '--json').stdout) as Record<string, unknown>;
    expect(status).toMatchObject({ joined: true, serverUrl: server.url, database: 'shop', user: 'admin', identity: '小李', pendingChanges: 0, lastErrorKey: null, paused: false });
    expect(typeof status.lastSyncAt).toBe('string');

    const left = JSON.parse(cli('team', 'leave', '--db', b, '--json').stdout) as Record<string, unknown>;
    expect(left).toMatchObject({ joined: false, serverUrl: null, identity: '小李' });
    expect(JSON.parse(cli('customers', 'list', '--db', b, '--json').stdout)).toMatchObject({ total: 1 });
  }, 120_000);

  it('says in words why joining fails: wrong password, no such team database, no server', () => {
    const c = join(dir, 'c.sqlite');
    const wrong = cli('team', 'join', '--db', c, '--server', server.url, '--database', 'shop', '--user', 'admin', '--password', 'nope', '--name', '小赵');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('the team server refused the user name or password');
    // Each refusal leaves no new file behind (nor the name it was given): the next attempt names the person again.
    expect(existsSync(c)).toBe(false);
    const missing = cli('team', 'join', '--db', c, '--server', server.url, '--database', 'no-such-team', '--user', 'admin', '--password', 'secret', '--name', '小赵');
    expect(missing.stderr).toContain('the team database does not exist on the server');
    const away = cli('team', 'join', '--db', c, '--server', 'http://127.0.0.1:1', '--user', 'admin', '--password', 'secret', '--name', '小赵');
    // One line: no library's deprecation warning beside it (node-fetch's url.parse(), DEP0169).
    expect(away.stderr).toBe('error: --server cannot be reached: check the address and that the team server is running; this laptop has not joined and works as before\n');
    for (const refused of [wrong, missing]) expect(refused.stderr.split('\n')).toHaveLength(2);
    const url = cli('team', 'join', '--db', c, '--server', 'ftp://x', '--user', 'admin', '--password', 'secret', '--name', '小赵');
    expect(url.stderr).toContain('must be a server address starting with http:// or https://');
    expect(existsSync(c)).toBe(false);
  }, 120_000);

  it('keeps the person named with a join only when the join succeeds, in a book that already has data', () => {
    const d = join(dir, 'd.sqlite');
    expect(cli('customers', 'add', '--db', d, '--name', '李四', '--json').code).toBe(0);
    const identity = () => (JSON.parse(cli('team', 'status', '--db', d, '--json').stdout) as { identity: string | null }).identity;
    const refused = cli('team', 'join', '--db', d, '--server', server.url, '--database', 'shop', '--user', 'admin', '--password', 'nope', '--name', '小赵');
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining('the team server refused the user name or password')]);
    expect(identity()).toBeNull();
    // Without a person at all, the join says that one is needed.
    const nameless = cli('team', 'join', '--db', d, '--server', server.url, '--database', 'shop', '--user', TEAM_ADMIN.user, '--password', TEAM_ADMIN.password);
    expect(nameless.code).toBe(2);
    expect(identity()).toBeNull();
    const joined = cli('team', 'join', '--db', d, '--server', server.url, '--database', 'shop', '--user', TEAM_ADMIN.user, '--password', TEAM_ADMIN.password, '--name', '小赵', '--json');
    expect([joined.code, joined.stderr]).toEqual([0, '']);
    expect(JSON.parse(joined.stdout)).toMatchObject({ joined: true, identity: '小赵' });
    // The same team again with another name and a wrong password: refused, and the person stays.
    cli('team', 'join', '--db', d, '--server', server.url, '--database', 'shop', '--user', 'admin', '--password', 'nope', '--name', '小钱');
    expect(identity()).toBe('小赵');
    expect(cli('team', 'leave', '--db', d, '--json').code).toBe(0);
  }, 120_000);

  it('restores on a laptop in a team only with --confirm-team, after saying why, in either language', () => {
    const e = join(dir, 'e.sqlite');
    const backup = join(dir, 'e-backup.sqlite');
    const credentials = ['--server', server.url, '--database', 'restores', '--user', TEAM_ADMIN.user, '--password', TEAM_ADMIN.password];
    expect(cli('team', 'create', '--db', e, ...credentials, '--name', '小孙', '--json').code).toBe(0);
    expect(cli('customers', 'add', '--db', e, '--name', '备份前', '--json').code).toBe(0);
    expect(cli('backup', '--db', e, '--to', backup, '--json').code).toBe(0);
    expect(cli('customers', 'add', '--db', e, '--name', '备份后', '--json').code).toBe(0);
    const names = () => (JSON.parse(cli('customers', 'list', '--db', e, '--json').stdout) as { rows: { name: string }[] }).rows.map((r) => r.name).sort();

    const english = cli('restore', '--db', e, '--from', backup, '--lang', 'en');
    expect(english).toEqual({ code: 2, stdout: '', stderr: `error: ${en.restoreInTeam}\n` });
    const chinese = cli('restore', '--db', e, '--from', backup, '--lang', 'zh-CN');
    expect(chinese).toEqual({ code: 2, stdout: '', stderr: `错误：${zh.restoreInTeam}\n` });
    // Nothing was restored, and no safety backup was made.
    expect(names()).toEqual(['备份前', '备份后']);
    const safetyBackups = () => {
      const folder = join(dir, 'backups');
      return existsSync(folder) ? readdirSync(folder).filter((name) => name.startsWith('tierbook-before-restore-')) : [];
    };
    expect(safetyBackups()).toEqual([]);

    const confirmed = cli('restore', '--db', e, '--from', backup, '--confirm-team', '--json');
    expect([confirmed.code, confirmed.stderr]).toEqual([0, '']);
    expect(JSON.parse(confirmed.stdout)).toMatchObject({ leftTeam: false });
    expect(names()).toEqual(['备份前']);
    expect(safetyBackups()).toHaveLength(1);
    expect(JSON.parse(cli('team', 'status', '--db', e, '--json').stdout)).toMatchObject({ joined: true, database: 'restores' });
  }, 120_000);

  it('says after restoring a backup from before the join that the laptop left the team, and how to join again', () => {
    const f = join(dir, 'f.sqlite');
    const backup = join(dir, 'f-before-join.sqlite');
    const credentials = ['--server', server.url, '--database', 'restores', '--user', TEAM_ADMIN.user, '--password', TEAM_ADMIN.password];
    expect(cli('customers', 'add', '--db', f, '--name', '独自的客户', '--json').code).toBe(0);
    expect(cli('backup', '--db', f, '--to', backup, '--json').code).toBe(0);
    for (const [lang, words] of [['en', en], ['zh-CN', zh]] as const) {
      expect(cli('team', 'join', '--db', f, ...credentials, '--name', '小周', '--json').code).toBe(0);
      expect(cli('team', 'sync', '--db', f, '--json').code).toBe(0);
      expect(existsSync(`${f}.team`)).toBe(true);
      const restored = cli('restore', '--db', f, '--from', backup, '--confirm-team', '--lang', lang);
      expect([restored.code, restored.stderr]).toEqual([0, '']);
      expect(restored.stdout.split('\n').slice(1)).toEqual([words.leftTeam, '']);
      expect(cli('team', 'status', '--db', f, '--lang', 'en')).toMatchObject({ code: 0, stdout: 'not in a team\n' });
      expect(existsSync(`${f}.team`)).toBe(false);
    }
    // Out of the team, a restore asks nothing more.
    expect(cli('restore', '--db', f, '--from', backup, '--json').code).toBe(0);
  }, 120_000);
});
