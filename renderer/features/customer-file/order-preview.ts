import { convertMinor, isCurrencyCode, parseAmount } from '../../../shared/domain/money';
import { typedAmount } from '../../../shared/domain/typed-number';

/** What the order will count for in the base currency, shown before saving: the same rounding as orders:create. */
export type ConvertedPreview = { kind: 'same' } | { kind: 'converted'; baseMinor: number; rate: number } | { kind: 'no_rate' } | null;

export function convertedPreview(amount: string | undefined, currency: string | undefined, baseCurrency: string, rate: number | null | undefined): ConvertedPreview {
  if (!currency || !isCurrencyCode(currency)) return null;
  const parsed = parseAmount(typedAmount(amount ?? ''), currency);
  if (!parsed.ok || parsed.minor < 0) return null;
  if (currency === baseCurrency) return { kind: 'same' };
  if (!rate || !(rate > 0)) return { kind: 'no_rate' };
  return { kind: 'converted', baseMinor: convertMinor(parsed.minor, currency, rate, baseCurrency), rate };
}
