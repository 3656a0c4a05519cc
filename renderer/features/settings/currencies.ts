/** Currencies offered first in pickers; any other ISO 4217 code can be typed. */
export const COMMON_CURRENCIES = [
  'CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'AUD', 'CAD', 'SGD', 'KRW', 'THB', 'VND', 'MYR', 'IDR', 'INR', 'AED', 'BRL', 'RUB',
] as const;

/** The currency's name in the UI language ("人民币", "US Dollar"), or the code when Intl does not know it. */
export function currencyName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function currencyLabel(code: string, language: string): string {
  const name = currencyName(code, language);
  return name && name !== code ? `${code} · ${name}` : code;
}

/** Looks like a currency code while typing ("usd" counts; the server checks it is a real one). */
export function isCodeShaped(text: string): boolean {
  return /^[A-Za-z]{3}$/.test(text.trim());
}
