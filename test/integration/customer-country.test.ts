import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A customer's country is one the country and continent schemes know: a code in any case or a name the import
 * also reads; two letters that name no country are refused (they sat in the country scheme's "unknown" while
 * the customer counted as overseas, and settings refused the same letters).
 */
let app: TestApp;
beforeEach(() => {
  app = openTestApp('2026-11-23');
});
afterEach(() => app.cleanup());

const countryOf = (id: string) => app.db.$client.prepare(`SELECT country FROM customers WHERE id = ?`).pluck().get(id);
const customerCount = () => app.db.$client.prepare(`SELECT count(*) FROM customers`).pluck().get();

describe('a customer country', () => {
  it('takes codes in any case and names, stored as the code', async () => {
    for (const [given, code] of [['uk', 'GB'], ['UK', 'GB'], ['英国', 'GB'], ['United Kingdom', 'GB'], [' de ', 'DE'], ['美國', 'US']] as const) {
      const { customer } = await app.call('customers:create', { name: `C ${given}`, type: 'enterprise', country: given, contacts: [] });
      expect([given, countryOf(customer.id)]).toEqual([given, code]);
    }
  });

  it('refuses two letters that name no country, writing nothing, as settings refuse them', async () => {
    for (const given of ['ZZ', 'XX', 'EU', 'Atlantis']) {
      expect(await app.dispatch('customers:create', { name: 'Brit', type: 'enterprise', country: given, contacts: [] })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', issues: [{ path: ['country'], key: 'invalid_country' }] },
      });
      expect(await app.dispatch('settings:update', { homeCountry: given })).toMatchObject({ ok: false, error: { issues: [{ path: ['homeCountry'], key: 'invalid_country' }] } });
    }
    expect(customerCount()).toBe(0);
    expect((await app.call('settings:update', { homeCountry: 'uk' })).homeCountry).toBe('GB');
  });

  it('a customer in GB is classed gb and europe, and overseas from a CN business', async () => {
    const { customer } = await app.call('customers:create', { name: 'Brit', type: 'enterprise', country: 'UK', contacts: [] });
    const { schemes } = await app.call('segments:explain', { customerId: customer.id });
    expect([schemes.country!.classKey, schemes.continent!.classKey, schemes.locality!.classKey]).toEqual(['gb', 'europe', 'overseas']);
  });
});
