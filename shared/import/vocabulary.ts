import { foldKey } from './fold';
import type { ReasonParams } from './result';
import { withTraditionalForms } from './values-traditional';

/** One of the data model's fixed vocabularies: the words a cell may say, and what a refused cell is told. */
export interface Vocabulary<T extends string> {
  /** Folded word (see foldKey) → value: so case, spaces and punctuation never matter. */
  readonly words: ReadonlyMap<string, T>;
  /** invalid_choice's params: the values as they may be written, in English and in Chinese. */
  readonly allowed: ReasonParams;
}

/**
 * Builds a vocabulary from each value's words in Simplified Chinese and English, with their Traditional forms
 * added here so no vocabulary has to list them. The value key is a word too. A refused cell is shown the keys
 * (underscores as spaces: "not now") and each value's first word, so that word is the value's usual Chinese
 * name — the shortest list that tells the user what the column takes.
 */
export function vocabulary<T extends string>(entries: Record<T, readonly [string, ...string[]]>): Vocabulary<T> {
  const words = new Map<string, T>();
  const english: string[] = [];
  const chinese: string[] = [];
  for (const [value, synonyms] of Object.entries(entries) as Array<[T, readonly [string, ...string[]]]>) {
    words.set(foldKey(value), value);
    for (const word of withTraditionalForms(synonyms)) words.set(foldKey(word), value);
    english.push(value.replace(/_/g, ' '));
    chinese.push(synonyms[0]);
  }
  return { words, allowed: allowedList(english, chinese) };
}

/** The params of invalid_choice: one list per language the app speaks. */
export function allowedList(english: readonly string[], chinese: readonly string[]): ReasonParams {
  return { allowed: english.join(', '), allowedZh: chinese.join('、') };
}
