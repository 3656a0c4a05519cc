import { AppError } from '../../shared/contract/errors';

/**
 * Money is summed as JavaScript numbers, exact up to 2^53 − 1 minor units (about 90 trillion in a currency
 * with cents). A class's revenue over a long range of a very large business can pass that: the sums are then
 * no longer exact, and the contract's output check failed the whole report as an internal error in English.
 * The report is refused instead, with a reason the screen words and a way out (a shorter range).
 */
export function exactMoney<T>(report: T): T {
  const unsafe = (value: unknown, key: string): boolean => {
    if (typeof value === 'number') return key.endsWith('Minor') && !Number.isSafeInteger(value);
    if (value === null || typeof value !== 'object') return false;
    return Array.isArray(value) ? value.some((v) => unsafe(v, key)) : Object.entries(value).some(([k, v]) => unsafe(v, k));
  };
  if (unsafe(report, '')) throw new AppError('invalid_input', 'The report sums more money than can be counted exactly; choose a shorter range.', [{ path: ['to'], key: 'report_amount_too_large' }]);
  return report;
}
