import type { CityIndex, CityZoneRow, CustomerPlace } from '../shared/domain/customer-time-zone';
import type { CustomerTimeZone } from '../shared/domain/customer-time-zone-types';
import { runStepsBetween } from '../shared/domain/steps';
import { nextTurn } from './next-turn';

/**
 * Customers' time zones for the contract. The finder and its tables load on first use, and city-timezones'
 * table (thousands of cities) only for a customer whose country keeps several times and who has a city: a
 * command or a start that shows no foreign customer's time never pays for reading them.
 */
type Finder = typeof import('../shared/domain/customer-time-zone');

let finder: Promise<Finder> | undefined;
let cities: Promise<CityIndex> | undefined;

const loadFinder = () => (finder ??= import('../shared/domain/customer-time-zone'));
/** The package is CommonJS: its table is a named export under Node's loader, the default's under a bundler's. */
type CityModule = { cityMapping?: readonly CityZoneRow[]; default?: { cityMapping: readonly CityZoneRow[] } };
const loadCities = (find: Finder) =>
  (cities ??= import('city-timezones').then((module: CityModule) =>
    runStepsBetween(find.indexCitiesInSteps(module.cityMapping ?? module.default!.cityMapping, CITIES_PER_TURN), nextTurn),
  ));

/** Cities indexed per turn: the first list of a day with foreign customers waited 80-90 ms for the whole table. */
export const CITIES_PER_TURN = 1_500;

/** Each place's time zone (null: no country), in the order given; places alike are looked up once. */
export async function timeZonesOf(places: readonly CustomerPlace[]): Promise<(CustomerTimeZone | null)[]> {
  if (places.every((p) => !p.country)) return places.map(() => null);
  const find = await loadFinder();
  const index = places.some(find.needsCityTable) ? await loadCities(find) : undefined;
  const found = new Map<string, CustomerTimeZone | null>();
  return places.map((place) => {
    const key = JSON.stringify([place.country, place.region, place.city]);
    if (!found.has(key)) found.set(key, find.findCustomerTimeZone(place, index));
    return found.get(key)!;
  });
}
