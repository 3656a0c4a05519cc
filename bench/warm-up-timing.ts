/**
 * The report's warm-up after start (core/reports/warm-up.ts) run as the app runs it, a turn between steps,
 * with how long it took in all and its longest step: how long another call may wait on it.
 */
import type { Db } from '../db/open';
import { warmReports, type WarmUpResult } from '../core/reports/warm-up';

export async function timedWarmUp(db: Db, today: string): Promise<{ ms: number; longestStepMs: number; result: WarmUpResult }> {
  let stepStart = performance.now();
  let longestStepMs = 0;
  const begun = performance.now();
  const result = await warmReports(db, {
    today,
    betweenSteps: async () => {
      longestStepMs = Math.max(longestStepMs, performance.now() - stepStart);
      await new Promise<void>((resolve) => setImmediate(resolve));
      stepStart = performance.now();
    },
  }).done;
  return { ms: performance.now() - begun, longestStepMs, result };
}
