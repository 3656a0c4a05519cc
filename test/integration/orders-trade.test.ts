import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

// Today is 2026-11-23 (openTestApp's default); the base currency is CNY.
let app: TestApp;
let customerId: string;
beforeEach(async () => {
  app = openTestApp();
  customerId = (await app.call('customers:create', { name: '王芳' })).customer.id;
});
afterEach(() => app.cleanup());

const sql = <T = unknown>(query: string, ...params: unknown[]) => app.db.$client.prepare(query).get(...params) as T;
/** The customer's kept figures next to the same figures counted from the orders table by hand. */
function figures(id = customerId) {
  const kept = sql<{ order_count: number; revenue_base_minor: number; last_order_date: string | null }>(
    'SELECT order_count, revenue_base_minor, last_order_date FROM customers WHERE id = ?',
    id,
  );
  const counted = sql<{ n: number; revenue: number; last: string | null }>(
    "SELECT sum(kind = 'sale') AS n, coalesce(sum(base_amount_minor), 0) AS revenue, max(CASE WHEN kind = 'sale' THEN order_date END) AS last FROM orders WHERE customer_id = ? AND deleted_at IS NULL",
    id,
  );
  return { kept: [kept.order_count, kept.revenue_base_minor, kept.last_order_date], counted: [counted.n ?? 0, counted.revenue, counted.last] };
}

const sale = (extra: Record<string, unknown> = {}) =>
  app.call('orders:create', { customerId, orderDate: '2026-11-01', currency: 'CNY', amount: '100', ...extra } as Parameters<typeof app.call<'orders:create'>>[1]);

