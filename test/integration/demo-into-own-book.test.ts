import { afterEach, describe, expect, it } from 'vitest';
import { resources } from '../../renderer/i18n/resources';
import { openingSettings } from '../../renderer/features/welcome/opening-settings';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A book filled from the command line before the app ever opened it is not "onboarded": the Welcome page offered to
 * load the demo into it, and the demo then put its business's name, home and base currency (CNY) over the user's own,
 * leaving their USD orders in a CNY book.
 */
let app: TestApp;
afterEach(() => app.cleanup());

const rows = (sql: string) => app.db.$client.prepare(sql).raw().all();

async function ownBook(baseCurrency: string) {
  app = openTestApp('2026-11-23');
  await app.call('settings:update', { baseCurrency, businessName: 'Acme Export', homeCountry: 'US' });
  const { customer } = await app.call('customers:create', { name: 'Real Client' });
  await app.call('orders:create', { customerId: customer.id, orderDate: '2026-11-01', amount: '100', currency: baseCurrency });
  return customer.id;
}

describe('the demo and a book of the user’s own', () => {
  it('the demo refuses a book kept in another currency, in either language, and writes nothing', async () => {
    await ownBook('USD');
    const refused = await app.dispatch('workspace:loadDemo', { customers: 20 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['baseCurrency'], key: 'demo_needs_its_currency', params: { base: 'USD', demo: 'CNY' } }] } });
    expect(rows(`SELECT count(*) FROM customers`)).toEqual([[1]]);
    expect(rows(`SELECT base_currency, count(*) FROM orders GROUP BY 1`)).toEqual([['USD', 1]]);
    const settings = await app.call('settings:get', {});
    expect([settings.baseCurrency, settings.businessName, settings.homeCountry]).toEqual(['USD', 'Acme Export', 'US']);
    expect((resources.errors.en.issue as Record<string, string>).demo_needs_its_currency).toContain('{{base}}');
    expect((resources.errors['zh-CN'].issue as Record<string, string>).demo_needs_its_currency).toContain('{{demo}}');
  });

  it('in a CNY book of the user’s own, the demo adds its customers and leaves the business’s settings as they were', async () => {
    await ownBook('CNY');
    const loaded = await app.call('workspace:loadDemo', { customers: 20 });
    expect(rows(`SELECT count(*) FROM customers`)).toEqual([[loaded.customers + 1]]);
    const settings = await app.call('settings:get', {});
    expect([settings.baseCurrency, settings.businessName, settings.homeCountry]).toEqual(['CNY', 'Acme Export', 'US']);
  });

  it('a fresh workspace still takes the demo business’s settings', async () => {
    app = openTestApp('2026-11-23');
    await app.call('workspace:loadDemo', { customers: 20 });
    const settings = await app.call('settings:get', {});
    expect([settings.onboarded, settings.businessName, settings.homeRegion]).toEqual([true, '佳美服装批发 · Jiamei Trading', '广东']);
  });

  it('the app opens a book with records of its own past the Welcome page, its settings kept; an empty one at the Welcome page', async () => {
    app = openTestApp('2026-11-23');
    expect((await openingSettings(app.call)).onboarded).toBe(false);
    expect((await app.call('settings:get', {})).onboarded).toBe(false);
    await app.call('settings:update', { businessName: 'Acme Export' });
    await app.call('customers:create', { name: 'Real Client' });
    const opened = await openingSettings(app.call);
    expect([opened.onboarded, opened.businessName]).toEqual([true, 'Acme Export']);
    expect(rows(`SELECT onboarded_at IS NOT NULL FROM settings`)).toEqual([[1]]);
  });
});
