import { latestRunDay } from '../../db/repos/segmentation';
import type { OpenedApp } from '../app';

/**
 * At start-up: store today's tiers if the app has not done so today (the day changed since it last ran),
 * so the history gains one point per day the business uses TierBook. A no-op on the same day.
 */
export async function recomputeIfDayChanged(app: OpenedApp, today: string): Promise<boolean> {
  if (latestRunDay(app.db) === today) return false;
  const result = await app.dispatch('segments:recompute', { asOf: today });
  if (!result.ok) throw new Error(result.error.message);
  return true;
}
