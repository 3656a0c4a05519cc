/**
 * The currencies TierBook takes and how many minor digits each is stored with: the app's own table, not the
 * runtime's. Amounts are stored as whole minor units, so a currency's digits say what every stored amount
 * means; read from Intl, they were whatever the running ICU data said, and that differs between the
 * runtimes one database meets: the desktop app's Chromium gives RSD 0 digits where the command line's Node
 * gives 2, and knows no SLE, XCG or ZWG. The same stored 1000 would then be RSD 1,000 in the app and 10.00 in
 * the command line, and an update of either would move every amount with it.
 *
 * Taken from ICU's currency data as the app has used it (the desktop app's values where runtimes differ:
 * RSD 0). Where that data differs from ISO 4217 (HUF, IDR and IQD without minor units, as they are written in
 * practice), amounts already stored keep their meaning.
 */
const CODES = `
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL
BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD
EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR
ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR
LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO
NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG
SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD
TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XDR XOF XPF XSU YER ZAR ZMW
ZWG ZWL`;

/** Every code above not stored with two minor digits. */
const NOT_TWO_DIGITS: Readonly<Record<string, number>> = {
  AFN: 0, ALL: 0, BIF: 0, CLP: 0, COP: 0, DJF: 0, GNF: 0, HUF: 0, IDR: 0, IQD: 0, IRR: 0, ISK: 0, JPY: 0, KMF: 0,
  KPW: 0, KRW: 0, LAK: 0, LBP: 0, MGA: 0, MMK: 0, PKR: 0, PYG: 0, RSD: 0, RWF: 0, SLL: 0, SOS: 0, SYP: 0, UGX: 0,
  VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0, YER: 0,
  BHD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
};

const DIGITS: ReadonlyMap<string, number> = new Map(CODES.trim().split(/\s+/).map((code) => [code, NOT_TWO_DIGITS[code] ?? 2]));

/** The ISO 4217 codes the app takes, in alphabetical order. */
export const CURRENCY_CODES: readonly string[] = [...DIGITS.keys()];

/** The minor digits `code` is stored with; undefined for a code the app does not take. */
export function currencyDigits(code: string): number | undefined {
  return DIGITS.get(code);
}
