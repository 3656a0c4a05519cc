/**
 * Today's "slipping down" reasons read each customer's latest stored change of class before the day
 * (db/repos/today.ts latestTierChangesInSteps) by one pass over the scheme's rows in key order. Checked against
 * SQLite's window functions over the same rows (lag and row_number per customer, the query it replaced) on
 * random histories: several schemes and days, customers leaving and coming back, asOf anywhere among them.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSteps } from '../../shared/domain/steps';
import { LATEST_TIER_ROWS_SQL, latestTierChangesInSteps } from '../../db/repos/today';
import { OUT_OF_POPULATION } from '../../db/schema';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeEach(() => {
  app = openTestApp();
});
afterEach(() => app.cleanup());

const DAYS = ['2026-11-01', '2026-11-02', '2026-11-05', '2026-11-20', '2026-12-01'];
const CLASSES = ['A', 'B', 'C', OUT_OF_POPULATION];

function byWindowFunctions(scheme: string, asOf: string) {
  const rows = app.db.$client
    .prepare(
      `SELECT customer_id, as_of, class_key, previous FROM (
         SELECT customer_id, as_of, class_key,
                lag(class_key) OVER (PARTITION BY customer_id ORDER BY as_of) AS previous,
                row_number() OVER (PARTITION BY customer_id ORDER BY as_of DESC) AS newest
         FROM segment_assignments WHERE scheme = ? AND as_of < ?)
       WHERE newest = 1 AND class_key <> ?`,
    )
    .raw()
    .all(scheme, asOf, OUT_OF_POPULATION) as [string, string, string, string | null][];
  return new Map(rows.map(([id, day, classKey, previous]) => [id, { asOf: day, classKey, previous: previous === OUT_OF_POPULATION ? null : previous }]));
}

const history = fc.array(
  fc.record({ scheme: fc.constantFrom('pyramid', 'value'), customer: fc.integer({ min: 0, max: 12 }), day: fc.constantFrom(...DAYS), classKey: fc.constantFrom(...CLASSES) }),
  { maxLength: 120 },
);

describe("a customer's latest stored change of class before a day", () => {
  it('is what window functions over the same rows say, for any history and any day', () => {
    fc.assert(
      fc.property(history, fc.constantFrom(...DAYS, '2026-10-01', '2026-11-03', '2026-12-31'), fc.integer({ min: 1, max: 7 }), (rows, asOf, pageRows) => {
        const client = app.db.$client;
        client.exec(`DELETE FROM segment_assignments`);
        const insert = client.prepare(`INSERT OR REPLACE INTO segment_assignments (scheme, customer_id, as_of, class_key) VALUES (?, ?, ?, ?)`);
        for (const r of rows) insert.run(r.scheme, `c${String(r.customer).padStart(2, '0')}`, r.day, r.classKey);
        for (const scheme of ['pyramid', 'value']) {
          const expected = byWindowFunctions(scheme, asOf);
          expect(runSteps(latestTierChangesInSteps(app.db, scheme, asOf))).toEqual(expected);
          // A page of a few rows per step: a customer's rows carried across pages give the same.
          expect(runSteps(latestTierChangesInSteps(app.db, scheme, asOf, pageRows))).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reads a page of the scheme's rows from a key on, in the key's order, without sorting them", () => {
    const plan = app.db.$client.prepare(`EXPLAIN QUERY PLAN ${LATEST_TIER_ROWS_SQL}`).all('pyramid', '2026-12-01', 'c05', '2026-11-02', 100) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/^SEARCH segment_assignments USING PRIMARY KEY \(scheme=\? AND \(customer_id,as_of\)>\(\?,\?\)\)$/);
  });
});
