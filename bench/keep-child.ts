/**
 * Run by bench/keep.ts in a process of its own (bench/child-process.ts), as the app's main process holds one
 * app: RUNS times, the app opened on DB_FILE with TODAY's clock and its heap sized as electron/main.ts sizes
 * it, the copy of the tiers' inputs kept in the file dropped (as after an import, or the first start of this
 * version), the tiers computed — reading every row — and then the copy kept in the background after the answer
 * (core/segmentation/kept-inputs.ts), timed with the longest wait other calls meet. Prints each run's figures
 * as one JSON line.
 * Usage (after bench/keep.ts built it): node dist/bench/keep-child.cjs DB_FILE YYYY-MM-DD RUNS
 */
import { openApp } from '../core/app';
import { fixedClock } from '../core/context';
import { call } from '../core/dispatch';
import { tuneHeapForTiers } from '../core/heap-tuning';
import { migrationsFolder } from '../core/paths';
import { inputsKept } from '../core/segmentation/kept-inputs';
import { dropKeptInputs, keptInputsHeader } from '../db/repos/tier-inputs';
import { printResultOf } from './child-result';
import { withStalls, type Stalls } from './tiers';

async function main(dbPath: string | undefined, today: string | undefined, runs: number) {
  if (!dbPath || !today || !(runs > 0)) throw new Error('usage: node dist/bench/keep-child.cjs DB_FILE YYYY-MM-DD RUNS');
  tuneHeapForTiers();
  const results: { readMs: number; keeping: Stalls; bytes: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const app = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: 'bench', files: { mode: 'paths' }, clock: fixedClock(today) });
    try {
      dropKeptInputs(app.db);
      const started = performance.now();
      await call(app.dispatch, 'segments:overview', { scheme: 'rfm' });
      const readMs = performance.now() - started;
      const kept = await withStalls(() => inputsKept(app.db));
      if (!keptInputsHeader(app.db)) throw new Error('the tiers\' inputs were not kept');
      const bytes = app.db.$client.prepare(`SELECT coalesce(sum(length(data)), 0) FROM tier_inputs_parts`).pluck().get() as number;
      results.push({ readMs, keeping: kept, bytes });
    } finally {
      app.close();
    }
  }
  return results;
}

printResultOf(main(process.argv[2], process.argv[3], Number(process.argv[4])));
