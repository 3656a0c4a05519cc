import { foldKey } from './fold';
import { fail, ok, type ValueResult } from './result';
import type { Cell } from './table';

/**
 * Country names to ISO 3166 alpha-2, in English and Chinese (simplified and traditional). The names
 * come from Intl.DisplayNames, so no list of 250 countries is maintained here — only the aliases
 * people actually type that Intl does not produce.
 */
const NOT_COUNTRIES = new Set('AC AN BU CP CQ CS DD DG DY EA EU EZ FX HV IC NH QO RH SU TA TP UK UN VD XA XB XK YD YU ZR ZZ'.split(' '));

const ALIASES: Record<string, string[]> = {
  CN: ['中国大陆', '大陆', '内地', '中国内地', '国内', 'PRC', 'P.R.China', "People's Republic of China", 'Mainland China', 'CHN', '中華人民共和國', '中华人民共和国'],
  HK: ['香港', '中国香港', 'Hong Kong', 'HongKong', 'HKG'],
  MO: ['澳门', '澳門', '中国澳门', 'Macau', 'Macao', 'MAC'],
  TW: ['中国台湾', '台灣', 'Taiwan', 'TWN'],
  US: ['USA', 'U.S.A.', 'U.S.', 'America', 'United States of America', '美國'],
  GB: ['UK', 'U.K.', 'England', 'Britain', 'Great Britain', 'GBR', 'Scotland', 'Wales'],
  KR: ['韩国', '南韩', 'Korea', 'Republic of Korea', 'KOR'],
  KP: ['朝鲜', '北韩', 'North Korea', 'DPRK'],
  AE: ['阿联酋', 'UAE', 'Emirates', 'ARE', 'Dubai', '迪拜'],
  RU: ['Russian Federation', 'RUS'],
  VN: ['Viet Nam', 'VNM'],
  NL: ['Holland', 'The Netherlands', 'NLD'],
  CZ: ['Czech Republic'],
  TR: ['Turkey', 'Türkiye', 'TUR'],
  CI: ['Ivory Coast'],
  SA: ['沙特', 'Saudi', 'SAU'],
  DE: ['DEU', 'Deutschland'],
  FR: ['FRA'],
  JP: ['JPN'],
  SG: ['SGP'],
  AU: ['AUS'],
  CA: ['CAN'],
  IN: ['IND'],
  BR: ['BRA', 'Brasil'],
  MX: ['MEX', 'México'],
  TH: ['THA'],
  MY: ['MYS', '大马'],
  ID: ['IDN', '印尼'],
  PH: ['PHL'],
  IT: ['ITA', 'Italia'],
  ES: ['ESP', 'España'],
};

let lookup: Map<string, string> | null = null;

function buildLookup(): Map<string, string> {
  const map = new Map<string, string>();
  const namers = ['en', 'zh-Hans', 'zh-Hant'].map((locale) => new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }));
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code) || !namers[0]!.of(code)) continue;
      map.set(code.toLowerCase(), code);
      for (const namer of namers) {
        const name = namer.of(code);
        if (name) map.set(foldKey(name), code);
      }
    }
  }
  for (const [code, names] of Object.entries(ALIASES)) for (const name of names) map.set(foldKey(name), code);
  return map;
}

/** 'CN' for "中国", "China", "cn", "中國", "PRC"; refuses what it does not know rather than guessing. */
export function parseCountry(cell: Cell): ValueResult<string> {
  const text = String(cell).trim();
  if (text === '') return fail('required');
  lookup ??= buildLookup();
  const code = lookup.get(foldKey(text));
  return code ? ok(code) : fail('invalid_country');
}
