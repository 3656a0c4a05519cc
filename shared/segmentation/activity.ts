/**
 * The engine's population built from each customer's activity row (db/schema/customer-activity.ts)
 * instead of every order and follow-up: the rows are kept up to date on every write, so a recompute
 * reads one row per customer. Same rules as collectPopulation (population.ts), to the last field: a
 * property test builds both from the same data and requires them equal.
 */
import type { EngineConfig } from './config';
import { CODE_OF_INTENT, emptyFigures, INTENT_CODES, INTENT_PRECEDENCE, type Population } from './population';
import type { EngineCustomer, Intent } from './types';
import { inStretches, runSteps, type Steps } from '../domain/steps';
import { CUSTOMERS_PER_STEP } from './step-size';

/** Numbers per day in the activity's orders (see ActivityColumns.orders). */
export const ORDER_DAY_FIELDS = 6;


/**
 * Many customers' whole histories, folded, column by column — contiguous typed arrays, so the engine's
 * passes over 100k customers read memory in order instead of chasing 100k small arrays (the difference
 * is several times in speed, and tens of megabytes).
 *
 * Customer i's days are rows orderAt[i] … orderAt[i + 1] − 1: ORDER_DAY_FIELDS numbers each in `orders`,
 * ascending by day — day number, sales that day, their amount, the returns' amount (≤ 0), the known costs
 * of the day's orders, how many of them had a cost. Their follow-ups are rows followUpAt[i] …
 * followUpAt[i + 1] − 1, in instant order.
 */
export interface ActivityColumns {
  size: number;
  orderAt: Int32Array;
  orders: Float64Array;
  followUpAt: Int32Array;
  /** Local calendar day number of each follow-up's instant. */
  followUpDays: Int32Array;
  /** Each follow-up's instant in epoch milliseconds. */
  followUpMs: Float64Array;
  /** Each follow-up's intent code (0: none; see INTENT_CODES). */
  intents: Uint8Array;
}

/**
 * What the engine reads: the columns of everyone as last read, and the customers whose rows changed
 * since, each with their own columns of one (a Map, so one write does not copy everyone's columns).
 */
export interface ActivityTable {
  base: ActivityColumns;
  changed: ReadonlyMap<number, ActivityColumns>;
}

const NOTHING_CHANGED: ReadonlyMap<number, ActivityColumns> = new Map();

/** A table of `columns` alone. */
export const activityTable = (columns: ActivityColumns): ActivityTable => ({ base: columns, changed: NOTHING_CHANGED });

/** Appends customers one after another, in index order: what a reader of the activity rows fills. */
export class ActivityColumnsBuilder {
  private size = 0;
  private orderRows = 0;
  private followUpRows = 0;
  private orderAt: number[] = [0];
  private followUpAt: number[] = [0];
  private orders = new Float64Array(1024);
  private followUpDays = new Int32Array(256);
  private followUpMs = new Float64Array(256);
  private intents = new Uint8Array(256);

  /**
   * The next customer: `orders` flat as above; per follow-up its instant and its intent (or null) as the
   * activity row stores them, its local day number and epoch milliseconds. Only the intent is read from the
   * pairs: the instant is kept as its milliseconds (the instant's text was 260k strings at 100k customers).
   */
  add(orders: ArrayLike<number>, followUps: ArrayLike<string | null>, followUpDays: ArrayLike<number>, followUpMs: ArrayLike<number>): void {
    const at = this.orderRows * ORDER_DAY_FIELDS;
    if (at + orders.length > this.orders.length) this.orders = grown(this.orders, at + orders.length);
    for (let k = 0; k < orders.length; k++) this.orders[at + k] = orders[k]!;
    this.orderRows += orders.length / ORDER_DAY_FIELDS;
    const count = followUpDays.length;
    const f0 = this.followUpRows;
    if (f0 + count > this.followUpDays.length) {
      this.followUpDays = grown(this.followUpDays, f0 + count);
      this.followUpMs = grown(this.followUpMs, f0 + count);
      this.intents = grown(this.intents, f0 + count);
    }
    for (let f = 0; f < count; f++) {
      const intent = followUps[2 * f + 1] as Intent | null;
      this.followUpDays[f0 + f] = followUpDays[f]!;
      this.followUpMs[f0 + f] = followUpMs[f]!;
      this.intents[f0 + f] = intent === null ? 0 : CODE_OF_INTENT[intent];
    }
    this.followUpRows += count;
    this.size += 1;
    this.orderAt.push(this.orderRows);
    this.followUpAt.push(this.followUpRows);
  }

