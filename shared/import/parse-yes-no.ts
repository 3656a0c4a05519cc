import { foldKey } from './fold';
import { fail, ok, type ValueResult } from './result';
import type { Cell } from './table';
import { withTraditionalForms } from './values-traditional';

export interface YesNoWords {
  yes: readonly string[];
  no: readonly string[];
}

/** Yes and no as people write them in every yes/no column (是/否, Y/N, 1/0, √). */
export const YES_NO_WORDS: YesNoWords = {
  yes: ['是', '对', '有', 'y', 'yes', 'true', '1', 'x', '√', '✓'],
  no: ['否', '不是', '无', '没有', 'n', 'no', 'false', '0', '-'],
};

/**
 * A yes/no cell, with the words a column adds for itself (a return column's 退货 and "refund" are yes, a
 * reminder column's 已完成 and "closed"). Traditional forms (對, 沒有, 退貨) are added here for every word.
 */
export function yesNoParser(extra: Partial<YesNoWords> = {}): (cell: Cell) => ValueResult<boolean> {
  const yes = new Set(withTraditionalForms([...YES_NO_WORDS.yes, ...(extra.yes ?? [])]).map(foldKey));
  const no = new Set(withTraditionalForms([...YES_NO_WORDS.no, ...(extra.no ?? [])]).map(foldKey));
  return (cell) => {
    const key = foldKey(String(cell));
    if (yes.has(key)) return ok(true);
    if (no.has(key)) return ok(false);
    return fail('invalid_yes_no');
  };
}
