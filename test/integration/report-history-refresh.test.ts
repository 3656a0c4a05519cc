import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readHistory, refreshHistory, type HistoryParts } from '../../core/reports/timeline-read';
import { buildReportFixture, FIXTURE_TODAY, type FixtureIds } from '../support/report-fixture';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * After a snapshot the report keeps the tier history before the latest stored day and reads the rest
 * again (core/reports/timeline-read.ts). What it puts together must be the stored history: each
 * customer's change points, compared with plain SQL over segment_assignments. And when what lies before
 * that day changed (a backup put back, rows removed by hand), it must not keep anything.
 */
let app: TestApp;
let ids: FixtureIds;
beforeEach(async () => {
  app = openTestApp(FIXTURE_TODAY);
  ids = await buildReportFixture(app);
});
afterEach(() => app.cleanup());

const read = (scheme: string) => app.db.$client.transaction(() => readHistory(app.db, scheme))();
const refresh = (scheme: string, kept: HistoryParts) => app.db.$client.transaction(() => refreshHistory(app.db, scheme, kept))();

/** Each customer's change points as "day class" (class '_out' for NO_CLASS), in day order. */
function pointsOf(history: HistoryParts): Map<string, string[]> {
  const out = new Map<string, string[]>();
  history.customerIds.forEach((id, k) => {
    const points: string[] = [];
    for (let i = history.first[k]!; i < history.first[k + 1]!; i++) {
      const day = new Date(history.days[i]! * 86_400_000).toISOString().slice(0, 10);
      points.push(`${day} ${history.classes[i]! < 0 ? '_out' : history.classKeys[history.classes[i]!]}`);
    }
    out.set(id, points);
  });
  return out;
}

function storedPoints(scheme: string): Map<string, string[]> {
  const rows = app.db.$client.prepare(`SELECT customer_id, as_of, class_key FROM segment_assignments WHERE scheme = ? ORDER BY customer_id, as_of`).raw().all(scheme) as [string, string, string][];
  const out = new Map<string, string[]>();
  for (const [id, day, classKey] of rows) out.set(id, [...(out.get(id) ?? []), `${day} ${classKey}`]);
  return out;
}

const sorted = (m: Map<string, string[]>) => new Map([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

describe('the tier history after a snapshot', () => {
  it('keeps what lies before the latest stored day and reads the new day, equal to the stored rows', async () => {
    const kept = read('pyramid');
    expect(kept.latestRun).toBe('2026-04-30');
    await app.call('segments:recompute', {});
    const refreshed = refresh('pyramid', kept);
    expect(refreshed).toBeDefined();
    expect(refreshed!.latestRun).toBe(FIXTURE_TODAY);
    expect(sorted(pointsOf(refreshed!))).toEqual(sorted(storedPoints('pyramid')));
    expect(sorted(pointsOf(refreshed!))).toEqual(sorted(pointsOf(read('pyramid'))));
    // Today's snapshot added points (the fixture's history stops in April).
    expect(refreshed!.days.length).toBeGreaterThan(kept.days.length);
  });

  it('a day stored again is corrected in place, and read again from the kept history of that same day', async () => {
    await app.call('segments:recompute', {});
    const kept = read('pyramid');
    expect(kept.latestRun).toBe(FIXTURE_TODAY);
    // A large order moves F (no orders so far) up today: today's row for F changes in place.
    await app.call('orders:create', { customerId: ids.F, orderDate: '2026-06-29', amount: '90000', currency: 'CNY' });
    await app.call('segments:recompute', {});
    const refreshed = refresh('pyramid', kept);
    expect(refreshed).toBeDefined();
    expect(sorted(pointsOf(refreshed!))).toEqual(sorted(storedPoints('pyramid')));
    expect(pointsOf(refreshed!).get(ids.F)).not.toEqual(pointsOf(kept).get(ids.F));
  });

  it('reads everything when a point before the latest day went, or the snapshots before it are not the same', () => {
    const kept = read('pyramid');
    const raw = app.db.$client;
    raw.prepare(`DELETE FROM segment_assignments WHERE scheme = 'pyramid' AND customer_id = ? AND as_of = '2025-01-01'`).run(ids.A);
    expect(refresh('pyramid', kept)).toBeUndefined();
    const again = read('pyramid');
    raw.prepare(`UPDATE segment_runs SET computed_at = '2026-01-01T21:00:00.000Z' WHERE as_of = '2026-01-01'`).run();
    expect(refresh('pyramid', again)).toBeUndefined();
  });
});
