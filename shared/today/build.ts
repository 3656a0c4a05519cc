import { addDays, daysBetween } from '../domain/dates';
import { inTimedStretches, runSteps, STRETCH_BUDGET_MS, turnsEvery, type Steps } from '../domain/steps';
import type { ReasonKey, ReasonParams, TodayInput, TodayItem, TodayKind, TodayReason } from './types';

/**
 * The priority of each reason: a lower number is served first. Bands of 100 keep the kinds apart, the
 * step inside a band orders reasons of one kind (a policy's own priority 1–5 becomes 410–450).
 *
 *   100  a reminder the user set that is past its date (a promise already broken)
 *   150  money owed past its due date (赊账 overdue: the customer broke a promise)
 *   200  a reminder due today (a promise for today)
 *   300  a valuable customer who moved down a tier; 310 one who is now at risk
 *   410–450  due by the service policy of their class (policy priority 1 → 410 … 5 → 450)
 *   500  a new customer without a first follow-up
 *
 * Ties: the earlier due date first (who has waited longest), then the name.
 */
export const PRIORITY = { overdue: 100, paymentOverdue: 150, dueToday: 200, slippingDown: 300, slippingAtRisk: 310, policyBase: 400, policyStep: 10, newCustomer: 500 } as const;

/** Tiers worth watching: a customer in one of these who drops or is at risk is "slipping". Best class first. */
export const VALUABLE_TIERS: Readonly<Record<string, { order: readonly string[]; valuable: readonly string[] }>> = {
  pyramid: { order: ['platinum', 'gold', 'iron', 'lead', 'none'], valuable: ['platinum', 'gold'] },
  value: { order: ['high', 'medium', 'low', 'none'], valuable: ['high'] },
};

/** Classes that say a customer is about to be lost. */
export const AT_RISK_CLASSES: Readonly<Record<string, readonly string[]>> = { lifecycle: ['at_risk'], rf_segment: ['at_risk', 'cant_lose'] };

/** A drop recorded more than this many days ago is old news (the policy cadence takes over). */
export const SLIPPING_RECENT_DAYS = 30;
/** An at-risk valuable customer followed up this recently is being looked after. */
export const SLIPPING_QUIET_DAYS = 14;
/**
 * A customer counts as new this many days from their first order, or, with no order yet, from the day their
 * record was made (docs/today.md: a book typed in with years of orders is not new).
 */
export const NEW_CUSTOMER_DAYS = 30;

const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * Builds Today's list: one row per customer with every reason they are on it, most urgent first.
 * `include(k)` filters customers (owner, class) before any work is done for them.
 */
export function buildToday(input: TodayInput, include: (k: number) => boolean = () => true): TodayItem[] {
  return runSteps(buildTodayInSteps(input, include));
}

/** Customers gone over per step of buildTodayInSteps (a step also ends when its time is up). */
const CUSTOMERS_PER_STEP = 20_000;

/**
 * buildToday a stretch of customers per step: at 100k customers the whole list took 0.3–0.5 s, which a process
 * answering a screen must not spend in one turn (core/today/list.ts runs it a step per turn).
 */
