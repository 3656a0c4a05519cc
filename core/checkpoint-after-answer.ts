import type Database from 'better-sqlite3';
import { checkpointsHeld, holdCheckpoints, releaseCheckpoints } from '../db/wal-checkpoint-steps';
import type { Dispatch } from './dispatch';

/**
 * Writing calls held in a row without a turn of the event loop between them (a script calling in this
 * process, never the screens, whose calls each arrive in a turn of their own): past this many, a call's
 * commit checkpoints inside itself as SQLite would, so the WAL grows no further than about this many writes
 * past SQLite's own threshold.
 */
export const WRITES_HELD_WITHOUT_A_TURN = 30;

/**
 * A call's own writes answer before the WAL is copied into the database. SQLite checkpoints inside the commit
 * that takes the WAL past its threshold (1,000 frames), so one order in every fifty or so waited for some 4 MB
 * to be copied and synced: at 100k customers that order took 20–65 ms where the others took 2–5.
 *
 * Each call's synchronous part (where a write's transaction is) runs with the automatic checkpoint held
 * (counted holds: db/wal-checkpoint-steps.ts) until its answer or its first turn of the event loop, whichever
 * comes first: a call that goes on in steps commits its later steps with SQLite's threshold, as before. After a
 * call that wrote, a PASSIVE checkpoint (it waits for no reader and no writer) copies what it wrote in a turn
 * of its own, so the next commit starts from an empty WAL and none ever reaches the threshold.
 */
export function checkpointAfterAnswer(client: Database.Database, dispatch: Dispatch): Dispatch {
  const totalChanges = client.prepare('SELECT total_changes()').pluck();
  /** Writing calls since the last checkpoint this ran. */
  let writesSinceCheckpoint = 0;
  let checkpointQueued = false;

  const checkpointSoon = () => {
    if (checkpointQueued) return;
    checkpointQueued = true;
    setImmediate(() => {
      checkpointQueued = false;
      // A store that holds the checkpoint runs one itself once it has answered (core/segmentation/state.ts).
      if (!client.open || client.inTransaction || checkpointsHeld(client)) return;
      client.pragma('wal_checkpoint(PASSIVE)');
      writesSinceCheckpoint = 0;
    });
  };

  return (name, input) => {
    if (!client.open) return dispatch(name, input);
    const changesBefore = totalChanges.get() as number;
    const hold = writesSinceCheckpoint < WRITES_HELD_WITHOUT_A_TURN;
    if (hold) holdCheckpoints(client);
    let released = !hold;
    const release = () => {
      if (released) return;
      released = true;
      releaseCheckpoints(client);
    };
    setImmediate(release);
    return dispatch(name, input).finally(() => {
      release();
      if (!client.open || (totalChanges.get() as number) === changesBefore) return;
      writesSinceCheckpoint++;
      checkpointSoon();
    });
  };
}
