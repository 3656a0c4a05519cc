import { describe, expect, it } from 'vitest';
import { timeZonesOf } from '../../../core/customer-time-zones';
import { findCustomerTimeZone, foldPlaceName, indexCities, needsCityTable, type CustomerPlace } from '../../../shared/domain/customer-time-zone';

const place = (country: string | null, city: string | null = null, region: string | null = null): CustomerPlace => ({ country, region, city });
/** The zone found with the real tables (city-timezones loaded as the main process loads it). */
const zoneOf = async (p: CustomerPlace) => (await timeZonesOf([p]))[0];

describe("a customer's time zone", () => {
  it('a country that keeps one time is that time, whatever the city', async () => {
    expect(await zoneOf(place('AE', 'Abu Dhabi'))).toEqual({ status: 'known', zone: 'Asia/Dubai', weekend: [6, 7] });
    expect(await zoneOf(place('GB'))).toMatchObject({ status: 'known', zone: 'Europe/London' });
    expect(await zoneOf(place('fr', 'Lyon'))).toMatchObject({ status: 'known', zone: 'Europe/Paris' });
    // Büsingen keeps Zurich's clock, which is Berlin's: Germany is one time, named after Berlin.
    expect(await zoneOf(place('DE', 'München'))).toMatchObject({ status: 'known', zone: 'Europe/Berlin' });
    // Malaysia's two zones keep the same time.
    expect(await zoneOf(place('MY'))).toMatchObject({ status: 'known' });
  });

  it('China is Beijing time only, also in Ürümqi (its own zone is not official)', async () => {
    expect(await zoneOf(place('CN'))).toMatchObject({ status: 'known', zone: 'Asia/Shanghai' });
    expect(await zoneOf(place('CN', 'Urumqi', 'Xinjiang'))).toMatchObject({ status: 'known', zone: 'Asia/Shanghai' });
    expect(await zoneOf(place('CN', '乌鲁木齐', '新疆'))).toMatchObject({ status: 'known', zone: 'Asia/Shanghai' });
  });

  it.each([
    ['US', 'Houston', 'America/Chicago'],
    ['US', 'New York', 'America/New_York'],
    ['US', 'Los Angeles', 'America/Los_Angeles'],
    ['US', 'Phoenix', 'America/Phoenix'],
    ['US', 'St. Louis', 'America/Chicago'],
    ['US', 'Saint Louis', 'America/Chicago'],
    ['BR', 'São Paulo', 'America/Sao_Paulo'],
    ['BR', 'Manaus', 'America/Manaus'],
    ['RU', 'Moscow', 'Europe/Moscow'],
    ['RU', 'Vladivostok', 'Asia/Vladivostok'],
    ['RU', 'Kaliningrad', 'Europe/Kaliningrad'],
    ['AU', 'Sydney', 'Australia/Sydney'],
    ['AU', 'Perth', 'Australia/Perth'],
    ['AU', 'Brisbane', 'Australia/Brisbane'],
    ['CA', 'Toronto', 'America/Toronto'],
    ['CA', 'Vancouver', 'America/Vancouver'],
    ['CA', 'Montreal', 'America/Montreal'],
    ['ES', 'Madrid', 'Europe/Madrid'],
    ['ES', 'Las Palmas', 'Atlantic/Canary'],
  ])('%s: the city %s is %s', async (country, city, zone) => {
    expect(await zoneOf(place(country, city))).toMatchObject({ status: 'known', zone });
  });

  it('matches a city however it is typed: case, accents, full-width letters, spaces around', async () => {
    expect(await zoneOf(place('US', 'ＨＯＵＳＴＯＮ'))).toMatchObject({ zone: 'America/Chicago' });
    expect(await zoneOf(place('BR', 'Ｓａｏ　Ｐａｕｌｏ'))).toMatchObject({ zone: 'America/Sao_Paulo' });
    expect(await zoneOf(place('BR', 'sao paulo'))).toMatchObject({ zone: 'America/Sao_Paulo' });
    expect(await zoneOf(place('CA', ' MONTRÉAL '))).toMatchObject({ zone: 'America/Montreal' });
    expect(await zoneOf(place('US', 'winston salem'))).toMatchObject({ zone: 'America/New_York' });
  });

  it('a city whose name is in several states needs the state: Springfield, Oregon or Illinois', async () => {
    expect(await zoneOf(place('US', 'Springfield'))).toEqual({ status: 'several', reason: 'ambiguous_city' });
    expect(await zoneOf(place('US', 'Springfield', 'Oregon'))).toMatchObject({ zone: 'America/Los_Angeles' });
    expect(await zoneOf(place('US', 'Springfield', 'IL'))).toMatchObject({ zone: 'America/Chicago' });
    expect(await zoneOf(place('US', 'springfield', 'ｉｌｌｉｎｏｉｓ'))).toMatchObject({ zone: 'America/Chicago' });
    // A state with no Springfield in the table is no answer either (never the biggest one's zone).
    expect(await zoneOf(place('US', 'Springfield', 'Texas'))).toEqual({ status: 'several', reason: 'ambiguous_city' });
    // Portland, Maine is Eastern; Portland, Oregon is Pacific.
    expect(await zoneOf(place('US', 'Portland', 'Maine'))).toMatchObject({ zone: 'America/New_York' });
  });

  it('several times and no city, or a city not known: says so, never guesses', async () => {
    expect(await zoneOf(place('US'))).toEqual({ status: 'several', reason: 'no_city' });
    expect(await zoneOf(place('US', '   '))).toEqual({ status: 'several', reason: 'no_city' });
    expect(await zoneOf(place('US', 'Atlantis'))).toEqual({ status: 'several', reason: 'unknown_city' });
    expect(await zoneOf(place('RU', '莫斯科'))).toEqual({ status: 'several', reason: 'unknown_city' });
    // Houston is in Texas, not Brazil: the city is looked for in the customer's country only.
    expect(await zoneOf(place('BR', 'Houston'))).toEqual({ status: 'several', reason: 'unknown_city' });
  });

  it('no country, or a code no table knows: nothing', async () => {
    expect(await zoneOf(place(null, 'Houston'))).toBeNull();
    expect(await zoneOf(place(''))).toBeNull();
    expect(await zoneOf(place('ZZ'))).toBeNull();
  });

  it("the weekend is the customer's country's", async () => {
    expect(await zoneOf(place('SA'))).toMatchObject({ zone: 'Asia/Riyadh', weekend: [5, 6] });
    expect(await zoneOf(place('US', 'Houston'))).toMatchObject({ weekend: [6, 7] });
  });

  it('many customers at once keep their order, each answered', async () => {
    const zones = await timeZonesOf([place('US', 'Houston'), place(null), place('AE'), place('US', 'Houston')]);
    expect(zones.map((z) => (z?.status === 'known' ? z.zone : z))).toEqual(['America/Chicago', null, 'Asia/Dubai', 'America/Chicago']);
  });
});

