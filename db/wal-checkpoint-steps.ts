import type Database from 'better-sqlite3';
import type { Steps } from '../shared/domain/steps';

/**
 * WAL frames a writer working a transaction per turn lets gather before it checkpoints in a turn of its own:
 * half of SQLite's automatic threshold (wal_autocheckpoint, 1,000 pages). SQLite checkpoints automatically
 * inside the commit that crosses its threshold, so one slice in every few of a long rebuild also copied
 * about 4 MB into the database file and synced it: at 100k customers the report totals' rebuild had slices of
 * 30-40 ms and, with a checkpoint, of 100-150 ms. Checkpointed first, the threshold is not reached by the
 * writer's own commits (other writers meanwhile may still reach it: it stays the safety net).
 */
export const FRAMES_PER_CHECKPOINT = 500;

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * Counts a stepwise writer's transactions and, once they are estimated to have put FRAMES_PER_CHECKPOINT
 * frames in the WAL, yields and runs a PASSIVE checkpoint (it waits for no reader and no writer) as a step
 * of its own. The frames a transaction writes are learnt from each checkpoint's report of the WAL's length,
 * so the first checkpoint comes after the first transaction. Nothing happens outside WAL mode, or inside a
 * transaction (a checkpoint cannot run there; the caller's own commit decides).
 */
export class CheckpointPacer {
  private transactions = 0;
  private framesPerTransaction = Number.POSITIVE_INFINITY;
  private lastLog = 0;
  private lastComplete = true;

  constructor(
    private readonly client: Database.Database,
    private readonly frames = FRAMES_PER_CHECKPOINT,
  ) {}

  /** To be run (yield*) after each of the writer's transactions. */
  *afterTransaction(): Steps<void> {
    this.transactions++;
    if (this.transactions * this.framesPerTransaction < this.frames || this.client.inTransaction) return;
    yield;
    if (!this.client.open || this.client.inTransaction) return;
    const [result] = this.client.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
    if (!result || result.log < 0) {
      // Not in WAL mode (an in-memory database): nothing to pace.
      this.framesPerTransaction = 0;
      return;
    }
    // After a complete checkpoint the next write starts the WAL again from its beginning; otherwise (a
    // reader still on older frames) it grows on, and only the difference is this writer's.
    const written = this.lastComplete || result.log < this.lastLog ? result.log : result.log - this.lastLog;
    this.framesPerTransaction = Math.max(1, written / this.transactions);
    this.lastLog = result.log;
    this.lastComplete = result.busy === 0 && result.checkpointed === result.log;
    this.transactions = 0;
  }
}

/**
 * The most frames a held checkpoint may leave in the WAL (holdCheckpoints): 64 MiB of 4 KiB pages. A commit
 * that takes the WAL past it checkpoints inside itself, as every commit past 1,000 frames does unheld.
 */
export const HELD_CHECKPOINT_FRAMES = 16_384;

/** Per connection whose checkpoint is held: SQLite's own threshold to go back to, and how many hold it. */
const held = new WeakMap<Database.Database, { threshold: number; holders: number }>();

/**
 * Puts SQLite's automatic checkpoint off until every holder has let go (checkpointHeld, releaseCheckpoints).
 * A new day's change points go each to a page of its own, a few transactions of about 1,300 pages, and each
 * commit past SQLite's threshold (1,000 frames) copied the WAL into the database and synced both inside it:
 * with the tier history's writes of a new day at 100k customers, the first snapshot waited some 50 ms for
 * checkpoints that can as well follow its answer. Holds are counted: a call that holds while a store holds
 * (core/checkpoint-after-answer.ts) does not end the store's hold when it lets go of its own.
 */
export function holdCheckpoints(client: Database.Database): void {
  const hold = held.get(client);
  if (hold) {
    hold.holders++;
    return;
  }
  held.set(client, { threshold: client.pragma('wal_autocheckpoint', { simple: true }) as number, holders: 1 });
  client.pragma(`wal_autocheckpoint = ${HELD_CHECKPOINT_FRAMES}`);
}

/**
 * One holder lets go; the last one puts SQLite's automatic checkpoint back as it was. True when that was the
 * last hold (nothing when none is held, or the database was closed meanwhile: closing checkpoints).
 */
export function releaseCheckpoints(client: Database.Database): boolean {
  const hold = held.get(client);
  if (!hold) return false;
  if (--hold.holders > 0) return false;
  held.delete(client);
  if (!client.open) return false;
  client.pragma(`wal_autocheckpoint = ${hold.threshold}`);
  return true;
}

/**
 * releaseCheckpoints, and once the last holder has let go, the checkpoint that was put off, now (PASSIVE: it
 * waits for no reader and no writer).
 */
export function checkpointHeld(client: Database.Database): void {
  if (releaseCheckpoints(client) && !client.inTransaction) client.pragma('wal_checkpoint(PASSIVE)');
}

/** True while holdCheckpoints holds this connection's automatic checkpoint. */
export const checkpointsHeld = (client: Database.Database): boolean => held.has(client);
