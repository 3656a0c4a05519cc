/**
 * Today's list right after a write, as the screen meets it at the bench size: the first page the Today screen asks
 * for (today:list, 50 rows, by priority and by likelihood) timed from the call to its answer, after each of the
 * writes a day at the stall is made of — a follow-up with a reminder, a reminder marked done from the list, an
 * order. The write itself is not timed. The list of the day is made once before (the screen opened). Then a service
 * policy changed, after which the whole list is made again (as on the first open of a day): how long other calls
 * wait meanwhile (it is made a step per turn).
 */
import type { Database } from 'better-sqlite3';
import { call, type Dispatch } from '../core/dispatch';
import type { Channel, InputOf, OutputOf } from '../shared/contract';
import { round } from './measure';
import { liveCustomerIds, percentile, seeded, withStalls, type Stalls } from './tiers';

const FIRST_PAGE = { limit: 50, offset: 0 } as const;

export interface TodayAfterWrite {
  /** Each write's following first page, by priority. */
  byPriorityMs: { median: number; p95: number; max: number; runs: number };
  /** The same by likelihood, after a write each. */
  byLikelihoodMs: { median: number; max: number; runs: number } | null;
  /** Rows on the list once the writes were done, to say what size it was. */
  rows: number;
  /** The first page after a service policy changed: the whole list made again, with the longest wait of other calls. */
  madeWhole: Stalls;
}

type Run = <C extends Channel>(name: C, input: InputOf<C>) => Promise<OutputOf<C>>;

/**
 * `whileChanged` run with one service policy's cadence a day longer (Today's whole list is then made again), the
 * policy put back after it.
 */
export async function withACadenceChanged<T>(run: Run, whileChanged: () => Promise<T>): Promise<T> {
  const policy = (await run('policies:list', {})).policies.find((p) => p.cadenceDays !== null);
  if (!policy) throw new Error('the bench file has no service policy with a cadence: the whole list would not be made again');
  const { id: _id, createdAt: _created, updatedAt: _updated, ...input } = policy;
  await run('policies:save', { ...input, cadenceDays: policy.cadenceDays! + 1 });
  try {
    return await whileChanged();
  } finally {
    await run('policies:save', input);
  }
}

export async function measureTodayAfterWrites(dispatch: Dispatch, raw: Database, options: { today: string; runs: number }): Promise<TodayAfterWrite> {
  const run: Run = (name, input) => call(dispatch, name, input);
  const ids = liveCustomerIds(raw);
  const random = seeded(31);
  const pick = () => ids[Math.floor(random() * ids.length)]!;
  const first = await run('today:list', FIRST_PAGE);
  if (first.total === 0) throw new Error('the bench file has nothing on Today: the figure would say nothing');

  const writes: (() => Promise<unknown>)[] = [
    () => run('followups:create', { customerId: pick(), content: 'bench: called', nextContactDate: options.today }),
    async () => {
      // The top row's reminders, closed as the row's "done" does.
      const top = (await run('today:list', FIRST_PAGE)).items.find((item) => item.followUpIds.length > 0);
      for (const id of top?.followUpIds ?? []) await run('followups:markDone', { id });
    },
    () => run('orders:create', { customerId: pick(), orderDate: options.today, amount: '188.00', currency: 'CNY', note: 'bench' }),
  ];
  const byPriority: number[] = [];
  for (let i = 0; i < options.runs * writes.length; i++) {
    await writes[i % writes.length]!();
    const start = performance.now();
    await run('today:list', FIRST_PAGE);
    byPriority.push(performance.now() - start);
  }

  let byLikelihood: number[] | null = first.likelihoodAvailable ? [] : null;
  for (let i = 0; byLikelihood && i < options.runs; i++) {
    await writes[i % writes.length]!();
    const start = performance.now();
    await run('today:list', { ...FIRST_PAGE, rankBy: 'likelihood' });
    byLikelihood.push(performance.now() - start);
  }
  const last = await run('today:list', FIRST_PAGE);

  const madeWhole = await withACadenceChanged(run, () => withStalls(() => run('today:list', FIRST_PAGE)));
  return {
    byPriorityMs: { median: round(percentile(byPriority, 0.5)), p95: round(percentile(byPriority, 0.95)), max: round(Math.max(...byPriority)), runs: byPriority.length },
    byLikelihoodMs: byLikelihood && { median: round(percentile(byLikelihood, 0.5)), max: round(Math.max(...byLikelihood)), runs: byLikelihood.length },
    rows: last.total,
    madeWhole: { callMs: round(madeWhole.callMs), longestStallMs: round(madeWhole.longestStallMs) },
  };
}
