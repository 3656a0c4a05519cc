import { findCustomer } from '../../db/repos/customers';
import {
  allCustomSegmentIds,
  customerHistory,
  findCustomSegment,
  liveCustomSegments,
  readConfigOverrides,
  runOnOrBefore,
  snapshotClasses,
  softDeleteCustomSegment,
  upsertCustomSegment,
  type CustomSegmentRecord,
} from '../../db/repos/segmentation';
import { readSettings } from '../../db/repos/settings';
import { AppError, invalidInput, notFound } from '../../shared/contract';
import type { CustomSegmentRow, Explanation } from '../../shared/contract/segmentation';
import { customerIdsMatching, latestRunDay, writeConfigOverrides } from '../../db/repos/segmentation';
import { classKeysOf, customSchemeKey, customSegmentSchema, isLocalRule, LOCAL_SCHEME_KEYS, SCHEME_KEYS, type RuleGroup, type SegmentationResult } from '../../shared/segmentation';
import { predictionLookup } from '../prediction/cells';
import { predictionsSettled } from '../prediction/refit';
import type { HandlerContext } from '../context';
import { newId } from '../ids';
import { effectiveConfig } from '../segmentation/config';
import { keyedValueIssues } from '../segmentation/custom-values';
import { members, overview } from '../segmentation/lists';
import { RecomputeJobs } from '../segmentation/progress';
import { recomputeInSteps, segmentationInSteps, storeTodayInSteps } from '../segmentation/state';
import { policyHandlers } from './policies';
import type { HandlerMap } from './types';
import { dropDaysAfter, storedDaysAfter } from '../../db/repos/days-after-today';
import { classSpellings } from '../../db/repos/class-spellings';
import { rankingCaveat, UNRANKED_CLASSES, type RankingCaveat } from '../../shared/domain/ranking-caveat';

const MAX_CUSTOM_SEGMENTS = 100;

const toSegmentRow = (r: CustomSegmentRecord): CustomSegmentRow => ({ ...r, rule: JSON.parse(r.rule) as RuleGroup });

/** Classes of both days in the scheme's own order; free-text classes after, alphabetically. */
function orderedClasses(scheme: string, seen: Set<string>): string[] {
  const known = (classKeysOf(scheme) ?? []).filter((c) => seen.has(c));
  return [...known, ...[...seen].filter((c) => !known.includes(c)).sort()];
}

/**
 * Each ranked scheme's caveat within the customer's group (the whole population without a partition); none
 * where the customer was not ranked (no order in the window): that class is no rank to doubt.
 */
function caveatsOf(result: SegmentationResult, assignments: Record<string, { classKey: string }>, group: string | undefined): Record<string, RankingCaveat> {
  const caveats: Record<string, RankingCaveat> = {};
  for (const scheme of result.schemeKeys) {
    if (UNRANKED_CLASSES.has(assignments[scheme]!.classKey)) continue;
    const summary = result.schemes[scheme]!;
    const own = summary.groups?.find((g) => g.group === group) ?? summary;
    const caveat = rankingCaveat(own.cuts, own.counts);
    if (caveat) caveats[scheme] = caveat;
  }
  return caveats;
}

