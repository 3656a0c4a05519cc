/**
 * `report` prints the pyramid of today from the stored tier history. A customer deleted after the last
 * `segment` was still counted there, in their old class (and the others in the classes of before), while the
 * same command's migration, which stores today's tiers first, no longer had them: the first `report` after a
 * deletion printed "iron 1, lead 2, none 2" for four live customers, the second the right counts.
 */
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../core/context';
import type { OutputOf } from '../../shared/contract';
import { openTestApp, type TestApp } from '../support/test-app';
import { cli } from '../support/cli';

// The command line runs on the system's clock: the workspace is built on the same day.
const TODAY = systemClock.today();
let dir: string;
let dbPath: string;
let deleted: string;
beforeAll(async () => {
  const app: TestApp = openTestApp(TODAY);
  [dir, dbPath] = [app.dir, app.dbPath];
  const amounts = ['5000', '3000', '800', '200', '50'];
  for (const [i, amount] of amounts.entries()) {
    const { customer } = await app.call('customers:create', { name: `C${i}` });
    await app.call('orders:create', { customerId: customer.id, orderDate: `${TODAY.slice(0, 7)}-01`, amount, currency: 'CNY' });
    if (i === 0) deleted = customer.id;
  }
  await app.call('segments:recompute', {});
  await app.call('customers:delete', { id: deleted });
  app.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report right after a deletion', () => {
  it('counts only live customers in the pyramid of today, on the first run', () => {
    const run = cli('report', '--db', dbPath, '--scheme', 'pyramid', '--from', TODAY, '--to', TODAY, '--json');
    expect([run.code, run.stderr]).toEqual([0, '']);
    const report = JSON.parse(run.stdout) as OutputOf<'reports:evaluation'>;
    const counted = report.pyramid.levels.reduce((n, l) => n + l.customers, 0);
    expect(counted).toBe(4);
    // The same counts as the stored history of today holds for live customers (plain SQL, read after the run).
    const stored = new Map<string, number>();
    const db = new Database(dbPath, { readonly: true });
    try {
      for (const [key, n] of db
        .prepare(
          `SELECT s.class_key, count(*) FROM segment_assignments s JOIN customers c ON c.id = s.customer_id AND c.deleted_at IS NULL
           WHERE s.scheme = 'pyramid' AND s.as_of = (SELECT max(t.as_of) FROM segment_assignments t WHERE t.scheme = 'pyramid' AND t.customer_id = s.customer_id AND t.as_of <= ?)
           GROUP BY s.class_key`,
        )
        .raw()
        .all(TODAY) as [string, number][])
        stored.set(key, n);
    } finally {
      db.close();
    }
    for (const level of report.pyramid.levels) expect([level.classKey, level.customers]).toEqual([level.classKey, stored.get(level.classKey) ?? 0]);
  });
});
