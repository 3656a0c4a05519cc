/**
 * Phones are keyed in E.164 without "+" ("8613800138000"). A search typed as people write a number — with
 * "+86", dashes, brackets, the "00" international prefix, or the trunk "0" of a national number — found no
 * one; only bare digits did. Every search (the customer list, the tier members, the export of the list) now
 * also looks for the digits the keys hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneSearchKeys } from '../../db/repos/like-pattern';
import { openTestApp, type TestApp } from '../support/test-app';

const TODAY = '2026-11-23';
let app: TestApp;
let mobile: string;
let landline: string;
let british: string;

beforeAll(async () => {
  app = openTestApp(TODAY);
  await app.call('workspace:loadDemo', { customers: 40 });
  mobile = (await app.call('customers:create', { name: '王小明', contacts: [{ kind: 'phone', value: '13800138000' }] })).customer.id;
  landline = (await app.call('customers:create', { name: '李四', contacts: [{ kind: 'phone', value: '020 8765 4321' }] })).customer.id;
  british = (await app.call('customers:create', { name: 'Oliver Smith', country: 'GB', contacts: [{ kind: 'whatsapp', value: '07911 123456' }] })).customer.id;
  for (const customerId of [mobile, landline, british]) await app.call('orders:create', { customerId, orderDate: TODAY, amount: '88.00', currency: 'CNY' });
  await app.call('segments:recompute', {});
});
afterAll(() => app.cleanup());

const listed = async (search: string) => (await app.call('customers:list', { search, limit: 500 })).rows.map((r) => r.id);
const members = async (search: string) => (await app.call('segments:members', { scheme: 'lifecycle', search, limit: 500 })).rows.map((r) => r.id);

describe('a search typed as a phone number', () => {
  it('reads the digits the keys hold', () => {
    expect(phoneSearchKeys('+8613800138000')).toEqual(['8613800138000']);
    expect(phoneSearchKeys('138-0013-8000')).toEqual(['13800138000']);
    expect(phoneSearchKeys('008613800138000')).toEqual(['8613800138000']);
    expect(phoneSearchKeys('(020)87654321')).toEqual(['02087654321', '2087654321']);
    // Bare digits, names and short prefixes add nothing.
    expect(phoneSearchKeys('13800138000')).toEqual([]);
    expect(phoneSearchKeys('王小明')).toEqual([]);
    expect(phoneSearchKeys('-')).toEqual([]);
    expect(phoneSearchKeys('02')).toEqual([]);
  });

  it('finds the customer however the number is written, in the list and among the tier members', async () => {
    const cases: [string, string][] = [
      ['+86 138 0013 8000', mobile],
      ['+86-138-0013-8000', mobile],
      ['138-0013-8000', mobile],
      ['0086 138 0013 8000', mobile],
      ['(138) 0013-8000', mobile],
      ['＋８６ １３８ ００１３ ８０００', mobile],
      ['020-8765 4321', landline],
      ['(020) 8765-4321', landline],
      ['+44 7911 123456', british],
      ['07911 123456', british],
    ];
    for (const [query, id] of cases) {
      expect(await listed(query), query).toEqual([id]);
      expect(await members(query), query).toEqual([id]);
    }
  });

  it('the export of a searched list takes the same customer', async () => {
    const exported = await app.call('export:customers', { format: 'csv', filter: { search: '+86 138-0013-8000' } });
    expect(exported.rows).toBe(1);
  });
});
