import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeText } from '../unit/import/fixtures';
import { sheetWorkbook } from '../unit/import/zip-builder';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A line break inside a cell — LF, CR LF (text pasted on Windows, Excel's "_x000D_" and a line feed), a lone CR (a
 * Mac's) — is the line break the user wrote, kept as LF as the app stores typed notes: in the app a lone CR would
 * show as a space. Import → export → import then leaves every note as it was, in CSV and .xlsx alike.
 */
let apps: TestApp[] = [];
const app = () => {
  const opened = openTestApp();
  apps.push(opened);
  return opened;
};
beforeEach(() => {
  apps = [];
});
afterEach(() => apps.forEach((a) => a.cleanup()));

const EXPECTED = [
  { name: '张三', notes: '第一行\n第二行' },
  { name: '李四', notes: 'line one\nline two\nline three' },
  { name: '王五', notes: '甲\n\n乙' },
];

const notes = (a: TestApp) => a.db.$client.prepare(`SELECT name, notes FROM customers WHERE deleted_at IS NULL ORDER BY name`).all();
const contents = (a: TestApp) => a.db.$client.prepare(`SELECT content FROM follow_ups WHERE deleted_at IS NULL ORDER BY content`).pluck().all();

/** Exports customers and follow-ups as `format` and imports both into an empty workspace. */
async function roundTrip(from: TestApp, format: 'csv' | 'xlsx'): Promise<TestApp> {
  const to = app();
  for (const [channel, kind] of [['export:customers', 'customers'], ['export:followUps', 'followups']] as const) {
    const path = join(from.dir, `${kind}-out.${format}`);
    await from.call(channel, { path });
    expect(await to.call('import:commit', { kind, source: { path } }), `${kind} ${format}`).toMatchObject({ rejected: 0 });
  }
  return to;
}

describe('line breaks inside a cell', () => {
  it('a lone CR and a CR LF inside quoted CSV cells come in as line breaks, and go out and back in unchanged', async () => {
    const a = app();
    const customers = join(a.dir, 'customers.csv');
    // The file's own rows end in CR LF; inside the quotes: a Mac's lone CR, Windows' CR LF, and two line breaks.
    writeFileSync(customers, encodeText(['客户名称,备注', '张三,"第一行\r第二行"', '李四,"line one\r\nline two\nline three"', '王五,"甲\r\r乙"', ''].join('\r\n'), 'utf-8', true));
    expect(await a.call('import:commit', { kind: 'customers', source: { path: customers } })).toMatchObject({ added: 3, rejected: 0 });
    const followUps = join(a.dir, 'followups.csv');
    writeFileSync(followUps, ['客户名称,跟进时间,跟进内容', '张三,2026-03-01 10:00,"报价\r已发"', '李四,2026-03-02 11:00,"回访\r\n满意"'].join('\n'));
    expect(await a.call('import:commit', { kind: 'followups', source: { path: followUps } })).toMatchObject({ added: 2, rejected: 0 });
    expect(notes(a)).toEqual(EXPECTED);
    expect(contents(a)).toEqual(['回访\n满意', '报价\n已发']);

    for (const format of ['csv', 'xlsx'] as const) {
      const b = await roundTrip(a, format);
      expect(notes(b), format).toEqual(EXPECTED);
      expect(contents(b), format).toEqual(['回访\n满意', '报价\n已发']);
    }
    // The CSV export quotes the note with its line break, as Excel reads it.
    expect(readFileSync(join(a.dir, 'customers-out.csv'), 'utf8')).toContain('"第一行\n第二行"');
  });

  it('a workbook as Excel writes it (CR as "_x000D_" or &#13;) comes in with line breaks, not carriage returns', async () => {
    const a = app();
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
    const rows = [
      `<row r="1">${cell('A1', '客户名称')}${cell('B1', '备注')}</row>`,
      `<row r="2">${cell('A2', '张三')}${cell('B2', '第一行_x000D_第二行')}</row>`,
      `<row r="3">${cell('A3', '李四')}${cell('B3', 'line one_x000D_\nline two&#13;\nline three')}</row>`,
      `<row r="4">${cell('A4', '王五')}${cell('B4', '甲&#13;&#13;乙')}</row>`,
    ].join('');
    const path = join(a.dir, 'excel.xlsx');
    writeFileSync(path, sheetWorkbook(rows));
    expect(await a.call('import:commit', { kind: 'customers', source: { path } })).toMatchObject({ added: 3, rejected: 0 });
    expect(notes(a)).toEqual(EXPECTED);
    for (const format of ['csv', 'xlsx'] as const) expect(notes(await roundTrip(a, format)), format).toEqual(EXPECTED);
  });
});
