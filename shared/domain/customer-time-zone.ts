import { getCountry, getTimezone } from 'countries-and-timezones';
import type { CustomerTimeZone } from './customer-time-zone-types';
import { runSteps, type Steps } from './steps';

/**
 * A customer's IANA time zone, found from what the customer file holds (country, region, city): never a guess.
 * A country whose zones all keep one time is that time; a country of several times needs the city, and the
 * region (state, province) when that city's name is in several of them (Springfield, Oregon or Illinois).
 * Country → zones comes from countries-and-timezones, city → zone from city-timezones' table, which the caller
 * passes in (it is large: core/ loads it only for a customer whose country has several times).
 */

export interface CustomerPlace {
  country: string | null;
  region: string | null;
  city: string | null;
}

/** One row of city-timezones' table, the fields read here. */
export interface CityZoneRow {
  readonly city: string;
  readonly city_ascii?: string;
  readonly iso2: string;
  readonly province?: string;
  readonly state_ansi?: string;
  readonly timezone: string | null;
}

/**
 * Countries where the time zone database lists a zone that is not the country's official time: China keeps
 * one time, Beijing's, though Asia/Urumqi records the time many in Xinjiang keep unofficially.
 */
const OFFICIAL_TIME: Record<string, string> = { CN: 'Asia/Shanghai' };

/** The same letters however typed: full-width folded, accents dropped, case and punctuation ignored; "Saint" is "St". */
export function foldPlaceName(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'’‘`]/g, '')
    .replace(/[\s\-‐‑–—_,、，]+/g, ' ')
    .replace(/\bsaint\b/g, 'st')
    .trim();
}

const timesCache = new Map<string, string[] | null>();

/**
 * The distinct times a country keeps: one zone for each pair of standard and summer offsets, a zone of the
 * country's own first (Germany's list holds Europe/Zurich, for Büsingen, which keeps Berlin's time: one time,
 * named Europe/Berlin). null for a code the library does not know.
 */
export function countryTimes(country: string): string[] | null {
  const cached = timesCache.get(country);
  if (cached !== undefined) return cached;
  const known = getCountry(country);
  let times: string[] | null = null;
  if (known) {
    const official = OFFICIAL_TIME[country];
    const zones = official ? [official] : [...known.timezones];
    // The country's own zones first, so the one kept for a shared time is named after a place in it.
    zones.sort((a, b) => Number(getTimezone(b)?.countries[0] === country) - Number(getTimezone(a)?.countries[0] === country));
    const byOffsets = new Map<string, string>();
    for (const zone of zones) {
      const info = getTimezone(zone);
      const key = info ? `${info.utcOffset}/${info.dstOffset}` : zone;
      if (!byOffsets.has(key)) byOffsets.set(key, zone);
    }
    times = [...byOffsets.values()];
  }
  timesCache.set(country, times);
  return times;
}

/** City-timezones' rows by country and by folded city name, built once for many lookups. */
export type CityIndex = ReadonlyMap<string, ReadonlyMap<string, readonly CityZoneRow[]>>;

export function indexCities(rows: readonly CityZoneRow[]): CityIndex {
  return runSteps(indexCitiesInSteps(rows, rows.length));
}

/** The same index built `perStep` rows a step (the app builds it a step per turn: its 7,000 cities at once were 20-40 ms). */
export function* indexCitiesInSteps(rows: readonly CityZoneRow[], perStep: number): Steps<CityIndex> {
  const index = new Map<string, Map<string, CityZoneRow[]>>();
  for (let from = 0; from < rows.length; from += perStep) {
    if (from > 0) yield;
    for (const row of rows.slice(from, from + perStep)) {
      if (!row.timezone) continue;
      let byName = index.get(row.iso2);
      if (!byName) index.set(row.iso2, (byName = new Map()));
      for (const name of new Set([row.city, row.city_ascii].filter((n): n is string => Boolean(n)).map(foldPlaceName))) {
        const list = byName.get(name);
        if (list) list.push(row);
        else byName.set(name, [row]);
      }
    }
  }
  return index;
}

/** Whether finding this customer's zone needs the city table: a country of several times, and a city typed. */
export function needsCityTable(place: CustomerPlace): boolean {
  const country = countryCode(place.country);
  const times = country ? countryTimes(country) : null;
  return times !== null && times.length > 1 && cityName(place.city) !== '';
}

/** The weekend days (1 Monday … 7 Sunday) in a country, from the Unicode locale data Intl carries; Saturday and Sunday when it has none. */
export function weekendOf(country: string): number[] {
  try {
    const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & { getWeekInfo?(): { weekend: number[] }; weekInfo?: { weekend: number[] } };
    const weekend = (locale.getWeekInfo?.() ?? locale.weekInfo)?.weekend;
    if (Array.isArray(weekend) && weekend.length > 0) return [...weekend];
  } catch {
    // A code Intl refuses keeps the common weekend.
  }
  return [6, 7];
}

const countryCode = (country: string | null): string | null => {
  const code = country?.trim().toUpperCase() ?? '';
  return /^[A-Z]{2}$/.test(code) ? code : null;
};
const cityName = (city: string | null): string => (city ? foldPlaceName(city) : '');

const known = (zone: string, country: string): CustomerTimeZone => ({ status: 'known', zone, weekend: weekendOf(country) });
const distinctZones = (rows: readonly CityZoneRow[]) => [...new Set(rows.map((r) => r.timezone).filter((z): z is string => Boolean(z)))];

/**
 * The customer's time zone; null when the file names no country (or one no table knows). `cities` is
 * city-timezones' table indexed, needed only when needsCityTable(place) says so (without it such a customer's
 * city counts as not found).
 */
export function findCustomerTimeZone(place: CustomerPlace, cities?: CityIndex): CustomerTimeZone | null {
  const country = countryCode(place.country);
  if (!country) return null;
  const times = countryTimes(country);
  if (!times || times.length === 0) return null;
  if (times.length === 1) return known(times[0]!, country);
  const city = cityName(place.city);
  if (!city) return { status: 'several', reason: 'no_city' };
  const matches = cities?.get(country)?.get(city) ?? [];
  const zones = distinctZones(matches);
  if (zones.length === 0) return { status: 'several', reason: 'unknown_city' };
  if (zones.length === 1) return known(zones[0]!, country);
  const region = place.region ? foldPlaceName(place.region) : '';
  if (region) {
    const inRegion = distinctZones(matches.filter((row) => [row.province, row.state_ansi].some((name) => name !== undefined && foldPlaceName(name) === region)));
    if (inRegion.length === 1) return known(inRegion[0]!, country);
  }
  return { status: 'several', reason: 'ambiguous_city' };
}
