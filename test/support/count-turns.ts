import type { Steps } from '../../shared/domain/steps';

/** Runs `steps` to the end at once, counting the turns it would have given the event loop (its yields). */
export function runCountingTurns<T>(steps: Steps<T>): { value: T; turns: number } {
  let turns = 0;
  let next = steps.next();
  while (!next.done) {
    turns++;
    next = steps.next();
  }
  return { value: next.value, turns };
}
