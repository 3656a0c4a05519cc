import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A free-text class that only the tier history holds — its customers renamed their industry, were archived or
 * deleted since the day it was stored — is still shown by the spelling its customers used, not by its
 * lower-cased key: the history screens, the evaluation, the migration and the exports all name classes through
 * segments:classSpellings. The expected spellings are counted here from the values typed.
 */
const TODAY = '2026-11-23';
const EARLIER = '2026-10-01';
let app: TestApp;
const ids: Record<string, string[]> = {};

/** The spelling most customers typed (ties to the one sorting first), worked out here by hand. */
function mostTyped(typed: string[]): string {
  const counts = new Map<string, number>();
  for (const t of typed) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort(([a, n], [b, m]) => m - n || (a < b ? -1 : 1))[0]![0];
}

const TYPED = {
  oem: ['OEM Electronics', 'OEM Electronics', 'oem electronics'],
  textiles: ['Textiles Ltd'],
  steel: ['Steel & Iron', 'STEEL & IRON'],
};

beforeAll(async () => {
  app = openTestApp(TODAY);
  for (const [group, typed] of Object.entries(TYPED)) {
    ids[group] = [];
    for (const [k, industry] of typed.entries()) ids[group]!.push((await app.call('customers:create', { name: `${group}${k}`, industry, incomeBand: group === 'oem' ? 'Above 5M' : null })).customer.id);
  }
  expect((await app.call('segments:recompute', { asOf: EARLIER })).stored).toBe(true);
  // Since then: the electronics makers call their trade something else (and their income band), one customer was
  // archived, the steel customers deleted. No live customer holds the three classes any more.
  for (const [k, id] of ids.oem!.entries()) await app.call('customers:update', { id, customer: { name: `oem${k}`, industry: 'Consumer Goods', incomeBand: '5M+' } });
  await app.call('customers:archive', { id: ids.textiles![0]!, archived: true });
  for (const id of ids.steel!) await app.call('customers:delete', { id });
  expect((await app.call('segments:recompute', {})).stored).toBe(true);
});
afterAll(() => app.cleanup());

describe('classes only the tier history holds', () => {
  it('the history holds them and no live customer does (plain SQL)', () => {
    const sql = app.db.$client;
    const stored = sql.prepare(`SELECT DISTINCT class_key FROM segment_assignments WHERE scheme = 'industry'`).pluck().all() as string[];
    const live = sql.prepare(`SELECT DISTINCT lower(industry) FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL AND industry IS NOT NULL`).pluck().all() as string[];
    for (const key of ['oem electronics', 'textiles ltd', 'steel & iron']) {
      expect(stored).toContain(key);
      expect(live).not.toContain(key);
    }
  });

  it('are spelt as their customers typed them when the history was stored', async () => {
    const spellings = await app.call('segments:classSpellings', {});
    expect(spellings.industry['oem electronics']).toBe(mostTyped(TYPED.oem));
    expect(spellings.industry['textiles ltd']).toBe('Textiles Ltd');
    expect(spellings.industry['steel & iron']).toBe(mostTyped(TYPED.steel));
    expect(spellings.income['above 5m']).toBe('Above 5M');
    // Today's classes keep today's spelling.
    expect(spellings.industry['consumer goods']).toBe('Consumer Goods');
    expect(spellings.income['5m+']).toBe('5M+');
  });

  it('every class the migration between the two days names has a spelling', async () => {
    const spellings = await app.call('segments:classSpellings', {});
    const migration = await app.call('segments:migration', { scheme: 'industry', from: EARLIER, to: TODAY });
    const named = [...new Set(migration.cells.flatMap((c) => [c.from, c.to]).filter((k): k is string => k !== null && k !== 'unknown' && !k.startsWith('_')))];
    expect(named).toContain('oem electronics');
    expect(named.filter((k) => spellings.industry[k] === undefined)).toEqual([]);
  });

  it('a live customer holding the class again names it by their spelling, not the one kept', async () => {
    await app.call('customers:update', { id: ids.oem![0]!, customer: { name: 'oem0', industry: 'Oem electronics' } });
    const spellings = await app.call('segments:classSpellings', {});
    expect(spellings.industry['oem electronics']).toBe('Oem electronics');
  });
});
