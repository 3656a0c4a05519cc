/**
 * One pass over orders and follow-ups, grouped by customer into flat typed arrays, so that 100k customers
 * and 1M orders cost a few linear scans and one small sort per customer — never a search per order.
 * Orders and follow-ups dated after asOf, or for customers not passed in, are ignored here and nowhere else.
 */
import { dayNumber } from './day-number';
import type { EngineConfig } from './config';
import type { EngineCustomer, EngineFollowUp, EngineOrder, Intent } from './types';

/** When two intents were recorded at the same instant, the more cautious one wins (deterministically). */
export const INTENT_PRECEDENCE: Record<Intent, number> = { interested: 0, hesitant: 1, not_now: 2, never: 3 };

/** Intents by code, in ActivityColumns.intents and Population.latestIntentCode (0: none recorded). */
export const INTENT_CODES: readonly (Intent | null)[] = [null, 'interested', 'hesitant', 'not_now', 'never'];
export const CODE_OF_INTENT: Record<Intent, number> = { interested: 1, hesitant: 2, not_now: 3, never: 4 };

export interface Population {
  customers: readonly EngineCustomer[];
  asOfDay: number;
  /** First day inside the window; -Infinity for an 'all' window. */
  windowStartDay: number;
  /** Whole-history order dates up to asOf as day numbers, grouped by customer, ascending in each group. */
  orderDays: Int32Array;
  /** Customer i's orders are orderDays[orderStart[i] .. orderStart[i + 1]). */
  orderStart: Int32Array;
  /** Window figures. orderCount counts sales only; revenue and cost net returns in. */
  orderCount: Int32Array;
  revenue: Float64Array;
  /** Sum of the known costs of window orders (sales and returns). */
  cost: Float64Array;
  /** Window orders (sales and returns) whose cost is known; 0 means gross profit falls back to revenue. */
  costKnown: Int32Array;
  firstWindowDay: Int32Array;
  followUpCount: Int32Array;
  /**
   * The latest follow-up (by its instant, dated up to asOf) that recorded an intent: its intent's code
   * (INTENT_CODES; 0 when there is none), its instant in epoch milliseconds and its local day number. Numbers,
   * not the follow-up: an object per customer with two strings was 90k objects made on every recompute at 100k.
   */
  latestIntentCode: Uint8Array;
  latestIntentMs: Float64Array;
  latestIntentDay: Int32Array;
}

function indexCustomers(customers: readonly EngineCustomer[]): Map<string, number> {
  const indexOf = new Map<string, number>();
  customers.forEach((c, i) => {
    if (indexOf.has(c.id)) throw new RangeError(`Duplicate customer id: ${c.id}`);
    indexOf.set(c.id, i);
  });
  return indexOf;
}

function instantMs(followUp: EngineFollowUp): number {
  const ms = Date.parse(followUp.occurredAt);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${followUp.occurredAt}`);
  return ms;
}

/** The as-of and window days of a config, and every per-customer figure at zero: where both ways of collecting start. */
export function emptyFigures(n: number, config: EngineConfig) {
  const asOfDay = dayNumber(config.asOf);
  return {
    asOfDay,
    windowStartDay: config.window.kind === 'all' ? Number.NEGATIVE_INFINITY : asOfDay - config.window.days + 1,
    orderCount: new Int32Array(n),
    revenue: new Float64Array(n),
    cost: new Float64Array(n),
    costKnown: new Int32Array(n),
    firstWindowDay: new Int32Array(n).fill(2 ** 31 - 1),
    followUpCount: new Int32Array(n),
    latestIntentCode: new Uint8Array(n),
    latestIntentMs: new Float64Array(n),
    latestIntentDay: new Int32Array(n),
  };
}

export function collectPopulation(
  customers: readonly EngineCustomer[],
  orders: readonly EngineOrder[],
  followUps: readonly EngineFollowUp[],
  config: EngineConfig,
): Population {
  const n = customers.length;
  const indexOf = indexCustomers(customers);
  const { asOfDay, windowStartDay, orderCount, revenue, cost, costKnown, firstWindowDay, followUpCount, latestIntentCode, latestIntentMs, latestIntentDay } = emptyFigures(n, config);
  const historyCount = new Int32Array(n);
  // Pass 1: parse each date once, remember it, count per customer.
  const ownerOf = new Int32Array(orders.length).fill(-1);
  const dayOf = new Int32Array(orders.length);
  // Orders usually arrive grouped by customer (ORDER BY customer), so remembering the previous lookup
  // skips most hash-map probes.
  let lastId: string | null = null;
  let lastIndex: number | undefined;
  for (let o = 0; o < orders.length; o++) {
    const order = orders[o] as EngineOrder;
    if (order.customerId !== lastId) {
      lastId = order.customerId;
      lastIndex = indexOf.get(lastId);
    }
    const i = lastIndex;
    if (i === undefined) continue;
    const day = dayNumber(order.date);
    if (day > asOfDay) continue;
    const inWindow = day >= windowStartDay;
    if (inWindow) {
      // Money nets every row, returns included ("negative amounts are added like any other").
      revenue[i]! += order.baseAmountMinor;
      const orderCost = order.baseCostMinor;
      if (orderCost !== undefined && orderCost !== null) {
        cost[i]! += orderCost;
        costKnown[i]! += 1;
      }
    }
    // A return is not a purchase: it never counts as an order, an order day, or for recency.
    if (order.kind === 'return') continue;
    ownerOf[o] = i;
    dayOf[o] = day;
    historyCount[i]! += 1;
    if (inWindow) {
      orderCount[i]! += 1;
      if (day < firstWindowDay[i]!) firstWindowDay[i] = day;
    }
  }
  // Pass 2: counting-sort placement into one flat array, then sort each customer's small slice.
  const orderStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) orderStart[i + 1] = orderStart[i]! + historyCount[i]!;
  const orderDays = new Int32Array(orderStart[n]!);
  const cursor = orderStart.slice(0, n);
  for (let o = 0; o < orders.length; o++) {
    const i = ownerOf[o]!;
    if (i < 0) continue;
    orderDays[cursor[i]!++] = dayOf[o]!;
  }
  for (let i = 0; i < n; i++) {
    if (historyCount[i]! > 1) orderDays.subarray(orderStart[i], orderStart[i + 1]).sort();
  }

  lastId = null;
  for (const followUp of followUps) {
    if (followUp.customerId !== lastId) {
      lastId = followUp.customerId;
      lastIndex = indexOf.get(lastId);
    }
    const i = lastIndex;
    if (i === undefined) continue;
    const day = dayNumber(followUp.date);
    if (day > asOfDay) continue;
    if (day >= windowStartDay) followUpCount[i]! += 1;
    if (followUp.intent === null) continue;
    const ms = instantMs(followUp);
    const current = latestIntentCode[i]!;
    if (
      current === 0 ||
      ms > latestIntentMs[i]! ||
      (ms === latestIntentMs[i]! && INTENT_PRECEDENCE[followUp.intent] > INTENT_PRECEDENCE[INTENT_CODES[current]!])
    ) {
      latestIntentCode[i] = CODE_OF_INTENT[followUp.intent];
      latestIntentMs[i] = ms;
      latestIntentDay[i] = day;
    }
  }

  return { customers, asOfDay, windowStartDay, orderDays, orderStart, orderCount, revenue, cost, costKnown, firstWindowDay, followUpCount, latestIntentCode, latestIntentMs, latestIntentDay };
}
