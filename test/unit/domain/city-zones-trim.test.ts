import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { findCustomerTimeZone, indexCities, type CityZoneRow } from '../../../shared/domain/customer-time-zone';
// @ts-expect-error: a build script in plain JavaScript, without types.
import { trimmedCityRows } from '../../../scripts/city-zones-trim.mjs';

const require = createRequire(import.meta.url);
const fullRows = require('city-timezones/data/cityMap.json') as (CityZoneRow & { country: string })[];
const FIELDS = ['city', 'city_ascii', 'iso2', 'province', 'state_ansi', 'timezone'] as const;

/** The rows the bundles carry, as the plugin's module makes them (null fields left out). */
const trimmed: CityZoneRow[] = (trimmedCityRows() as (string | null)[][]).map((row) => {
  const object: Record<string, string> = {};
  FIELDS.forEach((field, i) => {
    if (row[i] !== null) object[field] = row[i]!;
  });
  return object as unknown as CityZoneRow;
});

describe('the city table the bundles carry (scripts/city-zones-trim.mjs)', () => {
  it('is much smaller than the package table', () => {
    expect(trimmed.length).toBeLessThan(fullRows.length / 1.5);
    expect(JSON.stringify(trimmed).length).toBeLessThan(JSON.stringify(fullRows).length / 3);
  });

  it('finds the same zone as the whole table for every city the package knows, by city alone and with its province', () => {
    const full = indexCities(fullRows);
    const small = indexCities(trimmed);
    let differing = 0;
    // A few rows name their country by something other than a code (null): no customer's country matches them.
    for (const row of fullRows.filter((r) => typeof r.iso2 === 'string' && typeof r.city === 'string')) {
      for (const place of [
        { country: row.iso2, region: null, city: row.city },
        { country: row.iso2, region: row.province ?? null, city: row.city_ascii ?? row.city },
      ]) {
        if (JSON.stringify(findCustomerTimeZone(place, full)) !== JSON.stringify(findCustomerTimeZone(place, small))) differing++;
      }
    }
    expect(differing).toBe(0);
  });
});
