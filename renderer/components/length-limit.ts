import type { TFunction } from 'i18next';

/** A rule for an antd Form.Item (antd's Rule, by shape: this file stays free of React). */
export interface LengthRule {
  validator(rule: unknown, value: unknown): Promise<void>;
}

/**
 * A text field's limit, said rather than enforced by cutting: an input's maxLength (the browser's maxlength)
 * dropped whatever a paste carried past it without a word, so a 10,000-character note pasted into a follow-up was
 * saved as its first 4,000 and the rest was gone. The field now keeps all that was pasted and says, as soon as it is
 * pasted, how long it is against the limit; the save is refused until it fits (the contract has the same limit).
 * Lengths are counted as the contract's zod `.max` counts them, in code points (an emoji is one, not two UTF-16
 * units as maxlength counted), so the field and the save never disagree.
 */
export function lengthLimit(t: TFunction, language: string, max: number): LengthRule {
  return {
    validator: (_, value) => {
      const text = tooLongText(t, language, value, max);
      return text === null ? Promise.resolve() : Promise.reject(new Error(text));
    },
  };
}

/** "10,689 characters, at most 4,000: shorten it by 6,689 to save (nothing was cut)"; null when it fits. */
export function tooLongText(t: TFunction, language: string, value: unknown, max: number): string | null {
  if (!isTooLong(value, max)) return null;
  const length = [...(value as string)].length;
  const number = new Intl.NumberFormat(language);
  return t('common:tooLong', { length: number.format(length), max: number.format(max), over: number.format(length - max) });
}

/** Whether a text is longer than max, counted in code points as the contract counts: for a save that has no form to ask. */
export function isTooLong(value: unknown, max: number): boolean {
  // Units first: a text that fits in UTF-16 units fits in code points, and is not walked at every keystroke.
  return typeof value === 'string' && value.length > max && [...value].length > max;
}
