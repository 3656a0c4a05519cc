import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { settle, type Laptop } from '../support/laptops';
import { teamOf } from '../support/team-of-three';

/**
 * One order's lines edited on two laptops before they sync: merged line by line (docs/team.md, Merge rules), and the
 * order worth the sum of the lines it ends with, on both, whatever order the documents arrive in.
 */
const twoLaptops = teamOf(['ana', 'bo']);
const clock = twoLaptops.clock;
let a: Laptop, b: Laptop;
beforeAll(() => {
  [a, b] = twoLaptops.laptops as [Laptop, Laptop];
});

interface LineRow {
  id: string;
  position: number;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  amountMinor: number;
}

const linesOf = (l: Laptop, orderId: string) =>
  l.db.$client
    .prepare(`SELECT id, position, name, quantity, unit_price_minor AS unitPriceMinor, amount_minor AS amountMinor FROM order_lines WHERE order_id = ? ORDER BY position, id`)
    .all(orderId) as LineRow[];
const orderOn = (l: Laptop, orderId: string) =>
  l.db.$client.prepare(`SELECT amount_minor AS amount, base_amount_minor AS base, customer_id AS customerId FROM orders WHERE id = ?`).get(orderId) as { amount: number; base: number; customerId: string };
const asInput = (rows: readonly Pick<LineRow, 'name' | 'quantity' | 'unitPriceMinor'>[]) => rows.map((r) => ({ name: r.name, quantity: r.quantity, unitPrice: (r.unitPriceMinor / 100).toFixed(2) }));

/** A customer with one CNY order of the given lines, on both laptops. */
async function orderWith(name: string, lines: { name: string; quantity: number; unitPriceMinor: number }[]) {
  const { customer } = await a.call('customers:create', { name, contacts: [], tags: [] });
  const order = await a.call('orders:create', { customerId: customer.id, orderDate: '2026-11-20', currency: 'CNY', lines: asInput(lines) });
  await settle([a, b]);
  const edit = (l: Laptop, rows: readonly Pick<LineRow, 'name' | 'quantity' | 'unitPriceMinor'>[]) =>
    l.call('orders:update', { id: order.id, order: { customerId: customer.id, orderDate: '2026-11-20', currency: 'CNY', lines: asInput(rows) } });
  return { customerId: customer.id, orderId: order.id, edit };
}

/** What the order must be worth: its lines' quantities times their prices, summed here rather than read from a total. */
const worth = (rows: readonly LineRow[]) => rows.reduce((sum, r) => sum + Math.round(r.quantity * r.unitPriceMinor), 0);

