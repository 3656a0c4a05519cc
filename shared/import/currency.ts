import { isCurrencyCode } from '../domain/money';
import { foldValue } from './fold';

/**
 * "$" and "¥" name several currencies. They are read as the caller says — a Hong Kong business's "$"
 * is HKD, a Japanese file's "¥" is JPY — and default to USD and CNY, the commonest for our users.
 */
export interface CurrencyDefaults {
  dollar?: string;
  yen?: 'CNY' | 'JPY';
}

export interface CurrencyMatch {
  code: string;
  /** True for "$" and "¥", which a currency column may legitimately refine (e.g. "$" + HKD). */
  generic: boolean;
}

const DOLLAR_CURRENCIES = new Set(['USD', 'HKD', 'TWD', 'SGD', 'AUD', 'CAD', 'NZD', 'MXN', 'CLP', 'COP', 'ARS']);

const WORDS: Record<string, string> = {};
function words(code: string, list: string[]): void {
  for (const w of list) WORDS[foldValue(w).replace(/[\s.]/g, '')] = code;
}
words('USD', ['US$', 'U$S', 'USD', '美元', '美金', 'dollar', 'dollars', 'US dollar', 'US dollars', 'U.S. dollar']);
words('HKD', ['HK$', 'HKD', '港币', '港元', '港幣', 'Hong Kong dollar']);
words('TWD', ['NT$', 'NTD', 'TWD', '新台币', '新台幣', '台币', '台幣']);
words('SGD', ['S$', 'SGD', '新加坡元', '新币', 'Singapore dollar']);
words('AUD', ['A$', 'AU$', 'AUD', '澳元', '澳币', 'Australian dollar']);
words('CAD', ['C$', 'CA$', 'CAD', '加元', '加币', 'Canadian dollar']);
words('NZD', ['NZ$', 'NZD', '纽元', '新西兰元']);
words('MXN', ['MX$', 'MXN', '墨西哥比索']);
words('EUR', ['€', 'EUR', 'euro', 'euros', '欧元', '歐元']);
words('GBP', ['£', 'GBP', 'pound', 'pounds', 'sterling', '英镑', '英鎊']);
words('CNY', ['元', '圆', '块', 'RMB', 'CNY', 'CN¥', '人民币', '人民幣', 'yuan', 'renminbi', 'RMB¥']);
words('JPY', ['円', 'JPY', 'JP¥', '日元', '日圆', '日圓', 'yen']);
words('KRW', ['₩', 'KRW', 'won', '韩元', '韓元']);
words('INR', ['₹', 'INR', 'Rs', 'rupee', 'rupees', '卢比', '印度卢比']);
words('BRL', ['R$', 'BRL', 'real', 'reais', '雷亚尔']);
words('RUB', ['₽', 'RUB', 'руб', 'rouble', 'ruble', 'roubles', 'rubles', '卢布', '盧布']);
words('THB', ['฿', 'THB', 'baht', '泰铢', '泰銖']);
words('VND', ['₫', 'VND', 'dong', '越南盾']);
words('PHP', ['₱', 'PHP', '菲律宾比索']);
words('MYR', ['RM', 'MYR', 'ringgit', '马币', '令吉', '林吉特']);
words('IDR', ['Rp', 'IDR', 'rupiah', '印尼盾']);
words('TRY', ['₺', 'TRY', 'TL', 'lira', '土耳其里拉']);
words('AED', ['AED', 'dirham', 'dirhams', '迪拉姆', '阿联酋迪拉姆']);
words('SAR', ['SAR', 'riyal', '沙特里亚尔']);
words('CHF', ['CHF', 'Fr.', '瑞士法郎']);
words('PLN', ['zł', 'PLN', 'zloty', '兹罗提']);
words('ILS', ['₪', 'ILS', 'shekel', '谢克尔']);
words('ZAR', ['ZAR', 'rand', '兰特']);
words('NGN', ['₦', 'NGN', 'naira', '奈拉']);
words('MOP', ['MOP', 'MOP$', '澳门元', '澳门币', '澳門幣']);
words('UAH', ['₴', 'UAH', 'hryvnia', '格里夫纳']);
words('KZT', ['₸', 'KZT', 'tenge', '坚戈']);

export function isDollarCurrency(code: string): boolean {
  return DOLLAR_CURRENCIES.has(code);
}

/**
 * A currency symbol, code or name ("¥", "US$", "RMB", "人民币", "euro", "eur") as an ISO 4217 code,
 * or null when unknown. Any valid ISO code is accepted even without an entry above.
 */
export function matchCurrency(text: string, defaults: CurrencyDefaults = {}): CurrencyMatch | null {
  const key = foldValue(text).replace(/[\s.]/g, '');
  if (key === '') return null;
  if (key === '$') return { code: defaults.dollar ?? 'USD', generic: true };
  if (key === '¥') return { code: defaults.yen ?? 'CNY', generic: true };
  const known = WORDS[key];
  if (known) return { code: known, generic: false };
  const upper = key.toUpperCase();
  return isCurrencyCode(upper) ? { code: upper, generic: false } : null;
}

export function parseCurrency(text: string, defaults: CurrencyDefaults = {}): string | null {
  return matchCurrency(text, defaults)?.code ?? null;
}

/** Whether a generic symbol read from a cell fits the currency another column states. */
export function genericAllows(symbolCode: string, stated: string): boolean {
  if (symbolCode === stated) return true;
  if (isDollarCurrency(symbolCode)) return isDollarCurrency(stated);
  return (symbolCode === 'CNY' || symbolCode === 'JPY') && (stated === 'CNY' || stated === 'JPY');
}
