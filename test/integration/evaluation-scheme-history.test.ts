import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movableClock, openTestApp, type TestApp } from '../support/test-app';

/**
 * Where the tier history starts, per scheme. A custom segment made after the history began has stored
 * classes only from its own first snapshot on, yet the dashboard said its history started on the first day
 * stored for any scheme. The report now names the scheme's own first day (none before its first snapshot),
 * checked against plain SQL on the stored history.
 */
let app: TestApp;
const clock = movableClock('2026-10-01');
const LOCAL = { kind: 'group', op: 'and', conditions: [{ kind: 'field', field: 'locality', op: 'equals', value: 'local' }] } as const;
const report = (scheme: string) => app.call('reports:evaluation', { scheme, from: '2026-09-01', to: clock.today(), period: 'month' });
const firstStored = (scheme: string) => app.db.$client.prepare(`SELECT min(as_of) FROM segment_assignments WHERE scheme = ?`).pluck().get(scheme) as string | null;

beforeAll(async () => {
  app = openTestApp('2026-10-01', { clock });
  await app.call('workspace:loadDemo', { customers: 60, seed: 5 });
  await app.call('segments:recompute', {});
});
afterAll(() => app.cleanup());

describe("a scheme's own tier history", () => {
  it('starts with the history for a built-in scheme, and later for a custom segment made since', async () => {
    const pyramid = await report('pyramid');
    expect([pyramid.historyFrom, pyramid.schemeHistoryFrom]).toEqual(['2026-10-01', '2026-10-01']);

    clock.moveTo('2026-10-20');
    const segment = await app.call('segments:custom:save', { name: 'Local', rule: LOCAL });
    const made = await report(`custom:${segment.id}`);
    // Whether or not saving stored the day already, the report says what is stored for the segment itself.
    expect(made.historyFrom).toBe('2026-10-01');
    expect(made.schemeHistoryFrom).toBe(firstStored(`custom:${segment.id}`));
    expect(made.schemeHistoryFrom === null || made.schemeHistoryFrom === '2026-10-20').toBe(true);

    await app.call('segments:recompute', {});
    clock.moveTo('2026-11-02');
    await app.call('segments:recompute', {});
    const stored = await report(`custom:${segment.id}`);
    expect([stored.historyFrom, stored.schemeHistoryFrom]).toEqual(['2026-10-01', '2026-10-20']);
    expect(firstStored(`custom:${segment.id}`)).toBe('2026-10-20');
    expect((await report('pyramid')).schemeHistoryFrom).toBe('2026-10-01');
  });

  it('is none for a segment with nothing stored yet, while other schemes have history', async () => {
    const segment = await app.call('segments:custom:save', { name: 'Local again', rule: LOCAL });
    // Stored only when a snapshot runs; until then the report must not borrow another scheme's first day.
    app.db.$client.prepare(`DELETE FROM segment_assignments WHERE scheme = ?`).run(`custom:${segment.id}`);
    const none = await report(`custom:${segment.id}`);
    expect([none.historyFrom, none.schemeHistoryFrom]).toEqual(['2026-10-01', null]);
  });
});
