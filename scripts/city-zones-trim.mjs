// The city table the bundles carry for customers' time zones (core/customer-time-zones.ts): city-timezones ships
// 7,329 cities with coordinates, population and country names (1.4 MB), but a city is only ever looked up in a
// country whose zones keep different times. An esbuild plugin hands the bundles the rows of countries with more than
// one zone and the fields the finder reads (about 0.3 MB), so every process that loads a bundle parses less.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The fields shared/domain/customer-time-zone.ts's CityZoneRow reads. */
const FIELDS = ['city', 'city_ascii', 'iso2', 'province', 'state_ansi', 'timezone'];

export function trimmedCityRows() {
  const { getAllCountries } = require('countries-and-timezones');
  const rows = require('city-timezones/data/cityMap.json');
  const severalZones = new Set(Object.values(getAllCountries()).filter((country) => country.timezones.length > 1).map((country) => country.id));
  return rows.filter((row) => row.timezone && severalZones.has(row.iso2)).map((row) => FIELDS.map((field) => row[field] ?? null));
}

export const cityZonesTrim = {
  name: 'city-zones-trim',
  setup(build) {
    build.onLoad({ filter: /[\\/]city-timezones[\\/]data[\\/]cityMap\.json$/ }, () => ({
      loader: 'js',
      contents: `module.exports = ${JSON.stringify(trimmedCityRows())}.map((r) => { const o = {}; ${JSON.stringify(FIELDS)}.forEach((f, i) => { if (r[i] !== null) o[f] = r[i]; }); return o; });`,
    }));
  },
};