  /**
   * Room for this many more order numbers and follow-ups, allocated once: a reader that knows the totals
   * spares the doubling (and the copies it leaves for the collector) at 100k customers. Only a hint.
   */
  reserve(orderNumbers: number, followUps: number): void {
    const at = this.orderRows * ORDER_DAY_FIELDS;
    if (at + orderNumbers > this.orders.length) this.orders = resized(this.orders, at + orderNumbers);
    const f0 = this.followUpRows;
    if (f0 + followUps > this.followUpDays.length) {
      this.followUpDays = resized(this.followUpDays, f0 + followUps);
      this.followUpMs = resized(this.followUpMs, f0 + followUps);
      this.intents = resized(this.intents, f0 + followUps);
    }
  }

  /** The next customer: the one at position k of `columns`, copied as held. */
  addHeld(columns: ActivityColumns, k: number): void {
    this.addHeldRange(columns, k, k + 1);
  }

  /**
   * The next k1 − k0 customers: those at positions k0 … k1 − 1 of `columns`, copied as held with one copy
   * per column, their offsets moved to where they now start. Laying out 100k customers one at a time made
   * four subarrays and four copies each (about 5 µs a customer); a population with one newcomer is a few
   * long stretches.
   */
  addHeldRange(columns: ActivityColumns, k0: number, k1: number): void {
    if (k1 <= k0) return;
    const o0 = columns.orderAt[k0]! * ORDER_DAY_FIELDS;
    const o1 = columns.orderAt[k1]! * ORDER_DAY_FIELDS;
    const at = this.orderRows * ORDER_DAY_FIELDS;
    if (at + o1 - o0 > this.orders.length) this.orders = grown(this.orders, at + o1 - o0);
    this.orders.set(columns.orders.subarray(o0, o1), at);
    const f0 = columns.followUpAt[k0]!;
    const f1 = columns.followUpAt[k1]!;
    const to = this.followUpRows;
    if (to + f1 - f0 > this.followUpDays.length) {
      this.followUpDays = grown(this.followUpDays, to + f1 - f0);
      this.followUpMs = grown(this.followUpMs, to + f1 - f0);
      this.intents = grown(this.intents, to + f1 - f0);
    }
    this.followUpDays.set(columns.followUpDays.subarray(f0, f1), to);
    this.followUpMs.set(columns.followUpMs.subarray(f0, f1), to);
    this.intents.set(columns.intents.subarray(f0, f1), to);
    const orderShift = this.orderRows - columns.orderAt[k0]!;
    const followUpShift = to - f0;
    for (let k = k0 + 1; k <= k1; k++) {
      this.orderAt.push(columns.orderAt[k]! + orderShift);
      this.followUpAt.push(columns.followUpAt[k]! + followUpShift);
    }
    this.orderRows += (o1 - o0) / ORDER_DAY_FIELDS;
    this.followUpRows += f1 - f0;
    this.size += k1 - k0;
  }

  /** A customer with no orders and no follow-ups. */
  addNothing(): void {
    this.size += 1;
    this.orderAt.push(this.orderRows);
    this.followUpAt.push(this.followUpRows);
  }

  build(): ActivityColumns {
    return {
      size: this.size,
      orderAt: Int32Array.from(this.orderAt),
      orders: exactly(this.orders, this.orderRows * ORDER_DAY_FIELDS),
      followUpAt: Int32Array.from(this.followUpAt),
      followUpDays: exactly(this.followUpDays, this.followUpRows),
      followUpMs: exactly(this.followUpMs, this.followUpRows),
      intents: exactly(this.intents, this.followUpRows),
    };
  }
}

type Column = Float64Array | Int32Array | Uint8Array;

function resized<T extends Column>(array: T, length: number): T {
  const next = new (array.constructor as new (length: number) => T)(length);
  next.set(array.subarray(0, Math.min(array.length, length)));
  return next;
}

const grown = <T extends Column>(array: T, needed: number): T => resized(array, Math.max(needed, array.length * 2));

/** The first `used` entries: the array itself when it is exactly full (as after reserve), else a copy. */
const exactly = <T extends Column>(array: T, used: number): T => (array.length === used ? array : (array.slice(0, used) as T));

/** The columns that hold customer i: their own when their row changed since the table was read, else everyone's. */
export function columnsOf(table: ActivityTable, i: number): ActivityColumns {
  return table.changed.size === 0 ? table.base : (table.changed.get(i) ?? table.base);
}

/** Customer i's position in `columns` (columnsOf(table, i)): their own columns hold only them. */
export const positionIn = (table: ActivityTable, columns: ActivityColumns, i: number): number => (columns === table.base ? i : 0);

/** Where a customer's columns come from when a table is laid out again: a position in the old table, or their own. */
export type HeldActivity = number | ActivityColumns;

/**
 * Order numbers and follow-ups (each counted four times, for its four columns) copied per step when a table is
 * laid out again. Bounded by volume, not by customers: the copies go to memory just allocated, which is slow
 * to touch on some machines (a step of 25,000 customers, 17 MB of order numbers, took 55-150 ms in one turn
 * at 100k on the development machine).
 */
