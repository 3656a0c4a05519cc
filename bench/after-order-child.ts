/**
 * Run by bench/after-order.ts in a process of its own (bench/child-process.ts), as the app's main process holds
 * one app: opened on DB_FILE with TODAY's clock and its heap sized as electron/main.ts sizes it, its tiers
 * computed and stored, then RUNS times an order through dispatch and what follows it (JOURNEY):
 * - `refit`: the Recompute button with the purchase-likelihood refit that follows it, until a customer file's
 *   prediction card can read (it waits for the refit);
 * - `history`: that customer's tier history, which stores today's snapshot first;
 * - `predictions`: the Predictions screen opened and paged (predictionsScreenCalls), while the refit the order
 *   started runs.
 * Prints each run's time and the longest wait other calls met, as one JSON line.
 * Usage (after bench/after-order.ts built it): node dist/bench/after-order-child.cjs DB_FILE YYYY-MM-DD RUNS refit|history|predictions
 */
import { openApp } from '../core/app';
import { fixedClock } from '../core/context';
import { call } from '../core/dispatch';
import { tuneHeapForTiers } from '../core/heap-tuning';
import { migrationsFolder } from '../core/paths';
import { printResultOf } from './child-result';
import { liveCustomerIds, predictionsScreenCalls, seeded, withStalls, type Stalls } from './tiers';

const JOURNEYS = ['refit', 'history', 'predictions'];

async function main(dbPath: string | undefined, today: string | undefined, runs: number, journey: string | undefined) {
  if (!dbPath || !today || !(runs > 0) || !JOURNEYS.includes(journey ?? '')) throw new Error('usage: node dist/bench/after-order-child.cjs DB_FILE YYYY-MM-DD RUNS refit|history|predictions');
  tuneHeapForTiers();
  const app = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: 'bench', files: { mode: 'paths' }, clock: fixedClock(today) });
  try {
    // The tiers in memory and stored, and the refit that follows settled: the app as it runs before the order.
    await call(app.dispatch, 'segments:recompute', { asOf: today });
    const ids = liveCustomerIds(app.db.$client);
    await call(app.dispatch, 'prediction:customers', { customerId: ids[0]!, storedOnly: true, limit: 1 });
    const random = seeded(56);
    const stalls: Stalls[] = [];
    for (let i = 0; i < runs; i++) {
      const customerId = ids[Math.floor(random() * ids.length)]!;
      await call(app.dispatch, 'orders:create', { customerId, orderDate: today, amount: `${120 + i}.00`, currency: 'CNY', note: `bench ${journey}` });
      if (journey === 'refit') {
        stalls.push(
          await withStalls(async () => {
            await call(app.dispatch, 'segments:recompute', { asOf: today });
            await call(app.dispatch, 'prediction:customers', { customerId, storedOnly: true, limit: 1 });
          }),
        );
      } else {
        const opened = journey === 'predictions' ? () => predictionsScreenCalls((name, input) => call(app.dispatch, name, input)) : () => call(app.dispatch, 'segments:history', { customerId });
        stalls.push(await withStalls(opened));
        // The refit the order started, settled before the next order (as the bench's own process does).
        await call(app.dispatch, 'prediction:customers', { customerId, storedOnly: true, limit: 1 });
      }
    }
    return stalls;
  } finally {
    app.close();
  }
}

printResultOf(main(process.argv[2], process.argv[3], Number(process.argv[4]), process.argv[5]));
