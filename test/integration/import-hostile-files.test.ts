import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PreviewSummary } from '../../renderer/features/import/PreviewSummary';
import { setupI18n } from '../../renderer/i18n';
import { encodeText } from '../unit/import/fixtures';
import { part, repeatedPart, SHEET_HEAD, SHEET_TAIL, workbookParts, zip } from '../unit/import/zip-builder';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * Hostile import files through the product path (import:preview and import:commit via dispatch on a
 * real database): each is refused as invalid_input with the key the screen translates, the process
 * lives on, and the database is exactly as before.
 */
let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东' });
  await app.call('import:commit', { kind: 'customers', source: { path: file('seed.csv', '客户名称,电话\n老客户,13800138000\n') } });
});
afterEach(() => app.cleanup());

const MB = 1024 * 1024;
const file = (name: string, content: string | Uint8Array) => {
  const path = join(app.dir, name);
  writeFileSync(path, content);
  return path;
};
const snapshot = () => {
  const db = app.db.$client;
  return {
    customers: db.prepare('SELECT id, name FROM customers ORDER BY id').all(),
    batches: db.prepare('SELECT count(*) FROM import_batches').pluck().get(),
  };
};

const rowsBomb = (declaredSize?: number) => {
  const sheet = repeatedPart('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<row><c t="inlineStr"><is><t>客户名称</t></is></c></row>`, '<row><c t="inlineStr"><is><t>客户</t></is></c></row>'.repeat(20_000), 450, SHEET_TAIL);
  return zip([...workbookParts(), { ...sheet, declaredSize: declaredSize ?? sheet.size }]);
};
const cellBomb = (declaredSize?: number) => {
  const sheet = repeatedPart('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<row><c t="inlineStr"><is><t>`, 'A'.repeat(MB), 4095, `</t></is></c></row>${SHEET_TAIL}`);
  return zip([...workbookParts(), { ...sheet, declaredSize: declaredSize ?? sheet.size }]);
};

const CASES: Array<[string, () => string | Uint8Array, string]> = [
  ['450 MB of rows in a small .xlsx', () => rowsBomb(), 'import_xlsx_too_large'],
  ['the same rows with an understated size', () => rowsBomb(MB), 'import_xlsx_unreadable'],
  ['a 4 GB cell', () => cellBomb(), 'import_xlsx_too_large'],
  ['a 4 GB cell with an understated size', () => cellBomb(64 * MB), 'import_cell_too_long'],
  ['a sheet row past 1,048,576', () => zip([...workbookParts(), part('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<row r="1048577"><c><v>1</v></c></row>${SHEET_TAIL}`)]), 'import_too_many_rows'],
  ['a 50,000-column repeated header', () => `${'客户名称,'.repeat(49_999)}客户名称\n张三\n`, 'import_too_many_columns'],
  ['a 30 MB single line', () => `客户名称,备注\n张三,"${'很长'.repeat(15_000_000)}"\n`, 'import_record_too_large'],
];

describe('hostile import files', () => {
  it.each(CASES)('%s is refused with a translated key and nothing written', async (_, build, key) => {
    const before = snapshot();
    // No extension: the importer goes by content, as it does with files named anything.
    const path = file('hostile-file', build());
    for (const channel of ['import:preview', 'import:commit'] as const) {
      await expect(app.call(channel, { kind: 'customers', source: { path } })).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: ['source'], key }] });
    }
    expect(snapshot()).toEqual(before);
  }, 30_000);

  it('previews a file mixing GBK and UTF-8 with a warning naming the garbled rows', async () => {
    const gbk = encodeText('客户名称,电话\r\n张三,13800138001\r\n李四,13800138002\r\n王五,13800138003\r\n赵六,13800138004\r\n', 'gbk');
    const utf8 = encodeText('深圳新客户,13900139000\r\n', 'utf-8');
    const path = file('mixed.csv', Buffer.concat([gbk, utf8]));
    const before = snapshot();
    const preview = await app.call('import:preview', { kind: 'customers', source: { path } });
    expect(preview).toMatchObject({ encoding: 'gb18030', rowsTotal: 5 });
    expect(preview.tableIssues).toContainEqual({ code: 'decoding_suspect', encoding: 'gb18030', rows: [6], count: 1 });
    expect(snapshot()).toEqual(before);

    // The import screen's summary of that very preview says so, in either language.
    setupI18n('zh-CN');
    await i18next.changeLanguage('zh-CN');
    expect(renderToStaticMarkup(createElement(PreviewSummary, { result: preview }))).toContain('按 GB18030 编码读取时，有 1 行文字看起来是乱码（第 6 行）');
    await i18next.changeLanguage('en');
    expect(renderToStaticMarkup(createElement(PreviewSummary, { result: preview }))).toContain('Read as GB18030, this row looks garbled: 6.');
  });
});