export const HELD_VALUES_PER_STEP = 250_000;

/**
 * A table laid out for another population (customers joined or left): customer j's columns are those at
 * position sources[j] of `table`, or sources[j] itself for a customer read just now. One table of columns,
 * as a full read of the same rows gives: measured `perStep` customers per step, copied about
 * `valuesPerStep` values per step (shared/domain/steps.ts).
 */
export function* relaidInSteps(table: ActivityTable, sources: readonly HeldActivity[], perStep: number, valuesPerStep = HELD_VALUES_PER_STEP): Steps<ActivityTable> {
  const size = { orderNumbers: 0, followUps: 0 };
  yield* inStretches(sources.length, perStep, (from, to) => measureHeld(table, sources, size, from, to));
  yield;
  const builder = new ActivityColumnsBuilder();
  builder.reserve(size.orderNumbers, size.followUps);
  for (let j = 0; j < sources.length; ) {
    if (j > 0) yield;
    j = copyHeld(table, sources, builder, j, valuesPerStep);
  }
  return activityTable(builder.build());
}

/** Where a source's columns are: its own, or `table`'s at the position it names. */
function heldColumns(table: ActivityTable, source: HeldActivity): ActivityColumns {
  return typeof source === 'number' ? columnsOf(table, source) : source;
}

const heldPosition = (table: ActivityTable, source: HeldActivity, columns: ActivityColumns): number => (typeof source === 'number' ? positionIn(table, columns, source) : 0);

/** Adds sources[from … to − 1]'s order numbers and follow-ups to `size`. */
function measureHeld(table: ActivityTable, sources: readonly HeldActivity[], size: { orderNumbers: number; followUps: number }, from: number, to: number): void {
  for (let j = from; j < to; j++) {
    const c = heldColumns(table, sources[j]!);
    const k = heldPosition(table, sources[j]!, c);
    size.orderNumbers += (c.orderAt[k + 1]! - c.orderAt[k]!) * ORDER_DAY_FIELDS;
    size.followUps += c.followUpAt[k + 1]! - c.followUpAt[k]!;
  }
}

/** The values customers k0 … k1 − 1 of `columns` hold, as HELD_VALUES_PER_STEP counts them. */
const heldValues = (columns: ActivityColumns, k0: number, k1: number): number =>
  (columns.orderAt[k1]! - columns.orderAt[k0]!) * ORDER_DAY_FIELDS + (columns.followUpAt[k1]! - columns.followUpAt[k0]!) * 4;

/**
 * Appends sources[from …]'s columns to `builder` until about `budget` values are copied (at least one
 * customer); returns where the next step starts. Each stretch of customers at consecutive positions of the
 * table's shared columns goes in one copy; a customer with columns of their own (read just now, or changed
 * since the table was read) alone.
 */
function copyHeld(table: ActivityTable, sources: readonly HeldActivity[], builder: ActivityColumnsBuilder, from: number, budget: number): number {
  let j = from;
  let spent = 0;
  while (j < sources.length && (j === from || spent < budget)) {
    const source = sources[j]!;
    const c = heldColumns(table, source);
    if (typeof source !== 'number' || c !== table.base) {
      const k = heldPosition(table, source, c);
      builder.addHeld(c, k);
      spent += heldValues(c, k, k + 1);
      j++;
      continue;
    }
    // Positions source … end − 1: the stretch grows while the next source is the next shared position and
    // the budget is not yet spent.
    let end = source + 1;
    for (;;) {
      const next = j + (end - source);
      if (next >= sources.length || sources[next] !== end || columnsOf(table, end) !== table.base || spent + heldValues(c, source, end) >= budget) break;
      end++;
    }
    builder.addHeldRange(c, source, end);
    spent += heldValues(c, source, end);
    j += end - source;
  }
  return j;
}

/** Customer i's columns of one: a copy (what a test or a single placement takes). */
export function activityOf(table: ActivityTable, i: number): ActivityColumns {
  const own = table.changed.get(i);
  if (own) return own;
  const c = table.base;
  const builder = new ActivityColumnsBuilder();
  const f0 = c.followUpAt[i]!;
  const f1 = c.followUpAt[i + 1]!;
  const flat: (string | null)[] = [];
  for (let f = f0; f < f1; f++) flat.push(null, INTENT_CODES[c.intents[f]!]!);
  builder.add(c.orders.subarray(c.orderAt[i]! * ORDER_DAY_FIELDS, c.orderAt[i + 1]! * ORDER_DAY_FIELDS), flat, c.followUpDays.subarray(f0, f1), c.followUpMs.subarray(f0, f1));
  return builder.build();
}

