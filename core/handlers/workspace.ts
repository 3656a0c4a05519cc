import type Database from 'better-sqlite3';
import { isNull, sql } from 'drizzle-orm';
import { readSettings, writeSettings } from '../../db/repos/settings';
import { customers, followUps, orders } from '../../db/schema';
import type { HandlerContext } from '../context';
import { storeDemoHistory } from '../demo/history';
import { loadDemoWorkspace } from '../demo/load';
import { rebuildReportTotals } from '../reports/totals';
import { activitySnapshot, rebuildCustomerActivity } from '../../db/repos/customer-activity';
import { dropKeptInputs } from '../../db/repos/tier-inputs';
import { damagedError, databaseDamaged } from '../sqlite-errors';
import type { HandlerMap } from './types';

export function workspaceHandlers(ctx: HandlerContext): HandlerMap<'workspace'> {
  const { db } = ctx;
  const count = (table: typeof customers | typeof orders | typeof followUps) =>
    db.select({ n: sql<number>`count(*)` }).from(table).where(isNull(table.deletedAt)).get()!.n;
  return {
    'workspace:status': () => ({
      onboarded: readSettings(db).onboarded,
      customers: count(customers),
      orders: count(orders),
      followUps: count(followUps),
      dbPath: ctx.dbPath,
      version: ctx.appVersion,
    }),

    'workspace:startEmpty': () => {
      if (!readSettings(db).onboarded) writeSettings(db, { onboardedAt: ctx.clock.now().toISOString(), updatedAt: ctx.clock.now().toISOString() });
      return { onboarded: true };
    },

    'workspace:repair': () => {
      assertPagesWhole(db.$client);
      return db.transaction(() => {
        const before = activitySnapshot(db);
        const activityRows = rebuildCustomerActivity(db);
        // The tiers' inputs kept between processes are derived from those rows: the next full read keeps them anew.
        dropKeptInputs(db);
        const after = activitySnapshot(db);
        let activityRowsDiffering = 0;
        for (const [id, row] of after) if (before.get(id) !== row) activityRowsDiffering++;
        for (const id of before.keys()) if (!after.has(id)) activityRowsDiffering++;
        return { activityRows, activityRowsDiffering, ...rebuildReportTotals(db, ctx.clock.now().toISOString()) };
      });
    },

    'workspace:loadDemo': ({ seed, customers: n, history }) => {
      const loaded = loadDemoWorkspace(db, { seed, customers: n, anchor: ctx.clock.today(), now: ctx.clock.now().toISOString() });
      if (history) storeDemoHistory(ctx, loaded.customers);
      return loaded;
    },
  };
}

/**
 * Repair rebuilds what TierBook derives from the records; it cannot mend a damaged page, and it reads only orders and
 * follow-ups, so on a file whose customer pages are damaged it would report every figure rebuilt while the customer
 * list fails. Every page is read first (quick_check, which skips comparing each index with its table).
 */
function assertPagesWhole(client: Database.Database): void {
  let problems: string[];
  try {
    problems = (client.pragma('quick_check') as Array<{ quick_check: string }>).map((row) => row.quick_check);
  } catch (error) {
    // A page too damaged to list its problems: SQLite stops the check with SQLITE_CORRUPT itself.
    if (!damagedError(error)) throw error;
    problems = [(error as Error).message];
  }
  if (problems.length === 1 && problems[0] === 'ok') return;
  const shown = problems.slice(0, 3).join('; ').replace(/\s*\n\s*/g, ' ');
  throw databaseDamaged(`The database file is damaged (${shown}): repair rebuilds the figures from your records but cannot mend damaged pages, so nothing was changed.`);
}
