import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PreviewSummary } from '../../renderer/features/import/PreviewSummary';
import { setupI18n } from '../../renderer/i18n';
import { encodeText, makeXlsx } from '../unit/import/fixtures';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东' });
});
afterEach(() => app.cleanup());

const customers = () => app.db.$client.prepare(`SELECT name, city, notes FROM customers WHERE deleted_at IS NULL ORDER BY name`).all();

describe('a report with two title lines above its header', () => {
  it.each([
    [
      'csv',
      () => encodeText(['广州市XX贸易有限公司,,,', '报表日期：2026-03-01,,,', ',,,', '客户名称,电话,城市,备注', '张三,13800138000,广州,老客户', '李四,13900139000,深圳,'].join('\r\n'), 'gbk'),
    ],
    [
      'xlsx',
      () =>
        makeXlsx((wb) => {
          const s = wb.addWorksheet('客户');
          s.addRow(['广州市XX贸易有限公司']);
          s.mergeCells('A1:D1');
          s.addRow(['报表日期：2026-03-01']);
          s.mergeCells('A2:D2');
          s.addRow([]);
          s.addRow(['客户名称', '电话', '城市', '备注']);
          s.addRow(['张三', '13800138000', '广州', '老客户']);
          s.addRow(['李四', '13900139000', '深圳', null]);
        }),
    ],
  ] as const)('imports as .%s with the real header, and the preview names the skipped rows and the header row in either language', async (format, build) => {
    const path = join(app.dir, `report.${format}`);
    writeFileSync(path, await build());
    const preview = await app.call('import:preview', { kind: 'customers', source: { path } });
    expect(preview).toMatchObject({ headers: ['客户名称', '电话', '城市', '备注'], rowsTotal: 2, added: 2, rejected: 0 });
    expect(preview.columns.map((c) => c.field)).toEqual(['name', 'phone', 'city', 'notes']);
    expect(preview.tableIssues.filter((i) => i.code === 'title_row_skipped')).toEqual([
      { code: 'title_row_skipped', row: 1, line: 1, text: '广州市XX贸易有限公司', headerRow: 4 },
      { code: 'title_row_skipped', row: 2, line: 2, text: '报表日期：2026-03-01', headerRow: 4 },
    ]);
    setupI18n('zh-CN');
    await i18next.changeLanguage('zh-CN');
    expect(renderToStaticMarkup(createElement(PreviewSummary, { result: preview }))).toContain('第 1, 2 行看起来是标题，没有导入；表头是第 4 行。');
    await i18next.changeLanguage('en');
    expect(renderToStaticMarkup(createElement(PreviewSummary, { result: preview }))).toContain('Rows 1, 2 look like titles and are not imported; the header is row 4.');

    expect(await app.call('import:commit', { kind: 'customers', source: { path } })).toMatchObject({ added: 2, rejected: 0 });
    expect(customers()).toEqual([
      { name: '张三', city: '广州', notes: '老客户' },
      { name: '李四', city: '深圳', notes: null },
    ]);
  });
});
