import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东' });
});
afterEach(() => app.cleanup());

const stored = () => app.db.$client.prepare('SELECT name, country, region, city, locality FROM customers ORDER BY name').raw().all();

describe('a customer file without a country column', () => {
  it('fills the country from phones and place names, says so in the preview, and derives locality from it', async () => {
    const path = join(app.dir, 'customers.csv');
    writeFileSync(path, ['客户名称,手机,省份,城市', 'A张三,+8613800138000,,', 'B李四,,广东省,', 'C John,+4915112345678,,', 'D王五,,,Shenzhen', 'E Anna,,,Paris', 'F赵六,,浙江,'].join('\n'));
    const preview = await app.call('import:preview', { kind: 'customers', source: { path } });
    expect(preview.inferred.places).toEqual({ countryFromPhone: 2, countryFromRegion: 2, countryFromCity: 1, regionFromCity: 1 });
    expect(stored()).toEqual([]);
    await app.call('import:commit', { kind: 'customers', source: { path } });
    expect(stored()).toEqual([
      ['A张三', 'CN', null, null, null],
      ['B李四', 'CN', '广东省', null, 'local'],
      ['C John', 'DE', null, null, 'overseas'],
      ['D王五', 'CN', '广东', 'Shenzhen', 'local'],
      ['E Anna', null, null, 'Paris', null],
      ['F赵六', 'CN', '浙江', null, 'non_local'],
    ]);
  });

  it('an update fills only a missing country: a stored one is kept', async () => {
    await app.call('customers:create', { name: '李四', country: 'US', contacts: [{ kind: 'phone', value: '+8613900139000' }] });
    const path = join(app.dir, 'update.csv');
    writeFileSync(path, ['客户名称,手机,城市', '李四,+8613900139000,广州'].join('\n'));
    const result = await app.call('import:commit', { kind: 'customers', source: { path }, duplicates: 'update' });
    expect(result.updated).toBe(1);
    expect(stored()).toEqual([['李四', 'US', null, '广州', 'overseas']]);
  });

  it('the new-customer handler infers the same way; an edit keeps a blank country blank', async () => {
    const { customer } = await app.call('customers:create', { name: '王五', city: '深圳', contacts: [] });
    expect([customer.country, customer.region, customer.locality]).toEqual(['CN', '广东', 'local']);
    const { customer: byPhone } = await app.call('customers:create', { name: 'Hans', contacts: [{ kind: 'phone', value: '+4915112345678' }] });
    expect(byPhone.country).toBe('DE');
    const edited = await app.call('customers:update', { id: byPhone.id, customer: { name: 'Hans', country: null, contacts: [{ kind: 'phone', value: '+4915112345678' }] } });
    expect(edited.customer.country).toBeNull();
  });
});
