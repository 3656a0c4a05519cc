/**
 * Sorting a scale's values ascending, exactly as a Float64Array's own sort() orders them (-0 before 0,
 * NaN last), but faster where it counts: every recompute sorts each group's days since the last order,
 * orders, follow-ups, money and value scores, about 80k values each at 100k customers, and the typed
 * array's sort takes 5-6 ms for each.
 *  - Whole numbers in a narrow span (days, orders, follow-ups) are counted: one pass and a walk over the
 *    span, a tenth of the time.
 *  - Any other numbers are radix-sorted on their bits (six passes of 11 bits, a pass skipped when every
 *    value shares its digit): about a third of the time.
 *  - A NaN sends the array to the typed sort itself, which places it last.
 */

/** A span of whole numbers up to this many times the count (plus a little) is counted; a wider one is radix-sorted. */
const SPAN_PER_VALUE = 4;
const SPAN_SLACK = 1024;

/** `values` sorted ascending in place (and returned), as `values.sort()` would. */
export function sortAscending(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < 2) return values;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) return values.sort();
    // -0 is kept out of counting: counted, it would come back as 0.
    if (whole && (!Number.isInteger(v) || Object.is(v, -0))) whole = false;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (whole && max - min + 1 <= SPAN_PER_VALUE * n + SPAN_SLACK) return countingSort(values, min, max);
  return radixSort(values);
}

function countingSort(values: Float64Array, min: number, max: number): Float64Array {
  const counts = new Int32Array(max - min + 1);
  for (let i = 0; i < values.length; i++) counts[values[i]! - min]!++;
  let k = 0;
  for (let offset = 0; offset < counts.length; offset++) {
    const value = offset + min;
    for (let c = counts[offset]!; c > 0; c--) values[k++] = value;
  }
  return values;
}

const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const DIGIT_MASK = BUCKETS - 1;
const SIGN = 0x80000000;

/**
 * LSD radix sort on the IEEE 754 bits (the platforms the app runs on are little-endian: word 2i is the low
 * half). Each value becomes a key whose unsigned order is the numeric order: a negative value's bits are
 * all flipped, a positive value's sign bit set. Digit p is bits 11p .. 11p+10 of the 64-bit key.
 */
function radixSort(values: Float64Array): Float64Array {
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1]!;
    const l = words[2 * i]!;
    if (h & SIGN) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | SIGN) >>> 0;
      lo[i] = l;
    }
  }
  let loNext = new Uint32Array(n);
  let hiNext = new Uint32Array(n);
  const counts = new Int32Array(BUCKETS);
  for (let pass = 0; pass < 6; pass++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[digitOf(lo[i]!, hi[i]!, pass)]!++;
    // Every key shares this digit: the order stands.
    if (counts[digitOf(lo[0]!, hi[0]!, pass)] === n) continue;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = counts[digitOf(lo[i]!, hi[i]!, pass)]!++;
      loNext[at] = lo[i]!;
      hiNext[at] = hi[i]!;
    }
    [lo, loNext] = [loNext, lo];
    [hi, hiNext] = [hiNext, hi];
  }
  for (let i = 0; i < n; i++) {
    const h = hi[i]!;
    const l = lo[i]!;
    if (h & SIGN) {
      words[2 * i + 1] = (h & ~SIGN) >>> 0;
      words[2 * i] = l;
    } else {
      words[2 * i + 1] = ~h >>> 0;
      words[2 * i] = ~l >>> 0;
    }
  }
  return values;
}

/** Bits 11p .. 11p+10 of the key hi:lo (pass 2 straddles the halves: lo's top ten bits and hi's lowest). */
function digitOf(lo: number, hi: number, pass: number): number {
  switch (pass) {
    case 0:
      return lo & DIGIT_MASK;
    case 1:
      return (lo >>> 11) & DIGIT_MASK;
    case 2:
      return (lo >>> 22) | ((hi & 1) << 10);
    default:
      return (hi >>> (11 * pass - 32)) & DIGIT_MASK;
  }
}
