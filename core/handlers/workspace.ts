import { isNull, sql } from 'drizzle-orm';
import { readSettings, writeSettings } from '../../db/repos/settings';
import { customers, followUps, orders } from '../../db/schema';
import type { HandlerContext } from '../context';
import { storeDemoHistory } from '../demo/history';
import { loadDemoWorkspace } from '../demo/load';
import { rebuildReportTotals } from '../reports/totals';
import { activitySnapshot, rebuildCustomerActivity } from '../../db/repos/customer-activity';
import { dropKeptInputs } from '../../db/repos/tier-inputs';
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

    'workspace:repair': () =>
      db.transaction(() => {
        const before = activitySnapshot(db);
        const activityRows = rebuildCustomerActivity(db);
        // The tiers' inputs kept between processes are derived from those rows: the next full read keeps them anew.
        dropKeptInputs(db);
        const after = activitySnapshot(db);
        let activityRowsDiffering = 0;
        for (const [id, row] of after) if (before.get(id) !== row) activityRowsDiffering++;
        for (const id of before.keys()) if (!after.has(id)) activityRowsDiffering++;
        return { activityRows, activityRowsDiffering, ...rebuildReportTotals(db, ctx.clock.now().toISOString()) };
      }),

    'workspace:loadDemo': ({ seed, customers: n, history }) => {
      const loaded = loadDemoWorkspace(db, { seed, customers: n, anchor: ctx.clock.today(), now: ctx.clock.now().toISOString() });
      if (history) storeDemoHistory(ctx, loaded.customers);
      return loaded;
    },
  };
}
