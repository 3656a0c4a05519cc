import type { OutputOf } from '../../shared/contract';
import { startDevServer } from '../sync/dev-server';
import { optionalInt, optionalString, requireFlag } from './args';
import type { Command } from './commands';
import type { Words } from './words';
import { localMinute } from './local-instant';

type Flags = Parameters<Command['run']>[0];

/** The last sync error as the team screen says it (errors:issue, the server's error when the key has no words), in either language. */
const lastError = (key: string, w: Words) => w(`errors:issue.${key}`, { defaultValue: w('errors:issue.team_server_error') });

function describeStatus(o: OutputOf<'team:status'>, w: Words): string {
  if (!o.joined) return w('cli:out.team.notJoined', { identity: o.identity ? w('cli:out.team.identity', { name: o.identity }) : '' });
  return [
    w('cli:out.team.server', { url: String(o.serverUrl), database: String(o.database), user: String(o.user) }),
    w('cli:out.team.laptop', { name: o.identity ?? w('cli:out.team.noName') }),
    w('cli:out.team.lastSync', { at: o.lastSyncAt === null ? w('cli:out.team.never') : localMinute(o.lastSyncAt), paused: o.paused ? w('cli:out.team.paused') : '' }),
    w('cli:out.team.pending', { pending: o.pendingChanges }),
    ...(o.lastErrorKey ? [w('cli:out.team.lastError', { error: lastError(o.lastErrorKey, w), at: o.lastErrorAt === null ? '' : localMinute(o.lastErrorAt) })] : []),
    ...(o.refusedCount > 0 ? [w('cli:out.team.refused', { count: o.refusedCount, reason: o.refusedReason ?? '' })] : []),
  ].join('\n');
}

const status = (o: OutputOf<'team:status'>, _money: unknown, w: Words) => describeStatus(o, w);

/** The join's fields that flags of other names fill. */
const CREDENTIAL_FIELDS = { serverUrl: '--server', userName: '--name' };

const credentials = {
  server: { type: 'string' as const },
  database: { type: 'string' as const },
  user: { type: 'string' as const },
  password: { type: 'string' as const },
  name: { type: 'string' as const },
};

/** Joins or creates the team, with this laptop's person when --name is given (kept only if the join succeeds). */
function joinOrCreate(channel: 'team:join' | 'team:create', v: Flags, call: Parameters<Command['run']>[1]) {
  const server = { serverUrl: requireFlag(v, 'server'), database: optionalString(v, 'database'), user: requireFlag(v, 'user'), password: requireFlag(v, 'password') };
  return call(channel, { ...server, userName: optionalString(v, 'name') });
}

export const TEAM_COMMANDS: Command[] = [
  {
    words: ['team', 'dev-server'],
    flags: { port: { type: 'string' }, dir: { type: 'string' } },
    offline: () => true,
    run: async (v) => {
      const server = await startDevServer({ dir: requireFlag(v, 'dir'), port: optionalInt(v, 'port') });
      process.stdout.write(`team server on ${server.url} (user admin, password secret); Ctrl-C stops it\n`);
      const stop = () => void server.stop().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return new Promise<never>(() => {});
    },
    human: () => '',
  },
  {
    words: ['team', 'create'],
    startsDatabase: true,
    flags: credentials,
    fields: CREDENTIAL_FIELDS,
    run: (v, call) => joinOrCreate('team:create', v, call),
    human: status,
  },
  {
    words: ['team', 'join'],
    startsDatabase: true,
    flags: credentials,
    fields: CREDENTIAL_FIELDS,
    run: (v, call) => joinOrCreate('team:join', v, call),
    human: status,
  },
  {
    words: ['team', 'sync'],
    flags: {},
    run: (_v, call) => call('team:sync-now', {}),
    human: (o: OutputOf<'team:sync-now'>, _money, w) => w('cli:out.team.synced', { pushed: o.pushed, pulled: o.pulled, conflicts: o.conflicts }),
  },
  {
    words: ['team', 'status'],
    flags: {},
    run: (_v, call) => call('team:status', {}),
    human: status,
  },
  {
    words: ['team', 'leave'],
    flags: {},
    run: (_v, call) => call('team:leave', {}),
    human: status,
  },
];
