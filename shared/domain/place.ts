import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { CHINA_PLACES } from './china-places';

/** Where a customer is, as stored: ISO country code, free-text region and city. */
export interface Place {
  country: string | null;
  region: string | null;
  city: string | null;
}

/** What was filled in and from what: the import preview and the customer form show it. */
export interface PlaceInference {
  country: 'phone' | 'region' | 'city' | null;
  region: 'city' | null;
}

export interface InferredPlace extends Place {
  inferred: PlaceInference;
}

/** The country a phone number in E.164 belongs to (+86… → CN, +852… → HK), or null when it cannot say. */
export function countryOfPhone(e164: string): string | null {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed?.isValid() ? (parsed.country ?? null) : null;
}

/** "广东省", "广东", "Guangdong Province", "guangdong sheng" all meet at one key. */
function placeKey(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/(壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/u, '')
    .replace(/\s+(province|city|municipality|shi|sheng|sar|special administrative region)$/u, '')
    .replace(/[\s'’-]+/g, '');
}

const REGIONS = new Map<string, { country: string; region: string }>();
const CITIES = new Map<string, { country: string; region: string; city: string }>();
for (const p of CHINA_PLACES) {
  for (const name of [p.region, p.english]) REGIONS.set(placeKey(name), { country: p.country, region: p.region });
  for (const [chinese, english] of p.cities) {
    for (const name of [chinese, english]) if (!CITIES.has(placeKey(name))) CITIES.set(placeKey(name), { country: p.country, region: p.region, city: chinese });
  }
}

/** A province (or Hong Kong, Macao, Taiwan) by its Chinese or pinyin name, with or without 省/市/Province. */
export function findRegion(text: string): { country: string; region: string } | null {
  return REGIONS.get(placeKey(text)) ?? null;
}

/** A major city of China by its Chinese or pinyin name, with its province. */
export function findCity(text: string): { country: string; region: string; city: string } | null {
  return CITIES.get(placeKey(text)) ?? null;
}

/**
 * Fills in the country (and the province of a known city) when a customer's record leaves them out:
 * a province or city name says more about where someone is than a phone's country code, so names come
 * first, then the first phone that names a country. What is given is never replaced.
 */
export function inferPlace(place: Place, phonesE164: readonly string[]): InferredPlace {
  const inferred: PlaceInference = { country: null, region: null };
  let { country, region } = place;
  const city = place.city;
  const byRegion = region ? findRegion(region) : null;
  const byCity = city ? findCity(city) : null;
  if (!country) {
    if (byRegion) [country, inferred.country] = [byRegion.country, 'region'];
    else if (byCity) [country, inferred.country] = [byCity.country, 'city'];
    else {
      const fromPhone = phonesE164.map(countryOfPhone).find((c) => c !== null);
      if (fromPhone) [country, inferred.country] = [fromPhone, 'phone'];
    }
  }
  // The province of a known city, when the record names the city in that same country but no region.
  if (!region && byCity && country === byCity.country) [region, inferred.region] = [byCity.region, 'city'];
  return { country, region, city, inferred };
}
