import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookDigest, integrityOk, settle, steppingClock, type Laptop } from '../support/laptops';
import { startTeam, type TeamFixture } from '../support/team-fixture';

/**
 * Two laptops merge the same two customers offline, each keeping the other one: each customer is then merged away
 * into the other. Followed merge by merge, a row on either would go round for ever (each laptop moving what it
 * receives on one to the other). The latest of the two merges stands: the customer it kept comes back from the
 * trash with every row of both, on every laptop, and nothing moves again.
 */
const clock = steppingClock();
let team: TeamFixture;
let a: Laptop, b: Laptop;
beforeAll(async () => {
  team = await startTeam(['ana', 'bo'], clock);
  [a, b] = team.laptops as [Laptop, Laptop];
}, 60_000);
afterAll(() => team?.close());

const rows = (l: Laptop, sql: string, ...args: unknown[]) => l.db.$client.prepare(sql).all(...args);

describe('the same two customers merged both ways on two laptops', () => {
  it('settle on the customer the later merge kept, live, with every row, and stop moving', async () => {
    const first = (await a.call('customers:create', { name: 'Omar', contacts: [], tags: [] })).customer.id;
    const second = (await a.call('customers:create', { name: 'Omar K.', contacts: [], tags: [] })).customer.id;
    const sale = await a.call('orders:create', { customerId: first, orderDate: '2026-11-20', amount: '30', currency: 'CNY' });
    const other = await a.call('orders:create', { customerId: second, orderDate: '2026-11-21', amount: '40', currency: 'CNY' });
    const { followUp } = await a.call('followups:create', { customerId: second, channel: 'call', content: 'appel' });
    await settle([a, b]);

    // Offline, each keeps the other one; bo merges after ana.
    await a.call('customers:merge', { keepId: second, mergeIds: [first] });
    const later = await b.call('customers:merge', { keepId: first, mergeIds: [second] });
    await settle([a, b]);

    for (const l of [a, b]) {
      expect(rows(l, `SELECT id, deleted_at IS NULL AS live FROM customers WHERE id IN (?, ?) ORDER BY id = ? DESC`, first, second, first), l.name).toEqual([
        { id: first, live: 1 },
        { id: second, live: 0 },
      ]);
      for (const [table, id] of [['orders', sale.id], ['orders', other.id], ['follow_ups', followUp.id]] as const) {
        expect(rows(l, `SELECT customer_id FROM ${table} WHERE id = ?`, id), `${l.name} ${table}`).toEqual([{ customer_id: first }]);
      }
      expect(rows(l, `SELECT order_count AS n, revenue_base_minor AS revenue FROM customers WHERE id = ?`, first), l.name).toEqual([{ n: 2, revenue: 7000 }]);
      expect(rows(l, `SELECT doc_id FROM sync_outbox WHERE table_name <> 'service_policies'`), l.name).toEqual([]);
      integrityOk(l);
    }
    expect(bookDigest(b)).toEqual(bookDigest(a));
    // The merge still standing is the later one: merging the customer it took away says so.
    expect(await a.dispatch('customers:merge', { keepId: first, mergeIds: [second] })).toMatchObject({
      ok: false,
      error: { issues: [{ key: 'merge_customer_merged_away_elsewhere', params: { mergeId: later.mergeId } }] },
    });
  }, 60_000);
});
