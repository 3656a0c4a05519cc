import { foldKey } from './fold';
import { fail, ok, type ValueResult } from './result';
import type { Cell } from './table';

const YES_WORDS = ['是', '对', '有', 'y', 'yes', 'true', '1', 'x', '√', '✓'];
const NO_WORDS = ['否', '不是', '无', '没有', 'n', 'no', 'false', '0', '-'];

/**
 * A yes/no cell as people write it (是/否, Y/N, 1/0, √), with the words a column adds for itself (a return
 * column's 退货 and "refund" are yes, a reminder column's 已完成 and "closed").
 */
export function yesNoParser(extra: { yes?: readonly string[]; no?: readonly string[] } = {}): (cell: Cell) => ValueResult<boolean> {
  const yes = new Set([...YES_WORDS, ...(extra.yes ?? [])].map(foldKey));
  const no = new Set([...NO_WORDS, ...(extra.no ?? [])].map(foldKey));
  return (cell) => {
    const key = foldKey(String(cell));
    if (yes.has(key)) return ok(true);
    if (no.has(key)) return ok(false);
    return fail('invalid_yes_no');
  };
}