describe('orders as trade records', () => {
  it('derives the amount from the lines: sum of round(quantity × unit price), and stores the lines with their products', async () => {
    const order = await sale({
      amount: undefined,
      lines: [
        { sku: 'LJ-250', name: '龙井茶 250g', quantity: 3, unitPrice: '88.50' },
        { name: '茶具套装', quantity: 0.333, unitPrice: '10.01' },
      ],
    });
    // 3 × 8850 = 26550; 0.333 × 1001 = 333.333 → 333; total 26883.
    expect(order.amountMinor).toBe(3 * 8850 + Math.round(0.333 * 1001));
    expect(order.amountMinor).toBe(26883);
    expect(order.lines.map((l) => [l.position, l.sku, l.name, l.quantity, l.unitPriceMinor, l.amountMinor])).toEqual([
      [0, 'LJ-250', '龙井茶 250g', 3, 8850, 26550],
      [1, null, '茶具套装', 0.333, 1001, 333],
    ]);
    expect(sql<{ s: number }>('SELECT sum(amount_minor) AS s FROM order_lines WHERE order_id = ?', order.id).s).toBe(order.amountMinor);
    const products = app.db.$client.prepare('SELECT identity_key, last_unit_price_minor, last_sold_on FROM products ORDER BY identity_key').all();
    expect(products).toEqual([
      { identity_key: 'name:茶具套装', last_unit_price_minor: 1001, last_sold_on: '2026-11-01' },
      { identity_key: 'sku:LJ-250', last_unit_price_minor: 8850, last_sold_on: '2026-11-01' },
    ]);
    expect(order.lines.every((l) => l.productId !== null)).toBe(true);
    // A typed amount must agree with the lines.
    expect(await app.dispatch('orders:create', { customerId, orderDate: '2026-11-01', currency: 'CNY', amount: '265', lines: [{ name: 'x', quantity: 3, unitPrice: '88.50' }] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['amount'], key: 'amount_disagrees_with_lines', params: { total: '265.50' } }] },
    });
    expect((await sale({ amount: '265.50', lines: [{ name: 'x', quantity: 3, unitPrice: '88.50' }] })).amountMinor).toBe(26550);
    // No amount and no lines: the amount is required.
    expect(await app.dispatch('orders:create', { customerId, orderDate: '2026-11-01', currency: 'CNY' })).toMatchObject({ ok: false, error: { issues: [{ path: ['amount'], key: 'required' }] } });
  });

  it('refuses bad lines with the field of the line at fault, storing nothing', async () => {
    const bad = await app.dispatch('orders:create', {
      customerId,
      orderDate: '2026-11-01',
      currency: 'CNY',
      lines: [
        { name: 'ok', quantity: 1, unitPrice: '1' },
        { name: 'neg', quantity: 1, unitPrice: '-2' },
        { name: 'dec', quantity: 1, unitPrice: '1.234' },
      ],
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['lines', 1, 'unitPrice'], key: 'amount_negative' }, { path: ['lines', 2, 'unitPrice'], key: 'amount_too_many_decimals' }] },
    });
    const zeroQty = await app.dispatch('orders:create', { customerId, orderDate: '2026-11-01', currency: 'CNY', lines: [{ name: 'z', quantity: 0, unitPrice: '1' }] });
    expect(zeroQty).toMatchObject({ ok: false, error: { issues: [{ path: ['lines', 0, 'quantity'], key: 'quantity_out_of_range' }] } });
    // A minus on a sale's line was taken as a plus (-2 × ¥3 stored as a ¥6 sale); goods sent back are a return.
    const negativeQty = await app.dispatch('orders:create', { customerId, orderDate: '2026-11-01', currency: 'CNY', lines: [{ name: 'n', quantity: -2, unitPrice: '3' }] });
    expect(negativeQty).toMatchObject({ ok: false, error: { issues: [{ path: ['lines', 0, 'quantity'], key: 'quantity_negative_on_sale' }] } });
    expect(sql<{ n: number }>('SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM order_lines) + (SELECT count(*) FROM products) AS n').n).toBe(0);
  });

  it('keeps cost and profit at the order’s locked rate', async () => {
    await app.call('fx:upsert', { currency: 'USD', rateDate: '2026-10-01', rate: 7.2 });
    const order = await sale({ currency: 'USD', amount: '100', cost: '62.50' });
    expect([order.costMinor, order.baseCostMinor, order.profitMinor]).toEqual([6250, Math.round(62.5 * 7.2 * 100), 10000 - 6250]);
    expect((await sale({ cost: '0' })).profitMinor).toBe(10000);
    expect((await sale()).profitMinor).toBeNull();
    expect(await app.dispatch('orders:create', { customerId, orderDate: '2026-11-01', currency: 'CNY', amount: '1', cost: '-1' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['cost'], key: 'cost_negative' }] },
    });
  });

  it('records payment: paid in full, unpaid, part paid with a due date; balance and status derived', async () => {
    const paid = await sale({ payment: { status: 'paid', dueDate: '2026-12-01' } });
    expect([paid.unpaidMinor, paid.balanceMinor, paid.paymentStatus, paid.paymentDueDate]).toEqual([0, 0, 'paid', null]);
    const unpaid = await sale({ amount: '80', payment: { status: 'unpaid', dueDate: '2026-11-20' } });
    expect([unpaid.unpaidMinor, unpaid.balanceMinor, unpaid.paymentStatus, unpaid.overdue]).toEqual([8000, 8000, 'unpaid', true]);
    const part = await sale({ amount: '300', payment: { status: 'part', paid: '120', dueDate: '2026-12-31' } });
    expect([part.unpaidMinor, part.baseUnpaidMinor, part.balanceMinor, part.paymentStatus, part.overdue]).toEqual([18000, 18000, 18000, 'part', false]);
    const list = await app.call('orders:list', { customerId });
    const byHand = sql<{ owed: number; overdue: number }>(
      "SELECT sum(base_unpaid_minor) AS owed, sum(CASE WHEN payment_due_date < '2026-11-23' THEN base_unpaid_minor ELSE 0 END) AS overdue FROM orders WHERE customer_id = ? AND deleted_at IS NULL",
      customerId,
    );
    expect([list.balanceBaseMinor, list.overdueBaseMinor]).toEqual([byHand.owed, byHand.overdue]);
    expect([list.balanceBaseMinor, list.overdueBaseMinor]).toEqual([8000 + 18000, 8000]);
    for (const bad of [{ status: 'part' as const, paid: '300.01' }, { status: 'part' as const, paid: '-1' }]) {
      expect(await app.dispatch('orders:create', { customerId, orderDate: '2026-11-01', currency: 'CNY', amount: '300', payment: bad })).toMatchObject({
        ok: false,
        error: { issues: [{ path: ['payment', 'paid'], key: 'paid_out_of_range' }] },
      });
    }
    expect(await app.dispatch('orders:create', { customerId, orderDate: '2026-11-01', currency: 'CNY', amount: '300', payment: { status: 'part' } })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['payment', 'paid'], key: 'required' }] },
    });
  });

  it('records a payment against a balance: part, then the rest; refuses more than is owed or nothing', async () => {
    const order = await sale({ amount: '300', payment: { status: 'part', paid: '100', dueDate: '2026-11-10' } });
    const after = await app.call('orders:record-payment', { id: order.id, amount: '50' });
    expect([after.unpaidMinor, after.balanceMinor, after.paymentStatus, after.overdue, after.paymentDueDate]).toEqual([15000, 15000, 'part', true, '2026-11-10']);
    expect(await app.dispatch('orders:record-payment', { id: order.id, amount: '150.01' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['amount'], key: 'payment_out_of_range', params: { balance: '150.00' } }] },
    });
    expect(await app.dispatch('orders:record-payment', { id: order.id, amount: '0' })).toMatchObject({ ok: false, error: { issues: [{ key: 'payment_out_of_range' }] } });
    const settled = await app.call('orders:record-payment', { id: order.id });
    expect([settled.unpaidMinor, settled.baseUnpaidMinor, settled.balanceMinor, settled.paymentStatus, settled.overdue, settled.paymentDueDate]).toEqual([0, 0, 0, 'paid', false, null]);
    expect(await app.dispatch('orders:record-payment', { id: order.id })).toMatchObject({ ok: false, error: { issues: [{ path: ['id'], key: 'nothing_owed' }] } });
    expect(sql<{ u: number }>('SELECT unpaid_minor AS u FROM orders WHERE id = ?', order.id).u).toBe(0);
  });

  it('lists an order\'s payments; an edit that says its payment anew takes them in, one that says it as it stands does not', async () => {
    const order = await sale({ amount: '300', payment: { status: 'unpaid', dueDate: '2026-12-01' } });
    await app.call('orders:record-payment', { id: order.id, amount: '100' });
    const edit = (note: string, paid: string) =>
      app.call('orders:update', { id: order.id, order: { customerId, orderDate: '2026-11-01', currency: 'CNY', amount: '300', note, payment: { status: 'part', paid, dueDate: '2026-12-01' } } });
    const unpaid = () => sql<{ u: number }>('SELECT unpaid_minor AS u FROM orders WHERE id = ?', order.id).u;
    const listed = async () => (await app.call('order-payments:list', { orderId: order.id })).payments.map((p) => [p.amountMinor, p.paidOn, p.recordedBy, p.closedAt !== null]);
    // The order form sends the payment as the order shows it with a corrected note: nothing is said anew.
    await edit('corrected', '100');
    expect(await listed()).toEqual([[10000, '2026-11-23', null, false]]);
    expect(unpaid()).toBe(30000 - 10000);
    // Part paid 250.00 said anew: the 100.00 is in it (still listed, as taken in); owed 50.00; a later payment subtracts.
    await edit('corrected', '250');
    expect(await listed()).toEqual([[10000, '2026-11-23', null, true]]);
    expect(unpaid()).toBe(30000 - 25000);
    await app.call('orders:record-payment', { id: order.id, amount: '20' });
    expect(unpaid()).toBe(30000 - 25000 - 2000);
    expect((await app.call('order-payments:list', { orderId: order.id })).overpaidMinor).toBe(0);
  });

  it('keeps order numbers unique among live orders, and frees a number when its order is deleted', async () => {
    const first = await sale({ orderNumber: ' INV-001 ' });
    expect(first.orderNumber).toBe('INV-001');
    expect(await app.dispatch('orders:create', { customerId, orderDate: '2026-11-02', currency: 'CNY', amount: '1', orderNumber: 'INV-001' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['orderNumber'], key: 'order_number_taken' }] },
    });
    // Editing the order that holds it keeps it; blank is no number.
    expect((await app.call('orders:update', { id: first.id, order: { customerId, orderDate: '2026-11-01', currency: 'CNY', amount: '120' } })).orderNumber).toBe('INV-001');
    expect((await sale({ orderNumber: '  ' })).orderNumber).toBeNull();
    await app.call('orders:delete', { id: first.id });
    const second = await sale({ orderNumber: 'INV-001' });
    expect(await app.dispatch('orders:restore', { id: first.id })).toMatchObject({ ok: false, error: { issues: [{ path: ['orderNumber'], key: 'order_number_taken' }] } });
    // The database's own index says the same when a writer skips the check (on the number's key: inv-001 is INV-001),
    // and a writer storing a number without its key is refused outright.
    expect(() =>
      app.db.$client
        .prepare("INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, order_number, order_number_key) VALUES ('x', 't', 't', ?, '2026-11-01', 1, 'CNY', 1, 'CNY', 1, 'inv-001', 'inv-001')")
        .run(customerId),
    ).toThrow(/UNIQUE constraint failed: orders.order_number_key/);
    expect(() =>
      app.db.$client
        .prepare("INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, order_number) VALUES ('x', 't', 't', ?, '2026-11-01', 1, 'CNY', 1, 'CNY', 1, 'INV-002')")
        .run(customerId),
    ).toThrow('CHECK constraint failed: orders_number_key_pairs');
    expect(second.orderNumber).toBe('INV-001');
  });

  it('keeps payment, cost, lines and number on an edit that leaves them out', async () => {
    const order = await sale({ amount: undefined, orderNumber: 'A-1', cost: '10', lines: [{ name: 'Tea', quantity: 2, unitPrice: '50' }], payment: { status: 'part', paid: '40', dueDate: '2026-12-01' } });
    const edited = await app.call('orders:update', { id: order.id, order: { customerId, orderDate: '2026-11-02', currency: 'CNY', note: 'moved a day' } });
    expect([edited.amountMinor, edited.costMinor, edited.unpaidMinor, edited.paymentDueDate, edited.orderNumber, edited.lines.length]).toEqual([10000, 1000, 6000, '2026-12-01', 'A-1', 1]);
    // A typed amount that disagrees with the kept lines is refused; lines: [] removes them.
    expect(await app.dispatch('orders:update', { id: order.id, order: { customerId, orderDate: '2026-11-02', currency: 'CNY', amount: '90' } })).toMatchObject({
      ok: false,
      error: { issues: [{ key: 'amount_disagrees_with_lines' }] },
    });
    const cleared = await app.call('orders:update', { id: order.id, order: { customerId, orderDate: '2026-11-02', currency: 'CNY', amount: '50', lines: [], cost: null, orderNumber: null } });
    expect([cleared.amountMinor, cleared.costMinor, cleared.unpaidMinor, cleared.orderNumber, cleared.lines]).toEqual([5000, null, 5000, null, []]);
  });
});

