import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PreviewSummary } from '../../renderer/features/import/PreviewSummary';
import { setupI18n } from '../../renderer/i18n';
import { cli } from '../support/cli';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * One 13/12/2026 in a date column makes every 07/12/2026 of it the 7th of December. The importer may read it so,
 * but not without a word: the preview, the screen and the CLI name the row that decided it.
 */
const ORDERS = [
  '客户名称,下单日期,金额',
  '张三,07/12/2026,100',
  '李四,08/11/2026,200',
  '王五,05/12/2026,300',
  '赵六,01/02/2026,400',
  '钱七,13/12/2026,500',
].join('\n');

let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东' });
});
afterEach(() => app.cleanup());

const file = (text: string) => {
  const path = join(app.dir, 'orders.csv');
  writeFileSync(path, text);
  return path;
};
const input = (path: string) => ({ kind: 'orders' as const, source: { path }, unknownCustomers: 'create' as const });

describe('a day/month order settled by one row', () => {
  it('names the row that settled it and how many dates it decided', async () => {
    const preview = await app.call('import:preview', input(file(ORDERS)));
    // Dates read either way: both parts 12 or under and different (07/12, 08/11, 05/12, 01/02), counted apart from the parser.
    const eitherWay = ORDERS.split('\n').slice(1).map((l) => l.split(',')[1]!.split('/').map(Number)).filter(([d, m]) => d! <= 12 && m! <= 12 && d !== m).length;
    expect(preview.inferred.dateEvidence).toEqual({ date: { row: 6, value: '13/12/2026', eitherWay, order: 'dmy', header: '下单日期' } });

    await app.call('import:commit', input(file(ORDERS)));
    const dates = app.db.$client.prepare(`SELECT o.order_date FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.name = '张三'`).pluck().all();
    expect(dates).toEqual(['2026-12-07']);
  });

  it('says nothing when no date of the column could be read the other way, or the order was chosen', async () => {
    const settled = ['客户名称,下单日期,金额', '张三,13/12/2026,100', '李四,25/11/2026,200'].join('\n');
    expect((await app.call('import:preview', input(file(settled)))).inferred.dateEvidence).toEqual({});
    expect((await app.call('import:preview', { ...input(file(ORDERS)), dateOrder: 'dmy' })).inferred.dateEvidence).toEqual({});
  });

  it('shows it on the preview screen in both languages', async () => {
    const preview = await app.call('import:preview', input(file(ORDERS)));
    setupI18n('zh-CN');
    await i18next.changeLanguage('zh-CN');
    expect(renderToStaticMarkup(createElement(PreviewSummary, { result: preview }))).toContain('“下单日期”列的日期按日/月/年读取，因为第 6 行是 13/12/2026');
    await i18next.changeLanguage('en');
    expect(renderToStaticMarkup(createElement(PreviewSummary, { result: preview }))).toContain('Dates in &quot;下单日期&quot; are read as day/month/year, as row 6 has 13/12/2026');
  });

  it("says it in the CLI's summary in both languages", () => {
    const path = file(ORDERS);
    const db = join(app.dir, 'cli.sqlite');
    const en = cli('import', 'orders', path, '--db', db, '--dry-run', '--create-customers', '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('dates in "下单日期" read as day/month, as row 6 has 13/12/2026; 4 more dates');
    const zh = cli('import', 'orders', path, '--db', db, '--dry-run', '--create-customers', '--lang', 'zh-CN');
    expect(zh.stdout).toContain('“下单日期”列的日期按日/月读取，因为第 6 行是 13/12/2026');
  });
});
