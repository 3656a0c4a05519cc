/**
 * Pages of the stored predictions (core/prediction/store.ts): every sort, paged to the end, is the order plain
 * SQL and a sort in this test give; the totals count only live customers, even while rows of a deleted and an
 * archived customer are still stored; a filter of many ids (read by walking the sort's index) and of few (looked
 * up) give the same rows; and the pages the screens ask for are read from an index, not sorted.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEW_IDS, readStoredPredictions, storedPageQuery } from '../../core/prediction/store';
import { PREDICTION_SORTS } from '../../shared/contract/prediction';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
const TODAY = '2026-11-23';

interface PlainRow {
  id: string;
  score: number;
  pAlive: number;
  value: number;
  clv: number;
  owner: string | null;
}

/** Every stored row of a live customer, by plain SQL on a connection of the test's own. */
function liveRows(): PlainRow[] {
  const raw = new Database(app.dbPath, { readonly: true });
  try {
    return raw
      .prepare(
        `SELECT p.customer_id AS id, p.score, p.p_alive AS pAlive, p.expected_order_value_minor AS value, p.clv_minor AS clv, c.owner
           FROM customer_predictions p, customers c
          WHERE c.id = p.customer_id AND c.deleted_at IS NULL AND c.archived_at IS NULL`,
      )
      .all() as PlainRow[];
  } finally {
    raw.close();
  }
}

const KEY: Record<(typeof PREDICTION_SORTS)[number], (r: PlainRow) => number> = {
  score: (r) => r.score,
  pAlive: (r) => r.pAlive,
  expectedValue: (r) => r.value,
  clv: (r) => r.clv,
  likelyValue: (r) => r.score * r.value,
};

