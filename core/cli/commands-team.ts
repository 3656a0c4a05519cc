import type { OutputOf } from '../../shared/contract';
import { startDevServer } from '../sync/dev-server';
import { optionalInt, optionalString, requireFlag } from './args';
import type { Command } from './commands';

type Flags = Parameters<Command['run']>[0];

function describeStatus(o: OutputOf<'team:status'>): string {
  if (!o.joined) return `not in a team${o.identity ? ` (this laptop's person: ${o.identity})` : ''}`;
  return [
    `server          ${o.serverUrl} · database ${o.database} · user ${o.user}`,
    `this laptop     ${o.identity ?? '(no name set)'}`,
    `last sync       ${o.lastSyncAt ?? 'never'}${o.paused ? ' (paused)' : ''}`,
    `pending changes ${o.pendingChanges}`,
    ...(o.lastErrorKey ? [`last error      ${o.lastErrorKey} at ${o.lastErrorAt}`] : []),
    ...(o.refusedCount > 0 ? [`refused         ${o.refusedCount} change(s) stay pending; first reason: ${o.refusedReason ?? ''}`] : []),
  ].join('\n');
}

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
    human: describeStatus,
  },
  {
    words: ['team', 'join'],
    startsDatabase: true,
    flags: credentials,
    fields: CREDENTIAL_FIELDS,
    run: (v, call) => joinOrCreate('team:join', v, call),
    human: describeStatus,
  },
  {
    words: ['team', 'sync'],
    flags: {},
    run: (_v, call) => call('team:sync-now', {}),
    human: (o: OutputOf<'team:sync-now'>) => `pushed ${o.pushed} · pulled ${o.pulled} · conflicts resolved ${o.conflicts}`,
  },
  {
    words: ['team', 'status'],
    flags: {},
    run: (_v, call) => call('team:status', {}),
    human: describeStatus,
  },
  {
    words: ['team', 'leave'],
    flags: {},
    run: (_v, call) => call('team:leave', {}),
    human: describeStatus,
  },
];
