import { afterAll, beforeAll } from 'vitest';
import { joinAll, laptopsDir, openLaptop, settle, steppingClock, type Laptop } from './laptops';
import { startTeamServer, type TeamServerProcess } from './team-server';

export interface TeamOfThree {
  a: Laptop;
  b: Laptop;
  c: Laptop;
  clock: ReturnType<typeof steppingClock>;
  server: TeamServerProcess;
}

/**
 * Three laptops (ana, bo, chen) on one stepping clock, joined to a team server of the test file's own: started
 * and settled before its tests, closed and removed after them. Called at the top of a test file; the laptops
 * and the server are in the returned object from the first test on.
 */
export function teamOfThree(): TeamOfThree {
  const team = { clock: steppingClock() } as TeamOfThree;
  let folder: ReturnType<typeof laptopsDir> | undefined;
  beforeAll(async () => {
    folder = laptopsDir();
    team.server = await startTeamServer(`${folder.dir}/server`);
    [team.a, team.b, team.c] = ['ana', 'bo', 'chen'].map((name) => openLaptop(name, folder!.dir, team.clock)) as [Laptop, Laptop, Laptop];
    await joinAll([team.a, team.b, team.c], team.server.url);
    await settle([team.a, team.b, team.c]);
  }, 60_000);
  afterAll(async () => {
    for (const laptop of [team.a, team.b, team.c]) laptop?.close();
    await team.server?.stop();
    folder?.remove();
  });
  return team;
}
