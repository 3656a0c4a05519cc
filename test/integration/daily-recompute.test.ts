import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestRunDay } from '../../db/repos/segmentation';
import { recomputeIfDayChanged } from '../../core/segmentation/daily';
import { movableClock, openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
const clock = movableClock('2026-11-23');
beforeEach(async () => {
  clock.moveTo('2026-11-23');
  app = openTestApp('2026-11-23', { clock });
  await app.call('workspace:loadDemo', { customers: 60 });
});
afterEach(() => app.cleanup());

describe('the start-up tier snapshot', () => {
  it('stores today once, and again only when the day has changed', async () => {
    expect(latestRunDay(app.db)).toBeNull();
    expect(await recomputeIfDayChanged(app, '2026-11-23')).toBe(true);
    expect(latestRunDay(app.db)).toBe('2026-11-23');
    expect(await recomputeIfDayChanged(app, '2026-11-23')).toBe(false);
    clock.moveTo('2026-11-24');
    expect(await recomputeIfDayChanged(app, '2026-11-24')).toBe(true);
    expect(latestRunDay(app.db)).toBe('2026-11-24');
  });
});