/** activities.base.size customers, aligned with `customers`; the changed ones read from their own columns. */
export function collectPopulationFromActivity(customers: readonly EngineCustomer[], activities: ActivityTable, config: EngineConfig): Population {
  return runSteps(populationFromActivityInSteps(customers, activities, config));
}

/** collectPopulationFromActivity yielding every CUSTOMERS_PER_STEP customers of each pass (shared/domain/steps.ts). */
export function* populationFromActivityInSteps(customers: readonly EngineCustomer[], activities: ActivityTable, config: EngineConfig): Steps<Population> {
  const n = customers.length;
  const { asOfDay, windowStartDay, orderCount, revenue, cost, costKnown, firstWindowDay, followUpCount, latestIntentCode, latestIntentMs, latestIntentDay } = emptyFigures(n, config);
  // Pass 1: sales per customer up to asOf, to size the flat order-day array.
  const orderStart = new Int32Array(n + 1);
  yield* inStretches(n, CUSTOMERS_PER_STEP, (from, to) => countSales(activities, asOfDay, orderStart, from, to));
  const orderDays = new Int32Array(orderStart[n]!);
  yield;
  // The same shape as collectPopulation's (population.ts), so the engine's passes see one kind of object.
  const pop: Population = { customers, asOfDay, windowStartDay, orderDays, orderStart, orderCount, revenue, cost, costKnown, firstWindowDay, followUpCount, latestIntentCode, latestIntentMs, latestIntentDay };
  yield* inStretches(n, CUSTOMERS_PER_STEP, (from, to) => foldActivity(pop, activities, from, to));
  return pop;
}

/*
 * The passes' loops are ordinary functions of their arguments, called a stretch at a time: inside a generator,
 * or reading the generator's variables through a closure, the same loops ran markedly slower.
 */

/** orderStart[i + 1] for customers from … to − 1: sales up to asOf, added to orderStart[i]. */
function countSales(activities: ActivityTable, asOfDay: number, orderStart: Int32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const c = columnsOf(activities, i);
    const k = positionIn(activities, c, i);
    const days = c.orders;
    let sales = 0;
    for (let r = c.orderAt[k]! * ORDER_DAY_FIELDS, end = c.orderAt[k + 1]! * ORDER_DAY_FIELDS; r < end && days[r]! <= asOfDay; r += ORDER_DAY_FIELDS) sales += days[r + 1]!;
    orderStart[i + 1] = orderStart[i]! + sales;
  }
}

/** Customers from … to − 1 folded into `pop`: their order days, window figures and latest intent. */
function foldActivity(pop: Population, activities: ActivityTable, from: number, to: number): void {
  const { asOfDay, windowStartDay, orderDays, orderStart, orderCount, revenue, cost, costKnown, firstWindowDay, followUpCount, latestIntentCode, latestIntentMs, latestIntentDay } = pop;
  for (let i = from; i < to; i++) {
    const c = columnsOf(activities, i);
    const k = positionIn(activities, c, i);
    const days = c.orders;
    let at = orderStart[i]!;
    for (let r = c.orderAt[k]! * ORDER_DAY_FIELDS, end = c.orderAt[k + 1]! * ORDER_DAY_FIELDS; r < end; r += ORDER_DAY_FIELDS) {
      const day = days[r]!;
      if (day > asOfDay) break;
      const sales = days[r + 1]!;
      // One entry per sale, as collectPopulation lists each order's day.
      for (let s = 0; s < sales; s++) orderDays[at++] = day;
      if (day < windowStartDay) continue;
      // Money nets returns in; a return is never an order, an order day, or a first day.
      revenue[i]! += days[r + 2]! + days[r + 3]!;
      cost[i]! += days[r + 4]!;
      costKnown[i]! += days[r + 5]!;
      if (sales > 0) {
        orderCount[i]! += sales;
        if (day < firstWindowDay[i]!) firstWindowDay[i] = day;
      }
    }

    // The latest intent's row, its record built once at the end rather than for every newer one met.
    let latest = -1;
    let latestMs = 0;
    for (let f = c.followUpAt[k]!, end = c.followUpAt[k + 1]!; f < end; f++) {
      const day = c.followUpDays[f]!;
      if (day > asOfDay) continue;
      if (day >= windowStartDay) followUpCount[i]! += 1;
      const code = c.intents[f]!;
      if (code === 0) continue;
      const ms = c.followUpMs[f]!;
      if (latest < 0 || ms > latestMs || (ms === latestMs && INTENT_PRECEDENCE[INTENT_CODES[code]!] > INTENT_PRECEDENCE[INTENT_CODES[c.intents[latest]!]!])) {
        latest = f;
        latestMs = ms;
      }
    }
    if (latest >= 0) {
      latestIntentCode[i] = c.intents[latest]!;
      latestIntentMs[i] = latestMs;
      latestIntentDay[i] = c.followUpDays[latest]!;
    }
  }
}
