import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import type { Db } from '../../db/open';
import { sameColumnsInSteps, storedLatestColumns, writeSnapshot, type SnapshotColumns } from '../../db/repos/segmentation';
import { fixedClock, type HandlerContext } from '../../core/context';
import { storeInSteps, type SegmentationState } from '../../core/segmentation/state';
import { openTestApp, type TestApp } from '../support/test-app';
import { runSteps } from '../../shared/domain/steps';
import { codeColumn, rememberCoding } from '../../shared/segmentation';

/**
 * segment_latest keeps the latest stored day's classes as one coded row, so a new process compares a new
 * day against it instead of reading all tier history. Read back, it must be exactly the columns written,
 * whatever the number of classes (a few per scheme, or dozens as for countries), and it must say what
 * plain SQL over the change-point rows says each customer's class is on that day.
 */
let app: TestApp | undefined;
afterEach(() => app?.cleanup());

/** A small seeded generator, so a failure names the same data every time. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function columnsFor(asOf: string, ids: string[], random: () => number): SnapshotColumns {
  const countries = Array.from({ length: 40 }, (_, c) => `country_${c}`);
  return {
    asOf,
    customerIds: ids,
    classKeys: {
      pyramid: ids.map(() => ['platinum', 'gold', 'iron', 'lead', 'none'][Math.floor(random() * 5)]!),
      // Past the short list of classes compared one by one: the codes switch to a lookup mid-column.
      country: ids.map(() => countries[Math.floor(random() * countries.length)]!),
      intent: ids.map(() => 'unknown'),
    },
  };
}

/** Each customer's class on `day` by plain SQL: the class of their latest change point on or before it. */
function classesBySql(t: TestApp, scheme: string, day: string): Map<string, string> {
  const rows = t.db.$client
    .prepare(
      `SELECT a.customer_id, a.class_key FROM segment_assignments a
       WHERE a.scheme = ? AND a.as_of = (SELECT max(b.as_of) FROM segment_assignments b WHERE b.scheme = a.scheme AND b.customer_id = a.customer_id AND b.as_of <= ?)`,
    )
    .raw()
    .all(scheme, day) as [string, string][];
  return new Map(rows);
}

/** A snapshot written by a second connection to the same file, as another process would. */
function storeFromAnotherConnection(t: TestApp, computedAt: string, columns: SnapshotColumns): void {
  const other = new Database(t.dbPath);
  try {
    const otherDb = drizzle(other, { schema }) as unknown as Db;
    otherDb.transaction(() => writeSnapshot(otherDb, computedAt, columns));
  } finally {
    other.close();
  }
}

