/**
 * Rows written ahead go in transactions of a bounded size (db/repos/segment-rows-ahead.ts): a scheme with more
 * customers than one transaction takes spans several, and together they must write every row exactly once.
 * At the shipped sizes that takes thousands of customers; here the sizes are made small instead.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planRowsAheadInSteps, rowsAheadInSteps } from '../../db/repos/segment-rows-ahead';
import { runSteps } from '../../shared/domain/steps';
import type { SnapshotColumns } from '../../db/repos/segmentation';
import { runCountingTurns } from '../support/count-turns';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeEach(() => {
  app = openTestApp();
});
afterEach(() => app.cleanup());

const ids = Array.from({ length: 23 }, (_, k) => `c${String(k).padStart(3, '0')}`);
const classes = (pick: (k: number) => string) => ids.map((_, k) => pick(k));

describe('the rows to write ahead', () => {
  it('compares a scheme with the day before in a turn of its own; a scheme without history is written in full', () => {
    const yesterday: SnapshotColumns = { asOf: '2026-11-22', customerIds: ids, classKeys: { rfm: classes(() => 'a'), tier: classes((k) => (k < 5 ? 'A' : 'B')) } };
    const today: SnapshotColumns = { asOf: '2026-11-23', customerIds: ids, classKeys: { rfm: classes((k) => (k % 3 === 0 ? 'b' : 'a')), tier: yesterday.classKeys.tier!, value: classes(() => 'lo') } };
    const { value: plan, turns } = runCountingTurns(planRowsAheadInSteps(today, ['value'], yesterday));
    expect(turns).toBe(2);
    expect(plan.map((p) => [p.scheme, p.positions === null ? null : [...p.positions]])).toEqual([
      ['value', null],
      ['rfm', [0, 3, 6, 9, 12, 15, 18, 21]],
      ['tier', []],
    ]);
    // Other customers than the day before's: nothing to compare against, only the first snapshots.
    expect(runSteps(planRowsAheadInSteps(today, ['value'], { ...yesterday, customerIds: ids.slice(1) }))).toEqual([{ scheme: 'value', positions: null }]);
  });
});

describe('rows written ahead, a bounded number per transaction', () => {
  it('a first snapshot and a day of changes spanning several transactions write every row once, a transaction per turn', () => {
    const yesterday: SnapshotColumns = { asOf: '2026-11-22', customerIds: ids, classKeys: { rfm: classes(() => 'a'), value: classes((k) => (k % 2 ? 'hi' : 'lo')) } };
    // Today: `value` is new (its first snapshot, all 23 customers); `rfm` changed for every third customer (8 of them).
    const today: SnapshotColumns = { asOf: '2026-11-23', customerIds: ids, classKeys: { rfm: classes((k) => (k % 3 === 0 ? 'b' : 'a')), value: yesterday.classKeys.value! } };
    const plan = runSteps(planRowsAheadInSteps(today, ['value'], yesterday));
    expect(plan.map((p) => [p.scheme, p.positions?.length ?? null])).toEqual([
      ['value', null],
      ['rfm', 8],
    ]);

    const client = app.db.$client;
    let transactions = 0;
    const { value: ahead, turns } = runCountingTurns(
      rowsAheadInSteps(app.db, today, plan, 'token-1', (rows) => {
        transactions++;
        client.transaction(rows)();
      }, { first: 5, changed: 3 }),
    );

    // ⌈23 / 5⌉ = 5 for the first snapshot, ⌈8 / 3⌉ = 3 for the changes; a turn after each.
    expect(transactions).toBe(8);
    expect(turns).toBe(8);
    expect(ahead).toEqual({ token: 'token-1', rows: new Map([['value', 23], ['rfm', 8]]) });
    const stored = client.prepare(`SELECT scheme, customer_id, class_key FROM segment_assignments WHERE as_of = '2026-11-23' ORDER BY scheme, customer_id`).raw().all();
    const expected = [
      ...ids.filter((_, k) => k % 3 === 0).map((id) => ['rfm', id, 'b']),
      ...ids.map((id, k) => ['value', id, k % 2 ? 'hi' : 'lo']),
    ];
    expect(stored).toEqual(expected);
    expect(client.prepare(`SELECT as_of, token FROM segment_pending`).raw().all()).toEqual([['2026-11-23', 'token-1']]);
  });
});
