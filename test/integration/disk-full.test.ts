import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableCounts } from '../support/table-counts';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A disk that fills up while TierBook writes. SQLite's max_page_count makes the file unable to grow, the way a
 * full disk does: the write fails with SQLITE_FULL ("database or disk is full") and rolls back.
 */
let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('workspace:loadDemo', { customers: 40, seed: 11 });
});
afterEach(() => app.cleanup());

/** From now on the file cannot grow by a single page. */
function fillDisk(): void {
  const pages = app.db.$client.pragma('page_count', { simple: true }) as number;
  app.db.$client.pragma(`max_page_count = ${pages}`);
}

const DISK_FULL = { code: 'internal', issues: [{ path: [], key: 'disk_full' }] };

async function failure(name: Parameters<TestApp['call']>[0], input: unknown) {
  const result = await app.dispatch(name, input);
  expect(result.ok).toBe(false);
  return result.ok ? null : result.error;
}

describe('the disk fills up', () => {
  it('a new customer: refused as disk full, and the database is as it was', async () => {
    const before = tableCounts(app.db.$client);
    fillDisk();
    // Long enough to need a page of its own: a short row could still fit in a page's free room.
    const error = await failure('customers:create', { name: '孙八', notes: '备注'.repeat(2000) });
    expect(error).toMatchObject(DISK_FULL);
    expect(error!.message).toBe('The disk is full: nothing was changed. Free some space on the disk and try again.');
    expect(tableCounts(app.db.$client)).toEqual(before);
    expect(app.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a recompute: refused as disk full, no tier snapshot half-stored', async () => {
    const runs = () => app.db.$client.prepare('SELECT count(*) FROM segment_runs').pluck().get();
    const before = runs();
    fillDisk();
    const error = await failure('segments:recompute', { asOf: '2026-11-20' });
    expect(error).toMatchObject(DISK_FULL);
    expect(runs()).toBe(before);
    expect(app.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('the disk freed again: the same customer is saved', async () => {
    fillDisk();
    const input = { name: '孙八', notes: '备注'.repeat(2000) };
    await failure('customers:create', input);
    app.db.$client.pragma('max_page_count = 1073741823');
    const customers = () => app.db.$client.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    const before = customers();
    await app.call('customers:create', input);
    expect(customers()).toBe(before + 1);
  });
});
