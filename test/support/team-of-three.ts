import { afterAll, beforeAll } from 'vitest';
import { joinAll, laptopsDir, openLaptop, settle, steppingClock, type Laptop } from './laptops';
import { startTeamServer, type TeamServerProcess } from './team-server';

export interface TeamOfLaptops {
  /** One laptop per name given, in that order. */
  laptops: Laptop[];
  clock: ReturnType<typeof steppingClock>;
  server: TeamServerProcess;
  /** The folder the laptops' files and the server's are in. */
  dir: string;
}

/**
 * Laptops of the names given on one stepping clock, joined to a team server of the test file's own: started and
 * settled before its tests, closed and removed after them. Called at the top of a test file; the laptops, the
 * server and the folder are in the returned object from the first test (and the file's later beforeAll) on.
 */
export function teamOf(names: readonly string[]): TeamOfLaptops {
  const team = { clock: steppingClock(), laptops: [] as Laptop[] } as TeamOfLaptops;
  let folder: ReturnType<typeof laptopsDir> | undefined;
  beforeAll(async () => {
    folder = laptopsDir();
    team.dir = folder.dir;
    team.server = await startTeamServer(`${folder.dir}/server`);
    team.laptops = names.map((name) => openLaptop(name, folder!.dir, team.clock));
    await joinAll(team.laptops, team.server.url);
    await settle(team.laptops);
  }, 60_000);
  afterAll(async () => {
    for (const laptop of team.laptops) laptop?.close();
    await team.server?.stop();
    folder?.remove();
  });
  return team;
}

export interface TeamOfThree {
  a: Laptop;
  b: Laptop;
  c: Laptop;
  clock: ReturnType<typeof steppingClock>;
  server: TeamServerProcess;
}

/** Three laptops (ana, bo, chen) as teamOf makes them, by name. */
export function teamOfThree(): TeamOfThree {
  const team = teamOf(['ana', 'bo', 'chen']);
  return {
    get a() { return team.laptops[0]!; },
    get b() { return team.laptops[1]!; },
    get c() { return team.laptops[2]!; },
    clock: team.clock,
    get server() { return team.server; },
  };
}