describe('the latest day kept as columns', () => {
  it('reads back exactly the columns written, day after day, and agrees with the change points', () => {
    const t = (app = openTestApp());
    const random = seeded(7);
    const ids = Array.from({ length: 300 }, (_, k) => `c-${String(k).padStart(4, '0')}`);
    const days = ['2026-11-20', '2026-11-21', '2026-11-21', '2026-11-22'];
    for (const day of days) {
      const columns = columnsFor(day, ids, random);
      t.db.transaction(() => writeSnapshot(t.db, `${day}T09:00:00.000Z`, columns));
      const stored = storedLatestColumns(t.db);
      expect(stored).toEqual(columns);
      for (const [scheme, column] of Object.entries(columns.classKeys)) {
        const bySql = classesBySql(t, scheme, day);
        expect(ids.map((id) => bySql.get(id))).toEqual(column);
      }
    }
  });

  it.each([
    [40, 1],
    [300, 2],
    [65_537, 4],
  ])('with %i classes in one scheme its codes take %i byte(s) each, and read back exactly', (classes, width) => {
    const t = (app = openTestApp());
    const n = Math.max(classes, 500);
    const ids = Array.from({ length: n }, (_, k) => `c-${String(k).padStart(6, '0')}`);
    const random = seeded(classes);
    // Every class of the wide scheme occurs (the first `classes` customers have one each), the rest at random.
    const wide = ids.map((_, k) => `class_${k < classes ? k : Math.floor(random() * classes)}`);
    const columns: SnapshotColumns = { asOf: '2026-11-20', customerIds: ids, classKeys: { pyramid: ids.map(() => 'gold'), wide } };
    t.db.transaction(() => writeSnapshot(t.db, '2026-11-20T09:00:00.000Z', columns));
    expect(t.db.$client.prepare(`SELECT length(codes) FROM segment_latest`).pluck().get()).toBe(n * 2 * width);
    expect(storedLatestColumns(t.db)).toEqual(columns);
  });

  it('writes a column the engine coded from its codes, whatever order its classes were coded in, and reads it back exactly', () => {
    const t = (app = openTestApp());
    const random = seeded(11);
    const ids = Array.from({ length: 400 }, (_, k) => `c-${String(k).padStart(4, '0')}`);
    const columns = columnsFor('2026-11-20', ids, random);
    // The country column coded with its classes in reverse order of appearance: the codes, not the order, say the class.
    const country = columns.classKeys.country!;
    const { classes } = codeColumn(country);
    const reversed = [...classes].reverse();
    const codeOf = new Map(reversed.map((c, x) => [c, x]));
    rememberCoding(country, { classes: reversed, codes: Uint8Array.from(country, (c) => codeOf.get(c)!) });
    rememberCoding(columns.classKeys.pyramid!, codeColumn(columns.classKeys.pyramid!));
    t.db.transaction(() => writeSnapshot(t.db, '2026-11-20T09:00:00.000Z', columns));
    expect(storedLatestColumns(t.db)).toEqual(columns);
    expect(classesBySql(t, 'country', '2026-11-20')).toEqual(new Map(ids.map((id, k) => [id, country[k]!])));
  });

  it('stays exactly the day written last when a day is written again unchanged, then changed', () => {
    const t = (app = openTestApp());
    const ids = Array.from({ length: 120 }, (_, k) => `c-${String(k).padStart(4, '0')}`);
    const columns = columnsFor('2026-11-20', ids, seeded(3));
    const write = (c: SnapshotColumns, given?: SnapshotColumns) => t.db.transaction(() => writeSnapshot(t.db, `${c.asOf}T09:00:00.000Z`, c, given));
    write(columns);
    write(columns);
    write(columns, columns);
    expect(storedLatestColumns(t.db)).toEqual(columns);
    const changed = { ...columns, classKeys: { ...columns.classKeys, pyramid: columns.classKeys.pyramid!.map((c, k) => (k === 5 ? (c === 'gold' ? 'iron' : 'gold') : c)) } };
    write(changed, columns);
    expect(storedLatestColumns(t.db)).toEqual(changed);
    // Back as before, told the day still holds `changed`: one class differs, so the kept columns follow.
    write(columns, changed);
    expect(storedLatestColumns(t.db)).toEqual(columns);
    // A scheme added (a custom segment) is a change even when every other class is the same.
    const withSegment = { ...columns, classKeys: { ...columns.classKeys, 'custom:vip': ids.map(() => 'member') } };
    write(withSegment, columns);
    expect(storedLatestColumns(t.db)).toEqual(withSegment);
    // The next day with every class as the day before writes no history, yet the kept columns are that day's.
    const nextDay = { ...withSegment, asOf: '2026-11-21' };
    write(nextDay, withSegment);
    expect(t.db.$client.prepare(`SELECT count(*) FROM segment_assignments WHERE as_of = '2026-11-21'`).pluck().get()).toBe(0);
    expect(storedLatestColumns(t.db)).toEqual(nextDay);
  });

  it('is not used once the history moved without it (another day stored after it)', () => {
    const t = (app = openTestApp());
    const ids = ['a', 'b', 'c'];
    const first = columnsFor('2026-11-20', ids, seeded(1));
    t.db.transaction(() => writeSnapshot(t.db, '2026-11-20T09:00:00.000Z', first));
    expect(storedLatestColumns(t.db)?.asOf).toBe('2026-11-20');
    t.db.$client.prepare(`INSERT INTO segment_runs (as_of, computed_at, customer_count) VALUES ('2026-11-21', '2026-11-21T09:00:00.000Z', 3)`).run();
    expect(storedLatestColumns(t.db)).toBeUndefined();
  });
});

