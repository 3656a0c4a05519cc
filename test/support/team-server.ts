import { DEV_SERVER_ADMIN, freePort, startDevServer, type DevServer } from '../../core/sync/dev-server';

export { freePort };
export const TEAM_ADMIN = DEV_SERVER_ADMIN;
export type TeamServerProcess = DevServer;

/** The team server for a test: pouchdb-server on 127.0.0.1 in `dir`; `port` reuses a port after a restart. */
export function startTeamServer(dir: string, port?: number): Promise<TeamServerProcess> {
  return startDevServer({ dir, port });
}
