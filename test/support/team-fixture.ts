import type { Clock } from '../../core/context';
import { joinAll, laptopsDir, openLaptop, settle, type Laptop } from './laptops';
import { startRefusingProxy, type RefusingProxy } from './refusing-proxy';
import { startTeamServer, TEAM_ADMIN, type TeamServerProcess } from './team-server';

/** A document as the proxy sees it on its way to the server. */
export type HeldDoc = Parameters<Parameters<typeof startRefusingProxy>[1]>[0];

export interface TeamFixture {
  /** The laptops, in the order named, joined and settled. */
  laptops: Laptop[];
  server: TeamServerProcess;
  close(): Promise<void>;
}

/**
 * A team server in a folder of its own and a laptop per name, joined to it and settled: the setup of every test of
 * several laptops. `heldBack`: the laptop (by name) that reaches the server through a proxy refusing the documents
 * `refuse` picks (asked on each push, so a test can change its answer), to hold back a push until another has made its own.
 */
export async function startTeam(names: readonly string[], clock: Clock, heldBack?: { name: string; refuse: (doc: HeldDoc) => boolean }): Promise<TeamFixture> {
  const folder = laptopsDir();
  const server = await startTeamServer(`${folder.dir}/server`);
  let proxy: RefusingProxy | undefined;
  const laptops = names.map((name) => openLaptop(name, folder.dir, clock));
  const close = async () => {
    for (const l of laptops) l.close();
    await proxy?.stop();
    await server.stop();
    folder.remove();
  };
  try {
    await joinAll(laptops.filter((l) => l.name !== heldBack?.name), server.url);
    if (heldBack) {
      const { refuse } = heldBack;
      proxy = await startRefusingProxy(server.url, (doc) => (refuse(doc) ? { error: 'forbidden', reason: 'held back by the test' } : null));
      const behind = laptops.find((l) => l.name === heldBack.name)!;
      await behind.call('team:identity-set', { userName: behind.name });
      await behind.call('team:join', { serverUrl: proxy.url, database: 'team', user: TEAM_ADMIN.user, password: TEAM_ADMIN.password });
    }
    await settle(laptops);
  } catch (error) {
    await close();
    throw error;
  }
  return { laptops, server, close };
}
