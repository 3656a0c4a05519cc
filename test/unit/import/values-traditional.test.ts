import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { foldKey } from '../../../shared/import/fold';
import { RETURN_WORDS, parseYesNo } from '../../../shared/import/order-record';
import { yesNoParser, YES_NO_WORDS } from '../../../shared/import/parse-yes-no';
import { ARCHIVED_WORDS, LOCALITY_MANUAL_WORDS, REMINDER_CLOSED_WORDS } from '../../../shared/import/row-records';
import {
  CHANNEL_WORDS,
  CUSTOMER_TYPE_WORDS,
  INTENT_WORDS,
  LOCALITY_WORDS,
  MANUAL_LEVEL_WORDS,
  NEEDS_WORDS,
  parseChoice,
  parseSatisfaction,
  SATISFACTION_WORDS,
  SOURCE_WORDS,
  TRADITIONAL_VALUE_FORMS,
  type ValueResult,
  type Vocabulary,
} from '../../../shared/import/values';

/** Every list of value words the importer reads, with the parser that reads it. */
const choice = (words: Vocabulary<string>) => ({ words: [...words.words.keys()], parse: (cell: string) => parseChoice(cell, words) });
const yesNo = (extra: { yes: readonly string[]; no: readonly string[] }, parse: (cell: string) => ValueResult<boolean>) => ({
  words: [...YES_NO_WORDS.yes, ...YES_NO_WORDS.no, ...extra.yes, ...extra.no],
  parse,
});
const VOCABULARIES: Record<string, { words: string[]; parse: (cell: string) => ValueResult<unknown> }> = {
  customerType: choice(CUSTOMER_TYPE_WORDS),
  intent: choice(INTENT_WORDS),
  channel: choice(CHANNEL_WORDS),
  needs: choice(NEEDS_WORDS),
  manualLevel: choice(MANUAL_LEVEL_WORDS),
  source: choice(SOURCE_WORDS),
  satisfaction: { words: [...SATISFACTION_WORDS.keys()], parse: parseSatisfaction },
  yesNo: yesNo({ yes: [], no: [] }, yesNoParser()),
  returnColumn: yesNo(RETURN_WORDS, parseYesNo),
  reminderClosed: yesNo(REMINDER_CLOSED_WORDS, yesNoParser(REMINDER_CLOSED_WORDS)),
  locality: choice(LOCALITY_WORDS),
  archived: yesNo(ARCHIVED_WORDS, yesNoParser(ARCHIVED_WORDS)),
  localityManual: yesNo(LOCALITY_MANUAL_WORDS, yesNoParser(LOCALITY_MANUAL_WORDS)),
};

// Big5 as Windows writes it in Taiwan (code page 950): unlike iconv-lite's 'big5', which is Big5-HKSCS and holds many
// Simplified characters (电, 个, 强), it holds none, so a word it cannot encode has characters of its own in Traditional.
const inBig5 = (text: string, encoding: 'big5' | 'cp950') => iconv.decode(iconv.encode(text, encoding), encoding) === text;
const formsByKey = new Map(Object.entries(TRADITIONAL_VALUE_FORMS).map(([simplified, forms]) => [foldKey(simplified), forms]));

describe('Traditional Chinese values (files from Taiwan and Hong Kong)', () => {
  it('each Traditional form differs from its Simplified word in script only, is written in Big5, and parses to the same value', () => {
    for (const [simplified, forms] of Object.entries(TRADITIONAL_VALUE_FORMS)) {
      const holding = Object.entries(VOCABULARIES).filter(([, v]) => v.words.includes(foldKey(simplified)));
      expect(holding.length, `${simplified} is a word of no vocabulary`).toBeGreaterThan(0);
      for (const form of forms) {
        expect(form, simplified).not.toBe(simplified);
        expect(form.length, form).toBe(simplified.length);
        expect(inBig5(form, 'big5'), form).toBe(true);
        expect(inBig5(form, 'cp950'), form).toBe(true);
        for (const [name, { parse }] of holding) {
          expect(parse(simplified), `${name}: ${simplified}`).toMatchObject({ ok: true });
          expect(parse(form), `${name}: ${form}`).toEqual(parse(simplified));
        }
      }
    }
  });

  it('every Chinese word with characters Big5 lacks has its Traditional form listed', () => {
    const lacking = Object.entries(VOCABULARIES).flatMap(([name, { words }]) =>
      words.filter((word) => /\p{Script=Han}/u.test(word) && !inBig5(word, 'cp950') && !formsByKey.has(foldKey(word))).map((word) => `${name}: ${word}`),
    );
    expect(lacking).toEqual([]);
  });

  it.each([
    [CHANNEL_WORDS, '電話', 'call'],
    [CHANNEL_WORDS, '視訊會議', 'meeting'],
    [CHANNEL_WORDS, '郵件', 'email'],
    [INTENT_WORDS, '猶豫', 'hesitant'],
    [INTENT_WORDS, '以後再說', 'not_now'],
    [CUSTOMER_TYPE_WORDS, '企業', 'enterprise'],
    [CUSTOMER_TYPE_WORDS, '經銷商', 'distributor'],
    [SOURCE_WORDS, '中國製造網', 'b2b_platform'],
    [SOURCE_WORDS, '電話行銷', 'cold_call'],
    [MANUAL_LEVEL_WORDS, 'B類', 'B'],
  ] as const)('%#: %s is %s', (words, cell, value) => {
    expect(parseChoice(cell, words as Vocabulary<string>)).toEqual({ ok: true, value });
  });

  it('reads satisfaction words and yes/no words in Traditional', () => {
    expect(['非常滿意', '滿意', '不滿意'].map(parseSatisfaction)).toEqual([5, 4, 2].map((value) => ({ ok: true, value })));
    expect(['對', '退貨', '沒有', '無', '銷售'].map((c) => parseYesNo(c))).toEqual([true, true, false, false, false].map((value) => ({ ok: true, value })));
    expect(['已關閉', '未關閉', '待辦'].map(yesNoParser(REMINDER_CLOSED_WORDS))).toEqual([true, false, false].map((value) => ({ ok: true, value })));
  });
});
