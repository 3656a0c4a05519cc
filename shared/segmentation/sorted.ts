/** Binary searches and order statistics over ascending numeric arrays (sorted once, queried many times). */

type NumericArray = ArrayLike<number>;

/** Number of elements strictly less than `value`. */
export function countBelow(sorted: NumericArray, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of elements strictly greater than `value`. */
export function countAbove(sorted: NumericArray, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

/**
 * Median of an ascending array (of its first `n` values, for a scratch array reused across calls): the
 * middle element, or the mean of the two middle ones. NaN when empty.
 */
export function medianOfSorted(sorted: NumericArray, n = sorted.length): number {
  if (n === 0) return Number.NaN;
  const hi = sorted[n >> 1] as number;
  return n % 2 === 1 ? hi : ((sorted[(n >> 1) - 1] as number) + hi) / 2;
}

/**
 * The k-th smallest (0-based) of `sorted` after one copy of `removed` is replaced by `inserted`, in
 * O(log n) without copying: used to ask "what would the median be if this customer's value changed".
 */
export function kthAfterReplace(sorted: NumericArray, removed: number, inserted: number, k: number): number {
  const removeAt = countBelow(sorted, removed);
  const others = (i: number): number => sorted[i < removeAt ? i : i + 1] as number;
  const below = countBelow(sorted, inserted);
  const insertAt = below - (removeAt < below ? 1 : 0);
  if (k < insertAt) return others(k);
  if (k === insertAt) return inserted;
  return others(k - 1);
}
