import { getRandomValues } from 'node:crypto';

/** Random bytes fetched per refill: one call to the system's generator serves 4,096 ids. */
const POOL_BYTES = 16 * 4096;

/** Each byte as two lower-case hex digits. */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * Ids for a large import: the same time-ordered UUID v7 as core/ids.ts (millisecond, then a counter that
 * keeps ids of one millisecond in creation order, then random bits), with the random bytes drawn from a
 * pool. uuid draws 16 fresh bytes from the system per id, which was a tenth of a million-row import; and
 * written here from the pool rather than through uuid's v7 (a view, an options object and 16 bytes per id),
 * the millisecond's part is spelled once per millisecond, not once per id. Laid out bit for bit as uuid's
 * v7Bytes lays them (test/unit/import/batch-ids.test.ts compares the two). `fill` and `now` are the system's
 * outside tests.
 */
export function batchIds(fill: (bytes: Uint8Array) => unknown = getRandomValues, now: () => number = Date.now): () => string {
  const pool = new Uint8Array(POOL_BYTES);
  let at = POOL_BYTES;
  let msecs = -Infinity;
  let seq = 0;
  /** The first 13 characters (48 bits of milliseconds and two dashes), for the millisecond they were spelled for. */
  let prefix = '';
  let prefixOf = -Infinity;
  return () => {
    if (at === POOL_BYTES) {
      fill(pool);
      at = 0;
    }
    const time = now();
    if (time > msecs) {
      // As uuid starts each millisecond's counter: 31 random bits, room left to count up.
      seq = ((pool[at + 6]! & 0x7f) << 24) | (pool[at + 7]! << 16) | (pool[at + 8]! << 8) | pool[at + 9]!;
      msecs = time;
    } else {
      seq = (seq + 1) | 0;
      if (seq === 0) msecs++;
    }
    if (msecs !== prefixOf) {
      prefix = `${HEX[(msecs / 0x10000000000) & 0xff]}${HEX[(msecs / 0x100000000) & 0xff]}${HEX[(msecs / 0x1000000) & 0xff]}${HEX[(msecs / 0x10000) & 0xff]}-${HEX[(msecs / 0x100) & 0xff]}${HEX[msecs & 0xff]}-`;
      prefixOf = msecs;
    }
    const id =
      `${prefix}${HEX[0x70 | ((seq >>> 28) & 0x0f)]}${HEX[(seq >>> 20) & 0xff]}-${HEX[0x80 | ((seq >>> 14) & 0x3f)]}${HEX[(seq >>> 6) & 0xff]}-` +
      `${HEX[((seq << 2) & 0xff) | (pool[at + 10]! & 0x03)]}${HEX[pool[at + 11]!]}${HEX[pool[at + 12]!]}${HEX[pool[at + 13]!]}${HEX[pool[at + 14]!]}${HEX[pool[at + 15]!]}`;
    at += 16;
    return id;
  };
}
