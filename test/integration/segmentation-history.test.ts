import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEME_KEYS } from '../../shared/segmentation';
import { openApp } from '../../core/app';
import { fixedClock } from '../../core/context';
import { call } from '../../core/dispatch';
import { MIGRATIONS, openTestApp, type TestApp } from '../support/test-app';

/**
 * Tier history is stored as change points, written either by scanning history or (when this connection
 * stored the previous day) by comparing in memory. Whatever path wrote it, the class read back for a
 * stored day must be exactly what the engine said that day.
 */
let app: TestApp;
beforeEach(async () => {
  app = openTestApp('2026-11-23');
  await app.call('workspace:loadDemo', { customers: 150, seed: 11 });
});
afterEach(() => app.cleanup());

type Day = Map<string, Map<string, string>>;

/** The engine's classes right now for asOf: scheme → customer → class. */
async function engineClasses(asOf: string, schemes: readonly string[]): Promise<Day> {
  const day: Day = new Map();
  for (const scheme of schemes) {
    const { rows } = await app.call('segments:members', { scheme, asOf, limit: 5000 });
    day.set(scheme, new Map(rows.map((r) => [r.id, r.classKey])));
  }
  return day;
}

function storedClasses(scheme: string, day: string): Map<string, string> {
  const rows = app.db.$client
    .prepare(`SELECT customer_id, class_key, max(as_of) FROM segment_assignments WHERE scheme = ? AND as_of <= ? GROUP BY customer_id`)
    .raw()
    .all(scheme, day) as [string, string][];
  return new Map(rows.filter(([, c]) => c !== '_out'));
}

describe('tier history', () => {
  it('reads back exactly what the engine said on every stored day, through edits, archiving and new days', async () => {
    const said = new Map<string, Day>();
    const schemes = () => [...SCHEME_KEYS, ...[...said.values()].flatMap((d) => [...d.keys()])].filter((s, i, a) => a.indexOf(s) === i);
    const recompute = async (asOf: string) => {
      const out = await app.call('segments:recompute', { asOf });
      expect(out.stored).toBe(true);
      const keys = Object.keys(out.schemes);
      said.set(asOf, await engineClasses(asOf, keys));
    };
    const ids = app.db.$client.prepare(`SELECT id FROM customers ORDER BY id`).pluck().all() as string[];

    await recompute('2026-10-01');
    await recompute('2026-11-01');
    await app.call('orders:create', { customerId: ids[0]!, orderDate: '2026-11-01', amount: '800000', currency: 'CNY' });
    await recompute('2026-11-01'); // the same day again, after a change
    await app.call('customers:archive', { id: ids[1]!, archived: true });
    await app.call('customers:archive', { id: ids[2]!, archived: true });
    const added = (await app.call('customers:create', { name: '新客户', type: 'individual', contacts: [] })).customer.id;
    await app.call('orders:create', { customerId: added, orderDate: '2026-11-10', amount: '50', currency: 'CNY' });
    await app.call('segments:custom:save', { name: 'VIP', rule: { kind: 'group', op: 'and', conditions: [{ kind: 'metric', metric: 'orderCount', op: 'gte', value: 5 }] } });
    await recompute('2026-11-15');
    await app.call('customers:archive', { id: ids[2]!, archived: false });
    await recompute('2026-11-23');
    await recompute('2026-11-23');

    for (const [day, byScheme] of said) {
      for (const [scheme, classes] of byScheme) expect([day, scheme, storedClasses(scheme, day)]).toEqual([day, scheme, classes]);
    }
    expect(schemes().some((s) => s.startsWith('custom:'))).toBe(true);
    const perKey = app.db.$client.prepare(`SELECT max(n) FROM (SELECT count(*) AS n FROM segment_assignments GROUP BY scheme, customer_id, as_of)`).pluck().get();
    expect(perKey).toBe(1);
  });

  it('writing from memory of the last snapshot stores the same rows as scanning history', async () => {
    // Twin databases from the same seed. This one writes today in memory of the day before …
    await app.call('segments:recompute', { asOf: '2026-11-01' });
    await app.call('segments:recompute', {});
    // … the twin writes today through a second connection, which knows nothing and scans.
    const twin = openTestApp('2026-11-23');
    const second = openApp({ dbPath: twin.dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock('2026-11-23') });
    try {
      await twin.call('workspace:loadDemo', { customers: 150, seed: 11 });
      await twin.call('segments:recompute', { asOf: '2026-11-01' });
      await call(second.dispatch, 'segments:recompute', {});
      const rows = (a: TestApp) =>
        a.db.$client.prepare(`SELECT scheme, as_of, class_key, count(*) FROM segment_assignments GROUP BY scheme, as_of, class_key ORDER BY 1, 2, 3`).raw().all();
      expect(rows(twin)).toEqual(rows(app));
      expect(app.db.$client.prepare(`SELECT count(*) FROM segment_assignments WHERE as_of = '2026-11-23'`).pluck().get()).toBeGreaterThan(0);
    } finally {
      second.close();
      twin.cleanup();
    }
  });

  it('reads history through the primary key: a day for one scheme, a customer\'s change points, no temporary sort', () => {
    const plan = (query: string) => (app.db.$client.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    // WITHOUT ROWID: the table is its primary key.
    const key = 'USING PRIMARY KEY';
    expect(plan(`SELECT customer_id, class_key, max(as_of) FROM segment_assignments WHERE scheme = 'pyramid' AND as_of <= '2026-11-23' GROUP BY customer_id`)).toBe(
      `SEARCH segment_assignments ${key} (scheme=?)`,
    );
    expect(plan(`SELECT as_of, class_key FROM segment_assignments WHERE scheme = 'pyramid' AND customer_id = 'c' ORDER BY as_of`)).toBe(
      `SEARCH segment_assignments ${key} (scheme=? AND customer_id=?)`,
    );
    expect(plan(`SELECT as_of, class_key FROM segment_assignments WHERE scheme = 'pyramid' AND customer_id = 'c' AND as_of <= '2026-11-23' ORDER BY as_of DESC LIMIT 2`)).toBe(
      `SEARCH segment_assignments ${key} (scheme=? AND customer_id=? AND as_of<?)`,
    );
  });
});
