import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readHistory, refreshHistory, refreshHistoryInSteps, type HistoryParts } from '../../core/reports/timeline-read';
import { tierTimeline, tierTimelineInSteps } from '../../core/reports/timeline';
import { historyVersion } from '../../core/reports/totals';
import { buildReportFixture, FIXTURE_TODAY, type FixtureIds } from '../support/report-fixture';
import { openTestApp, type TestApp } from '../support/test-app';
import { runCountingTurns } from '../support/count-turns';

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

  it('in steps: the reads made in its first step, the history put together after a turn, equal to the rows stored then', async () => {
    const kept = read('pyramid');
    await app.call('segments:recompute', {});
    const storedThen = sorted(storedPoints('pyramid'));
    const stampThen = historyVersion(app.db);
    const steps = refreshHistoryInSteps(app.db, 'pyramid', kept);
    // The first step reads; the next turn comes before anything is put together.
    expect(steps.next().done).toBe(false);
    // A snapshot stored after the reads (an order moving F up) is not in this refresh: it is of the moment it read.
    await app.call('orders:create', { customerId: ids.F, orderDate: '2026-06-29', amount: '90000', currency: 'CNY' });
    await app.call('segments:recompute', {});
    expect(historyVersion(app.db)).not.toBe(stampThen);
    let next = steps.next();
    while (!next.done) next = steps.next();
    expect(next.value).toBeDefined();
    expect(next.value!.stamp).toBe(stampThen);
    expect(sorted(pointsOf(next.value!.history))).toEqual(storedThen);
    expect(sorted(storedPoints('pyramid'))).not.toEqual(storedThen);
  });

  it('in steps: undefined where refreshHistory is, so that everything is read again', () => {
    const kept = read('pyramid');
    app.db.$client.prepare(`DELETE FROM segment_assignments WHERE scheme = 'pyramid' AND customer_id = ? AND as_of = '2025-01-01'`).run(ids.A);
    const steps = refreshHistoryInSteps(app.db, 'pyramid', kept);
    const first = steps.next();
    expect(first).toEqual({ done: true, value: undefined });
  });

  it('the timeline kept is brought up to date in steps after a snapshot, as a read at once finds it', async () => {
    tierTimeline(app.db, 'pyramid');
    await app.call('orders:create', { customerId: ids.F, orderDate: '2026-06-29', amount: '90000', currency: 'CNY' });
    await app.call('segments:recompute', {});
    const { value, turns } = runCountingTurns(tierTimelineInSteps(app.db, 'pyramid'));
    expect(turns).toBeGreaterThanOrEqual(2);
    const stepped = value!;
    // Kept: the next read at once is the same timeline, with nothing read again.
    expect(tierTimeline(app.db, 'pyramid')).toBe(stepped);
    expect(sorted(pointsOf(stepped.history))).toEqual(sorted(storedPoints('pyramid')));
    for (const day of ['2025-01-01', '2026-04-30', FIXTURE_TODAY]) {
      const onDay = stepped.classesOn(day);
      const expected = new Map(
        (app.db.$client
          .prepare(
            `SELECT s.customer_id, s.class_key FROM segment_assignments s WHERE s.scheme = 'pyramid'
             AND s.as_of = (SELECT max(t.as_of) FROM segment_assignments t WHERE t.scheme = 'pyramid' AND t.customer_id = s.customer_id AND t.as_of <= ?)`,
          )
          .raw()
          .all(day) as [string, string][]).filter(([, c]) => c !== '_out'),
      );
      const found = new Map<string, string>();
      onDay.forEach((c, k) => c >= 0 && found.set(stepped.customerIds[k]!, stepped.classKeys[c]!));
      expect(found).toEqual(expected);
    }
  });
});

