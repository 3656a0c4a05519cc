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

const named = (customer: string, date: string, number: string) => ({ reason: 'order_number_taken', field: 'orderNumber', params: { customer, date, number } });

describe('an import row whose order number is taken', () => {
  it('names the order recorded before, in the preview in both languages and in the English message', async () => {
    const path = file('orders.csv', ['单号,客户名称,下单日期,金额', 'inv\u200B-1,李四,2026-11-01,80', 'INV-2,李四,2026-11-02,90']);
    const preview = await app.call('import:preview', { kind: 'orders', source: { path }, unknownCustomers: 'create' });
    expect(preview).toMatchObject({ added: 1, rejected: 1 });
    expect(preview.errors).toMatchObject([{ row: 2, ...named('王芳', '2026-10-05', 'INV-1') }]);
    expect(preview.errors[0]!.message).toBe(
      'Row 2, column "单号" "inv\u200B-1": is already used by the order of 王芳 dated 2026-10-05 (entered there as INV-1): import each order once; undo the earlier import to import it again.',
    );
    setupI18n('zh-CN');
    await i18next.changeLanguage('zh-CN');
    expect(renderToStaticMarkup(createElement(PreviewSummary, { result: preview }))).toContain('该单号已被客户“王芳”2026-10-05 的订单使用（该订单上写作 INV-1）');
    await i18next.changeLanguage('en');
    expect(renderToStaticMarkup(createElement(PreviewSummary, { result: preview }))).toContain('This order number is already used by the order of 王芳 dated 2026-10-05 (entered there as INV-1)');
  });

  it('names an earlier row of the same file, held for writing or written already', async () => {
    // 201 orders between the second A-7 and the first: the held orders are written every 200, so the first is in the
    // database by then; the a-7 right after it is still held.
    const filler = Array.from({ length: 201 }, (_, i) => `F-${i},李四,2026-11-03,1`);
    const path = file('orders.csv', ['单号,客户名称,下单日期,金额', 'A-7,张三,2026-11-01,80', 'a-7,李四,2026-11-02,90', ...filler, 'Ａ－７,李四,2026-11-04,70']);
    const result = await app.call('import:commit', { kind: 'orders', source: { path }, unknownCustomers: 'create', onError: 'skip' });
    expect(result).toMatchObject({ added: 202, rejected: 2 });
    expect(result.errors).toMatchObject([
      { row: 3, ...named('张三', '2026-11-01', 'A-7') },
      { row: 205, ...named('张三', '2026-11-01', 'A-7') },
    ]);
  });

  it('names it in a file of order lines too', async () => {
    const path = file('lines.csv', ['单号,客户名称,下单日期,商品,数量,单价', 'inv-1,李四,2026-11-01,龙井,1,80', 'inv-1,李四,2026-11-01,绿茶,1,5']);
    const result = await app.call('import:preview', { kind: 'orders', source: { path }, unknownCustomers: 'create' });
    expect(result.errors).toMatchObject([
      { row: 2, ...named('王芳', '2026-10-05', 'INV-1') },
      { row: 3, ...named('王芳', '2026-10-05', 'INV-1') },
    ]);
  });

  it('names it in the command line output', () => {
    const path = file('orders.csv', ['单号,客户名称,下单日期,金额', 'inv-1,李四,2026-11-01,80']);
    const run = cli('import', 'orders', path, '--create-customers', '--on-error', 'skip', '--db', app.dbPath);
    expect(run.stdout).toContain('Row 2, column "单号" "inv-1": is already used by the order of 王芳 dated 2026-10-05 (entered there as INV-1): import each order once');
    const refused = cli('import', 'orders', path, '--create-customers', '--db', app.dbPath);
    expect(refused.stdout + refused.stderr).toContain('is already used by the order of 王芳 dated 2026-10-05 (entered there as INV-1)');
  });
});
