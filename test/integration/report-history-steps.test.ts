import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSteps } from '../../shared/domain/steps';
import { readHistory, readHistoryInSteps, type HistoryParts } from '../../core/reports/timeline-read';
import { tierTimeline, tierTimelineInSteps } from '../../core/reports/timeline';
import { historyVersion } from '../../core/reports/totals';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * The warm-up after start-up reads a scheme's tier history a slice of rows per turn
 * (core/reports/timeline-read.ts readHistoryInSteps). Whatever the slice size, what it puts together must
 * be what one read gives and what plain SQL holds; a snapshot stored between two slices must make it give
 * up rather than keep a history that is no longer the stored one.
 */
const TODAY = '2026-11-23';
let app: TestApp;
beforeAll(async () => {
  app = openTestApp(TODAY);
  // Month-end snapshots of a demo: customers with several change points, so slices end inside a customer's.
  await app.call('workspace:loadDemo', { seed: 5, customers: 120, history: true });
  await app.call('segments:recompute', {});
}, 120_000);
afterAll(() => app?.cleanup());

const readAtOnce = (scheme: string) => app.db.$client.transaction(() => readHistory(app.db, scheme))();

/** Each customer's change points as "day class", from the parts; and the same from plain SQL. */
function pointsOf(history: HistoryParts): string[] {
  const out: string[] = [];
  history.customerIds.forEach((id, k) => {
    for (let i = history.first[k]!; i < history.first[k + 1]!; i++) {
      const day = new Date(history.days[i]! * 86_400_000).toISOString().slice(0, 10);
      out.push(`${id} ${day} ${history.classes[i]! < 0 ? '_out' : history.classKeys[history.classes[i]!]}`);
    }
  });
  return out;
}
const storedPoints = (scheme: string): string[] =>
  (app.db.$client.prepare(`SELECT customer_id, as_of, class_key FROM segment_assignments WHERE scheme = ? ORDER BY customer_id, as_of`).raw().all(scheme) as string[][]).map((r) => r.join(' '));

describe('the tier history read a slice per turn', () => {
  it('equals one read and the stored rows for any slice size, with a turn per slice', () => {
    for (const scheme of ['pyramid', 'rfm', 'lifecycle']) {
      const stored = storedPoints(scheme);
      const atOnce = readAtOnce(scheme);
      // Several points for some customers: a slice of 2 or 3 ends inside one customer's points.
      expect(atOnce.customerIds.length).toBeLessThan(stored.length);
      for (const rowsPerStep of [1, 2, 3, 7, 64, stored.length, stored.length + 1, 100_000]) {
        const steps = readHistoryInSteps(app.db, scheme, rowsPerStep);
        let turns = 0;
        let next = steps.next();
        for (; !next.done; next = steps.next()) turns++;
        const read = next.value!;
        expect(read.stamp).toBe(historyVersion(app.db));
        expect(pointsOf(read.history), `${scheme} by ${rowsPerStep}`).toEqual(stored);
        expect({ ...read.history, classKeys: [...read.history.classKeys] }).toEqual({ ...atOnce, classKeys: [...atOnce.classKeys] });
        // A turn before each slice, and the last slice is the first one shorter than a full slice.
        expect(turns).toBe(Math.floor(stored.length / rowsPerStep) + 1);
      }
    }
  });

  it('takes in rows written between its slices without the counter moving, as rows written ahead of a snapshot are', () => {
    const stored = storedPoints('pyramid');
    const steps = readHistoryInSteps(app.db, 'pyramid', 5);
    steps.next();
    steps.next();
    // A customer id past every stored one, and one before them: only the first is still ahead of the read.
    const insert = app.db.$client.prepare(`INSERT INTO segment_assignments (scheme, customer_id, as_of, class_key) VALUES ('pyramid', ?, '2026-11-24', 'gold')`);
    app.db.$client.transaction(() => {
      insert.run('zzzz-ahead-of-the-read');
      insert.run('0000-behind-the-read');
    })();
    try {
      const read = runSteps(steps)!;
      expect(pointsOf(read.history)).toEqual([...stored, 'zzzz-ahead-of-the-read 2026-11-24 gold']);
    } finally {
      app.db.$client.prepare(`DELETE FROM segment_assignments WHERE customer_id IN ('zzzz-ahead-of-the-read', '0000-behind-the-read')`).run();
    }
  });

  it('gives up when a snapshot is stored between two slices, and keeps nothing', async () => {
    // Slices of 3 rows: after the first two turns most of the history is still to read.
    const steps = tierTimelineInSteps(app.db, 'value', 3);
    steps.next();
    steps.next();
    steps.next();
    const before = historyVersion(app.db);
    // Archiving a customer gives them an _out point in today's snapshot: the history's counter moves.
    const someone = app.db.$client.prepare(`SELECT id FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL ORDER BY id LIMIT 1`).pluck().get() as string;
    await app.call('customers:archive', { id: someone, archived: true });
    await app.call('segments:recompute', {});
    expect(historyVersion(app.db)).not.toBe(before);
    expect(runSteps(steps)).toBeUndefined();
    // Read again, the history has the new point and is kept from then on.
    const timeline = tierTimeline(app.db, 'value');
    expect(pointsOf(timeline.history)).toEqual(storedPoints('value'));
    expect(pointsOf(timeline.history)).toContain(`${someone} ${TODAY} _out`);
    expect(tierTimeline(app.db, 'value')).toBe(timeline);
  });

  it('keeps what it read for the reports, which then read nothing again', () => {
    const timeline = runSteps(tierTimelineInSteps(app.db, 'loyalty'))!;
    expect(pointsOf(timeline.history)).toEqual(storedPoints('loyalty'));
    expect(tierTimeline(app.db, 'loyalty')).toBe(timeline);
    // Asked again in steps, it is the one kept.
    expect(runSteps(tierTimelineInSteps(app.db, 'loyalty'))).toBe(timeline);
  });
});