export function* buildTodayInSteps(input: TodayInput, include: (k: number) => boolean = () => true): Steps<TodayItem[]> {
  const { asOf, customers, classKeys } = input;
  const reasons = new Map<number, TodayReason[]>();
  const followUpIds = new Map<number, string[]>();
  const add = (k: number, kind: TodayKind, key: ReasonKey, params: ReasonParams, priority: number, dueDate: string) => {
    let list = reasons.get(k);
    if (!list) reasons.set(k, (list = []));
    list.push({ kind, key, params, priority, dueDate });
  };
  const indexOf = input.indexOf ?? new Map(customers.map((c, k) => [c.id, k]));

  // Reminders: the oldest open one of each kind per customer speaks; all of them are what "done" closes.
  const seenReminder = new Set<string>();
  // By date, then id: the row's reminders in one order however they were read (a whole day's, or one customer's).
  const reminders = [...input.reminders].sort((a, b) => cmp(a.dueDate, b.dueDate) || cmp(a.followUpId, b.followUpId));
  yield;
  // A stretch per step, as the customers below: a day's 20,000 reminders at 100k customers took 40–60 ms.
  const remindersOf = (from: number, to: number): void => {
    for (let n = from; n < to; n++) {
      const r = reminders[n]!;
      const k = indexOf.get(r.customerId);
      if (k === undefined || r.dueDate > asOf || !include(k)) continue;
      const ids = followUpIds.get(k);
      if (ids) ids.push(r.followUpId);
      else followUpIds.set(k, [r.followUpId]);
      const overdue = r.dueDate < asOf;
      const once = `${k}:${overdue}`;
      if (seenReminder.has(once)) continue;
      seenReminder.add(once);
      if (overdue) add(k, 'overdue', 'reminder_overdue', { date: r.dueDate, days: daysBetween(r.dueDate, asOf) }, PRIORITY.overdue, r.dueDate);
      else add(k, 'due_today', 'reminder_today', { date: r.dueDate }, PRIORITY.dueToday, r.dueDate);
    }
  };
  yield* inTimedStretches(reminders.length, CUSTOMERS_PER_STEP, remindersOf);

  yield;
  for (const p of input.overduePayments ?? []) {
    const k = indexOf.get(p.customerId);
    if (k === undefined || p.dueDate >= asOf || !include(k)) continue;
    const params = { date: p.dueDate, days: daysBetween(p.dueDate, asOf), amountMinor: p.amountMinor, currency: p.currency };
    add(k, 'payment', 'payment_overdue', params, PRIORITY.paymentOverdue, p.dueDate);
  }

  yield;
  const strictest = strictestPolicyOf(input);
  // The loop in a function of its own, run a stretch per step (shared/domain/steps.ts inStretches says why).
  const reasonsOf = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      if (!include(k)) continue;
      const c = customers[k]!;
      const lastFollowUp = input.lastFollowUpDate[k] ?? null;
      const lastOrder = input.lastOrderDate[k] ?? null;

      // Service policy: a follow-up or an order is contact; the reason names whichever was later.
      const policy = strictest(k);
      if (policy) {
        const priority = PRIORITY.policyBase + PRIORITY.policyStep * policy.priority;
        const base = { scheme: policy.scheme, classKey: policy.classKey, cadenceDays: policy.cadenceDays };
        const last = later(lastFollowUp, lastOrder);
        if (last === null) add(k, 'policy', 'policy_never', base, priority, c.createdDate < asOf ? c.createdDate : asOf);
        else {
          const days = daysBetween(last, asOf);
          if (days >= policy.cadenceDays) {
            const key = last === lastFollowUp ? 'policy_last_follow_up' : 'policy_last_order';
            add(k, 'policy', key, { ...base, days, date: last }, priority, addDays(last, policy.cadenceDays));
          }
        }
      }

      slipping(input, k, lastFollowUp, add);

      if (lastFollowUp === null) newCustomer(input, k, lastOrder, add);
    }
  };
  yield* inTimedStretches(customers.length, CUSTOMERS_PER_STEP, reasonsOf);

  yield;
  const items: TodayItem[] = [];
  for (const [k, list] of reasons) {
    list.sort((a, b) => a.priority - b.priority || (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
    const c = customers[k]!;
    const top = list[0]!;
    items.push({
      customerId: c.id,
      customerName: c.name,
      company: c.company,
      owner: c.owner,
      kind: top.kind,
      priority: top.priority,
      dueDate: top.dueDate,
      reasons: list,
      followUpIds: followUpIds.get(k) ?? [],
      likelihood: null,
    });
  }
  yield;
  return yield* sortedByPriorityInSteps(items);
}

/**
 * `items` in byPriority's order, a few groups per step: rows of one priority and date are put in order by name
 * apart from the rest. Sorted whole, 43,000 rows took 60–90 ms in one turn, most of it comparing names.
 */
export function* sortedByPriorityInSteps(items: readonly TodayItem[]): Steps<TodayItem[]> {
  const groups = new Map<string, TodayItem[]>();
  for (const item of items) {
    const key = `${item.priority}|${item.dueDate}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const inOrder = [...groups.values()].sort((a, b) => a[0]!.priority - b[0]!.priority || cmp(a[0]!.dueDate, b[0]!.dueDate));
  const sorted: TodayItem[] = [];
  const turn = turnsEvery(STRETCH_BUDGET_MS);
  for (const group of inOrder) {
    group.sort(byPriority);
    for (const item of group) sorted.push(item);
    yield* turn();
  }
  return sorted;
}

/** Of the policies matching a customer's classes, the shortest cadence wins, then the higher priority. */
function strictestPolicyOf(input: TodayInput) {
  const byScheme = new Map<string, Map<string, { scheme: string; classKey: string; cadenceDays: number; priority: number }>>();
  for (const p of input.policies) {
    if (p.cadenceDays === null || !input.classKeys[p.scheme]) continue;
    if (!byScheme.has(p.scheme)) byScheme.set(p.scheme, new Map());
    byScheme.get(p.scheme)!.set(p.classKey, { ...p, cadenceDays: p.cadenceDays });
  }
  return (k: number) => {
    let best: { scheme: string; classKey: string; cadenceDays: number; priority: number } | undefined;
    for (const [scheme, byClass] of byScheme) {
      const p = byClass.get(input.classKeys[scheme]![k]!);
      if (p && (!best || p.cadenceDays < best.cadenceDays || (p.cadenceDays === best.cadenceDays && p.priority < best.priority))) best = p;
    }
    return best;
  };
}

/**
 * A valuable customer slipping: moved down from a valuable tier (recorded in the last SLIPPING_RECENT_DAYS
 * days, or happening in today's classes and not stored yet), or in a valuable tier and now at risk.
 * A follow-up since the drop (or in the last SLIPPING_QUIET_DAYS days, for at risk) answers it.
 */
function slipping(
  input: TodayInput,
  k: number,
  lastFollowUp: string | null,
  add: (k: number, kind: TodayKind, key: ReasonKey, params: ReasonParams, priority: number, dueDate: string) => void,
): void {
  const { asOf, classKeys } = input;
  const id = input.customers[k]!.id;
  let valuableNow: { scheme: string; classKey: string } | undefined;
  for (const [scheme, tiers] of Object.entries(VALUABLE_TIERS)) {
    const now = classKeys[scheme]?.[k];
    if (now === undefined) continue;
    if (!valuableNow && tiers.valuable.includes(now)) valuableNow = { scheme, classKey: now };
    const change = input.tierChanges[scheme]?.get(id);
    if (!change) continue;
    const drop =
      change.classKey !== now
        ? { from: change.classKey, to: now, since: asOf }
        : change.previous !== null && daysBetween(change.asOf, asOf) <= SLIPPING_RECENT_DAYS
          ? { from: change.previous, to: now, since: change.asOf }
          : undefined;
    if (!drop || !tiers.valuable.includes(drop.from)) continue;
    const rank = (c: string) => (tiers.order.includes(c) ? tiers.order.indexOf(c) : tiers.order.length);
    if (rank(drop.to) <= rank(drop.from)) continue;
    if (lastFollowUp !== null && lastFollowUp >= drop.since) continue;
    add(k, 'slipping', 'slipping_down', { scheme, from: drop.from, to: drop.to, date: drop.since }, PRIORITY.slippingDown, drop.since);
  }
  if (!valuableNow) return;
  if (lastFollowUp !== null && daysBetween(lastFollowUp, asOf) < SLIPPING_QUIET_DAYS) return;
  for (const [riskScheme, classes] of Object.entries(AT_RISK_CLASSES)) {
    const riskClass = classKeys[riskScheme]?.[k];
    if (riskClass === undefined || !classes.includes(riskClass)) continue;
    add(k, 'slipping', 'slipping_at_risk', { ...valuableNow, riskScheme, riskClass }, PRIORITY.slippingAtRisk, asOf);
    return;
  }
}

/**
 * New and not followed up yet. A customer is new from their first order — the record may have been typed in
 * today for someone who has bought since 2023 — and, with no order yet, from the day the record was made.
 * A follow-up of any date answers it, as the customer has been spoken to.
 */
function newCustomer(
  input: TodayInput,
  k: number,
  lastOrder: string | null,
  add: (k: number, kind: TodayKind, key: ReasonKey, params: ReasonParams, priority: number, dueDate: string) => void,
): void {
  const { asOf } = input;
  if (lastOrder === null) {
    const created = input.customers[k]!.createdDate;
    const age = daysBetween(created, asOf);
    if (age >= 0 && age <= NEW_CUSTOMER_DAYS) add(k, 'new_customer', 'new_customer', { date: created, days: age }, PRIORITY.newCustomer, created);
    return;
  }
  // The first order is no later than the last: a last order older than the span rules the customer out unread.
  if (daysBetween(lastOrder, asOf) > NEW_CUSTOMER_DAYS) return;
  const first = input.firstOrderDate(k) ?? lastOrder;
  const age = daysBetween(first, asOf);
  if (age >= 0 && age <= NEW_CUSTOMER_DAYS) add(k, 'new_customer', 'new_customer_first_order', { date: first, days: age }, PRIORITY.newCustomer, first);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The list's order by priority: see PRIORITY. */
export function byPriority(a: TodayItem, b: TodayItem): number {
  return a.priority - b.priority || cmp(a.dueDate, b.dueDate) || a.customerName.localeCompare(b.customerName) || cmp(a.customerId, b.customerId);
}

/**
 * Ranking by purchase likelihood: overdue reminders stay first (the screen groups them at the top), then
 * the most likely buyers; customers without a score after those with one; ties by priority.
 */
export function byLikelihood(a: TodayItem, b: TodayItem): number {
  const group = (i: TodayItem) => (i.kind === 'overdue' ? 0 : 1);
  const score = (i: TodayItem) => (i.likelihood === null ? -1 : i.likelihood);
  return group(a) - group(b) || score(b) - score(a) || byPriority(a, b);
}

/**
 * `kept` and `made`, each in byPriority's order already and with no customer in both, as one list in that order:
 * each of the few made rows is placed by halving (a comparison of names is dear), the kept ones copied between.
 */
export function mergeByPriority(kept: readonly TodayItem[], made: readonly TodayItem[]): TodayItem[] {
  const merged: TodayItem[] = [];
  let from = 0;
  for (const item of made) {
    let low = from;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (byPriority(kept[middle]!, item) <= 0) low = middle + 1;
      else high = middle;
    }
    for (let i = from; i < low; i++) merged.push(kept[i]!);
    merged.push(item);
    from = low;
  }
  for (let i = from; i < kept.length; i++) merged.push(kept[i]!);
  return merged;
}

/**
 * Rows in byPriority's order (a built list) put in byLikelihood's: a tie of group and score goes by the rows'
 * places, which is byPriority already. Sorted with byLikelihood itself, the ties' names were compared again: at
 * 100k customers, where many share a score, that took 0.3–0.8 s. `likelihoodOf` gives a row's score (by default
 * its own `likelihood`; the app's kept rows carry none, core/today/list.ts).
 */
export function rankByLikelihood(inPriorityOrder: readonly TodayItem[], likelihoodOf: (item: TodayItem) => number | null = (item) => item.likelihood): TodayItem[] {
  const n = inPriorityOrder.length;
  const group = new Uint8Array(n);
  const score = new Float64Array(n);
  const order = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const item = inPriorityOrder[k]!;
    group[k] = item.kind === 'overdue' ? 0 : 1;
    const likelihood = likelihoodOf(item);
    score[k] = likelihood === null ? -1 : likelihood;
    order[k] = k;
  }
  order.sort((a, b) => group[a]! - group[b]! || score[b]! - score[a]! || a - b);
  return order.map((k) => inPriorityOrder[k]!);
}
