import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../renderer/i18n/resources';

/** The import's counts, as the Import screen and its list of imports show them, for a million-row file. */
describe('the import screen\'s counts', () => {
  const counts = { added: 1_000_000, updated: 12_345, skipped: 0, rejected: 7 };
  it.each([
    ['en', 'Imported: 1,000,000 new, 12,345 updated, 0 skipped, 7 with errors'],
    ['zh-CN', '已导入：新增 1,000,000，更新 12,345，跳过 0，有错误 7'],
  ] as const)('groups the digits of large counts in %s', async (language, expected) => {
    const i18n = createInstance();
    await i18n.init({ lng: language, resources: { [language]: { importing: resources.importing[language] } }, interpolation: { escapeValue: false } });
    expect(i18n.t('importing:done', counts)).toBe(expected);
  });

  it.each([
    ['en', 'Rows read: 250,000 · 21,440 rows/s', 'A file of order lines: 1,200,000 lines make 410,000 orders (1,234 of them returns); rows sharing an order number form one order'],
    ['zh-CN', '已处理 250,000 行 · 每秒 21,440 行', '这是订单明细文件：1,200,000 行明细合成 410,000 个订单（其中退货 1,234 个），同一单号的行归入同一订单'],
  ] as const)('groups them in the progress and the order lines summary in %s', async (language, progress, orderLines) => {
    const i18n = createInstance();
    await i18n.init({ lng: language, resources: { [language]: { importing: resources.importing[language] } }, interpolation: { escapeValue: false } });
    expect(i18n.t('importing:progress', { rows: 250_000, speed: 21_440 })).toBe(progress);
    expect(i18n.t('importing:orderLines', { lines: 1_200_000, count: 410_000, returns: 1_234 })).toBe(orderLines);
  });
});
