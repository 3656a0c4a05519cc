import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../renderer/i18n/resources';

/** The import's result line, as the Import screen and its list of imports show it, for a million-row file. */
describe('the import result line', () => {
  const counts = { added: 1_000_000, updated: 12_345, skipped: 0, rejected: 7 };
  it.each([
    ['en', 'Imported: 1,000,000 new, 12,345 updated, 0 skipped, 7 with errors'],
    ['zh-CN', '已导入：新增 1,000,000，更新 12,345，跳过 0，有错误 7'],
  ] as const)('groups the digits of large counts in %s', async (language, expected) => {
    const i18n = createInstance();
    await i18n.init({ lng: language, resources: { [language]: { importing: resources.importing[language] } }, interpolation: { escapeValue: false } });
    expect(i18n.t('importing:done', counts)).toBe(expected);
  });
});
