/**
 * intent: the intent of the latest follow-up (by occurredAt, dated up to asOf) that recorded one;
 * follow-ups without an intent are skipped, not treated as "unknown". No such follow-up: 'unknown'.
 * Two intents at the same instant: the more cautious wins (never > not_now > hesitant > interested).
 */
import { NO_MOVES } from './hints';
import type { Population } from './population';
import { UNKNOWN } from './schemes';
import type { Assignment, IntentExplanation } from './types';

/** Shared and frozen: most customers have no recorded intent, and the answer is the same for all. */
const NO_INTENT: Assignment<IntentExplanation> = Object.freeze({
  classKey: UNKNOWN,
  explanation: Object.freeze({ kind: 'intent', source: null, moves: NO_MOVES }),
});

export function intentClassOf(pop: Population, i: number): string {
  return pop.latestIntent[i]?.intent ?? UNKNOWN;
}

export function assignIntent(pop: Population, i: number): Assignment<IntentExplanation> {
  const latest = pop.latestIntent[i];
  if (!latest || latest.intent === null) return NO_INTENT;
  return {
    classKey: latest.intent,
    explanation: { kind: 'intent', source: { occurredAt: latest.occurredAt, date: latest.date, intent: latest.intent }, moves: NO_MOVES },
  };
}
