import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

// An edit that changes a sale's currency must bring the amounts typed in the old one again: minor units do
// not carry across currencies (USD 50.00 is 5000 cents, which are neither ¥5,000 nor KWD 5.000).
let app: TestApp;
let customerId: string;
beforeEach(async () => {
  app = openTestApp('2026-11-23');
  customerId = (await app.call('customers:create', { name: 'Gulf Imports' })).customer.id;
  for (const [currency, rate] of [['USD', 7.2], ['EUR', 7.8], ['JPY', 0.048], ['KWD', 23.4]] as const) await app.call('fx:upsert', { currency, rateDate: '2026-10-01', rate });
});
afterEach(() => app.cleanup());

const columns = (id: string) =>
  app.db.$client
    .prepare('SELECT currency, amount_minor, cost_minor, base_cost_minor, unpaid_minor, base_unpaid_minor, payment_due_date, updated_at FROM orders WHERE id = ?')
    .get(id) as Record<string, unknown>;
const lineRows = (id: string) => app.db.$client.prepare('SELECT name, quantity, unit_price_minor, amount_minor FROM order_lines WHERE order_id = ? ORDER BY position').all(id);
const create = (extra: Record<string, unknown>) => app.call('orders:create', { customerId, orderDate: '2026-11-01', currency: 'USD', ...extra } as Parameters<typeof app.call<'orders:create'>>[1]);
const edit = (id: string, order: Record<string, unknown>) => app.dispatch('orders:update', { id, order: { customerId, orderDate: '2026-11-01', ...order } as never });
const retype = (path: (string | number)[], newCurrency: string) => ({ path, key: 'retype_in_new_currency', params: { currency: 'USD', newCurrency } });

describe('changing a sale’s currency', () => {
  it('refuses to keep a cost typed in the old currency; takes it typed in the new one, or cleared', async () => {
    const sale = await create({ amount: '100', cost: '50' });
    const before = columns(sale.id);
    for (const currency of ['JPY', 'KWD']) {
      expect(await edit(sale.id, { currency, amount: '15000' })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [retype(['cost'], currency)] } });
    }
    expect(columns(sale.id)).toEqual(before);

    expect(await edit(sale.id, { currency: 'KWD', amount: '31.500', cost: '15.250' })).toMatchObject({ ok: true });
    expect(columns(sale.id)).toMatchObject({ currency: 'KWD', amount_minor: 31500, cost_minor: 15250, base_cost_minor: 35685 });
    expect(await edit(sale.id, { currency: 'JPY', amount: '15000', cost: null })).toMatchObject({ ok: true });
    expect(columns(sale.id)).toMatchObject({ currency: 'JPY', amount_minor: 15000, cost_minor: null, base_cost_minor: null });
    // In the same currency a left-out cost is kept, as before.
    await edit(sale.id, { currency: 'JPY', amount: '15000', cost: '9000' });
    expect(await edit(sale.id, { currency: 'JPY', amount: '16000', note: 'no cost typed' })).toMatchObject({ ok: true, value: { costMinor: 9000 } });
  });

  it('refuses to keep lines priced in the old currency; takes new lines', async () => {
    const sale = await create({ lines: [{ name: 'Dates 1kg', quantity: 2, unitPrice: '50' }] });
    const before = [columns(sale.id), lineRows(sale.id)];
    expect(await edit(sale.id, { currency: 'JPY' })).toMatchObject({ ok: false, error: { issues: [retype(['lines'], 'JPY')] } });
    expect(await edit(sale.id, { currency: 'JPY', amount: '10000' })).toMatchObject({ ok: false, error: { issues: [retype(['lines'], 'JPY')] } });
    expect([columns(sale.id), lineRows(sale.id)]).toEqual(before);

    expect(await edit(sale.id, { currency: 'JPY', lines: [{ name: 'Dates 1kg', quantity: 2, unitPrice: '7500' }] })).toMatchObject({ ok: true, value: { amountMinor: 15000 } });
    expect(lineRows(sale.id)).toEqual([{ name: 'Dates 1kg', quantity: 2, unit_price_minor: 7500, amount_minor: 15000 }]);
  });

  it('refuses to keep a part payment typed in the old currency; carries paid and unpaid over', async () => {
    const part = await create({ amount: '100', payment: { status: 'part', paid: '40', dueDate: '2026-12-31' } });
    const before = columns(part.id);
    expect(await edit(part.id, { currency: 'EUR', amount: '90' })).toMatchObject({ ok: false, error: { issues: [retype(['payment', 'paid'], 'EUR')] } });
    expect(columns(part.id)).toEqual(before);
    expect(await edit(part.id, { currency: 'EUR', amount: '90', payment: { status: 'part', paid: '30', dueDate: '2026-12-31' } })).toMatchObject({ ok: true });
    expect(columns(part.id)).toMatchObject({ currency: 'EUR', unpaid_minor: 6000, base_unpaid_minor: 46800 });

    // Wholly unpaid stays wholly unpaid, of the new amount (not of the old minor units), with its due date.
    const unpaid = await create({ amount: '100', payment: { status: 'unpaid', dueDate: '2026-12-15' } });
    expect(await edit(unpaid.id, { currency: 'JPY', amount: '15000' })).toMatchObject({ ok: true });
    expect(columns(unpaid.id)).toMatchObject({ currency: 'JPY', amount_minor: 15000, unpaid_minor: 15000, base_unpaid_minor: 72000, payment_due_date: '2026-12-15' });
    const paid = await create({ amount: '100' });
    expect(await edit(paid.id, { currency: 'JPY', amount: '15000' })).toMatchObject({ ok: true, value: { unpaidMinor: 0, paymentStatus: 'paid' } });
  });
});
