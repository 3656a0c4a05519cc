import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-app';
import { cli } from '../support/cli';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});

describe('order lines and offers on the command line', () => {
  it('imports a lines file, exports the lines again, and tells what a customer usually buys', () => {
    const db = join(dir, 'shop.sqlite');
    const file = join(dir, 'lines.csv');
    writeFileSync(file, ['Invoice,Customer code,Date,SKU,Product,Quantity,Unit price', 'S1,K1,2025-05-01,TEA,Green tea,4,25', 'S1,K1,2025-05-01,CUP,Cup,1,8', 'C-S2,K1,2025-05-09,CUP,Cup,-1,8'].join('\n'));
    const imported = cli('import', 'orders', file, '--db', db, '--create-customers', '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ added: 3, rejected: 0, customersCreated: 1, orders: { orders: 2, lines: 3, returns: 1 } });

    const out = join(dir, 'lines-out.csv');
    const exported = cli('export', 'order-lines', out, '--db', db, '--lang', 'en', '--json');
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ rows: 3 });
    expect(readFileSync(out, 'utf8')).toContain('Order number');

    const customer = JSON.parse(cli('customers', 'list', '--db', db, '--json').stdout).rows[0].id as string;
    const offers = cli('offers', '--db', db, '--customer', customer, '--json');
    expect(offers.code, offers.stderr).toBe(0);
    // Tea: 4 × 25 = 100.00; the one cup was returned, so it is not a usual product.
    expect(JSON.parse(offers.stdout).usuallyBuys.map((p: { sku: string; amountBaseMinor: number }) => [p.sku, p.amountBaseMinor])).toEqual([['TEA', 10000]]);
    const human = cli('offers', '--db', db, '--customer', customer);
    expect(human.stdout).toContain('Green tea [TEA]: 1 order, 4 bought, last on 2025-05-01, 100.00 CNY');
    // One customer: they are their own class, and its top product is their tea.
    const classes = JSON.parse(cli('offers', 'classes', '--db', db, '--scheme', 'pyramid', '--json').stdout);
    expect(classes.classes.flatMap((c: { products: Array<{ sku: string; reason: { buyers: number } }> }) => c.products.map((p) => [p.sku, p.reason.buyers]))).toEqual([['TEA', 1]]);
  }, 240_000);
});
