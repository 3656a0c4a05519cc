import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HeaderRowControl } from '../../renderer/features/import/HeaderRowControl';
import { PreviewSummary } from '../../renderer/features/import/PreviewSummary';
import { setupI18n } from '../../renderer/i18n';
import { resources } from '../../renderer/i18n/resources';
import { cli } from '../support/cli';
import { makeXlsx } from '../unit/import/fixtures';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * The header row given by the user, when the one found under title lines is wrong: here a title line as wide as the
 * table (四 cells: 客户名单 | 2026年3月 | 制表人 | 张会计) is taken for the header, since no line below it is wider.
 */
let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东' });
});
afterEach(() => app.cleanup());

const LINES = ['客户名单,2026年3月,制表人,张会计', '', '客户名称,电话,城市', '张三,13800138000,广州', '李四,13900139000,深圳'];
const customers = () => app.db.$client.prepare(`SELECT name, city FROM customers WHERE deleted_at IS NULL ORDER BY name`).all();

/** The file three ways the importer reads it: a CSV on disk (streamed), a workbook, a CSV's bytes (an upload). */
const SOURCES = {
  csv: async () => {
    const path = join(app.dir, 'report.csv');
    writeFileSync(path, LINES.join('\r\n'));
    return { path };
  },
  xlsx: async () => {
    const path = join(app.dir, 'report.xlsx');
    // The blank row is no element in the sheet at all, as Excel writes it.
    writeFileSync(
      path,
      await makeXlsx((wb) => {
        const sheet = wb.addWorksheet('客户');
        LINES.forEach((line, i) => {
          if (line) sheet.getRow(i + 1).values = line.split(',');
        });
      }),
    );
    return { path };
  },
  upload: async () => ({ base64: Buffer.from(LINES.join('\n')).toString('base64'), fileName: 'report.csv' }),
} as const;

/** A refusal's issue, and its text in each language as the screen shows it. */
async function refusal(call: Promise<unknown>) {
  const error = (await call.then(() => null, (e: unknown) => e)) as { message: string; issues: { path: string[]; key: string; params: Record<string, unknown> }[] } | null;
  expect(error).not.toBeNull();
  const issue = error!.issues[0]!;
  const t = (lng: 'zh-CN' | 'en') => i18next.getFixedT(lng, 'errors')(`issue.${issue.key}`, issue.params);
  return { issue, message: error!.message, zh: t('zh-CN'), en: t('en') };
}

describe('the header row given for an import', () => {
  it.each(Object.keys(SOURCES) as (keyof typeof SOURCES)[])('read from a %s: found wrong, given right, imports the rows under it', async (kind) => {
    const source = await SOURCES[kind]();
    const found = await app.call('import:preview', { kind: 'customers', source });
    expect([found.headerRow, found.headers]).toEqual([1, ['客户名单', '2026年3月', '制表人', '张会计']]);

    const given = await app.call('import:preview', { kind: 'customers', source, headerRow: 3 });
    expect(given).toMatchObject({ headerRow: 3, headers: ['客户名称', '电话', '城市'], rowsTotal: 2, added: 2, rejected: 0 });
    expect(given.columns.map((c) => c.field)).toEqual(['name', 'phone', 'city']);
    expect(given.tableIssues.filter((i) => i.code === 'title_row_skipped')).toEqual([{ code: 'title_row_skipped', row: 1, line: 1, text: '客户名单 2026年3月 制表人 张会计', headerRow: 3, chosen: true }]);

    expect(await app.call('import:commit', { kind: 'customers', source, headerRow: 3 })).toMatchObject({ added: 2, rejected: 0 });
    expect(customers()).toEqual([
      { name: '张三', city: '广州' },
      { name: '李四', city: '深圳' },
    ]);
  });

  it.each(Object.keys(SOURCES) as (keyof typeof SOURCES)[])('read from a %s: a blank row, or one past the first lines, is refused in both languages and nothing is written', async (kind) => {
    setupI18n('en');
    const source = await SOURCES[kind]();
    const blank = await refusal(app.call('import:commit', { kind: 'customers', source, headerRow: 2 }));
    expect(blank.issue).toEqual({ path: ['headerRow'], key: 'import_header_row_blank', params: { row: 2, first: 1, last: 5, lines: 11 } });
    expect(blank.message).toBe('Row 2 is blank, so it cannot be the header: give the row holding the column names (one of rows 1–5, the first 11 that are not blank).');
    expect(blank.zh).toBe('第 2 行是空行，不能作表头：请填写列名所在的行（第 1–5 行中的一行，即前 11 个非空行）');
    expect(blank.en).toBe('Row 2 is blank, so it cannot be the header: give the row holding the column names (one of rows 1–5, the first 11 that are not blank)');

    const past = await refusal(app.call('import:preview', { kind: 'customers', source, headerRow: 6 }));
    expect(past.issue).toEqual({ path: ['headerRow'], key: 'import_header_row_beyond', params: { row: 6, first: 1, last: 5, lines: 11 } });
    expect(past.zh).toBe('第 6 行不能作表头：表头必须是文件前 11 个非空行之一，即第 1–5 行');
    expect(past.en).toBe('Row 6 cannot be the header: it must be one of the first 11 rows that are not blank, rows 1–5 of this file');
    expect(customers()).toEqual([]);
  });

  it('a row past the first 11 lines that are not blank is refused, though the file goes on', async () => {
    const path = join(app.dir, 'long.csv');
    writeFileSync(path, [...LINES, ...Array.from({ length: 20 }, (_, i) => `客户${i},1380000${String(1000 + i)},广州`)].join('\n'));
    const refused = await refusal(app.call('import:preview', { kind: 'customers', source: { path }, headerRow: 14 }));
    // Rows 1 and 3–12 are the first 11 that are not blank.
    expect(refused.issue).toMatchObject({ key: 'import_header_row_beyond', params: { row: 14, first: 1, last: 12 } });
    expect((await app.call('import:preview', { kind: 'customers', source: { path }, headerRow: 12 })).headers).toEqual(['客户6', '13800001006', '广州']);
  });

  it("a CSV's sep= line given as the header is refused as the delimiter line, not as a blank row", async () => {
    setupI18n('en');
    const path = join(app.dir, 'excel.csv');
    writeFileSync(path, ['sep=;', '客户名称;电话;城市', '张三;13800138000;广州'].join('\r\n'));
    const sep = await refusal(app.call('import:preview', { kind: 'customers', source: { path }, headerRow: 1 }));
    expect(sep.issue).toEqual({ path: ['headerRow'], key: 'import_header_row_sep_line', params: { row: 1, first: 2, last: 3, lines: 11 } });
    expect(sep.zh).toBe('第 1 行是文件的分隔符声明行（“sep=”），不是表头：请填写列名所在的行（第 2–3 行中的一行，即前 11 个非空行）');
    expect(sep.en).toBe('Row 1 is the file’s delimiter line ("sep="), not the header: give the row holding the column names (one of rows 2–3, the first 11 that are not blank)');
    const run = cli('import', 'customers', path, '--header-row', '1', '--db', join(app.dir, 'cli.sqlite'), '--dry-run');
    expect([run.code, run.stderr]).toEqual([2, 'error: Row 1 is the file’s delimiter line ("sep="), not the header: give the row holding the column names (one of rows 2–3, the first 11 that are not blank).\n']);
  });

  it('the contract takes a row number from 1', async () => {
    const source = await SOURCES.csv();
    for (const headerRow of [0, 1.5]) await expect(app.call('import:preview', { kind: 'customers', source, headerRow })).rejects.toMatchObject({ issues: [{ path: ['headerRow'] }] });
  });

  it('the screen: the notice says the lines are above the row given, and the control shows the row and the refusal', async () => {
    const source = await SOURCES.csv();
    const given = await app.call('import:preview', { kind: 'customers', source, headerRow: 3 });
    setupI18n('zh-CN');
    for (const [lng, notice, label] of [
      ['zh-CN', '第 1 行在所填的表头（第 3 行）上面，没有导入。', resources.importing['zh-CN'].headerRow.label],
      ['en', 'Row 1 is above the header row given (row 3) and is not imported.', resources.importing.en.headerRow.label],
    ] as const) {
      await i18next.changeLanguage(lng);
      const control = createElement(HeaderRowControl, { current: 3, given: 3, error: 'Row 2 …', onChoose: () => {} });
      const html = renderToStaticMarkup(createElement(PreviewSummary, { result: given, headerRow: control }));
      expect(html).toContain(notice);
      expect(html).toContain(label);
      expect(html).toMatch(/data-testid="import-header-row-input"[^>]*value="3"|value="3"[^>]*data-testid="import-header-row-input"/);
      expect(html).toContain('Row 2 …');
    }
  });
});