describe('a snapshot stored in steps', () => {
  it('does not compare with classes decoded before another connection stored a later day', () => {
    const t = (app = openTestApp());
    const random = seeded(11);
    const ids = Array.from({ length: 200 }, (_, k) => `c-${String(k).padStart(4, '0')}`);
    const first = columnsFor('2026-11-20', ids, random);
    t.db.transaction(() => writeSnapshot(t.db, '2026-11-20T09:00:00.000Z', first));
    // The next day someone else stores a third of the customers in another pyramid class…
    const moved = { ...first, asOf: '2026-11-21', classKeys: { ...first.classKeys, pyramid: first.classKeys.pyramid!.map((c, k) => (k % 3 === 0 ? (c === 'gold' ? 'iron' : 'gold') : c)) } };
    // …while this connection stores the day after with the first day's classes again: every moved customer moves back.
    const back = { ...first, asOf: '2026-11-22' };
    const ctx = { db: t.db, clock: fixedClock('2026-11-22') } as HandlerContext;
    const state = { asOf: back.asOf, result: { customerIds: back.customerIds, classKeys: back.classKeys } } as unknown as SegmentationState;
    const steps = storeInSteps(ctx, state);
    expect(steps.next().done).toBe(false);
    storeFromAnotherConnection(t, '2026-11-21T09:00:00.000Z', moved);
    let next = steps.next();
    while (!next.done) next = steps.next();
    expect(next.value).toBe(true);
    for (const [scheme, column] of Object.entries(back.classKeys)) {
      const sql = classesBySql(t, scheme, back.asOf);
      ids.forEach((id, k) => expect(sql.get(id), `${scheme} ${id}`).toBe(column[k]));
    }
    expect(storedLatestColumns(t.db)).toEqual(back);
  });

  it("codes nothing for the same day's classes stored again, and puts them back after another connection changed that day", () => {
    const t = (app = openTestApp());
    const ids = Array.from({ length: 150 }, (_, k) => `c-${String(k).padStart(4, '0')}`);
    const day = columnsFor('2026-11-20', ids, seeded(5));
    const ctx = { db: t.db, clock: fixedClock('2026-11-20') } as HandlerContext;
    const stateOf = (c: SnapshotColumns) => ({ asOf: c.asOf, result: { customerIds: c.customerIds, classKeys: c.classKeys } }) as unknown as SegmentationState;
    const store = (c: SnapshotColumns) => {
      const steps = storeInSteps(ctx, stateOf(c));
      let count = 1;
      let next = steps.next();
      while (!next.done) {
        count++;
        next = steps.next();
      }
      expect(next.value).toBe(true);
      return count;
    };
    const expectStored = (c: SnapshotColumns) => {
      for (const [scheme, column] of Object.entries(c.classKeys)) {
        const sql = classesBySql(t, scheme, c.asOf);
        c.customerIds.forEach((id, k) => expect(sql.get(id), `${scheme} ${id}`).toBe(column[k]));
      }
      expect(storedLatestColumns(t.db)).toEqual(c);
    };
    const first = store(day);
    expectStored(day);
    // The same classes in new arrays, as a recompute gives them: nothing coded and nothing written ahead, so
    // its steps are the comparison's, a scheme each, the transaction's own and the class spellings' kept after it.
    const again = store({ ...day, customerIds: [...ids], classKeys: Object.fromEntries(Object.entries(day.classKeys).map(([s, c]) => [s, [...c]])) });
    expect(again).toBe(Object.keys(day.classKeys).length + 3);
    expect(first).toBeGreaterThan(again);
    expectStored(day);
    // Another connection stores the same day with a third of the pyramid moved: this one puts the classes back.
    const moved = { ...day, classKeys: { ...day.classKeys, pyramid: day.classKeys.pyramid!.map((c, k) => (k % 3 === 0 ? (c === 'gold' ? 'iron' : 'gold') : c)) } };
    storeFromAnotherConnection(t, '2026-11-20T10:00:00.000Z', moved);
    expectStored(moved);
    store(day);
    expectStored(day);
  });
});

