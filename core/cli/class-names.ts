import { spellingOf, type ClassSpellings } from '../../shared/segmentation';

/**
 * Human output names a free-text class (industry, income, size) by its customers' spelling, as the screens do;
 * other classes by their key. The spellings ride along with a command's output for its human form only.
 */
export type WithSpellings<T> = T & { spellings: ClassSpellings };

export const shownClass = (spellings: ClassSpellings, scheme: string, classKey: string): string => spellingOf(spellings, scheme, classKey) ?? classKey;

/** The output as it was before the spellings joined it: --json keeps its shape. */
export function withoutSpellings<T extends object>({ spellings: _spellings, ...rest }: WithSpellings<T>): T {
  return rest as unknown as T;
}
