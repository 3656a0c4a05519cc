import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../shared/contract/orders';
import { tempDir } from '../support/test-app';
import { cli } from '../support/cli';

/** The CLI as a user runs it: a separate process, flags in, text or --json out, exit code. */
const json = <T>(...args: string[]): T => {
  const run = cli(...args, '--json');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
};

let db: string;
let customerId: string;
beforeAll(() => {
  db = join(tempDir(), 'orders-cli.sqlite');
  customerId = json<{ customer: { id: string } }>('customers', 'add', '--db', db, '--name', '陈记茶行').customer.id;
});
const query = (sql: string, ...params: unknown[]) => {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare(sql).get(...params) as Record<string, unknown>;
  } finally {
    raw.close();
  }
};

describe('orders on the command line', () => {
  it('adds an order with lines, a number, a cost, part payment and a due date; returns against it; takes a payment; lists it', () => {
    const order = json<Order>(
      'orders', 'add', '--db', db, '--customer', customerId, '--date', '2026-11-02', '--currency', 'CNY',
      '--number', 'INV-7', '--cost', '150', '--paid', '100', '--due', '2026-11-30',
      '--line', 'LJ-250|龙井茶|2|88.50', '--line', '|茶杯|4|12.25',
    );
    // 2 × 88.50 + 4 × 12.25 = 177 + 49 = 226
    expect([order.amountMinor, order.costMinor, order.unpaidMinor, order.paymentDueDate, order.orderNumber]).toEqual([22600, 15000, 22600 - 10000, '2026-11-30', 'INV-7']);
    expect(query('SELECT count(*) AS n, sum(amount_minor) AS total FROM order_lines WHERE order_id = ?', order.id)).toEqual({ n: 2, total: 22600 });

    const back = json<Order>('orders', 'return', '--db', db, '--order', order.id, '--amount', '26', '--date', '2026-11-05');
    expect([back.kind, back.amountMinor, back.returnOfOrderId, back.orderDate]).toEqual(['return', -2600, order.id, '2026-11-05']);
    // Its share of the cost comes back: 15000 × 2600 / 22600.
    expect(back.costMinor).toBe(-Math.round((15000 * 2600) / 22600));

    const paid = json<Order>('orders', 'pay', '--db', db, '--order', order.id, '--amount', '50');
    // Owed 126 less 26 returned = 100; paying 50 leaves 50.
    expect(paid.balanceMinor).toBe(12600 - 2600 - 5000);

    const listed = json<{ orders: Order[]; balanceBaseMinor: number }>('orders', 'list', '--db', db, '--customer', customerId);
    expect(listed.orders.map((o) => [o.kind, o.amountMinor])).toEqual([['sale', 22600], ['return', -2600]]);
    expect(listed.balanceBaseMinor).toBe(5000);
    expect(query('SELECT order_count, revenue_base_minor FROM customers WHERE id = ?', customerId)).toEqual({ order_count: 1, revenue_base_minor: 22600 - 2600 });

    const text = cli('orders', 'list', '--db', db, '--customer', customerId);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('[LJ-250] 龙井茶 × 2 @ 88.50 = 177.00');
    expect(text.stdout).toContain('part owes 50.00 CNY due 2026-11-30');
    expect(text.stdout).toContain('2 orders; owed 50.00 CNY');

    expect(cli('products', 'search', '--db', db, '--query', 'ljc').stdout).toContain('龙井茶');
  });

  it('refuses what it cannot record with exit codes and messages, changing nothing', () => {
    const before = query('SELECT count(*) AS n FROM orders');
    expect(cli('orders', 'add', '--db', db, '--customer', customerId, '--date', '2026-11-02', '--currency', 'CNY')).toMatchObject({ code: 2, stderr: 'error: --amount or at least one --line is required\n' });
    expect(cli('orders', 'add', '--db', db, '--customer', customerId, '--date', '2026-11-02', '--currency', 'CNY', '--line', 'x|y|2')).toMatchObject({ code: 2 });
    expect(cli('orders', 'add', '--db', db, '--customer', customerId, '--date', '2026-11-02', '--currency', 'CNY', '--line', '|茶|abc|1').stderr).toContain('quantity must be a number');
    const taken = cli('orders', 'add', '--db', db, '--customer', customerId, '--date', '2026-11-02', '--currency', 'CNY', '--amount', '5', '--number', 'INV-7');
    expect(taken.code).toBe(2);
    // The refusal names the order holding the number: whose, of which day, and the number as typed there.
    expect(taken.stderr).toBe('error: --number is already used by the order of 陈记茶行 dated 2026-11-02 (entered there as INV-7)\n');
    // The same invoice typed in lower case, with an input method's full-width mode on, or pasted with a zero-width space, is the same number.
    for (const typed of ['inv-7', 'ＩＮＶ－７', 'INV\u200B-7']) {
      expect(cli('orders', 'add', '--db', db, '--customer', customerId, '--date', '2026-11-02', '--currency', 'CNY', '--amount', '5', '--number', typed)).toMatchObject({
        code: 2,
        stderr: taken.stderr,
      });
    }
    const sale = json<{ orders: Order[] }>('orders', 'list', '--db', db, '--customer', customerId).orders[0]!;
    const tooMuch = cli('orders', 'return', '--db', db, '--order', sale.id, '--amount', '9999');
    expect(tooMuch.code).toBe(2);
    expect(tooMuch.stderr).toContain('is more than is left to return of the order (200.00 CNY)');
    expect(cli('orders', 'return', '--db', db, '--amount', '1')).toMatchObject({ code: 2 });
    expect(query('SELECT count(*) AS n FROM orders')).toEqual(before);
  });

  it('refuses an order, a return and a follow-up on a customer merged into another, writing nothing', () => {
    const merged = json<{ customer: { id: string } }>('customers', 'add', '--db', db, '--name', '陈记茶行（重复）').customer.id;
    json('merge', '--db', db, '--keep', customerId, '--merge', merged);
    const counts = 'SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM follow_ups) AS followUps, (SELECT count(*) FROM orders WHERE customer_id = ?) AS theirs';
    const before = query(counts, merged);
    for (const command of [
      ['orders', 'add', '--customer', merged, '--date', '2026-11-02', '--currency', 'CNY', '--amount', '5'],
      ['orders', 'return', '--customer', merged, '--currency', 'CNY', '--amount', '5'],
      ['followups', 'add', '--customer', merged, '--content', 'called'],
    ]) {
      const run = cli(...command, '--db', db);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`No live customer with id ${merged}: it is deleted or merged into another customer`);
    }
    expect(query(counts, merged)).toEqual(before);
    // The customer it was merged into takes the same follow-up.
    expect(cli('followups', 'add', '--customer', customerId, '--content', 'called', '--db', db).code).toBe(0);
    // A merged customer's own history still lists (nothing moved over is shown twice: it had none of its own).
    expect(json<{ orders: Order[] }>('orders', 'list', '--db', db, '--customer', merged).orders).toEqual([]);
  });

  it('says there is no such customer when --customer names none, rather than "0 orders"', () => {
    const run = cli('orders', 'list', '--db', db, '--customer', 'no-such-id');
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: 'error: No customer with id no-such-id\n' });
    // Every other command taking --customer already refused it the same way.
    for (const command of [
      ['explain'],
      ['offers'],
      ['predict'],
      ['followups', 'add', '--content', 'called'],
      ['orders', 'add', '--date', '2026-11-02', '--currency', 'CNY', '--amount', '5'],
      ['orders', 'return', '--currency', 'CNY', '--amount', '5'],
    ]) {
      const other = cli(...command, '--customer', 'no-such-id', '--db', db);
      expect(other.code, command.join(' ')).toBe(1);
      expect(other.stderr, command.join(' ')).toMatch(/^error: No (live )?customer with id no-such-id/);
    }
  });
});
