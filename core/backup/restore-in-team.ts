import type { HandlerContext } from '../context';
import { invalidInput } from '../../shared/contract/errors';
import { forgetTeam } from '../sync/membership';
import { teamSync } from '../sync/service';

/** The team a laptop is in (the server and the database on it), or null outside a team. */
export interface TeamOfLaptop {
  serverUrl: string;
  database: string | null;
}

/**
 * Read, not made: readSyncState (core/sync/state.ts) writes the row on first use, and a restore that is refused must
 * leave the file as it found it. No row is a laptop that never joined.
 */
export function teamOfLaptop(ctx: Pick<HandlerContext, 'db'>): TeamOfLaptop | null {
  const row = ctx.db.$client.prepare(`SELECT server_url AS serverUrl, database FROM sync_state WHERE id = 1`).get() as { serverUrl: string | null; database: string | null } | undefined;
  return row?.serverUrl ? { serverUrl: row.serverUrl, database: row.database } : null;
}

/**
 * A restore on a laptop in a team lasts only until the next sync: the local copy of the team's documents beside the
 * file (`<db>.team`) is not rewound, so everything the team wrote since the backup — this laptop's own writes too —
 * comes back with that round, and a mistake that already reached the team with it. A user restoring to get rid of a
 * mistake would not expect that, so nothing is restored until they have read it and said yes (teamConfirmed).
 */
export function refuseUnconfirmedRestoreInTeam(team: TeamOfLaptop | null, confirmed: boolean | undefined): void {
  if (team !== null && confirmed !== true) throw invalidInput([{ path: ['teamConfirmed'], key: 'backup_restore_in_team' }]);
}

/**
 * After the file was replaced: a backup made before this laptop joined its team holds no team, so the laptop is out
 * of it. It leaves as `team leave` does — the local copy of the team's documents removed (a later join, of this
 * team or another, would otherwise send that old copy along with the laptop's book), no outbox or parked documents
 * kept — and every row stays. Returns true when the laptop left the team this way.
 */
export async function leaveTeamTheBackupWasNotIn(ctx: Pick<HandlerContext, 'db' | 'dbPath' | 'clock'>, before: TeamOfLaptop | null): Promise<boolean> {
  if (before === null || teamOfLaptop(ctx) !== null) return false;
  await teamSync(ctx.db, ctx.dbPath, () => ctx.clock.now()).leave();
  forgetTeam(ctx.db.$client);
  return true;
}
