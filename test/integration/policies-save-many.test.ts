import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/** The policy editor saves all its rows in one action: every row lands, or (one invalid) none does. */
let app: TestApp;
beforeEach(() => {
  app = openTestApp('2026-11-23');
});
afterEach(() => app.cleanup());

const stored = () =>
  app.db.$client
    .prepare(`SELECT class_key AS classKey, cadence_days AS cadenceDays, priority, notes FROM service_policies WHERE scheme = 'pyramid' AND deleted_at IS NULL ORDER BY class_key`)
    .all() as { classKey: string; cadenceDays: number | null; priority: number; notes: string }[];

describe('policies:saveMany', () => {
  it('saves every edited row in one call', async () => {
    await app.call('policies:list', { scheme: 'pyramid' });
    const edits = [
      { scheme: 'pyramid', classKey: 'platinum', cadenceDays: 5, priority: 1, notes: '每周拜访' },
      { scheme: 'pyramid', classKey: 'gold', cadenceDays: 12, priority: 2, notes: '' },
      { scheme: 'pyramid', classKey: 'lead', cadenceDays: null, priority: 5, notes: 'no cadence' },
    ];
    const out = await app.call('policies:saveMany', { policies: edits });
    expect(out.policies.map((p) => [p.classKey, p.cadenceDays, p.priority])).toEqual(edits.map((e) => [e.classKey, e.cadenceDays, e.priority]));
    const rows = new Map(stored().map((r) => [r.classKey, r]));
    for (const e of edits) expect(rows.get(e.classKey)).toEqual({ classKey: e.classKey, cadenceDays: e.cadenceDays, priority: e.priority, notes: e.notes });
  });

  it('one invalid row refuses the whole save and nothing changes', async () => {
    await app.call('policies:list', { scheme: 'pyramid' });
    const before = stored();
    await expect(
      app.call('policies:saveMany', {
        policies: [
          { scheme: 'pyramid', classKey: 'platinum', cadenceDays: 3, priority: 1 },
          { scheme: 'pyramid', classKey: 'gold', cadenceDays: 0, priority: 2 },
        ],
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(stored()).toEqual(before);
  });
});
