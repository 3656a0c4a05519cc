/**
 * relaidInSteps (shared/segmentation/activity.ts) lays a held table out for another population: customer j
 * gets the columns at position sources[j] of the table (its shared columns, or the customer's own when they
 * changed since), or sources[j]'s own columns for a customer read just now. Stretches of consecutive shared
 * positions are copied in one go, about a budget of values per step; held here to a reference that reads each customer's rows out of plain
 * arrays, whatever the mix of stretches, gaps, repeats, own columns and step sizes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActivityColumnsBuilder, activityTable, relaidInSteps, ORDER_DAY_FIELDS, type ActivityColumns, type ActivityTable, type HeldActivity } from '../../../shared/segmentation';
import { runSteps } from '../../../shared/domain/steps';

/** One customer's history as plain arrays. */
interface Plain {
  orders: number[];
  followUps: { day: number; ms: number; intent: 'interested' | 'never' | null; at: string }[];
}

const plainCustomer: fc.Arbitrary<Plain> = fc.record({
  orders: fc.array(fc.array(fc.integer({ min: -5000, max: 5000 }), { minLength: ORDER_DAY_FIELDS, maxLength: ORDER_DAY_FIELDS }), { maxLength: 4 }).map((days) => days.flat()),
  followUps: fc.array(
    fc.record({ day: fc.integer({ min: 0, max: 30000 }), ms: fc.integer({ min: 0, max: 2 ** 40 }), intent: fc.constantFrom('interested' as const, 'never' as const, null) }).map((f) => ({ ...f, at: new Date(f.ms).toISOString() })),
    { maxLength: 3 },
  ),
});

function columnsOfPlain(customers: readonly Plain[]): ActivityColumns {
  const builder = new ActivityColumnsBuilder();
  for (const c of customers) {
    const flat = c.followUps.flatMap((f) => [f.at, f.intent]);
    builder.add(c.orders, flat, c.followUps.map((f) => f.day), c.followUps.map((f) => f.ms));
  }
  return builder.build();
}

/** Customer k of `columns` read back as plain arrays, offset by offset. */
function plainAt(columns: ActivityColumns, k: number): { orders: number[]; days: number[]; ms: number[]; intents: number[] } {
  const o = [columns.orderAt[k]! * ORDER_DAY_FIELDS, columns.orderAt[k + 1]! * ORDER_DAY_FIELDS];
  const f = [columns.followUpAt[k]!, columns.followUpAt[k + 1]!];
  return {
    orders: [...columns.orders.slice(o[0], o[1])],
    days: [...columns.followUpDays.slice(f[0], f[1])],
    ms: [...columns.followUpMs.slice(f[0], f[1])],
    intents: [...columns.intents.slice(f[0], f[1])],
  };
}

describe('a held table laid out for another population', () => {
  it('gives each customer exactly the columns its source names, whatever the stretches and step size', () => {
    fc.assert(
      fc.property(
        fc.array(plainCustomer, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), plainCustomer), { maxLength: 5 }),
        fc.array(fc.oneof(fc.nat().map((n) => ({ held: n })), plainCustomer.map((own) => ({ own }))), { maxLength: 60 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 120 }),
        (held, changedRows, picks, inOrder, perStep, valuesPerStep) => {
          const base = columnsOfPlain(held);
          const changed = new Map<number, ActivityColumns>(changedRows.map(([k, c]) => [k % held.length, columnsOfPlain([c])]));
          const table: ActivityTable = { base, changed };
          // Mostly long stretches of consecutive positions (a newcomer or a departure among many), or any picks.
          const sources: HeldActivity[] = inOrder
            ? held.map((_, k) => k).filter((k) => k % 7 !== 3).flatMap((k, x) => (x === 2 && picks[0] && 'own' in picks[0] ? [columnsOfPlain([picks[0].own]), k] : [k]))
            : picks.map((p) => ('held' in p ? p.held % held.length : columnsOfPlain([p.own])));
          const steps = relaidInSteps(table, sources, perStep, valuesPerStep);
          let yields = 0;
          let next = steps.next();
          while (!next.done) {
            yields++;
            next = steps.next();
          }
          const relaid = next.value;
          // Copied a budget per step: at least as many steps as budgets the values fill, one customer at least each.
          const values = relaid.base.orders.length + 4 * relaid.base.followUpDays.length;
          const biggest = Math.max(0, ...sources.map((_, j) => (relaid.base.orderAt[j + 1]! - relaid.base.orderAt[j]!) * ORDER_DAY_FIELDS + 4 * (relaid.base.followUpAt[j + 1]! - relaid.base.followUpAt[j]!)));
          expect(yields).toBeGreaterThanOrEqual(Math.ceil(values / (valuesPerStep + biggest)) - 1);
          expect(relaid.changed.size).toBe(0);
          expect(relaid.base.size).toBe(sources.length);
          sources.forEach((source, j) => {
            const expected = typeof source === 'number' ? plainAt(changed.get(source) ?? base, changed.has(source) ? 0 : source) : plainAt(source, 0);
            expect(plainAt(relaid.base, j), `customer ${j}`).toEqual(expected);
          });
          const last = relaid.base.size;
          expect(relaid.base.orders.length).toBe(relaid.base.orderAt[last]! * ORDER_DAY_FIELDS);
          expect(relaid.base.followUpDays.length).toBe(relaid.base.followUpAt[last]!);
          expect(relaid.base.followUpMs.length).toBe(relaid.base.followUpAt[last]!);
          expect(relaid.base.intents.length).toBe(relaid.base.followUpAt[last]!);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// An empty population lays out to an empty table.
it('lays an empty population out as an empty table', () => {
  const table = activityTable(columnsOfPlain([{ orders: [1, 2, 3, 4, 5, 6], followUps: [] }]));
  const relaid = runSteps(relaidInSteps(table, [], 10));
  expect(relaid.base.size).toBe(0);
  expect([...relaid.base.orderAt]).toEqual([0]);
});
