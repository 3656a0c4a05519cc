import type { Db } from '../db/open';
import type { Steps } from '../shared/domain/steps';

/**
 * A stamp that changes whenever the database may have: `total_changes()` counts every row this
 * connection wrote, `PRAGMA data_version` moves on each commit by another connection (the CLI, an import
 * worker). In-memory caches keep a result only while the stamp is the one taken when it was computed.
 */
export function changeStamp(db: Db): string {
  const version = db.$client.pragma('data_version', { simple: true }) as number;
  const changes = db.$client.prepare('SELECT total_changes()').pluck().get() as number;
  return `${version}:${changes}`;
}

/**
 * `steps` as they run, noting whether anything but the steps themselves changed the database between
 * them (another call in this process, or another connection): the stamp is taken after each step and
 * compared before the next.
 */
export function watchingOtherWrites<T>(db: Db, steps: Steps<T>): { steps: Steps<T>; othersWrote: () => boolean } {
  let others = false;
  function* watched(): Steps<T> {
    let expected = changeStamp(db);
    for (;;) {
      if (changeStamp(db) !== expected) others = true;
      const next = steps.next();
      expected = changeStamp(db);
      if (next.done) return next.value;
      yield;
    }
  }
  return { steps: watched(), othersWrote: () => others };
}
