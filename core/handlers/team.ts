import type { HandlerContext } from '../context';
import { AppError } from '../../shared/contract/errors';
import { listConflicts } from '../sync/conflicts';
import { forgetTeam, joinTeam, teamStatus } from '../sync/membership';
import { teamSync } from '../sync/service';
import { readSyncState, updateSyncState } from '../sync/state';
import type { HandlerMap } from './types';

/** Team mode (docs/team.md): the calls only steer the background sync or read its state. */
export function teamHandlers(ctx: HandlerContext): HandlerMap<'team'> {
  const client = ctx.db.$client;
  const sync = () => teamSync(ctx.db, ctx.dbPath, () => ctx.clock.now());
  const status = () => teamStatus(client, sync());
  const identity = () => {
    const s = readSyncState(client);
    return { userName: s.userName, nodeId: s.nodeId };
  };
  return {
    'team:status': () => status(),
    'team:create': async (input) => {
      await joinTeam(client, { serverUrl: input.serverUrl, database: input.database, user: input.user, password: input.password }, true, input.userName);
      sync().kick();
      return status();
    },
    'team:join': async (input) => {
      await joinTeam(client, { serverUrl: input.serverUrl, database: input.database, user: input.user, password: input.password }, false, input.userName);
      sync().kick();
      return status();
    },
    'team:leave': async () => {
      if (!readSyncState(client).serverUrl) throw new AppError('conflict', 'This laptop is not in a team', [{ path: [], key: 'team_not_joined' }]);
      await sync().leave();
      forgetTeam(client);
      return status();
    },
    'team:sync-now': () => sync().syncNow(),
    'team:pause': () => {
      updateSyncState(client, { paused: true });
      return status();
    },
    'team:resume': () => {
      updateSyncState(client, { paused: false });
      sync().kick();
      return status();
    },
    'team:conflicts': (input) => ({ conflicts: listConflicts(client, input.limit, input.customerId) }),
    'team:identity-get': () => identity(),
    'team:identity-set': (input) => {
      updateSyncState(client, { userName: input.userName });
      return identity();
    },
  };
}
