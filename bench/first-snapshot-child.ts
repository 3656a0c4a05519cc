/**
 * Run by bench/first-snapshot.ts in a process of its own (bench/child-process.ts), as the app's main process
 * holds one app: the app opened on DB_FILE (a fresh database: loaded, no tier history yet) with TODAY's clock
 * and its heap sized as electron/main.ts sizes it, and its first `segments:recompute` timed with the longest
 * wait other calls would meet. Prints the figures as one JSON line.
 * Usage (after bench/first-snapshot.ts built it): node dist/bench/first-snapshot-child.cjs DB_FILE YYYY-MM-DD
 */
import { openApp } from '../core/app';
import { fixedClock } from '../core/context';
import { call } from '../core/dispatch';
import { tuneHeapForTiers } from '../core/heap-tuning';
import { migrationsFolder } from '../core/paths';
import type { OutputOf } from '../shared/contract';
import { printResultOf } from './child-result';
import { withStalls, type Stalls } from './tiers';

async function main(dbPath: string | undefined, today: string | undefined): Promise<Stalls> {
  if (!dbPath || !today) throw new Error('usage: node dist/bench/first-snapshot-child.cjs DB_FILE YYYY-MM-DD');
  tuneHeapForTiers();
  const app = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: 'bench', files: { mode: 'paths' }, clock: fixedClock(today) });
  try {
    const history = () => app.db.$client.prepare(`SELECT count(*) FROM segment_runs`).pluck().get() as number;
    if (history() !== 0) throw new Error('the database already holds tier history: not a first snapshot');
    let recomputed: OutputOf<'segments:recompute'> | undefined;
    const first = await withStalls(async () => {
      recomputed = await call(app.dispatch, 'segments:recompute', {});
    });
    if (!recomputed?.stored || history() !== 1) throw new Error(`the first snapshot was not stored (stored ${recomputed?.stored})`);
    return first;
  } finally {
    app.close();
  }
}

printResultOf(main(process.argv[2], process.argv[3]));
