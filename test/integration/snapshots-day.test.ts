import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLASSES_ON } from '../../db/repos/tier-snapshots';
import { normalizeQuery } from '../../shared/domain/pinyin';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * The tiered lists' "as of" view reads stored history. What it lists for a past day must be exactly what
 * the engine said when that day was recomputed — whatever changed since (a big order, an archived
 * customer) — counted and paged correctly.
 */
let app: TestApp;
beforeEach(async () => {
  app = openTestApp('2026-11-23');
  await app.call('workspace:loadDemo', { customers: 120, seed: 5 });
});
afterEach(() => app.cleanup());

/** What the engine says for asOf right now: customer → class. */
async function engineSays(scheme: string, asOf: string): Promise<Map<string, string>> {
  const { rows } = await app.call('segments:members', { scheme, asOf, limit: 5000 });
  return new Map(rows.map((r) => [r.id, r.classKey]));
}

/** Every member the channel lists for the day, fetched in small pages. */
async function allPages(input: { scheme: string; asOf: string; classKey?: string; search?: string }) {
  const rows: { id: string; classKey: string }[] = [];
  for (let offset = 0; ; offset += 7) {
    const page = await app.call('snapshots:day', { ...input, offset, limit: 7 });
    rows.push(...page.rows.map((r) => ({ id: r.id, classKey: r.classKey })));
    if (page.rows.length < 7) {
      expect(rows.length).toBe(page.total);
      return rows;
    }
  }
}

const byName = (ids: Iterable<string>): string[] => {
  const wanted = new Set(ids);
  return (app.db.$client.prepare(`SELECT id FROM customers ORDER BY sort_name, id`).pluck().all() as string[]).filter((id) => wanted.has(id));
};

describe('snapshots:day', () => {
  it('lists a past day as stored, not as the data says today', async () => {
    await app.call('segments:recompute', { asOf: '2026-09-01' });
    const september = await engineSays('pyramid', '2026-09-01');
    await app.call('segments:recompute', { asOf: '2026-10-15' });
    const october = await engineSays('pyramid', '2026-10-15');

    // After October's snapshot: the smallest customer places a huge order dated before it, one customer leaves.
    const ids = [...october.keys()];
    const archived = ids[0]!;
    const mover = ids[1]!;
    await app.call('orders:create', { customerId: mover, orderDate: '2026-10-01', amount: '9000000', currency: 'CNY' });
    await app.call('customers:archive', { id: archived, archived: true });
    await app.call('segments:recompute', { asOf: '2026-11-20' });
    const november = await engineSays('pyramid', '2026-11-20');
    expect(november.has(archived)).toBe(false);
    expect(november.get(mover)).not.toBe(october.get(mover));

    for (const [asOf, said, day] of [
      ['2026-09-01', september, '2026-09-01'],
      ['2026-10-14', september, '2026-09-01'],
      ['2026-10-15', october, '2026-10-15'],
      ['2026-11-19', october, '2026-10-15'],
      ['2026-11-30', november, '2026-11-20'],
    ] as const) {
      const out = await app.call('snapshots:day', { scheme: 'pyramid', asOf, limit: 500 });
      expect([asOf, out.snapshotDay, out.firstDay, out.lastDay]).toEqual([asOf, day, '2026-09-01', '2026-11-20']);
      expect(out.customers).toBe(said.size);
      // Counts per class by plain arithmetic over what the engine said.
      const counts = new Map<string, number>();
      for (const c of said.values()) counts.set(c, (counts.get(c) ?? 0) + 1);
      expect(new Map(out.classes.map((c) => [c.classKey, c.count]))).toEqual(counts);
      expect(out.classes.map((c) => c.count)).toEqual([...out.classes.map((c) => c.count)].sort((a, b) => b - a));
      // Every member with that day's class, in name order, however it is paged.
      const listed = await allPages({ scheme: 'pyramid', asOf });
      expect(listed.map((r) => r.id)).toEqual(byName(said.keys()));
      expect(new Map(listed.map((r) => [r.id, r.classKey]))).toEqual(said);
    }

    // October still lists the archived customer and the mover in their old class.
    const octoberMover = (await allPages({ scheme: 'pyramid', asOf: '2026-10-20', classKey: october.get(mover)! })).map((r) => r.id);
    expect(octoberMover).toContain(mover);
    expect((await allPages({ scheme: 'pyramid', asOf: '2026-10-20' })).map((r) => r.id)).toContain(archived);
  });

  it('filters by class and by search, and says when nothing is stored that early', async () => {
    await app.call('segments:recompute', { asOf: '2026-10-01' });
    const said = await engineSays('lifecycle', '2026-10-01');
    const someClass = [...said.values()][0]!;
    const inClass = await allPages({ scheme: 'lifecycle', asOf: '2026-10-02', classKey: someClass });
    expect(inClass.map((r) => r.id)).toEqual(byName([...said].filter(([, c]) => c === someClass).map(([id]) => id)));

    const [id, name] = app.db.$client.prepare(`SELECT id, name FROM customers ORDER BY id LIMIT 1`).raw().get() as [string, string];
    const found = await app.call('snapshots:day', { scheme: 'lifecycle', asOf: '2026-10-02', search: name });
    expect(found.rows.map((r) => r.id)).toContain(id);
    const matching = app.db.$client.prepare(`SELECT id FROM customers WHERE instr(search_text, ?) > 0`).pluck().all(normalizeQuery(name)) as string[];
    expect(found.rows.map((r) => r.id)).toEqual(byName(matching.filter((m) => said.has(m))));
    expect((await app.call('snapshots:day', { scheme: 'lifecycle', asOf: '2026-10-02', search: '%_no such customer_%' })).total).toBe(0);

    const before = await app.call('snapshots:day', { scheme: 'lifecycle', asOf: '2026-09-30' });
    expect(before).toMatchObject({ snapshotDay: null, firstDay: '2026-10-01', customers: 0, total: 0, rows: [], classes: [] });
  });

  it('reads a day\'s classes through the primary key, grouped in its order without a sort', () => {
    const detail = (app.db.$client.prepare(`EXPLAIN QUERY PLAN ${CLASSES_ON}`).all({ scheme: 'pyramid', day: '2026-10-01' }) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(detail).toMatch(/SEARCH segment_assignments USING (INDEX|PRIMARY KEY)/);
    expect(detail).not.toContain('TEMP B-TREE');
  });
});
