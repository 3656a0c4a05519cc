/**
 * ISO 3166-1 alpha-2 → continent, following the UN M49 regions, with the Americas split at the isthmus:
 * Northern America, Central America and the Caribbean are north_america. Transcontinental countries sit
 * where M49 puts them (RU europe, TR/CY/GE/AM/AZ/KZ asia, EG africa). All 249 officially assigned codes.
 */
export const CONTINENTS = ['asia', 'europe', 'africa', 'north_america', 'south_america', 'oceania', 'antarctica'] as const;
export type Continent = (typeof CONTINENTS)[number];

const CODES_BY_CONTINENT: Record<Continent, string> = {
  africa:
    'DZ EG LY MA SD TN EH IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW AO CM CF TD CG CD GQ GA ST ' +
    'BW SZ LS NA ZA BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG',
  asia:
    'KZ KG TJ TM UZ CN HK MO KP JP MN KR TW BN KH ID LA MY MM PH SG TH TL VN AF BD BT IN IR MV NP PK LK AM AZ BH CY GE ' +
    'IQ IL JO KW LB OM QA SA PS SY TR AE YE',
  europe:
    'BY BG CZ HU PL MD RO RU SK UA AX DK EE FO FI GG IS IE IM LV LT NO SJ SE GB JE AL AD BA HR GI GR VA IT MT ME MK PT ' +
    'SM RS SI ES AT BE FR DE LI LU MC NL CH',
  north_america:
    'BM CA GL PM US BZ CR SV GT HN MX NI PA AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX ' +
    'TT TC VI',
  south_america: 'AR BO BR CL CO EC FK GF GY PY PE SR UY VE BV GS',
  oceania: 'AU NZ NF HM CX CC FJ NC PG SB VU GU KI MH FM NR MP PW UM AS CK PF NU PN WS TK TO TV WF',
  antarctica: 'AQ',
};

export const CONTINENT_OF_COUNTRY: ReadonlyMap<string, Continent> = new Map(
  CONTINENTS.flatMap((continent) => CODES_BY_CONTINENT[continent].split(' ').map((code) => [code, continent] as const)),
);

/** Upper-case alpha-2 codes, sorted. */
export const COUNTRY_CODES: readonly string[] = [...CONTINENT_OF_COUNTRY.keys()].sort();
