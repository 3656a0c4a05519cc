import { spellingOf, type ClassSpellings } from '../../shared/segmentation';

/**
 * Human output names a free-text class (industry, income, size) by its customers' spelling, as the screens do;
 * other classes by their key. The spellings ride along with a command's output for its human form only.
 */
export type WithSpellings<T> = T & { spellings: ClassSpellings };

/**
 * The spellings for a command's human output; none under --json, which leaves them out. Reading them is three
 * grouped scans of the customers (tens of milliseconds at 100k), which a script asking for JSON need not pay.
 */
export async function spellingsFor(values: { json?: unknown }, call: (name: 'segments:classSpellings', input: Record<string, never>) => Promise<ClassSpellings>): Promise<ClassSpellings> {
  return values.json === true ? {} : call('segments:classSpellings', {});
}

export const shownClass = (spellings: ClassSpellings, scheme: string, classKey: string): string => spellingOf(spellings, scheme, classKey) ?? classKey;

/** The output as it was before the spellings joined it: --json keeps its shape. */
export function withoutSpellings<T extends object>({ spellings: _spellings, ...rest }: WithSpellings<T>): T {
  return rest as unknown as T;
}
