import fc from 'fast-check';
import { v7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { batchIds } from '../../../core/importing/batch-ids';
import { isIdForm } from '../../../core/ids';

/**
 * uuid's own v7, fed the same pool of bytes and the same clock, counting one millisecond's ids as uuid counts them:
 * what batchIds must spell, id for id.
 */
function uuidModel(fill: (bytes: Uint8Array) => unknown, now: () => number): () => string {
  const pool = new Uint8Array(16 * 4096);
  let at = pool.length;
  let msecs = -Infinity;
  let seq = 0;
  return () => {
    if (at === pool.length) {
      fill(pool);
      at = 0;
    }
    const random = pool.slice(at, at + 16);
    at += 16;
    const time = now();
    if (time > msecs) {
      seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
      msecs = time;
    } else {
      seq = (seq + 1) | 0;
      if (seq === 0) msecs++;
    }
    return v7({ random, msecs, seq });
  };
}

/** A generator of bytes from a seed, so the two sides see the same pool. */
const seededFill = (seed: number) => (bytes: Uint8Array) => {
  let state = seed >>> 0 || 1;
  for (let i = 0; i < bytes.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
};

describe('batchIds', () => {
  it('spells every id as uuid v7 does from the same bytes, clock and counter', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        // Clocks that stand still, step on, jump and go back, from 1970 to the 48-bit limit.
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: -3, max: 3 }), fc.integer({ min: -(2 ** 40), max: 2 ** 40 })), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 0, max: 2 ** 48 - 2 ** 42 }),
        (seed, steps, start) => {
          const clock = () => {
            let time = start;
            let step = 0;
            return () => (time = Math.min(2 ** 48 - 1, Math.max(0, time + steps[step++ % steps.length]!)));
          };
          const ours = batchIds(seededFill(seed), clock());
          const theirs = uuidModel(seededFill(seed), clock());
          for (let i = 0; i < steps.length * 3; i++) expect(ours()).toBe(theirs());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts past a millisecond when the counter wraps, and refills the pool after 4,096 ids, as uuid does', () => {
    // All bytes 0xff: the counter starts at 2^31 - 1 and wraps to 0 on the second id of the millisecond.
    const ones = (bytes: Uint8Array) => bytes.fill(0xff);
    let fills = 0;
    const counting = (bytes: Uint8Array) => {
      fills++;
      seededFill(fills)(bytes);
    };
    const fixed = () => 1_765_000_000_000;
    const ours = batchIds(ones, fixed);
    const theirs = uuidModel(ones, fixed);
    for (let i = 0; i < 5; i++) expect(ours()).toBe(theirs());
    const many = batchIds(counting, fixed);
    let modelFills = 0;
    const model = uuidModel((bytes) => seededFill(++modelFills)(bytes), fixed);
    for (let i = 0; i < 4096 * 2 + 3; i++) expect(many()).toBe(model());
    expect(fills).toBe(3);
  });

  it('makes ids of the app’s form, in creation order', () => {
    const next = batchIds();
    const ids = Array.from({ length: 10_000 }, next);
    expect(ids.every(isIdForm)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
