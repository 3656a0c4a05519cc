import { liveCustomSegments } from '../../db/repos/segmentation';
import { invalidInput } from '../../shared/contract';
import type { HandlerContext } from '../context';
import { segmentationInSteps } from './state';

interface ListedRow {
  id: string;
  archivedAt: string | null;
  deletedAt: string | null;
}

/**
 * Each listed row's class under the requested schemes, read from today's in-memory segmentation — the same
 * result `segments:members` and `segments:explain` answer from, so the three always agree.
 *
 * Display only: the page's rows come in the order they are given. Filtering or sorting the list by class
 * happens before paging, in class-list.ts, on this same state.
 */
export async function withClasses<R extends ListedRow>(ctx: HandlerContext, rows: R[], schemes: readonly string[]): Promise<(R & { classes: Record<string, string> })[]> {
  if (schemes.length === 0) return rows.map((row) => ({ ...row, classes: {} }));
  assertCustomSchemesExist(ctx, schemes);
  // Archived and deleted customers are in no class; a page of only those (the archive, the trash) never
  // needs the segmentation, which may cost a recompute after a write.
  const live = rows.some((row) => row.archivedAt === null && row.deletedAt === null);
  // Read in steps like the tier screens, so a stale result after a write does not hold the app in one block.
  const state = live ? await segmentationInSteps(ctx, ctx.clock.today()) : undefined;
  return rows.map((row) => {
    const classes: Record<string, string> = {};
    // state.indexOf is built once per computed state (customer id → position in every class column).
    const k = state?.indexOf.get(row.id);
    if (state && k !== undefined) {
      for (const scheme of schemes) {
        const classKey = state.result.classKeys[scheme]?.[k];
        if (classKey !== undefined) classes[scheme] = classKey;
      }
    }
    return { ...row, classes };
  });
}

/**
 * The contract checks the shape of `custom:<id>`; whether that segment exists (and is not deleted) is only
 * known here. Checked against the table, not the segmentation, so the archive and trash views stay cheap.
 */
export function assertCustomSchemesExist(ctx: HandlerContext, schemes: readonly string[]): void {
  if (!schemes.some((s) => s.startsWith('custom:'))) return;
  const live = new Set(liveCustomSegments(ctx.db).map((s) => `custom:${s.id}`));
  const unknown = schemes.flatMap((s, i) => (s.startsWith('custom:') && !live.has(s) ? [i] : []));
  if (unknown.length > 0) throw invalidInput(unknown.map((i) => ({ path: ['schemes', i], key: 'invalid_choice' })));
}
