/**
 * intent: the intent of the latest follow-up (by occurredAt, dated up to asOf) that recorded one;
 * follow-ups without an intent are skipped, not treated as "unknown". No such follow-up: 'unknown'.
 * Two intents at the same instant: the more cautious wins (never > not_now > hesitant > interested).
 */
import { NO_MOVES } from './hints';
import { isoDateOf } from './day-number';
import { INTENT_CODES, type Population } from './population';
import { UNKNOWN } from './schemes';
import type { Assignment, IntentExplanation } from './types';

/** Shared and frozen: most customers have no recorded intent, and the answer is the same for all. */
const NO_INTENT: Assignment<IntentExplanation> = Object.freeze({
  classKey: UNKNOWN,
  explanation: Object.freeze({ kind: 'intent', source: null, moves: NO_MOVES }),
});

export function intentClassOf(pop: Population, i: number): string {
  return INTENT_CODES[pop.latestIntentCode[i]!] ?? UNKNOWN;
}

/** The source's instant in ISO form (UTC, milliseconds), as every write stores it (handlers and imports alike). */
export function assignIntent(pop: Population, i: number): Assignment<IntentExplanation> {
  const intent = INTENT_CODES[pop.latestIntentCode[i]!];
  if (!intent) return NO_INTENT;
  return {
    classKey: intent,
    explanation: {
      kind: 'intent',
      source: { occurredAt: new Date(pop.latestIntentMs[i]!).toISOString(), date: isoDateOf(pop.latestIntentDay[i]!), intent },
      moves: NO_MOVES,
    },
  };
}