describe('returns', () => {
  it('records a return against an order: negative amount at the sale’s rate, default all that is left, never more', async () => {
    await app.call('fx:upsert', { currency: 'USD', rateDate: '2026-10-01', rate: 7.2 });
    const order = await sale({ currency: 'USD', amount: '100', cost: '60' });
    await app.call('fx:upsert', { currency: 'USD', rateDate: '2026-11-05', rate: 9 });
    const part = await app.call('orders:return', { orderId: order.id, amount: '30', orderDate: '2026-11-10' });
    expect([part.kind, part.returnOfOrderId, part.amountMinor, part.fxRate, part.baseAmountMinor, part.costMinor, part.baseCostMinor]).toEqual([
      'return',
      order.id,
      -3000,
      7.2,
      -Math.round(30 * 7.2 * 100),
      // 30 % of the cost comes back: 6000 × 3000 / 10000.
      -1800,
      -Math.round(18 * 7.2 * 100),
    ]);
    expect(await app.dispatch('orders:return', { orderId: order.id, amount: '70.01' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['amount'], key: 'return_exceeds_order', params: { left: '70.00', currency: 'USD' } }] },
    });
    const rest = await app.call('orders:return', { orderId: order.id });
    expect([rest.amountMinor, rest.orderDate]).toEqual([-7000, '2026-11-23']);
    expect(await app.dispatch('orders:return', { orderId: order.id })).toMatchObject({ ok: false, error: { issues: [{ key: 'nothing_to_return' }] } });
    // Fully returned: revenue and profit net to zero in the base currency.
    const net = sql<{ revenue: number; cost: number }>('SELECT sum(base_amount_minor) AS revenue, sum(base_cost_minor) AS cost FROM orders WHERE customer_id = ?', customerId);
    expect(net).toEqual({ revenue: 0, cost: 0 });
    const listed = (await app.call('orders:list', { customerId })).orders.find((o) => o.id === order.id)!;
    expect(listed.returnedMinor).toBe(10000);
  });

  it('reduces revenue but not the order count or last order date; a zero-value sale counts as a purchase', async () => {
    const a = await sale({ amount: '500', orderDate: '2026-10-01' });
    await sale({ amount: '0', orderDate: '2026-10-15' });
    await app.call('orders:return', { orderId: a.id, amount: '120', orderDate: '2026-11-20' });
    await app.call('orders:return', { customerId, currency: 'CNY', amount: '30', orderDate: '2026-11-21', note: 'damaged in transit' });
    const { kept, counted } = figures();
    expect(kept).toEqual(counted);
    expect(kept).toEqual([2, 50000 - 12000 - 3000, '2026-10-15']);
    const row = (await app.call('customers:list', { search: '王芳' })).rows[0]!;
    expect([row.orderCount, row.revenueBaseMinor]).toEqual([2, 35000]);
  });

  it('records a standalone return for a customer, with lines typed positive and stored negative', async () => {
    const back = await app.call('orders:return', { customerId, currency: 'CNY', orderDate: '2026-11-22', lines: [{ sku: 'LJ-250', name: '龙井茶', quantity: 2, unitPrice: '88' }], cost: '100' });
    expect([back.amountMinor, back.baseAmountMinor, back.costMinor, back.returnOfOrderId, back.paymentStatus, back.balanceMinor]).toEqual([-17600, -17600, -10000, null, null, 0]);
    expect(back.lines.map((l) => [l.quantity, l.unitPriceMinor, l.amountMinor])).toEqual([[-2, 8800, -17600]]);
    // A return makes the product known but does not set its price.
    expect(sql('SELECT identity_key, last_unit_price_minor FROM products')).toEqual({ identity_key: 'sku:LJ-250', last_unit_price_minor: null });
    expect(await app.dispatch('orders:return', { customerId, amount: '5' })).toMatchObject({ ok: false, error: { issues: [{ path: ['currency'], key: 'required' }] } });
    expect(await app.dispatch('orders:return', { amount: '5', currency: 'CNY' })).toMatchObject({ ok: false, error: { issues: [{ path: ['customerId'], key: 'required' }] } });
  });

  it('takes a return on credit off the balance owed, and puts it back when the return is deleted', async () => {
    const order = await sale({ amount: '300', payment: { status: 'part', paid: '100', dueDate: '2026-11-30' } });
    const back = await app.call('orders:return', { orderId: order.id, amount: '50', orderDate: '2026-11-22' });
    let list = await app.call('orders:list', { customerId });
    let shown = list.orders.find((o) => o.id === order.id)!;
    // Owed 200; 50 of goods back on credit → 150.
    expect([shown.balanceMinor, shown.paymentStatus, list.balanceBaseMinor]).toEqual([20000 - 5000, 'part', 15000]);
    // A return larger than the debt clears it (the rest was refunded), never below zero.
    await app.call('orders:return', { orderId: order.id, amount: '200', orderDate: '2026-11-22' });
    list = await app.call('orders:list', { customerId });
    shown = list.orders.find((o) => o.id === order.id)!;
    expect([shown.balanceMinor, shown.paymentStatus, list.balanceBaseMinor]).toEqual([0, 'paid', 0]);
    await app.call('orders:delete', { id: back.id });
    list = await app.call('orders:list', { customerId });
    expect(list.balanceBaseMinor).toBe(Math.max(0, 20000 - 20000));
    const [firstReturn] = list.orders.filter((o) => o.kind === 'return');
    await app.call('orders:delete', { id: firstReturn!.id });
    expect((await app.call('orders:list', { customerId })).balanceBaseMinor).toBe(20000);
  });

  it('guards returns: not before the order, not of a return, not with another currency, not editable', async () => {
    const order = await sale({ amount: '100', orderDate: '2026-11-10' });
    expect(await app.dispatch('orders:return', { orderId: order.id, amount: '1', orderDate: '2026-11-09' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['orderDate'], key: 'return_before_order', params: { date: '2026-11-10' } }] },
    });
    expect(await app.dispatch('orders:return', { orderId: order.id, amount: '1', currency: 'USD' })).toMatchObject({ ok: false, error: { issues: [{ key: 'return_currency_differs' }] } });
    expect(await app.dispatch('orders:return', { orderId: order.id, amount: '-1' })).toMatchObject({ ok: false, error: { issues: [{ path: ['amount'], key: 'amount_negative' }] } });
    const back = await app.call('orders:return', { orderId: order.id, amount: '10' });
    expect(await app.dispatch('orders:return', { orderId: back.id, amount: '1' })).toMatchObject({ ok: false, error: { issues: [{ key: 'return_needs_sale' }] } });
    expect(await app.dispatch('orders:update', { id: back.id, order: { customerId, orderDate: '2026-11-23', currency: 'CNY', amount: '5' } })).toMatchObject({
      ok: false,
      error: { issues: [{ key: 'return_not_editable' }] },
    });
    // The sale cannot shrink below what was returned, nor be deleted while returns stand against it.
    expect(await app.dispatch('orders:update', { id: order.id, order: { customerId, orderDate: '2026-11-10', currency: 'CNY', amount: '9.99' } })).toMatchObject({
      ok: false,
      error: { issues: [{ key: 'amount_below_returns', params: { returned: '10.00' } }] },
    });
    expect(await app.dispatch('orders:delete', { id: order.id })).toMatchObject({ ok: false, error: { issues: [{ key: 'order_has_returns' }] } });
    // Delete the return, then the sale: restoring the return first is refused.
    await app.call('orders:delete', { id: back.id });
    await app.call('orders:delete', { id: order.id });
    expect(await app.dispatch('orders:restore', { id: back.id })).toMatchObject({ ok: false, error: { issues: [{ key: 'return_of_deleted_order' }] } });
    await app.call('orders:restore', { id: order.id });
    await app.call('orders:restore', { id: back.id });
    expect(figures().kept).toEqual([1, 9000, '2026-11-10']);
  });

  it('refuses to restore a return that would take more back than is left of its order', async () => {
    const order = await sale({ amount: '100' });
    const first = await app.call('orders:return', { orderId: order.id, amount: '60' });
    await app.call('orders:delete', { id: first.id });
    await app.call('orders:return', { orderId: order.id, amount: '50' });
    expect(await app.dispatch('orders:restore', { id: first.id })).toMatchObject({
      ok: false,
      error: { issues: [{ key: 'return_exceeds_order', params: { left: '50.00' } }] },
    });
    expect(figures().kept).toEqual(figures().counted);
  });
});

