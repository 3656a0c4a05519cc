import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/errors';
import { laptopsDir, openLaptop, steppingClock, type Laptop } from '../support/laptops';
import { startNotCouchDbServer, type Impersonation, type NotCouchDbServer } from '../support/not-couchdb-server';
import { startTeamServer, TEAM_ADMIN, type TeamServerProcess } from '../support/team-server';

/**
 * A team address that answers HTTP but is not CouchDB (a shop's web page, another service's API): the user is
 * told it is not a team server, on joining and in the sync status, not that the server cannot be reached.
 */
let folder: ReturnType<typeof laptopsDir>;
let server: TeamServerProcess;
const clock = steppingClock();
const opened: Laptop[] = [];
const others: NotCouchDbServer[] = [];

beforeAll(async () => {
  folder = laptopsDir();
  server = await startTeamServer(`${folder.dir}/server`);
}, 60_000);
afterAll(async () => {
  for (const l of opened) l.close();
  for (const o of others) await o.stop();
  await server?.stop();
  folder?.remove();
});

async function laptop(name: string): Promise<Laptop> {
  const l = openLaptop(name, folder.dir, clock);
  opened.push(l);
  await l.call('team:identity-set', { userName: name });
  return l;
}

async function other(mode: Impersonation): Promise<NotCouchDbServer> {
  const started = await startNotCouchDbServer(mode, server.url);
  others.push(started);
  return started;
}

const credentials = (serverUrl: string) => ({ serverUrl, database: 'shop', user: TEAM_ADMIN.user, password: TEAM_ADMIN.password });

describe('joining at an address that is not a team server', () => {
  for (const mode of ['web-page', 'json-api', 'json-api-not-found'] as const) {
    it(`says so for a ${mode}, at the address, and joins nothing`, async () => {
      const l = await laptop(`join-${mode}`);
      const site = await other(mode);
      for (const call of ['team:join', 'team:create'] as const) {
        const refused = await l.call(call, credentials(site.url)).catch((e: unknown) => e);
        expect(refused, call).toBeInstanceOf(AppError);
        expect((refused as AppError).issues, call).toEqual([{ path: ['serverUrl'], key: 'team_not_couchdb_join' }]);
        expect((refused as AppError).message, call).toContain('not a team server (CouchDB)');
      }
      expect(await l.call('team:status', {})).toMatchObject({ joined: false, lastErrorKey: null });
    });
  }

  it('says a reverse proxy whose CouchDB does not answer cannot be reached, as before', async () => {
    const l = await laptop('join-gateway');
    const gateway = await other('gateway-down');
    const refused = await l.call('team:join', credentials(gateway.url)).catch((e: unknown) => e);
    expect((refused as AppError).issues).toEqual([{ path: ['serverUrl'], key: 'team_unreachable_join' }]);
  });

  it('still tells a missing database and a wrong password apart on a real team server', async () => {
    const l = await laptop('join-couch');
    const missing = await l.call('team:join', credentials(server.url)).catch((e: unknown) => e);
    expect((missing as AppError).issues).toEqual([{ path: ['database'], key: 'team_database_missing' }]);
    const wrong = await l.call('team:create', { ...credentials(server.url), password: 'wrong' }).catch((e: unknown) => e);
    expect((wrong as AppError).issues).toEqual([{ path: ['password'], key: 'team_unauthorized' }]);
  });
});

describe('a joined team whose address now answers as something else', () => {
  it('names it in the sync status, and syncs again once the address leads to the team server', async () => {
    const front = await other('couch');
    const l = await laptop('status');
    await l.call('team:create', credentials(front.url));
    await l.call('customers:create', { name: '王芳', contacts: [], tags: [] });
    await l.call('team:sync-now', {});

    for (const mode of ['web-page', 'json-api', 'json-api-not-found'] as const) {
      front.mode = mode;
      await l.call('customers:create', { name: `客户 ${mode}`, contacts: [], tags: [] });
      const failed = await l.call('team:sync-now', {}).catch((e: unknown) => e);
      expect(failed, mode).toBeInstanceOf(AppError);
      expect((failed as AppError).issues, mode).toEqual([{ path: [], key: 'team_not_couchdb' }]);
      expect(await l.call('team:status', {}), mode).toMatchObject({ joined: true, lastErrorKey: 'team_not_couchdb' });
    }

    // A proxy whose CouchDB is down is an outage to work through offline, as before.
    front.mode = 'gateway-down';
    await expect(l.call('team:sync-now', {})).rejects.toMatchObject({ issues: [{ path: [], key: 'team_unreachable' }] });

    front.mode = 'couch';
    await l.call('team:sync-now', {});
    expect(await l.call('team:status', {})).toMatchObject({ lastErrorKey: null, pendingChanges: 0 });
  }, 60_000);
});
