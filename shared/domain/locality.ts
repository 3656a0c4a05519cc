import type { Locality } from '../contract/enums';

/** Region names are compared without the administrative suffixes people add or leave off (广东省 = 广东). */
function normalizeRegion(region: string): string {
  return region
    .trim()
    .toLowerCase()
    .replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区|\s+province|\s+state)$/u, '');
}

/**
 * Local / non-local / overseas, seen from the business's home: another country is overseas; the home
 * country's own region is local; another region of it is non-local; without enough facts, unknown (null).
 */
export function deriveLocality(
  customer: { country: string | null; region: string | null },
  home: { homeCountry: string; homeRegion: string | null },
): Locality | null {
  if (!customer.country) return null;
  if (customer.country !== home.homeCountry) return 'overseas';
  if (!customer.region || !home.homeRegion) return null;
  return normalizeRegion(customer.region) === normalizeRegion(home.homeRegion) ? 'local' : 'non_local';
}
