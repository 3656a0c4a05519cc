import { rmSync } from 'node:fs';
import type { PouchDatabase } from 'pouchdb';
import type { Db } from '../../db/open';
import type { TeamSyncResult } from '../../shared/contract/team';
import { AppError, ISSUE_MESSAGES } from '../../shared/contract/errors';
import { syncOnce } from './cycle';
import { teamErrorKey } from './errors';
import { openReplica, replicaPath, type TeamServer } from './replica';
import { readSyncState, updateSyncState } from './state';

const LIVE_INTERVAL_MS = 5_000;
const MAX_BACKOFF_MS = 5 * 60_000;

/** The wait before the next live round: the interval while rounds succeed, doubling per failure up to five minutes. */
export function liveDelayMs(failures: number, intervalMs = LIVE_INTERVAL_MS): number {
  return failures === 0 ? intervalMs : Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** Math.min(failures, 20));
}

/**
 * Team sync for one open database: one round at a time, a live loop in the background with back-off
 * when the server is away, and nothing a screen ever waits on (rounds run between its calls).
 */
export class TeamSync {
  private replica: Promise<PouchDatabase> | null = null;
  private running: Promise<TeamSyncResult> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private live = false;
  private failures = 0;
  private interval = LIVE_INTERVAL_MS;

  constructor(
    private readonly db: Db,
    private readonly dbPath: string,
    private readonly now: () => Date,
  ) {}

  /** Rounds that failed in a row (the live loop backs off by them). */
  get failuresInARow(): number {
    return this.failures;
  }

  get syncing(): boolean {
    return this.running !== null;
  }

  server(): TeamServer | null {
    const s = readSyncState(this.db.$client);
    return s.serverUrl && s.database && s.teamUser && s.teamPassword !== null ? { serverUrl: s.serverUrl, database: s.database, user: s.teamUser, password: s.teamPassword } : null;
  }

  private openedReplica(): Promise<PouchDatabase> {
    this.replica ??= openReplica(this.dbPath);
    return this.replica;
  }

  /** One round now; concurrent callers share the round in flight. Failures are recorded as an error key and rethrown. */
  syncNow(): Promise<TeamSyncResult> {
    const server = this.server();
    if (!server) return Promise.reject(new AppError('conflict', 'This laptop is not in a team', [{ path: [], key: 'team_not_joined' }]));
    this.running ??= this.openedReplica()
      .then((replica) => syncOnce(this.db, replica, server, this.now))
      .catch((error: unknown) => {
        const key = teamErrorKey(error);
        updateSyncState(this.db.$client, { lastErrorKey: key, lastErrorAt: this.now().toISOString() });
        // Said in words (the key is translated on screen); what the server or replica said goes to the log.
        throw new AppError('conflict', `${ISSUE_MESSAGES[key]} (${error instanceof Error ? error.message : String((error as { reason?: string })?.reason ?? error)})`, [{ path: [], key }]);
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Starts the background loop (the Electron main process does; the CLI and tests sync on demand). */
  startLive(intervalMs = LIVE_INTERVAL_MS): void {
    this.interval = intervalMs;
    this.live = true;
    this.schedule(0);
  }

  /** Asks the live loop for a round soon (after a local write, a join or a resume). */
  kick(): void {
    if (this.live) this.schedule(250);
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    if (!this.live) return;
    const state = readSyncState(this.db.$client);
    if (!this.server() || state.paused) return this.schedule(this.interval);
    try {
      await this.syncNow();
      this.failures = 0;
    } catch {
      this.failures++;
    }
    if (this.live) this.schedule(liveDelayMs(this.failures, this.interval));
  }

  /** Stops syncing and removes the local replica; SQLite keeps every row. */
  async leave(): Promise<void> {
    await this.running?.catch(() => undefined);
    await this.closeReplica();
    rmSync(replicaPath(this.dbPath), { recursive: true, force: true });
  }

  async closeReplica(): Promise<void> {
    const replica = this.replica;
    this.replica = null;
    // A replica still opening is closed once open (or was never opened).
    await replica?.then((opened) => opened.close()).catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.live = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    await this.closeReplica();
  }
}

const services = new WeakMap<Db, TeamSync>();

export function teamSync(db: Db, dbPath: string, now: () => Date): TeamSync {
  let service = services.get(db);
  if (!service) {
    service = new TeamSync(db, dbPath, now);
    services.set(db, service);
  }
  return service;
}

export function existingTeamSync(db: Db): TeamSync | undefined {
  return services.get(db);
}
