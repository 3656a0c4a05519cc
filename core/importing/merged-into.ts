import type Database from 'better-sqlite3';
import { standingMove } from '../../db/repos/merge-moves';

/**
 * The live customer a customer merged away now is: the one its standing merge took it into, following later merges
 * (A into B, then B into C: C), as rows written on a merged-away customer are moved on (core/sync/settle-merged-away.ts).
 * Null when no standing merge took it away (deleted by hand, or an id nobody has), when the chain goes round, or when
 * it ends at a customer no longer live: such an id names nobody.
 */
export function liveCustomerMergedInto(client: Database.Database, customerId: string, isLive: (id: string) => boolean): string | null {
  const visited = new Set([customerId]);
  let at = customerId;
  for (let move = standingMove(client, at); move; move = standingMove(client, at)) {
    if (visited.has(move.intoCustomerId)) return null;
    at = move.intoCustomerId;
    visited.add(at);
    if (isLive(at)) return at;
  }
  return null;
}