describe("one order's lines edited on two laptops offline", () => {
  it('keeps the line each laptop added, on both, and makes the order worth both', async () => {
    const { orderId, edit } = await orderWith('孙丽', [{ name: '绿茶', quantity: 2, unitPriceMinor: 1000 }]);
    const base = linesOf(a, orderId);
    await edit(a, [...base, { name: '茶杯', quantity: 1, unitPriceMinor: 500 }]);
    await edit(b, [...base, { name: '茶盘', quantity: 1, unitPriceMinor: 3000 }]);
    await settle([a, b]);
    for (const l of [a, b]) {
      const rows = linesOf(l, orderId);
      expect(rows.map((r) => r.name).sort(), l.name).toEqual(['绿茶', '茶杯', '茶盘'].sort());
      expect(orderOn(l, orderId), l.name).toMatchObject({ amount: 2000 + 500 + 3000, base: 2000 + 500 + 3000 });
      const { orders } = await l.call('orders:list', { customerId: orderOn(l, orderId).customerId });
      expect(orders[0]!.lines.map((x) => x.name), l.name).toEqual(rows.map((r) => r.name));
      expect(l.db.$client.prepare(`SELECT count(*) FROM sync_parked`).pluck().get(), l.name).toBe(0);
    }
    expect(linesOf(b, orderId)).toEqual(linesOf(a, orderId));
  }, 60_000);

  it('settles one line edited on both as any row edited twice, the same on both, and lists the replaced quantity', async () => {
    const { customerId, orderId, edit } = await orderWith('周杰', [
      { name: '绿茶', quantity: 2, unitPriceMinor: 1000 },
      { name: '茶杯', quantity: 1, unitPriceMinor: 500 },
    ]);
    const [tea, cup] = linesOf(a, orderId) as [LineRow, LineRow];
    await edit(a, [{ ...tea, quantity: 3 }, cup]);
    await edit(b, [{ ...tea, quantity: 5 }, cup]);
    await settle([a, b]);
    // The edit with the later stamp wins (stamped when each laptop wrote the line; equal times by counter, then by
    // laptop), the same on both; the other is listed as replaced, with who made each.
    const kept = linesOf(a, orderId)[0]!.quantity;
    expect([3, 5]).toContain(kept);
    const [winner, loser, lost] = kept === 5 ? [b, a, 3] : [a, b, 5];
    for (const l of [a, b]) {
      expect(linesOf(l, orderId).map((r) => [r.id, r.name, r.quantity, r.amountMinor]), l.name).toEqual([
        [tea.id, '绿茶', kept, kept * 1000],
        [cup.id, '茶杯', 1, 500],
      ]);
      expect(orderOn(l, orderId).amount, l.name).toBe(kept * 1000 + 500);
    }
    // The laptop whose edit was replaced lists it with the customer's conflicts (Settings → Team, the customer's
    // history), as it lists a customer's field edited on two laptops.
    const { conflicts } = await loser.call('team:conflicts', { customerId });
    expect(conflicts.map((c) => [c.field, c.keptValue, c.overwrittenValue, c.keptBy, c.overwrittenBy])).toEqual([
      [`order_lines:${tea.id}.quantity`, `绿茶: ${kept}`, `绿茶: ${lost}`, winner.name, loser.name],
    ]);
  }, 60_000);

  it("keeps a line's quantity changed on one laptop and its price on the other, the line worth the two together", async () => {
    const { orderId, edit } = await orderWith('吴磊', [{ name: '绿茶', quantity: 1, unitPriceMinor: 1000 }]);
    const [tea] = linesOf(a, orderId) as [LineRow];
    await edit(a, [{ ...tea, quantity: 4 }]);
    await edit(b, [{ ...tea, unitPriceMinor: 1200 }]);
    await settle([a, b]);
    for (const l of [a, b]) {
      expect(linesOf(l, orderId).map((r) => [r.id, r.quantity, r.unitPriceMinor, r.amountMinor]), l.name).toEqual([[tea.id, 4, 1200, 4800]]);
      expect(orderOn(l, orderId), l.name).toMatchObject({ amount: 4800, base: 4800 });
    }
  }, 60_000);

  it('brings back, with the change, a line removed on one laptop while the other changed it', async () => {
    const { orderId, edit } = await orderWith('郑爽', [
      { name: '绿茶', quantity: 2, unitPriceMinor: 1000 },
      { name: '茶杯', quantity: 1, unitPriceMinor: 500 },
    ]);
    const [tea, cup] = linesOf(a, orderId) as [LineRow, LineRow];
    await edit(a, [tea]);
    await edit(b, [tea, { ...cup, quantity: 6 }]);
    await settle([a, b]);
    for (const l of [a, b]) {
      expect(linesOf(l, orderId).map((r) => [r.id, r.quantity]), l.name).toEqual([
        [tea.id, 2],
        [cup.id, 6],
      ]);
      expect(orderOn(l, orderId).amount, l.name).toBe(2000 + 6 * 500);
    }
  }, 60_000);

  it('ends with the same lines on both, each order worth the sum of its lines, whatever is added, changed, removed and synced when', async () => {
    const step = fc.record({
      on: fc.constantFrom(0, 1),
      op: fc.constantFrom('add', 'change', 'remove', 'sync'),
      pick: fc.nat(20),
      quantity: fc.integer({ min: 1, max: 9 }),
      priceMinor: fc.integer({ min: 1, max: 99 }).map((yuan) => yuan * 100),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 8 }), async (steps) => {
        run++;
        const { orderId, edit } = await orderWith(`模型${run}`, [{ name: 'p0', quantity: 1, unitPriceMinor: 100 }]);
        const laptops = [a, b];
        const removed = new Set<string>();
        let added = 0;
        for (const s of steps) {
          const l = laptops[s.on]!;
          const rows = linesOf(l, orderId);
          if (s.op === 'sync') await l.call('team:sync-now', {});
          else if (s.op === 'add') await edit(l, [...rows, { name: `r${run}-${++added}`, quantity: s.quantity, unitPriceMinor: s.priceMinor }]);
          else if (s.op === 'change') await edit(l, rows.map((r, i) => (i === s.pick % rows.length ? { ...r, quantity: s.quantity, unitPriceMinor: s.priceMinor } : r)));
          else if (rows.length > 1) {
            const gone = rows[s.pick % rows.length]!;
            removed.add(gone.name);
            await edit(l, rows.filter((r) => r !== gone));
          }
        }
        await settle([a, b]);
        const onA = linesOf(a, orderId);
        expect(linesOf(b, orderId)).toEqual(onA);
        for (const l of laptops) {
          const order = orderOn(l, orderId);
          expect(order.amount, l.name).toBe(worth(onA));
          expect(order.base, l.name).toBe(worth(onA));
          // The customer's revenue, as this laptop derived it, is the order's.
          expect(l.db.$client.prepare(`SELECT revenue_base_minor FROM customers WHERE id = ?`).pluck().get(order.customerId), l.name).toBe(worth(onA));
        }
        // A line no laptop removed is on the order.
        const names = new Set(onA.map((r) => r.name));
        for (let i = 1; i <= added; i++) if (!removed.has(`r${run}-${i}`)) expect(names.has(`r${run}-${i}`)).toBe(true);
        if (!removed.has('p0')) expect(names.has('p0')).toBe(true);
      }),
      { numRuns: 12, seed: 4711 },
    );
  }, 180_000);
});
