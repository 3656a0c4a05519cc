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
 * An import row refused because its order number is taken names the order holding it, as the order form does: its
 * customer, its date and the number as typed there. The holder may be an order recorded before, or an earlier row of
 * the same file — still held for writing, or written already.
 */
let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('settings:update', { homeCountry: 'CN', baseCurrency: 'CNY' });
  const { customer } = await app.call('customers:create', { name: '王芳' });
  await app.call('orders:create', { customerId: customer.id, orderDate: '2026-10-05', amount: '100', currency: 'CNY', orderNumber: 'INV-1' });
});
afterEach(() => app.cleanup());

const file = (name: string, lines: string[]) => {
  const path = join(app.dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
};

/** The refusal naming the holder; `context` says where it came from (none: an earlier import, which can be undone). */
const named = (customer: string, date: string, number: string, context?: 'app' | 'file') => ({
  reason: 'order_number_taken', field: 'orderNumber', params: context ? { customer, date, number, context } : { customer, date, number },
});

describe('an import row whose order number is taken', () => {
  it('names the order recorded before, in the preview in both languages and in the English message', async () => {
    const path = file('orders.csv', ['单号,客户名称,下单日期,金额', 'inv\u200B-1,李四,2026-11-01,80', 'INV-2,李四,2026-11-02,90']);
    const preview = await app.call('import:preview', { kind: 'orders', source: { path }, unknownCustomers: 'create' });
    expect(preview).toMatchObject({ added: 1, rejected: 1 });
    // Entered in the app: there is no import to undo, so the words say what the row can be instead.
    expect(preview.errors).toEqual([expect.objectContaining({ row: 2, ...named('王芳', '2026-10-05', 'INV-1', 'app') })]);
    expect(preview.errors[0]!.message).toBe(
      'Row 2, column "单号" "inv\u200B-1": is already used by the order of 王芳 dated 2026-10-05 (entered there as INV-1): that order was entered in the app: if this row is that order, it is recorded already; if it is another order, give it a number of its own in the file.',
    );
    setupI18n('zh-CN');
    await i18next.changeLanguage('zh-CN');
    const zh = renderToStaticMarkup(createElement(PreviewSummary, { result: preview }));
    expect(zh).toContain('该单号已被客户“王芳”2026-10-05 的订单使用（在软件中录入，写作 INV-1）：若这一行就是那张订单，它已记录');
    expect(zh).not.toContain('撤销');
    await i18next.changeLanguage('en');
    const en = renderToStaticMarkup(createElement(PreviewSummary, { result: preview }));
    expect(en).toContain('This order number is already used by the order of 王芳 dated 2026-10-05, entered in the app (as INV-1): if this row is that order');
    expect(en).not.toContain('undo');
  });

  it('held by an earlier import, says to undo that import to import it again', async () => {
    await app.call('import:commit', { kind: 'orders', source: { path: file('first.csv', ['单号,客户名称,下单日期,金额', 'B-1,李四,2026-11-01,80']) }, unknownCustomers: 'create' });
    const preview = await app.call('import:preview', { kind: 'orders', source: { path: file('again.csv', ['单号,客户名称,下单日期,金额', 'b-1,李四,2026-11-01,80']) } });
    expect(preview.errors).toEqual([expect.objectContaining({ row: 2, ...named('李四', '2026-11-01', 'B-1') })]);
    expect(preview.errors[0]!.message).toContain('import each order once; undo the earlier import to import it again.');
    setupI18n('zh-CN');
    await i18next.changeLanguage('zh-CN');
    expect(renderToStaticMarkup(createElement(PreviewSummary, { result: preview }))).toContain('该单号已被客户“李四”2026-11-01 的订单使用（该订单上写作 B-1）：每个订单只导入一次；要重新导入请先撤销上次导入');
    await i18next.changeLanguage('en');
    expect(renderToStaticMarkup(createElement(PreviewSummary, { result: preview }))).toContain('(entered there as B-1): import each order once; undo the earlier import to import it again');
  });

  it('names an earlier row of the same file, held for writing or written already', async () => {
    // 201 orders between the second A-7 and the first: the held orders are written every 200, so the first is in the
    // database by then; the a-7 right after it is still held.
    const filler = Array.from({ length: 201 }, (_, i) => `F-${i},李四,2026-11-03,1`);
    const path = file('orders.csv', ['单号,客户名称,下单日期,金额', 'A-7,张三,2026-11-01,80', 'a-7,李四,2026-11-02,90', ...filler, 'Ａ－７,李四,2026-11-04,70']);
    const result = await app.call('import:commit', { kind: 'orders', source: { path }, unknownCustomers: 'create', onError: 'skip' });
    expect(result).toMatchObject({ added: 202, rejected: 2 });
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 3, ...named('张三', '2026-11-01', 'A-7', 'file') }),
      expect.objectContaining({ row: 205, ...named('张三', '2026-11-01', 'A-7', 'file') }),
    ]);
    expect(result.errors[0]!.message).toContain('an earlier row of this file: write each order once');
  });

  it('names it in a file of order lines too', async () => {
    const path = file('lines.csv', ['单号,客户名称,下单日期,商品,数量,单价', 'inv-1,李四,2026-11-01,龙井,1,80', 'inv-1,李四,2026-11-01,绿茶,1,5']);
    const result = await app.call('import:preview', { kind: 'orders', source: { path }, unknownCustomers: 'create' });
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 2, ...named('王芳', '2026-10-05', 'INV-1', 'app') }),
      expect.objectContaining({ row: 3, ...named('王芳', '2026-10-05', 'INV-1', 'app') }),
    ]);
  });

  it('names it in the command line output', () => {
    const path = file('orders.csv', ['单号,客户名称,下单日期,金额', 'inv-1,李四,2026-11-01,80']);
    const run = cli('import', 'orders', path, '--create-customers', '--on-error', 'skip', '--db', app.dbPath);
    expect(run.stdout).toContain('Row 2, column "单号" "inv-1": is already used by the order of 王芳 dated 2026-10-05 (entered there as INV-1): that order was entered in the app');
    const refused = cli('import', 'orders', path, '--create-customers', '--db', app.dbPath);
    expect(refused.stdout + refused.stderr).toContain('is already used by the order of 王芳 dated 2026-10-05 (entered there as INV-1)');
  });
});