describe('the finder with a table made by hand', () => {
  const table = indexCities([
    { city: 'Springfield', iso2: 'US', province: 'Oregon', state_ansi: 'OR', timezone: 'America/Los_Angeles' },
    { city: 'Springfield', iso2: 'US', province: 'Illinois', state_ansi: 'IL', timezone: 'America/Chicago' },
    { city: 'Springfield', iso2: 'US', province: 'Massachusetts', state_ansi: 'MA', timezone: 'America/New_York' },
    { city: 'Nowhere', iso2: 'US', province: 'Nevada', timezone: null },
  ]);

  it('reads only the table it is given', () => {
    expect(findCustomerTimeZone(place('US', 'Springfield', 'or'), table)).toMatchObject({ zone: 'America/Los_Angeles' });
    expect(findCustomerTimeZone(place('US', 'Springfield', 'Massachusetts'), table)).toMatchObject({ zone: 'America/New_York' });
    expect(findCustomerTimeZone(place('US', 'Nowhere'), table)).toEqual({ status: 'several', reason: 'unknown_city' });
    expect(findCustomerTimeZone(place('US', 'Houston'), table)).toEqual({ status: 'several', reason: 'unknown_city' });
  });

  it('asks for the table only when a country of several times has a city', () => {
    expect(needsCityTable(place('US', 'Houston'))).toBe(true);
    expect(needsCityTable(place('US'))).toBe(false);
    expect(needsCityTable(place('AE', 'Dubai'))).toBe(false);
    expect(needsCityTable(place('CN', 'Urumqi'))).toBe(false);
    expect(needsCityTable(place(null, 'Houston'))).toBe(false);
  });

  it('folds names as a person reads them', () => {
    expect(foldPlaceName('  ＳÃO-Paulo ')).toBe('sao paulo');
    expect(foldPlaceName('Saint-Étienne')).toBe('st etienne');
    expect(foldPlaceName("Coeur d'Alene")).toBe('coeur dalene');
  });
});
