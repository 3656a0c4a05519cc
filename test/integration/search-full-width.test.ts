/**
 * A Chinese input method in full-width mode types digits and letters as ｆｕｌｌ－ｗｉｄｔｈ characters
 * ("１３８　００１３"). Phones are stored in ASCII, so such a search found no one. Every search (the customer
 * list, the tier members, a stored day's members, and the export of the list) now also matches the query
 * with those characters folded (NFKC), and a name written in full-width letters is keyed both ways — while a
 * customer keyed before (no folded key) is still found by the query as typed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldedQuery, normalizeQuery, searchKeys } from '../../shared/domain/pinyin';
import { openTestApp, type TestApp } from '../support/test-app';

const TODAY = '2026-11-23';
let app: TestApp;
let phoneOwner: string;
let fullWidthName: string;
let keyedBefore: string;

beforeAll(async () => {
  app = openTestApp(TODAY);
  await app.call('workspace:loadDemo', { customers: 40 });
  phoneOwner = (await app.call('customers:create', { name: '王小明', contacts: [{ kind: 'phone', value: '13800138000' }] })).customer.id;
  fullWidthName = (await app.call('customers:create', { name: 'ＡＢＣ贸易', contacts: [] })).customer.id;
  keyedBefore = (await app.call('customers:create', { name: 'ＸＹＺ商行', contacts: [] })).customer.id;
  // As an earlier version keyed it: the name as typed, lower-cased, without its folded form.
  app.db.$client.prepare(`UPDATE customers SET search_text = ' ｘｙｚ商行 ｘｙｚshanghang ｘｙｚsh ' WHERE id = ?`).run(keyedBefore);
  for (const customerId of [phoneOwner, fullWidthName, keyedBefore]) {
    await app.call('orders:create', { customerId, orderDate: TODAY, amount: '88.00', currency: 'CNY' });
  }
  await app.call('segments:recompute', {});
});
afterAll(() => app.cleanup());

const listed = async (search: string) => (await app.call('customers:list', { search, limit: 500 })).rows.map((r) => r.id).sort();
const members = async (search: string) => (await app.call('segments:members', { scheme: 'lifecycle', search, limit: 500 })).rows.map((r) => r.id).sort();
const storedDay = async (search: string) => (await app.call('snapshots:day', { scheme: 'lifecycle', asOf: TODAY, search, limit: 500 })).rows.map((r) => r.id).sort();

/** The live customers whose keys hold either form of the query: plain SQL over the stored keys. */
function expectedIds(query: string): string[] {
  const typed = normalizeQuery(query);
  const folded = normalizeQuery(query.normalize('NFKC'));
  return app.db.$client
    .prepare(`SELECT id FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL AND (instr(search_text, ?) > 0 OR instr(search_text, ?) > 0) ORDER BY id`)
    .pluck()
    .all(typed, folded) as string[];
}

describe('search with full-width digits and letters', () => {
  it('folds what the query needs and keys a full-width name both ways', () => {
    expect(foldedQuery(normalizeQuery('１３８　００１３'))).toBe('1380013');
    expect(foldedQuery(normalizeQuery('ＡＢＣ'))).toBe('abc');
    expect(foldedQuery(normalizeQuery('138'))).toBeUndefined();
    expect(foldedQuery(normalizeQuery('王小明'))).toBeUndefined();
    expect(searchKeys('ＡＢＣ 贸易')).toEqual(expect.arrayContaining(['ａｂｃ 贸易', 'ａｂｃ贸易', 'abc贸易']));
    expect(searchKeys('ABC 贸易')).not.toContain('ａｂｃ贸易');
  });

  it('the customer list, the tier members and a stored day find the same customers, either way typed', async () => {
    const cases: [string, string[]][] = [
      ['１３８　００１３', [phoneOwner]],
      ['138 0013', [phoneOwner]],
      ['ａｂｃ', [fullWidthName]],
      ['ABC', [fullWidthName]],
      ['ＡＢＣ贸易', [fullWidthName]],
      // Keyed before: found as typed, as it always was.
      ['ＸＹＺ', [keyedBefore]],
    ];
    for (const [query, ids] of cases) {
      const expected = expectedIds(query);
      expect(expected, query).toEqual(expect.arrayContaining(ids));
      expect(await listed(query), query).toEqual(expected);
      expect(await members(query), query).toEqual(expected);
      expect(await storedDay(query), query).toEqual(expected);
    }
    // Wholly unrelated text finds no one, folded or not.
    expect(await listed('９９９９９９９９９９９')).toEqual([]);
  });

  it('the export of a searched list takes the same customers', async () => {
    const exported = await app.call('export:customers', { format: 'csv', filter: { search: '１３８　００１３' } });
    expect(exported.rows).toBe(expectedIds('１３８　００１３').length);
    expect(exported.rows).toBe(1);
  });
});
