/**
 * The city table indexed a step per turn (shared/domain/customer-time-zone.ts indexCitiesInSteps, run by
 * core/customer-time-zones.ts): whatever the step's size, every city finds the zone it finds in the index built
 * in one go, the steps are as many as the size says, and the app's first lookup leaves turns to other calls.
 */
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { findCustomerTimeZone, indexCities, indexCitiesInSteps, type CityIndex, type CityZoneRow } from '../../../shared/domain/customer-time-zone';

const require = createRequire(import.meta.url);
const rows = require('city-timezones/data/cityMap.json') as (CityZoneRow & { country: string })[];

/** Runs the steps, counting how many times they yield. */
function stepped(perStep: number): { index: CityIndex; yields: number } {
  const steps = indexCitiesInSteps(rows, perStep);
  for (let yields = 0; ; yields++) {
    const next = steps.next();
    if (next.done) return { index: next.value, yields };
  }
}

const zonesOfEveryCity = (index: CityIndex) =>
  rows
    .filter((r) => typeof r.iso2 === 'string' && typeof r.city === 'string')
    .map((r) => JSON.stringify([findCustomerTimeZone({ country: r.iso2, region: null, city: r.city }, index), findCustomerTimeZone({ country: r.iso2, region: r.province ?? null, city: r.city_ascii ?? r.city }, index)]));

describe('the city table indexed in steps', () => {
  const whole = zonesOfEveryCity(indexCities(rows));

  it.each([1, 7, 1500, rows.length - 1, rows.length])('finds every city’s zone as the index built at once, %i rows a step', (perStep) => {
    const { index, yields } = stepped(perStep);
    expect(yields).toBe(Math.ceil(rows.length / perStep) - 1);
    expect(zonesOfEveryCity(index)).toEqual(whole);
    // Every row with a zone is indexed once under each of its names, not twice across a step's edge.
    const listed = [...index.values()].flatMap((byName) => [...byName.values()]).reduce((n, list) => n + list.length, 0);
    expect(listed).toBe([...indexCities(rows).values()].flatMap((byName) => [...byName.values()]).reduce((n, list) => n + list.length, 0));
  });

  it('is built a step per turn by the first lookup that needs it', async () => {
    vi.resetModules();
    let turnsAsked = 0;
    vi.doMock('../../../core/next-turn', () => ({
      nextTurn: () => {
        turnsAsked++;
        return new Promise<void>((resolve) => setImmediate(resolve));
      },
    }));
    try {
      const { timeZonesOf, CITIES_PER_TURN } = await import('../../../core/customer-time-zones');
      // A country of several times with a city: the table is needed.
      const [zone] = await timeZonesOf([{ country: 'US', region: null, city: 'Chicago' }]);
      expect(zone).toMatchObject({ status: 'known', zone: 'America/Chicago' });
      expect(turnsAsked).toBe(Math.ceil(rows.length / CITIES_PER_TURN) - 1);
      // Once built, the table is not built again.
      await timeZonesOf([{ country: 'US', region: null, city: 'Denver' }]);
      expect(turnsAsked).toBe(Math.ceil(rows.length / CITIES_PER_TURN) - 1);
    } finally {
      vi.doUnmock('../../../core/next-turn');
    }
  });
});