describe('--header-row', () => {
  const file = () => {
    const path = join(app.dir, 'report.csv');
    writeFileSync(path, LINES.join('\n'));
    return path;
  };

  it('imports under the row given, and names the lines above it', () => {
    const db = join(app.dir, 'cli.sqlite');
    const run = cli('import', 'customers', file(), '--header-row', '3', '--db', db);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('added 2, updated 0, skipped 0, rejected 0');
    expect(run.stdout).toContain('Row 1 ("客户名单 2026年3月 制表人 张会计") is above the header row given (3) and was skipped.');
  });

  it('--json gives the header row, found or given, as the contract result does', () => {
    const db = join(app.dir, 'cli.sqlite');
    for (const [given, headerRow] of [[[], 1], [['--header-row', '3'], 3]] as const) {
      const run = cli('import', 'customers', file(), ...given, '--db', db, '--dry-run', '--json');
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ dryRun: true, headerRow });
    }
    // An all-or-nothing import refused says it too: the rows in error are counted from it.
    const bad = join(app.dir, 'bad.csv');
    writeFileSync(bad, [...LINES, '王五,不是号码,广州'].join('\n'));
    const refused = cli('import', 'customers', bad, '--header-row', '3', '--db', db, '--json');
    expect(refused.code).not.toBe(0);
    expect(JSON.parse(refused.stdout)).toMatchObject({ refused: true, headerRow: 3, errors: [{ row: 6, reason: 'invalid_phone' }] });
  });

  it('refuses a blank row, one past the first lines, and what is not a row number, as bad input', () => {
    const db = join(app.dir, 'cli.sqlite');
    const blank = cli('import', 'customers', file(), '--header-row', '2', '--db', db, '--dry-run');
    expect([blank.code, blank.stderr]).toEqual([2, 'error: Row 2 is blank, so it cannot be the header: give the row holding the column names (one of rows 1–5, the first 11 that are not blank).\n']);
    const past = cli('import', 'customers', file(), '--header-row', '40', '--db', db);
    expect(past.code).toBe(2);
    expect(past.stderr).toContain('Row 40 cannot be the header: it must be one of the first 11 rows that are not blank, rows 1–5 of this file.');
    for (const bad of ['0', 'two']) {
      const run = cli('import', 'customers', file(), '--header-row', bad, '--db', db);
      expect([run.code, run.stderr.startsWith('error: --header-row must be')], bad).toEqual([2, true]);
    }
  });
});
