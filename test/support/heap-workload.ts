/**
 * Run in a child process by test/integration/heap-tuning.test.ts: a heap shaped like the tiers' at scale
 * (a large live set of small objects, rebuilt in parts as a full read does), with or without the app's
 * heap tuning, printing the young generation's size at start and at most and the heap's largest size.
 * Usage: node --import tsx test/support/heap-workload.ts tuned|default
 */
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';
import { tuneHeapForTiers } from '../../core/heap-tuning';

const newSpaceSize = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size;

if (process.argv[2] === 'tuned') tuneHeapForTiers();
const startNewSpace = newSpaceSize();
let maxNewSpace = startNewSpace;
let peakHeap = 0;
const sample = () => {
  maxNewSpace = Math.max(maxNewSpace, newSpaceSize());
  peakHeap = Math.max(peakHeap, getHeapStatistics().total_heap_size);
};

const LIVE = 400_000;
const live: { id: string; days: number[] }[] = new Array(LIVE);
const make = (i: number, round: number) => ({ id: `customer-${round}-${i}`, days: [i, i + 1, i + 2, round] });
for (let i = 0; i < LIVE; i++) {
  live[i] = make(i, 0);
  if (i % 10_000 === 0) sample();
}
// Every object replaced, a part at a time, several times over: what dies has reached the old generation.
for (let round = 1; round <= 6; round++) {
  for (let i = 0; i < LIVE; i++) {
    live[i] = make(i, round);
    if (i % 10_000 === 0) sample();
  }
}
sample();
console.log(JSON.stringify({ startNewSpace, maxNewSpace, peakHeap, kept: live.length }));
