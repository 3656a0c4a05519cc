import type Database from 'better-sqlite3';
import { standingAwayAmong, standingMove, type StandingMove } from '../../db/repos/merge-moves';
import { localEdit } from './local-edit';

/**
 * Two laptops that merge the same customers offline, each keeping another one, leave each merged away into the
 * other (A into B on one laptop, B into A on the other; or round a longer ring). Followed merge by merge, a row on
 * any of them would never arrive: every laptop would move what it receives on one customer on to the next, and the
 * next laptop on again, for ever. The latest merge of the ring stands: the customer it kept comes back from the
 * trash (the merge that had taken it away no longer stands, as for any customer restored from the trash), so the
 * ring becomes a chain ending there. Every laptop holding the same records brings back the same customer.
 *
 * Looked at: the customers a batch showed merged away (their merge's record, or their deletion, arrived). Returns
 * the customers of each ring, whose rows are to follow the chain now.
 */
export function bringBackFromMergeRings(client: Database.Database, shownAway: Iterable<string>, now: string, userName: string | null, customers: Set<string>): string[] {
  const ringed: string[] = [];
  for (const start of [...standingAwayAmong(client, shownAway)].sort()) {
    const ring = ringFrom(client, start);
    if (!ring) continue;
    const latest = ring.reduce((a, b) => (b.createdAt > a.createdAt || (b.createdAt === a.createdAt && b.mergeId > a.mergeId) ? b : a));
    localEdit(client, 'customers', latest.intoCustomerId, { deleted_at: null }, now, userName);
    customers.add(latest.intoCustomerId);
    ringed.push(...ring.map((step) => step.from));
  }
  return ringed;
}

/** The standing merges from `start` on, if they come back to a customer already passed: the steps of that ring. */
function ringFrom(client: Database.Database, start: string): Array<StandingMove & { from: string }> | undefined {
  const steps: Array<StandingMove & { from: string }> = [];
  const passed = [start];
  for (let move = standingMove(client, start); move; move = standingMove(client, move.intoCustomerId)) {
    steps.push({ ...move, from: passed[passed.length - 1]! });
    const at = passed.indexOf(move.intoCustomerId);
    if (at >= 0) return steps.slice(at);
    passed.push(move.intoCustomerId);
  }
  return undefined;
}