describe('products', () => {
  it('searches the products grown from order lines by pinyin, initials and SKU', async () => {
    await sale({ amount: undefined, lines: [{ sku: 'LJ-250', name: '龙井茶', quantity: 1, unitPrice: '88' }, { name: 'Jasmine tea', quantity: 1, unitPrice: '12' }] });
    const names = async (query: string) => (await app.call('products:search', { query })).products.map((p) => p.name);
    expect(await names('ljc')).toEqual(['龙井茶']);
    expect(await names('longjing')).toEqual(['龙井茶']);
    expect(await names('lj-250')).toEqual(['龙井茶']);
    expect(await names('jasmine')).toEqual(['Jasmine tea']);
    const [tea] = (await app.call('products:search', { query: 'ljc' })).products;
    expect([tea!.lastUnitPriceMinor, tea!.lastCurrency, tea!.lastSoldOn, tea!.sku]).toEqual([8800, 'CNY', '2026-11-01', 'LJ-250']);
  });
});

describe('customer figures on every path that moves orders', () => {
  it('stay equal to a count from the orders table through merge, unmerge and the bulk recount', async () => {
    const other = (await app.call('customers:create', { name: '王芳（店）' })).customer.id;
    const a = await sale({ amount: '200', orderDate: '2026-10-01' });
    await app.call('orders:return', { orderId: a.id, amount: '50', orderDate: '2026-10-05' });
    await app.call('orders:create', { customerId: other, orderDate: '2026-11-05', currency: 'CNY', amount: '70' });
    await app.call('orders:return', { customerId: other, currency: 'CNY', amount: '20', orderDate: '2026-11-06' });
    const merged = await app.call('customers:merge', { keepId: customerId, mergeIds: [other] });
    expect(figures().kept).toEqual(figures().counted);
    expect(figures().kept).toEqual([2, 20000 - 5000 + 7000 - 2000, '2026-11-05']);
    await app.call('customers:unmerge', { mergeId: merged.mergeId });
    expect(figures().kept).toEqual([1, 15000, '2026-10-01']);
    expect(figures(other).kept).toEqual([1, 5000, '2026-11-05']);
    const { refreshAllCustomerStats } = await import('../../db/repos/customers');
    app.db.$client.prepare("UPDATE orders SET deleted_at = 't' WHERE customer_id = ?").run(other);
    app.db.transaction(() => refreshAllCustomerStats(app.db));
    expect(figures(other).kept).toEqual([0, 0, null]);
    expect(figures().kept).toEqual(figures().counted);
  });

  it('after a merge, a return recorded against a moved order goes back with it on unmerge', async () => {
    const other = (await app.call('customers:create', { name: '另一个王芳' })).customer.id;
    const theirs = await app.call('orders:create', { customerId: other, orderDate: '2026-11-01', currency: 'CNY', amount: '300' });
    const merged = await app.call('customers:merge', { keepId: customerId, mergeIds: [other] });
    const back = await app.call('orders:return', { orderId: theirs.id, amount: '100', orderDate: '2026-11-10' });
    expect(back.customerId).toBe(customerId);
    const undone = await app.call('customers:unmerge', { mergeId: merged.mergeId });
    expect(undone.moved.orders).toBe(2);
    expect(sql<{ c: string }>('SELECT customer_id AS c FROM orders WHERE id = ?', back.id).c).toBe(other);
    expect(figures(other).kept).toEqual([1, 20000, '2026-11-01']);
    expect(figures().kept).toEqual([0, 0, null]);
  });

  it('undoing an import takes a return recorded against one of its orders with it', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const path = join(app.dir, 'orders.csv');
    writeFileSync(path, ['Customer,Order date,Amount,Currency', '王芳,2026-10-01,500,CNY'].join('\n'));
    const batch = await app.call('import:commit', { kind: 'orders', source: { path } });
    const [imported] = (await app.call('orders:list', { customerId })).orders;
    await app.call('orders:return', { orderId: imported!.id, amount: '100', orderDate: '2026-10-05' });
    await sale({ amount: '70' });
    // Another file's sale and a return against it: neither is the undone batch's, both stay.
    const otherPath = join(app.dir, 'other.csv');
    writeFileSync(otherPath, ['Customer,Order date,Amount,Currency', '王芳,2026-09-01,300,CNY'].join('\n'));
    const other = await app.call('import:commit', { kind: 'orders', source: { path: otherPath } });
    const otherSale = sql<{ id: string }>(`SELECT id FROM orders WHERE import_batch_id = ?`, other.batchId)!;
    await app.call('orders:return', { orderId: otherSale.id, amount: '50', orderDate: '2026-09-05' });
    expect(figures().kept).toEqual([3, 50000 - 10000 + 7000 + 30000 - 5000, '2026-11-01']);
    const undone = await app.call('import:undo', { batchId: batch.batchId! });
    expect(undone.ordersRemoved).toBe(2);
    expect(figures().kept).toEqual(figures().counted);
    expect(figures().kept).toEqual([2, 7000 + 30000 - 5000, '2026-11-01']);
  });
});
