/** Shared bits of the "what would move them" hints. */
import type { EngineConfig } from './config';
import { isoDateOf } from './day-number';
import type { Population } from './population';
import type { MoveHint } from './types';

/** One shared empty list, so classes without hints cost no allocation per customer. */
export const NO_MOVES: readonly MoveHint[] = Object.freeze([]);

/**
 * The last date on which all of customer i's current in-window orders still count: after it the oldest
 * one leaves a rolling window and the "spend X more" figure no longer holds. Null for an 'all' window
 * (nothing ever leaves) or a customer without orders in the window.
 */
export function holdsUntil(pop: Population, i: number, config: EngineConfig): string | null {
  if (config.window.kind === 'all' || pop.orderCount[i] === 0) return null;
  return isoDateOf(pop.firstWindowDay[i]! + config.window.days - 1);
}
