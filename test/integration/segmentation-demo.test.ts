import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classKeysOf, SCHEME_KEYS } from '../../shared/segmentation';
import { movableClock, openTestApp, type TestApp } from '../support/test-app';

/** The demo workspace (360 customers, 2–3 years of orders) through dispatch, checked against plain SQL. */
let app: TestApp;
const clock = movableClock('2026-11-23');
beforeAll(async () => {
  app = openTestApp('2026-11-23', { clock });
  await app.call('workspace:loadDemo', {});
  // Archive a few so "live" is not simply "all".
  const some = app.db.$client.prepare(`SELECT id FROM customers ORDER BY id LIMIT 3`).pluck().all() as string[];
  for (const id of some) await app.call('customers:archive', { id, archived: true });
}, 120_000);
afterAll(() => app.cleanup());

const liveIds = () =>
  (app.db.$client.prepare(`SELECT id FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL ORDER BY id`).pluck().all() as string[]);

/** Class per customer of a scheme on a stored day, straight from the change points. */
const storedClasses = (scheme: string, day: string) =>
  new Map(
    (app.db.$client
      .prepare(`SELECT customer_id, class_key, max(as_of) FROM segment_assignments WHERE scheme = ? AND as_of <= ? GROUP BY customer_id`)
      .raw()
      .all(scheme, day) as [string, string][]).filter(([, c]) => c !== '_out'),
  );

describe('segmentation of the demo workspace', () => {
  it('puts every live customer in exactly one class of every scheme', async () => {
    const { schemes } = await app.call('segments:recompute', {});
    const live = liveIds();
    expect(Object.keys(schemes)).toEqual([...SCHEME_KEYS]);
    for (const scheme of SCHEME_KEYS) {
      const { total, rows } = await app.call('segments:members', { scheme, limit: 5000 });
      expect([scheme, total, Object.values(schemes[scheme]!).reduce((a, b) => a + b, 0)]).toEqual([scheme, live.length, live.length]);
      expect(rows.map((r) => r.id).sort()).toEqual(live);
      const allowed = classKeysOf(scheme);
      if (allowed) expect(rows.filter((r) => !allowed.includes(r.classKey))).toEqual([]);
      const stored = storedClasses(scheme, '2026-11-23');
      expect(rows.every((r) => stored.get(r.id) === r.classKey)).toBe(true);
    }
  });

  it.each(['pyramid', 'value', 'rf_segment', 'lifecycle', 'locality'])('every number of the %s overview matches a direct SQL computation', async (scheme) => {
    await app.call('segments:recompute', {});
    const o = await app.call('segments:overview', { scheme });
    expect(o.window).toEqual({ start: '2025-11-24', end: '2026-11-23' });
    const rows = app.db.$client
      .prepare(
        `WITH cls AS (SELECT customer_id, class_key, max(as_of) FROM segment_assignments WHERE scheme = ? AND as_of <= '2026-11-23' GROUP BY customer_id)
         SELECT cls.class_key AS classKey, count(DISTINCT c.id) AS count,
                coalesce((SELECT sum(o.base_amount_minor) FROM orders o JOIN cls c2 ON c2.customer_id = o.customer_id
                          JOIN customers cc ON cc.id = o.customer_id AND cc.deleted_at IS NULL AND cc.archived_at IS NULL
                          WHERE c2.class_key = cls.class_key AND o.deleted_at IS NULL AND o.order_date BETWEEN '2025-11-24' AND '2026-11-23'), 0) AS revenue
         FROM cls JOIN customers c ON c.id = cls.customer_id AND c.deleted_at IS NULL AND c.archived_at IS NULL
         GROUP BY cls.class_key`,
      )
      .all(scheme) as { classKey: string; count: number; revenue: number }[];
    const total = app.db.$client
      .prepare(
        `SELECT sum(o.base_amount_minor) FROM orders o JOIN customers c ON c.id = o.customer_id
         WHERE c.deleted_at IS NULL AND c.archived_at IS NULL AND o.deleted_at IS NULL AND o.order_date BETWEEN '2025-11-24' AND '2026-11-23'`,
      )
      .pluck()
      .get() as number;
    expect(o.revenueMinor).toBe(total);
    expect(o.customers).toBe(liveIds().length);
    const shown = o.classes.filter((c) => c.count > 0);
    expect(shown.map((c) => [c.classKey, c.count, c.revenueMinor]).sort()).toEqual(rows.map((r) => [r.classKey, r.count, r.revenue]).sort());
    for (const c of o.classes) expect(c.revenueShare).toBeCloseTo(c.revenueMinor / total, 12);
    expect(o.classes.reduce((s, c) => s + c.revenueShare!, 0)).toBeCloseTo(1, 9);
    expect(o.classes.filter((c) => c.count === 0).every((c) => c.revenueMinor === 0)).toBe(true);
  });

  it('migration matrix between two days: a large order moves a lead customer to the top; cells match the stored classes', async () => {
    // History is written forward: the earlier day first, then the later one.
    const day1 = await app.call('segments:recompute', { asOf: '2026-11-23' });
    expect(day1.stored).toBe(true);
    const lead = (await app.call('segments:members', { scheme: 'pyramid', classKey: 'lead', sort: 'revenue', direction: 'asc', limit: 1 })).rows[0]!;
    await app.call('orders:create', { customerId: lead.id, orderDate: '2026-11-23', amount: '5000000', currency: 'CNY' });
    // The next day comes: no day after today is stored.
    clock.moveTo('2026-11-24');
    const day2 = await app.call('segments:recompute', { asOf: '2026-11-24' });
    expect(day2.stored).toBe(true);
    const m = await app.call('segments:migration', { scheme: 'pyramid', from: '2026-11-23', to: '2026-11-24' });
    expect([m.fromSnapshot, m.toSnapshot]).toEqual(['2026-11-23', '2026-11-24']);
    expect(m.cells.find((c) => c.customerIds.includes(lead.id))).toMatchObject({ from: 'lead', to: 'platinum' });
    const [before, after] = [storedClasses('pyramid', '2026-11-23'), storedClasses('pyramid', '2026-11-24')];
    for (const cell of m.cells) {
      expect(cell.count).toBe(cell.customerIds.length);
      for (const id of cell.customerIds) expect([before.get(id) ?? null, after.get(id) ?? null]).toEqual([cell.from, cell.to]);
    }
    expect(m.cells.reduce((s, c) => s + c.count, 0)).toBe(new Set([...before.keys(), ...after.keys()]).size);
    const intoDay2: Record<string, number> = {};
    for (const c of m.cells) if (c.to) intoDay2[c.to] = (intoDay2[c.to] ?? 0) + c.count;
    expect(intoDay2).toEqual(Object.fromEntries(Object.entries(day2.schemes.pyramid!).filter(([, n]) => n > 0)));
    expect((await app.call('segments:history', { customerId: lead.id, scheme: 'pyramid' })).schemes.pyramid!.slice(-2)).toEqual([
      { asOf: '2026-11-23', classKey: 'lead' },
      { asOf: '2026-11-24', classKey: 'platinum' },
    ]);
  });
});