/** Highest first, ties by the higher id: the order the pages promise. */
function expectedOrder(rows: PlainRow[], sort: (typeof PREDICTION_SORTS)[number]): string[] {
  const key = KEY[sort];
  return [...rows].sort((a, b) => key(b) - key(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).map((r) => r.id);
}

function allPages(options: { sort: (typeof PREDICTION_SORTS)[number]; customerIds?: readonly string[]; owner?: string }, pageSize: number) {
  const ids: string[] = [];
  const totals = new Set<number>();
  for (let offset = 0; ; offset += pageSize) {
    const page = readStoredPredictions(app.db, { ...options, limit: pageSize, offset });
    totals.add(page.total);
    ids.push(...page.rows.map((r) => r.id));
    if (page.rows.length < pageSize) break;
  }
  return { ids, totals: [...totals] };
}

beforeAll(async () => {
  app = openTestApp(TODAY);
  await app.call('workspace:loadDemo', { customers: 200, seed: 5 });
  await app.call('segments:recompute', {});
  await app.call('prediction:customers', { limit: 1 });
  // One predicted customer deleted and one archived behind the app's back: their rows stay until the next refit.
  const raw = new Database(app.dbPath);
  try {
    const [gone, shelved] = raw.prepare(`SELECT customer_id FROM customer_predictions ORDER BY customer_id LIMIT 2`).pluck().all() as string[];
    raw.prepare(`UPDATE customers SET deleted_at = ? WHERE id = ?`).run(`${TODAY}T09:00:00.000Z`, gone);
    raw.prepare(`UPDATE customers SET archived_at = ? WHERE id = ?`).run(`${TODAY}T09:00:00.000Z`, shelved);
    expect(raw.prepare(`SELECT COUNT(*) FROM customer_predictions WHERE customer_id IN (?, ?)`).pluck().get(gone, shelved)).toBe(2);
  } finally {
    raw.close();
  }
}, 120_000);
afterAll(() => app.cleanup());

describe('pages of stored predictions', () => {
  it('every sort, paged to the end, is the whole order a plain sort gives, and the total counts live customers only', () => {
    const rows = liveRows();
    expect(rows.length).toBeGreaterThan(100);
    for (const sort of PREDICTION_SORTS) {
      const paged = allPages({ sort }, 17);
      expect(paged.ids, sort).toEqual(expectedOrder(rows, sort));
      expect(paged.totals, sort).toEqual([rows.length]);
    }
  });

  it('an owner filter pages and counts that owner’s live customers', () => {
    const rows = liveRows();
    const owner = rows.find((r) => r.owner !== null)!.owner!;
    const mine = rows.filter((r) => r.owner === owner);
    const paged = allPages({ sort: 'likelyValue', owner }, 7);
    expect(paged.ids).toEqual(expectedOrder(mine, 'likelyValue'));
    expect(paged.totals).toEqual([mine.length]);
  });

  it('many ids (the index walked) and few ids (looked up) give the same rows as a plain filter', () => {
    const rows = liveRows();
    const chosen = rows.filter((_, i) => i % 3 === 0).map((r) => r.id);
    const few = allPages({ sort: 'likelyValue', customerIds: chosen }, 11);
    // Ids no customer has, added past the threshold, change the way the page is read but not the answer.
    const padded = [...chosen, ...Array.from({ length: FEW_IDS + 1 }, (_, i) => `no-such-customer-${i}`)];
    const many = allPages({ sort: 'likelyValue', customerIds: padded }, 11);
    const expected = expectedOrder(rows.filter((r) => chosen.includes(r.id)), 'likelyValue');
    expect(few.ids).toEqual(expected);
    expect(many.ids).toEqual(expected);
    expect(few.totals).toEqual([chosen.length]);
    expect(many.totals).toEqual([chosen.length]);
  });

  it('many ids with an owner, and ids of deleted or archived customers, are left out of the rows and the total', () => {
    const raw = new Database(app.dbPath, { readonly: true });
    const notLive = raw.prepare(`SELECT c.id FROM customers c JOIN customer_predictions p ON p.customer_id = c.id WHERE c.deleted_at IS NOT NULL OR c.archived_at IS NOT NULL`).pluck().all() as string[];
    raw.close();
    expect(notLive).toHaveLength(2);
    const rows = liveRows();
    const owner = rows.find((r) => r.owner !== null)!.owner!;
    const padding = Array.from({ length: FEW_IDS + 1 }, (_, i) => `no-such-customer-${i}`);
    for (const sort of PREDICTION_SORTS) {
      const all = allPages({ sort, customerIds: [...notLive, ...rows.map((r) => r.id), ...padding] }, 13);
      expect(all.ids, sort).toEqual(expectedOrder(rows, sort));
      expect(all.totals, sort).toEqual([rows.length]);
      const mine = allPages({ sort, owner, customerIds: [...notLive, ...rows.map((r) => r.id), ...padding] }, 5);
      const owned = rows.filter((r) => r.owner === owner);
      expect(mine.ids, sort).toEqual(expectedOrder(owned, sort));
      expect(mine.totals, sort).toEqual([owned.length]);
    }
  });

  it('the lists the screens and the CLI show are read from an index, with no sort of every row', () => {
    const raw = new Database(app.dbPath, { readonly: true });
    try {
      for (const sort of ['score', 'likelyValue'] as const) {
        for (const options of [{ sort }, { sort, owner: 'someone' }]) {
          const query = storedPageQuery(options);
          const plan = (raw.prepare(`EXPLAIN QUERY PLAN ${query.pageSql}`).all(...query.params, 50, 0) as { detail: string }[]).map((r) => r.detail).join(' / ');
          expect(plan, `${sort} ${JSON.stringify(options)}`).toMatch(/SCAN p USING INDEX customer_predictions_by_/);
          expect(plan, `${sort} ${JSON.stringify(options)}`).not.toMatch(/TEMP B-TREE/);
        }
      }
    } finally {
      raw.close();
    }
  });

  it('the best list through dispatch: each row’s class, and a class’s rows, are those the stored tier history gives', async () => {
    // Stored first, so the tier history holds today's classes of exactly the live customers.
    await app.call('segments:recompute', {});
    await app.call('prediction:customers', { limit: 1 });
    const raw = new Database(app.dbPath, { readonly: true });
    const classOf = new Map(
      (raw.prepare(`SELECT customer_id, class_key, max(as_of) FROM segment_assignments WHERE scheme = 'pyramid' AND as_of <= ? GROUP BY customer_id`).raw().all(TODAY) as [string, string][]).map(
        ([id, classKey]) => [id, classKey],
      ),
    );
    raw.close();
    const classed = await app.call('prediction:best', { scheme: 'pyramid', limit: 5000 });
    expect(classed.rows.length).toBe(liveRows().length);
    for (const row of classed.rows) expect(row.classKey, row.id).toBe(classOf.get(row.id));
    const classKey = classed.rows[0]!.classKey!;
    const inClass = await app.call('prediction:best', { scheme: 'pyramid', classKey, limit: 5000 });
    const expected = expectedOrder(liveRows().filter((r) => classOf.get(r.id) === classKey), 'likelyValue');
    expect(expected.length).toBeGreaterThan(0);
    expect(inClass.rows.map((r) => r.id)).toEqual(expected);
    expect(inClass.total).toBe(expected.length);
    // A class the scheme never gives is refused, not answered with an empty list.
    expect(await app.dispatch('prediction:best', { scheme: 'pyramid', classKey: 'platnum' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['classKey'], key: 'unknown_class', params: { choices: 'platinum, gold, iron, lead, none' } }] },
    });
  });
});
