/**
 * Tiers in the app at the bench size, through dispatch as the screens call it: a full recompute of every
 * scheme with results stored, the warm reads of the Tiers screen (members page, explanation, overview), a
 * new order followed by that customer's explanation, and the customer list's first page with its tier
 * column right after a write. Writes go through `orders:create`, so whatever the app keeps up to date on
 * a write is paid for inside the timing.
 */
import type { Database } from 'better-sqlite3';
import { call, type Dispatch } from '../core/dispatch';
import type { Channel, InputOf, OutputOf } from '../shared/contract';
import { createRandom } from '../core/demo/random';
import { medianMs, round } from './measure';
import { FOLLOW_LIMIT } from '../core/segmentation/loaded';

/** What the customer list asks for on first open (renderer/features/customers: defaults, pyramid column shown). */
export const CUSTOMER_LIST_FIRST_PAGE = {
  search: '',
  view: 'active',
  types: [],
  localities: [],
  countries: [],
  tags: [],
  owners: [],
  sort: { field: 'name', desc: false },
  schemes: ['pyramid'],
  offset: 0,
  limit: 100,
} satisfies InputOf<'customers:list'>;

/** A small seeded generator (the demo's), so every run writes to the same customers. */
export const seeded = (seed: number): (() => number) => createRandom(seed).next;

export function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export function liveCustomerIds(raw: Database): string[] {
  return raw.prepare(`SELECT id FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL ORDER BY id`).pluck().all() as string[];
}

export async function measureTiers(dispatch: Dispatch, raw: Database, options: { today: string; runs: number; writes: number; sampleId: string }) {
  const run = <C extends Channel>(name: C, input: InputOf<C>) => call(dispatch, name, input);
  const ids = liveCustomerIds(raw);
  const random = seeded(12);
  const pick = () => ids[Math.floor(random() * ids.length)]!;
  let written = 0;
  const writeOrder = (customerId: string) => run('orders:create', { customerId, orderDate: options.today, amount: `${100 + (written++ % 900)}.00`, currency: 'CNY', note: 'bench' });

  // a. Every scheme recomputed and stored, as the Recompute button and the daily start do.
  const recompute = await medianMs(options.runs, () => run('segments:recompute', { asOf: options.today }));

  // h. The Tiers screen's reads once the tiers are computed: the second call on is the figure.
  await run('segments:members', { scheme: 'pyramid', limit: 100 });
  const members = await medianMs(options.runs, () => run('segments:members', { scheme: 'pyramid', limit: 100 }));
  await run('segments:explain', { customerId: options.sampleId });
  const explain = await medianMs(options.runs, () => run('segments:explain', { customerId: options.sampleId }));
  await run('segments:overview', { scheme: 'rfm' });
  const overview = await medianMs(options.runs, () => run('segments:overview', { scheme: 'rfm' }));

  // e. One new order, then that customer's classes as the explanation drawer reads them. `reflected`
  // counts the pairs whose explanation already counts the new order (one more order in the window).
  const pairs: number[] = [];
  let reflected = 0;
  for (let i = 0; i < options.writes; i++) {
    const customerId = pick();
    const before = (await run('segments:explain', { customerId })).metrics.orderCount;
    const start = performance.now();
    await writeOrder(customerId);
    const after = await run('segments:explain', { customerId });
    pairs.push(performance.now() - start);
    if (after.metrics.orderCount === before + 1) reflected++;
  }

  // f. The customer list's first page with its tier column, right after an order is written.
  const listAfterWrite: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    await writeOrder(pick());
    const start = performance.now();
    await run('customers:list', CUSTOMER_LIST_FIRST_PAGE);
    listAfterWrite.push(performance.now() - start);
  }

  // g. A customer added, then the overview: the population changed, so every class is computed again, on the
  // held rows laid out anew with the newcomer (core/segmentation/loaded.ts). The figure is the longest gap
  // between turns of the event loop meanwhile: how long any other call could have waited.
  const afterNewCustomer: Stalls[] = [];
  for (let i = 0; i < Math.min(options.runs, 3); i++) {
    await run('customers:create', { name: `Bench newcomer ${i + 1}`, contacts: [] });
    afterNewCustomer.push(await withStalls(() => run('segments:overview', { scheme: 'rfm' })));
  }

  // i. A full read while other calls wait: more customers changed than can be followed one by one (as after an
  // import or a sync), then the overview, which reads everyone again in slices.
  const fullRead: Stalls[] = [];
  for (let i = 0; i < Math.min(options.runs, 3); i++) {
    const changed = raw
      .prepare(`UPDATE customers SET tags = json_array(?) WHERE rowid IN (SELECT rowid FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL ORDER BY rowid LIMIT ?)`)
      .run(`bench-bulk-${i + 1}`, FOLLOW_LIMIT + 1).changes;
    if (changed <= FOLLOW_LIMIT) throw new Error(`the bench file has too few customers to force a full read (${changed} changed)`);
    fullRead.push(await withStalls(() => run('segments:overview', { scheme: 'rfm' })));
  }

  // j. The Recompute button at 100k: every class computed and stored, then the purchase-likelihood refit that
  // follows it (core/prediction/store.ts), until a customer file's prediction card can read (it waits for the
  // refit). An order first, so the refit has new data to fit (a second stored recompute of unchanged rows does
  // not refit).
  const recomputeWithRefit: Stalls[] = [];
  for (let i = 0; i < Math.min(options.runs, 3); i++) {
    const customerId = pick();
    await writeOrder(customerId);
    recomputeWithRefit.push(
      await withStalls(async () => {
        await run('segments:recompute', { asOf: options.today });
        await run('prediction:customers', { customerId, storedOnly: true, limit: 1 });
      }),
    );
  }

  // k. A customer's tier history opened right after an order (the customer file and the explanation drawer
  // show it): today's snapshot is stored first, computed in steps (core/segmentation/state.ts storeTodayInSteps).
  const historyAfterOrder: Stalls[] = [];
  for (let i = 0; i < Math.min(options.runs, 3); i++) {
    const customerId = pick();
    await writeOrder(customerId);
    historyAfterOrder.push(await withStalls(() => run('segments:history', { customerId })));
    await run('prediction:customers', { customerId, storedOnly: true, limit: 1 });
  }

  // l. The Predictions screen after an order (predictionsScreenCalls).
  const predictionsScreen: Stalls[] = [];
  for (let i = 0; i < Math.min(options.runs, 3); i++) {
    await writeOrder(pick());
    predictionsScreen.push(await withStalls(() => predictionsScreenCalls(run)));
  }

  return {
    predictionsScreen: stallSummary(predictionsScreen),
    afterNewCustomer: stallSummary(afterNewCustomer),
    recomputeWithRefit: stallSummary(recomputeWithRefit),
    historyAfterOrder: stallSummary(historyAfterOrder),
    fullReadAfterBulkChange: stallSummary(fullRead),
    recomputeMs: { median: round(recompute.median), min: round(recompute.min), max: round(recompute.max), runs: options.runs },
    warm: {
      membersPageMs: round(members.median),
      explainMs: round(explain.median),
      overviewMs: round(overview.median),
    },
    orderThenExplainMs: { p50: round(percentile(pairs, 0.5)), p95: round(percentile(pairs, 0.95)), max: round(Math.max(...pairs)), pairs: pairs.length, reflected },
    listFirstPageAfterWriteMs: { median: round(percentile(listAfterWrite, 0.5)), max: round(Math.max(...listAfterWrite)), runs: listAfterWrite.length },
  };
}

