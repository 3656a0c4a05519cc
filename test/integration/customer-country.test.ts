import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

  it("reads a phone without its country code in the customer's own country, the business's when none is given", async () => {
    const phoneOf = (id: string) => app.db.$client.prepare(`SELECT value FROM contact_channels WHERE customer_id = ? AND kind = 'phone'`).pluck().get(id);
    const brit = (await app.call('customers:create', { name: 'Oliver', country: 'GB', contacts: [{ kind: 'phone', value: '07911 123456' }] })).customer;
    expect(phoneOf(brit.id)).toBe('+447911123456');
    const local = (await app.call('customers:create', { name: '王芳', contacts: [{ kind: 'phone', value: '138 0013 8000' }] })).customer;
    expect(phoneOf(local.id)).toBe('+8613800138000');
    // The duplicate check reads the number the same way.
    expect((await app.call('customers:checkDuplicates', { contacts: [{ kind: 'phone', value: '07911123456' }], country: 'GB' })).duplicates.map((d) => d.customerId)).toEqual([brit.id]);
    expect((await app.call('customers:checkDuplicates', { contacts: [{ kind: 'phone', value: '07911123456' }] })).duplicates).toEqual([]);
    // An import row with its country.
    const path = join(app.dir, 'uk.csv');
    writeFileSync(path, '客户名称,国家,手机\nJane,英国,020 7946 0018\n');
    await app.call('import:commit', { kind: 'customers', source: { path } });
    const jane = app.db.$client.prepare(`SELECT id FROM customers WHERE name = 'Jane'`).pluck().get() as string;
    expect(phoneOf(jane)).toBe('+442079460018');
  });

  it('a customer in GB is classed gb and europe, and overseas from a CN business', async () => {
    const { customer } = await app.call('customers:create', { name: 'Brit', type: 'enterprise', country: 'UK', contacts: [] });
    const { schemes } = await app.call('segments:explain', { customerId: customer.id });
    expect([schemes.country!.classKey, schemes.continent!.classKey, schemes.locality!.classKey]).toEqual(['gb', 'europe', 'overseas']);
  });
});
