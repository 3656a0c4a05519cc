import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDateOf } from '../../shared/domain/dates';
import { cli, spawnCli } from '../support/cli';
import { tempDir } from '../support/test-app';

/**
 * `tierbook serve` (the browser's way in, npm run dev:web) starts as the desktop app does: a moment after start it
 * stores today's tiers when the file has none for today, and the purchase likelihood is fitted after them, so the
 * customer list's likelihood column fills in without anyone asking for a recompute. It read empty until then.
 */
const read = (db: string) => {
  const raw = new Database(db, { readonly: true });
  try {
    return {
      tiersDay: raw.prepare(`SELECT max(as_of) FROM segment_runs`).pluck().get() as string | null,
      predictionsDay: raw.prepare(`SELECT max(as_of) FROM prediction_runs`).pluck().get() as string | null,
      scored: raw.prepare(`SELECT count(*) FROM customer_predictions`).pluck().get() as number,
    };
  } finally {
    raw.close();
  }
};

describe('tierbook serve at the start of a day', () => {
  it('stores today\'s tiers and the predictions after them without being asked', async () => {
    const db = join(tempDir(), 'served.sqlite');
    expect(cli('demo', '--db', db).code).toBe(0);
    expect(read(db)).toEqual({ tiersDay: null, predictionsDay: null, scored: 0 });
    const child = spawnCli(['serve', '--db', db]);
    try {
      const today = localDateOf(new Date());
      let seen = read(db);
      for (let waited = 0; waited < 90_000 && (seen.predictionsDay !== today || seen.tiersDay !== today); waited += 250) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        seen = read(db);
      }
      expect([seen.tiersDay, seen.predictionsDay]).toEqual([today, today]);
      // Every live customer with an order is scored (counted with plain SQL).
      const raw = new Database(db, { readonly: true });
      const buyers = raw.prepare(`SELECT count(DISTINCT o.customer_id) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.deleted_at IS NULL AND c.deleted_at IS NULL AND c.archived_at IS NULL AND o.kind = 'sale'`).pluck().get() as number;
      raw.close();
      expect(buyers).toBeGreaterThan(100);
      expect(seen.scored).toBeGreaterThanOrEqual(buyers);
    } finally {
      child.kill();
    }
  }, 120_000);
});