export interface Stalls {
  callMs: number;
  longestStallMs: number;
}

/** The median call and median longest gap of a few runs, and the worst gap of all. */
export function stallSummary(runs: readonly Stalls[]) {
  return {
    callMs: round(percentile(runs.map((r) => r.callMs), 0.5)),
    longestStallMs: round(percentile(runs.map((r) => r.longestStallMs), 0.5)),
    worstStallMs: round(Math.max(...runs.map((r) => r.longestStallMs))),
    runs: runs.length,
  };
}

/**
 * The Predictions screen opened and paged: the best list's first page, a class's first page (the largest class
 * of the pyramid, so the filter holds the most ids), its last page, and the list by score, as someone opening the
 * screen and paging would ask for them (the stored rows, as every screen reads them: storedOnly).
 */
export async function predictionsScreenCalls(run: <C extends Channel>(name: C, input: InputOf<C>) => Promise<OutputOf<C>>): Promise<void> {
  const best = await run('prediction:best', { limit: 50, offset: 0 });
  const classes = await run('segments:overview', { scheme: 'pyramid' });
  const largest = [...classes.classes].sort((a, b) => b.count - a.count)[0]!.classKey;
  const inClass = await run('prediction:best', { scheme: 'pyramid', classKey: largest, limit: 50, offset: 0 });
  await run('prediction:best', { scheme: 'pyramid', classKey: largest, limit: 50, offset: Math.max(0, inClass.total - 50) });
  await run('prediction:best', { limit: 50, offset: Math.max(0, best.total - 50) });
  await run('prediction:customers', { sort: 'score', storedOnly: true, limit: 50, offset: 0 });
}

/** How long `call` takes, and the longest gap between turns of the event loop while it runs. */
export async function withStalls(call: () => Promise<unknown>): Promise<Stalls> {
  let longest = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const start = performance.now();
  let callMs: number;
  try {
    await call();
    callMs = performance.now() - start;
    // The call's last turn ends before the tick queued during it runs: let that tick measure it.
    await new Promise<void>((resolve) => setImmediate(resolve));
  } finally {
    running = false;
  }
  return { callMs, longestStallMs: longest };
}
