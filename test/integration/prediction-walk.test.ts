/**
 * Faults met walking `predict` and `predict holdout` as a user would:
 * - after an order or a merge, `predict` (and `predict --as-of <the stored day>`) printed the stored rows of
 *   the last recompute, which no longer matched the data (a customer's new purchase day missing, a merged
 *   customer's orders not counted) until `segment` was run again;
 * - `--customer` of a merged or deleted customer printed "No customers with orders.";
 * - `holdout --until` after today (or an order dated ahead, the default end) compared years of predicted
 *   purchases with days that have not come (actual 688, predicted 12,310);
 * - a split on the last order's day, or an `--until` equal to the split, compared over 0 days: a table of zeros.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { predictionsSettled } from '../../core/prediction/refit';
import { openTestApp, type TestApp } from '../support/test-app';

const TODAY = '2026-11-23';
let app: TestApp;
const ids: Record<string, string> = {};

beforeEach(async () => {
  app = openTestApp(TODAY);
  const histories: Record<string, string[]> = {
    A: ['2026-01-05', '2026-03-01', '2026-06-01'],
    B: ['2026-02-10', '2026-05-20'],
    C: ['2026-04-01'],
    D: ['2026-07-15', '2026-09-01'],
  };
  for (const [name, dates] of Object.entries(histories)) {
    const { customer } = await app.call('customers:create', { name });
    ids[name] = customer.id;
    for (const orderDate of dates) await app.call('orders:create', { customerId: customer.id, orderDate, amount: '100', currency: 'CNY' });
  }
  await app.call('segments:recompute', {});
  await predictionsSettled(app.db);
});
afterEach(() => app.cleanup());

const rowOf = async (name: string) => (await app.call('prediction:customers', { customerId: ids[name]!, limit: 1 })).rows[0]!;
const issueOf = async (input: { split: string; until?: string }) => {
  const answer = await app.dispatch('prediction:holdout', input);
  return answer.ok ? null : answer.error.issues?.[0];
};

describe('predict reads what the data says now', () => {
  it('uses the stored rows while they stand for the data, and fits afresh after an order or a merge', async () => {
    // Stored rows answer while nothing changed: a marked stored score is what comes back.
    app.db.$client.prepare('UPDATE customer_predictions SET score = 77 WHERE customer_id = ?').run(ids.C!);
    expect((await rowOf('C')).score).toBe(77);
    expect((await app.call('prediction:customers', { limit: 10 })).asOf).toBe(TODAY);

    // An order for C today: the stored row (one purchase, 236 days ago) no longer stands.
    await app.call('orders:create', { customerId: ids.C!, orderDate: TODAY, amount: '100', currency: 'CNY' });
    for (const asOf of [undefined, TODAY]) {
      const page = await app.call('prediction:customers', { customerId: ids.C!, asOf, limit: 1 });
      expect(page.asOf).toBe(TODAY);
      expect(page.rows[0]).toMatchObject({ purchases: 2, daysSinceLast: 0 });
      expect(page.rows[0]!.score).not.toBe(77);
    }
    // The screens' storedOnly read keeps the stored row until the next recompute.
    expect((await app.call('prediction:customers', { customerId: ids.C!, storedOnly: true, limit: 1 })).rows[0]!.score).toBe(77);

    // A merge of B into A: A's purchase days are now both customers'.
    await app.call('customers:merge', { keepId: ids.A!, mergeIds: [ids.B!] });
    expect(await rowOf('A')).toMatchObject({ purchases: 5 });
    const all = await app.call('prediction:customers', { limit: 100 });
    expect(all.rows.map((r) => r.id)).not.toContain(ids.B);

    // Stored again: the stored rows answer once more.
    await app.call('segments:recompute', {});
    await predictionsSettled(app.db);
    app.db.$client.prepare('UPDATE customer_predictions SET score = 66 WHERE customer_id = ?').run(ids.D!);
    expect((await rowOf('D')).score).toBe(66);
  });

  it('a merged or deleted customer is named as such, an unknown id as not found', async () => {
    await app.call('customers:merge', { keepId: ids.A!, mergeIds: [ids.B!] });
    await app.call('customers:delete', { id: ids.C! });
    for (const name of ['B', 'C']) {
      await expect(app.call('prediction:customers', { customerId: ids[name]! })).rejects.toMatchObject({ code: 'not_found', issues: [{ key: 'customer_not_live' }] });
    }
    await expect(app.call('prediction:customers', { customerId: 'no-such-customer' })).rejects.toMatchObject({ code: 'not_found' });
    // What to offer them says the same.
    await expect(app.call('offers:customer', { customerId: ids.B! })).rejects.toMatchObject({ code: 'not_found', issues: [{ key: 'customer_not_live' }] });
  });
});

describe('predict holdout compares only days that have come', () => {
  it('an end after today (asked for, or an order dated ahead) stops at today', async () => {
    const upToToday = await app.call('prediction:holdout', { split: '2026-05-01', until: TODAY });
    const asked = await app.call('prediction:holdout', { split: '2026-05-01', until: '2036-01-01' });
    expect(asked.until).toBe(TODAY);
    expect(asked).toEqual(upToToday);

    await app.call('orders:create', { customerId: ids.D!, orderDate: '2030-01-01', amount: '100', currency: 'CNY' });
    const byDefault = await app.call('prediction:holdout', { split: '2026-05-01' });
    expect(byDefault.until).toBe(TODAY);
    expect(byDefault.holdoutDays).toBe(206);
    expect(byDefault.cumulative.at(-1)!.date).toBe(TODAY);
  });

  it('refuses a check over no days: until on the split, a split on the last order, a split today or later', async () => {
    expect(await issueOf({ split: '2026-05-01', until: '2026-05-01' })).toMatchObject({ path: ['until'], key: 'prediction_until_before_split' });
    expect(await issueOf({ split: '2026-09-01' })).toMatchObject({ path: ['split'], key: 'prediction_split_after_orders', params: { last: '2026-09-01' } });
    expect(await issueOf({ split: '2026-08-31' })).toBeNull();
    // With an order dated ahead, a split today or later is after the last order no longer, and still has nothing after it.
    await app.call('orders:create', { customerId: ids.D!, orderDate: '2030-01-01', amount: '100', currency: 'CNY' });
    for (const split of [TODAY, '2027-01-01']) expect(await issueOf({ split })).toMatchObject({ path: ['split'], key: 'prediction_split_not_past', params: { today: TODAY } });
    expect(await issueOf({ split: '2027-01-01', until: '2028-01-01' })).toMatchObject({ path: ['split'], key: 'prediction_split_not_past' });
  });
});
