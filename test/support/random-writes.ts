import type { Database } from 'better-sqlite3';
import fc from 'fast-check';

/**
 * Random writes to orders and follow-ups with plain SQL — inserts, edits, soft deletes and restores, hard
 * deletes, moves between customers, edits of columns nothing derived reads — for the tests that check
 * what triggers keep (report totals, customer activity) against a recomputation from the raw rows.
 */
// Days and instants that sit on month edges (UTC and local), so a move across a boundary is common.
const DAYS = ['2025-12-31', '2026-01-01', '2026-01-15', '2026-01-31', '2026-02-01', '2026-02-28', '2026-03-01'];
const INSTANTS = ['2025-12-31T15:30:00.000Z', '2025-12-31T23:59:59.999Z', '2026-01-01T00:00:00.000Z', '2026-01-15T08:00:00.000Z', '2026-01-31T16:00:00.000Z', '2026-01-31T23:30:00.000Z', '2026-02-01T00:10:00.000Z'];

export const writeOp = fc.oneof(
  fc.record({ t: fc.constant('insertOrder' as const), customer: fc.nat(3), day: fc.constantFrom(...DAYS), sale: fc.boolean(), amount: fc.nat(100_000), cost: fc.option(fc.nat(50_000)), deleted: fc.boolean() }),
  fc.record({ t: fc.constant('editOrder' as const), pick: fc.nat(), day: fc.constantFrom(...DAYS), amount: fc.nat(100_000), cost: fc.option(fc.nat(50_000)) }),
  fc.record({ t: fc.constant('deleteOrder' as const), pick: fc.nat(), deleted: fc.boolean() }),
  fc.record({ t: fc.constant('moveOrder' as const), pick: fc.nat(), customer: fc.nat(3) }),
  fc.record({ t: fc.constant('eraseOrder' as const), pick: fc.nat() }),
  fc.record({ t: fc.constant('noteOrder' as const), pick: fc.nat() }),
  fc.record({ t: fc.constant('insertFollowUp' as const), customer: fc.nat(3), at: fc.constantFrom(...INSTANTS), satisfaction: fc.option(fc.integer({ min: 1, max: 5 })), intent: fc.option(fc.constantFrom('interested', 'hesitant', 'not_now', 'never')), deleted: fc.boolean() }),
  fc.record({ t: fc.constant('editFollowUp' as const), pick: fc.nat(), at: fc.constantFrom(...INSTANTS), satisfaction: fc.option(fc.integer({ min: 1, max: 5 })), intent: fc.option(fc.constantFrom('interested', 'hesitant', 'not_now', 'never')) }),
  fc.record({ t: fc.constant('deleteFollowUp' as const), pick: fc.nat(), deleted: fc.boolean() }),
  fc.record({ t: fc.constant('moveFollowUp' as const), pick: fc.nat(), customer: fc.nat(3) }),
  fc.record({ t: fc.constant('eraseFollowUp' as const), pick: fc.nat() }),
);
export type WriteOp = typeof writeOp extends fc.Arbitrary<infer T> ? T : never;

let serial = 0;
/** Applies one write with plain SQL, as any writer could (customers[k] is the k-th customer's id). */
export function applyWrite(db: Database, customers: readonly string[], o: WriteOp): void {
  const pickFrom = (table: string, n: number) => {
    const ids = db.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as string[];
    return ids.length === 0 ? undefined : ids[n % ids.length];
  };
  const now = '2026-11-23T00:00:00.000Z';
  switch (o.t) {
    case 'insertOrder': {
      const sign = o.sale ? 1 : -1;
      const cost = o.cost === null ? null : sign * o.cost;
      db.prepare(
        `INSERT INTO orders (id, created_at, updated_at, deleted_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, kind, cost_minor, base_cost_minor)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'CNY', 1, 'CNY', ?, ?, ?, ?)`,
      ).run(`o${String(serial++).padStart(6, '0')}`, now, now, o.deleted ? now : null, customers[o.customer], o.day, sign * o.amount, sign * o.amount, o.sale ? 'sale' : 'return', cost, cost);
      return;
    }
    case 'editOrder': {
      const id = pickFrom('orders', o.pick);
      if (!id) return;
      const kind = db.prepare(`SELECT kind FROM orders WHERE id = ?`).pluck().get(id) as string;
      const sign = kind === 'sale' ? 1 : -1;
      const cost = o.cost === null ? null : sign * o.cost;
      db.prepare(`UPDATE orders SET order_date = ?, amount_minor = ?, base_amount_minor = ?, cost_minor = ?, base_cost_minor = ? WHERE id = ?`).run(o.day, sign * o.amount, sign * o.amount, cost, cost, id);
      return;
    }
    case 'deleteOrder':
    case 'deleteFollowUp': {
      const table = o.t === 'deleteOrder' ? 'orders' : 'follow_ups';
      const id = pickFrom(table, o.pick);
      if (id) db.prepare(`UPDATE ${table} SET deleted_at = ? WHERE id = ?`).run(o.deleted ? now : null, id);
      return;
    }
    case 'moveOrder':
    case 'moveFollowUp': {
      const table = o.t === 'moveOrder' ? 'orders' : 'follow_ups';
      const id = pickFrom(table, o.pick);
      if (id) db.prepare(`UPDATE ${table} SET customer_id = ? WHERE id = ?`).run(customers[o.customer], id);
      return;
    }
    case 'eraseOrder':
    case 'eraseFollowUp': {
      const table = o.t === 'eraseOrder' ? 'orders' : 'follow_ups';
      const id = pickFrom(table, o.pick);
      if (id) db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
      return;
    }
    case 'noteOrder': {
      const id = pickFrom('orders', o.pick);
      if (id) db.prepare(`UPDATE orders SET note = 'edited', updated_at = ? WHERE id = ?`).run(now, id);
      return;
    }
    case 'insertFollowUp':
      db.prepare(`INSERT INTO follow_ups (id, created_at, updated_at, deleted_at, customer_id, occurred_at, channel, satisfaction, intent) VALUES (?, ?, ?, ?, ?, ?, 'call', ?, ?)`).run(
        `f${String(serial++).padStart(6, '0')}`,
        now,
        now,
        o.deleted ? now : null,
        customers[o.customer],
        o.at,
        o.satisfaction,
        o.intent,
      );
      return;
    case 'editFollowUp': {
      const id = pickFrom('follow_ups', o.pick);
      if (id) db.prepare(`UPDATE follow_ups SET occurred_at = ?, satisfaction = ?, intent = ? WHERE id = ?`).run(o.at, o.satisfaction, o.intent, id);
      return;
    }
  }
}