function segmentsHandlers(ctx: HandlerContext): HandlerMap<'segments'> {
  const { db } = ctx;
  const recomputeJobs = new RecomputeJobs();
  const today = (asOf: string | undefined) => asOf ?? ctx.clock.today();
  const configOutput = () => {
    const overrides = readConfigOverrides(db);
    return { overrides, effective: effectiveConfig(overrides, ctx.clock.today()) };
  };

  return {
    // In steps, so the app keeps answering (and segments:progress can report) during a long recompute.
    'segments:recompute': async ({ asOf, jobId }) => {
      // History is written forward only: a stored day after today would refuse every real day after it.
      if (asOf !== undefined && asOf > ctx.clock.today()) throw invalidInput([{ path: ['asOf'], key: 'stored_day_after_today', params: { today: ctx.clock.today() } }]);
      const id = jobId ?? newId();
      try {
        const { state, stored } = await recomputeInSteps(ctx, today(asOf), recomputeJobs.start(id));
        return { asOf: state.asOf, stored, schemes: Object.fromEntries(state.result.schemeKeys.map((s) => [s, state.result.schemes[s]!.counts])) };
      } finally {
        recomputeJobs.finish(id);
      }
    },

    'segments:progress': ({ jobId }) => recomputeJobs.progress(jobId),

    'segments:daysAfterToday': () => ({ today: ctx.clock.today(), days: storedDaysAfter(db, ctx.clock.today()) }),

    'segments:dropDaysAfterToday': async () => {
      const today = ctx.clock.today();
      const removed = dropDaysAfter(db, today);
      // The history goes on from today at once, rather than at the next start-up.
      if (removed.length > 0) await storeTodayInSteps(ctx);
      return { today, removed };
    },

    'segments:overview': async ({ scheme, asOf }) => overview(await segmentationInSteps(ctx, today(asOf)), scheme, readSettings(db).baseCurrency),

    'segments:members': async (input) => {
      const state = await segmentationInSteps(ctx, today(input.asOf));
      await predictionsSettled(ctx.db);
      return members(state, input, (query) => customerIdsMatching(ctx.db, query), predictionLookup(ctx.db));
    },

    'segments:explain': async ({ customerId, asOf }) => {
      const state = await segmentationInSteps(ctx, today(asOf));
      const view = state.result.customers.get(customerId);
      if (!view) throw notFound('live customer', customerId);
      const assignments = view.assignments as unknown as Record<string, { classKey: string; explanation: Explanation }>;
      return {
        asOf: state.asOf,
        customerId,
        metrics: view.metrics,
        schemes: Object.fromEntries(state.result.schemeKeys.map((s) => [s, { classKey: assignments[s]!.classKey, explanation: assignments[s]!.explanation }])),
        caveats: caveatsOf(state.result, assignments, state.result.partition === 'none' ? undefined : state.result.groupKeys[state.indexOf.get(customerId)!]),
      };
    },

    'segments:history': async ({ customerId, scheme }) => {
      if (!findCustomer(db, customerId)) throw notFound('customer', customerId);
      await storeTodayInSteps(ctx);
      const all = [...SCHEME_KEYS, ...allCustomSegmentIds(db).map(customSchemeKey)];
      const schemes: Record<string, { asOf: string; classKey: string | null }[]> = {};
      for (const row of customerHistory(db, customerId, scheme === undefined ? all : [scheme])) (schemes[row.scheme] ??= []).push({ asOf: row.asOf, classKey: row.classKey });
      return { customerId, schemes };
    },

    'segments:migration': async ({ scheme, from, to }) => {
      await storeTodayInSteps(ctx);
      const [fromSnapshot, toSnapshot] = [runOnOrBefore(db, from), runOnOrBefore(db, to)];
      for (const [field, day, stored] of [['from', from, fromSnapshot], ['to', to, toSnapshot]] as const) {
        // The key lets a screen or the command line say it in the user's language, as reports:migration does.
        if (stored === null) throw new AppError('not_found', `No tier snapshot is stored on or before ${day} (run segment first)`, [{ path: [field], key: 'report_no_snapshot' }]);
      }
      const before = snapshotClasses(db, scheme, fromSnapshot!);
      const after = snapshotClasses(db, scheme, toSnapshot!);
      const cells = new Map<string, { from: string | null; to: string | null; count: number; customerIds: string[] }>();
      for (const id of new Set([...before.keys(), ...after.keys()])) {
        const cell = { from: before.get(id) ?? null, to: after.get(id) ?? null };
        const key = `${cell.from}\u0000${cell.to}`;
        if (!cells.has(key)) cells.set(key, { ...cell, count: 0, customerIds: [] });
        const entry = cells.get(key)!;
        entry.count += 1;
        entry.customerIds.push(id);
      }
      const classes = orderedClasses(scheme, new Set([...before.values(), ...after.values()]));
      const rank = (c: string | null) => (c === null ? classes.length : classes.indexOf(c));
      const sorted = [...cells.values()].sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to));
      for (const cell of sorted) cell.customerIds.sort();
      return { scheme, from, to, fromSnapshot: fromSnapshot!, toSnapshot: toSnapshot!, classes, cells: sorted };
    },

    'segments:config:get': () => configOutput(),

    'segments:config:set': ({ overrides }) => {
      effectiveConfig(overrides, ctx.clock.today(), { newSettings: true });
      const partition = overrides.partition as { kind?: string; segmentId?: string } | undefined;
      if (partition?.kind === 'segment') {
        const segment = findCustomSegment(db, partition.segmentId ?? '');
        if (!segment || !isLocalRule(JSON.parse(segment.rule) as RuleGroup, LOCAL_SCHEME_KEYS)) throw invalidInput([{ path: ['overrides', 'partition', 'segmentId'], key: 'partition_segment_unusable' }]);
      }
      writeConfigOverrides(db, overrides, ctx.clock.now().toISOString());
      // Today's stored tiers, if today is stored, were placed by the settings just replaced: stored again in the
      // background, so the history and the evaluation (which waits for it) show today under the new settings.
      if (latestRunDay(db) === ctx.clock.today()) void storeTodayInSteps(ctx).catch(() => undefined);
      return configOutput();
    },

    'segments:classSpellings': () => classSpellings(db.$client),

    'segments:custom:list': () => ({ segments: liveCustomSegments(db).map(toSegmentRow) }),

    'segments:custom:save': ({ id, name, rule }) =>
      db.transaction(() => {
        if (id !== undefined && !findCustomSegment(db, id)) throw notFound('custom segment', id);
        if (id === undefined && liveCustomSegments(db).length >= MAX_CUSTOM_SEGMENTS) throw invalidInput([{ path: [], key: 'too_many_custom_segments', params: { max: MAX_CUSTOM_SEGMENTS } }]);
        const parsed = customSegmentSchema.safeParse({ id: id ?? newId(), name, rule });
        if (!parsed.success) throw invalidInput(parsed.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), key: 'invalid_value' })));
        const keyIssues = keyedValueIssues(parsed.data.rule);
        if (keyIssues.length > 0) throw invalidInput(keyIssues);
        upsertCustomSegment(db, { ...parsed.data, rule: JSON.stringify(parsed.data.rule) }, ctx.clock.now().toISOString());
        return toSegmentRow(findCustomSegment(db, parsed.data.id)!);
      }),

    'segments:custom:delete': ({ id }) => {
      if (!softDeleteCustomSegment(db, id, ctx.clock.now().toISOString())) throw notFound('custom segment', id);
      return { id };
    },
  };
}

/** Segments and the service policies built on them: one registration line in handlers/index.ts. */
export function segmentationHandlers(ctx: HandlerContext): HandlerMap<'segments'> & HandlerMap<'policies'> {
  return { ...segmentsHandlers(ctx), ...policyHandlers(ctx) };
}
