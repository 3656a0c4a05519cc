import { z } from 'zod';

/**
 * Upper bounds on the shape of what a caller may send. Every array and record of the contract has a
 * maximum, and no input nests deeper than MAX_INPUT_DEPTH, so a hostile or broken caller gets a clear
 * `invalid_input` instead of exhausting the stack or the heap further down.
 */

/** Objects and arrays inside one input, counted from the input itself. Custom rules are the deepest real input (see MAX_RULE_DEPTH). */
export const MAX_INPUT_DEPTH = 32;
/** Filter lists a screen sends (countries, tags, owners…): more than any picker offers. */
export const MAX_FILTER_VALUES = 200;
/** Entries of a free-form record the caller keys (an import's column mapping). */
export const MAX_RECORD_KEYS = 1000;

/** An array of at most `max` items; beyond it the issue key `too_many` carries the maximum. */
export const boundedArray = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, 'too_many');

/** A record of at most `max` keys, each at most `keyMax` characters. */
export const boundedRecord = <V extends z.ZodType>(value: V, max: number, keyMax = 200) =>
  z.record(z.string().max(keyMax, 'too_long'), value).refine((record) => Object.keys(record).length <= max, { message: 'too_many', params: { max } });

/**
 * True when `value` nests objects or arrays more than `max` levels deep. Iterative, so a 100,000-level
 * input costs a loop rather than the stack, and it stops at the first branch too deep.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