describe('a new day stored by a process just started', () => {
  /** storeInSteps on a connection of its own, as the first store of a process: the day before is read back from segment_latest. */
  function storeFromNewProcess(t: TestApp, columns: SnapshotColumns): void {
    const other = new Database(t.dbPath);
    try {
      const db = drizzle(other, { schema }) as unknown as Db;
      const ctx = { db, clock: fixedClock(columns.asOf) } as HandlerContext;
      const state = { asOf: columns.asOf, result: { customerIds: columns.customerIds, classKeys: columns.classKeys } } as unknown as SegmentationState;
      expect(runSteps(storeInSteps(ctx, state))).toBe(true);
    } finally {
      other.close();
    }
  }

  /** Columns as the engine hands them out: each coded as it was counted. */
  const engineColumns = (columns: SnapshotColumns): SnapshotColumns => {
    for (const column of Object.values(columns.classKeys)) rememberCoding(column, codeColumn(column));
    return columns;
  };

  it('writes the change points plain SQL expects, whether the customers are the same or some joined and left', () => {
    const t = (app = openTestApp());
    const random = seeded(11);
    const ids = Array.from({ length: 200 }, (_, k) => `c-${String(k).padStart(4, '0')}`);
    // The same customers; then a customer left and two joined (one before the others in id order); then the same again.
    const joined = ['c-0000a', ...ids.filter((id) => id !== 'c-0050'), 'c-9999'];
    const days: SnapshotColumns[] = [
      columnsFor('2026-11-20', ids, random),
      columnsFor('2026-11-21', ids, random),
      columnsFor('2026-11-22', joined, random),
      columnsFor('2026-11-23', joined, random),
    ].map(engineColumns);
    const expected = new Map<string, Map<string, string>>();
    for (const day of days) {
      storeFromNewProcess(t, day);
      expect(storedLatestColumns(t.db)).toEqual(day);
      for (const [scheme, column] of Object.entries(day.classKeys)) {
        const byCustomer = expected.get(scheme) ?? new Map<string, string>();
        for (const id of byCustomer.keys()) if (!day.customerIds.includes(id)) byCustomer.set(id, '_out');
        day.customerIds.forEach((id, k) => byCustomer.set(id, column[k]!));
        expected.set(scheme, byCustomer);
        expect(classesBySql(t, scheme, day.asOf)).toEqual(byCustomer);
      }
    }
    // A change point only where a class changed: the last day wrote fewer rows than it has customers.
    const lastDayRows = t.db.$client.prepare(`SELECT count(*) FROM segment_assignments WHERE as_of = '2026-11-23'`).pluck().get() as number;
    expect(lastDayRows).toBeLessThan(joined.length * 3);
  });
});

describe('sameColumnsInSteps', () => {
  const sameColumns = (a: SnapshotColumns | undefined, b: SnapshotColumns) => runSteps(sameColumnsInSteps(a, b));
  const base: SnapshotColumns = { asOf: '2026-11-20', customerIds: ['a', 'b'], classKeys: { pyramid: ['gold', 'iron'], rfm: ['555', '111'] } };
  it('is true only for the same day, customers in the same order and the same classes in the same schemes', () => {
    expect(sameColumns(base, { ...base, customerIds: ['a', 'b'], classKeys: { rfm: ['555', '111'], pyramid: ['gold', 'iron'] } })).toBe(true);
    expect(sameColumns(undefined, base)).toBe(false);
    expect(sameColumns({ ...base, asOf: '2026-11-19' }, base)).toBe(false);
    expect(sameColumns({ ...base, customerIds: ['b', 'a'] }, base)).toBe(false);
    expect(sameColumns({ ...base, customerIds: ['a'], classKeys: { pyramid: ['gold'], rfm: ['555'] } }, base)).toBe(false);
    expect(sameColumns({ ...base, classKeys: { pyramid: ['gold', 'gold'], rfm: ['555', '111'] } }, base)).toBe(false);
    expect(sameColumns({ ...base, classKeys: { pyramid: ['gold', 'iron'] } }, base)).toBe(false);
    expect(sameColumns({ ...base, classKeys: { pyramid: ['gold', 'iron'], value: ['a', 'b'] } }, base)).toBe(false);
    expect(sameColumns(base, { ...base, classKeys: { ...base.classKeys, 'custom:vip': ['member', 'member'] } })).toBe(false);
  });

  it('in steps, gives a turn before each scheme and stops at the first difference', () => {
    const turnsOf = (a: SnapshotColumns, b: SnapshotColumns) => {
      const steps = sameColumnsInSteps(a, b);
      let turns = 0;
      for (let next = steps.next(); ; next = steps.next(), turns++) if (next.done) return { same: next.value, turns };
    };
    const three = { ...base, classKeys: { ...base.classKeys, value: ['a', 'b'] } };
    expect(turnsOf(three, { ...three })).toEqual({ same: true, turns: 3 });
    expect(turnsOf(three, { ...three, classKeys: { ...three.classKeys, pyramid: ['gold', 'gold'] } })).toEqual({ same: false, turns: 1 });
    expect(turnsOf({ ...three, customerIds: ['b', 'a'] }, three)).toEqual({ same: false, turns: 0 });
  });
});
