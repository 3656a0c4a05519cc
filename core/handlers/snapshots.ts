import { runOnOrBefore } from '../../db/repos/segmentation';
import { storedClassCounts, storedDayRange, storedMembers } from '../../db/repos/tier-snapshots';
import { normalizeQuery } from '../../shared/domain/pinyin';
import type { HandlerContext } from '../context';
import type { HandlerMap } from './types';

/** Past days' tiers as they were stored (the tiered lists' "as of" view). Reads only: history is written by recomputes. */
export function snapshotHandlers(ctx: HandlerContext): HandlerMap<'snapshots'> {
  const { db } = ctx;
  return {
    'snapshots:day': ({ scheme, asOf, classKey, search, offset, limit }) => {
      const range = storedDayRange(db);
      const snapshotDay = runOnOrBefore(db, asOf);
      const base = { asOf, snapshotDay, firstDay: range.first, lastDay: range.last };
      if (snapshotDay === null) return { ...base, customers: 0, classes: [], total: 0, rows: [] };
      const classes = storedClassCounts(db, scheme, snapshotDay);
      const page = storedMembers(db, { scheme, day: snapshotDay, classKey, searchKey: normalizeQuery(search), offset, limit });
      return { ...base, customers: classes.reduce((sum, c) => sum + c.count, 0), classes, ...page };
    },
  };
}
