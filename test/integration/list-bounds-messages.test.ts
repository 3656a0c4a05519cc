/**
 * A list sent longer than its channel takes is refused saying how many it takes ("Too many entries (at most
 * 10000)" / "条目过多（最多 10000 个）"), not a bare "Too long", and nothing is written: the bulk actions' and the
 * customer export's selection, and the policies saved at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BULK_MAX_IDS } from '../../shared/contract/customers-bulk';
import { resources } from '../../renderer/i18n/resources';
import { withParams } from '../../shared/contract/errors';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp | undefined;
afterEach(() => {
  app?.cleanup();
  app = undefined;
});

const ids = (n: number) => Array.from({ length: n }, (_, i) => `id-${i}`);

describe('lists past their bound', () => {
  it('name the bound in the refusal, in both languages, and write nothing', async () => {
    app = openTestApp('2026-11-23');
    const cases = [
      { channel: 'customers:bulkUpdate', input: { ids: ids(BULK_MAX_IDS + 1), action: { kind: 'archive', archived: true } }, path: ['ids'], max: BULK_MAX_IDS },
      { channel: 'export:customers', input: { ids: ids(BULK_MAX_IDS + 1), format: 'csv' }, path: ['ids'], max: BULK_MAX_IDS },
      {
        channel: 'policies:saveMany',
        input: { policies: Array.from({ length: 501 }, () => ({ scheme: 'rfm', classKey: 'champions', cadenceDays: 7, priority: 1 })) },
        path: ['policies'],
        max: 500,
      },
    ] as const;
    const policiesBefore = app.db.$client.prepare(`SELECT count(*) FROM service_policies`).pluck().get();
    for (const c of cases) {
      const result = await app.dispatch(c.channel, c.input);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: c.path, key: 'too_many', params: { max: c.max } }] } });
      expect(withParams(resources.errors.en.issue.too_many, { max: c.max })).toBe(`Too many entries (at most ${c.max})`);
      expect(withParams(resources.errors['zh-CN'].issue.too_many, { max: c.max })).toBe(`条目过多（最多 ${c.max} 个）`);
    }
    expect(app.db.$client.prepare(`SELECT count(*) FROM service_policies`).pluck().get()).toBe(policiesBefore);
  });
});
