import i18next from 'i18next';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resources } from '../../renderer/i18n/resources';
import { tableCounts } from '../support/table-counts';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A quote that never closes swallows every later line into one cell: the file cannot be read as a table.
 * The preview says so and the commit refuses, naming the line the quote opens on; nothing is written.
 */
let app: TestApp;
beforeEach(() => {
  app = openTestApp();
});
afterEach(() => app.cleanup());

const normalRows = Array.from({ length: 20 }, (_, i) => `客户${i},138000020${String(i).padStart(2, '0')},`);
const unclosed = ['客户名称,手机,备注', '甲,13800001000,"他说 好的', ...normalRows].join('\n');
const closed = ['客户名称,手机,备注', '甲,13800001000,"他说 好的"', ...normalRows].join('\n');

const refusal = { code: 'invalid_input', issues: [{ path: ['source'], key: 'import_unterminated_quote', params: { line: 2, text: '他说 好的' } }], message: expect.stringContaining('opening on line 2 is never closed') };

describe('a CSV with an unterminated quote', () => {
  it('is refused by the preview and the commit, from a file on disk and from uploaded bytes, and nothing is written; closed, it imports', async () => {
    const path = join(app.dir, 'customers.csv');
    writeFileSync(path, unclosed);
    const before = tableCounts(app.db.$client);
    const bytes = { base64: Buffer.from(unclosed).toString('base64'), fileName: 'customers.csv' };
    for (const source of [{ path }, bytes]) {
      await expect(app.call('import:preview', { kind: 'customers', source })).rejects.toMatchObject(refusal);
      await expect(app.call('import:commit', { kind: 'customers', source })).rejects.toMatchObject(refusal);
      await expect(app.call('import:commit', { kind: 'customers', source, onError: 'skip' })).rejects.toMatchObject(refusal);
    }
    expect(tableCounts(app.db.$client)).toEqual(before);
    expect(app.db.$client.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
    expect(app.db.$client.prepare('SELECT count(*) FROM import_mappings').pluck().get()).toBe(0);

    // The same file with the quote closed imports all 21 rows.
    writeFileSync(path, closed);
    const done = await app.call('import:commit', { kind: 'customers', source: { path } });
    expect([done.rowsTotal, done.added]).toEqual([21, 21]);
    expect(app.db.$client.prepare(`SELECT notes FROM customers WHERE name = '甲'`).pluck().get()).toBe('他说 好的');
    expect(app.db.$client.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(21);
  });

  it('reads in both languages on the Import screen, with the line and the start of the value', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { 'zh-CN': { errors: resources.errors['zh-CN'] }, en: { errors: resources.errors.en } }, lng: 'zh-CN', interpolation: { escapeValue: false } });
    const params = refusal.issues[0]!.params;
    expect(i18n.t('errors:issue.import_unterminated_quote', { ...params, lng: 'zh-CN' })).toMatch(/^第 2 行有一个引号没有闭合（从“他说 好的”开始）/);
    expect(i18n.t('errors:issue.import_unterminated_quote', { ...params, lng: 'en' })).toMatch(/^The quoted value opening on line 2 \("他说 好的"\) is never closed/);
  });
});
