import { describe, expect, it } from 'vitest';
import { invalidInput } from '../../../shared/contract/errors';
import { ApiError } from '../../../renderer/api/client';
import { errorText } from '../../../renderer/components/errors';
import { applyBulkText } from '../../../renderer/features/customers/bulk-text';
import { bothTranslators } from '../../support/both-languages';

const translators = bothTranslators();

/** The save's answer to a tag holding a separator, as the contract words it over a transport. */
const separatorRefusal = () => new ApiError(invalidInput([{ path: ['action', 'tag'], key: 'tag_has_separator' }]).toBody());

/**
 * The customer list's bulk popover (tag, owner) emptied its box and closed before the save answered: a refused tag
 * ("fair,spring") or a failed call lost what was typed, said only in a passing message. The text now stays until the
 * save succeeds, and a refusal is said under the box.
 */
describe.each(['en', 'zh-CN'] as const)('the bulk popover’s box after a save (%s)', (language) => {
  const reasons = {
    en: 'One tag cannot hold , ; 、 or | (a customers file reads them as between tags)',
    'zh-CN': '一个标签里不能有 , ; 、 或 |（导入文件时它们用来分隔多个标签）',
  };

  it('a refused tag stays in the box, open, with the reason in the user’s language', async () => {
    const sent: string[] = [];
    const box = await applyBulkText(' fair,spring ', async (text) => {
      sent.push(text);
      throw separatorRefusal();
    }, (error) => errorText(error, translators[language]));
    expect(sent).toEqual(['fair,spring']);
    expect(box).toEqual({ value: ' fair,spring ', open: true, refusal: reasons[language] });
  });

  it('a call that fails keeps the owner typed, with the failure said', async () => {
    const failed = new ApiError({ code: 'busy', message: 'database is busy' });
    const box = await applyBulkText('王经理', () => Promise.reject(failed), (error) => errorText(error, translators[language]));
    expect(box.value).toBe('王经理');
    expect(box.open).toBe(true);
    expect(box.refusal).toBe(translators[language]('errors:code.busy'));
    expect(box.refusal).not.toBe('database is busy');
  });

  it('only a save that succeeded empties and closes the box', async () => {
    const box = await applyBulkText('spring-fair', () => Promise.resolve({ updated: 4 }), () => 'never asked');
    expect(box).toEqual({ value: '', open: false, refusal: null });
  });
});
