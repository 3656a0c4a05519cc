import type { HandlerContext } from '../context';
import { holdoutCheck, latestOrderDate } from '../prediction/holdout';
import { fitFromDb, predictFromDb } from '../prediction/predict';
import { storedPredictionsInSteps, storedRun } from '../prediction/store';
import { sortPredictions } from '../prediction/sort';
import { predictionsSettled } from '../prediction/refit';
import { segmentationInSteps } from '../segmentation/state';
import { invalidInput } from '../../shared/contract';
import { runStepsBetween } from '../../shared/domain/steps';
import { nextTurn } from '../next-turn';
import type { HandlerMap } from './types';

/** Purchase likelihood and customer value: fit, per-customer predictions, the best list and the holdout check. */
export function predictionHandlers(ctx: HandlerContext): HandlerMap<'prediction'> {
  return {
    'prediction:fit': ({ asOf, unit }) => {
      const day = asOf ?? ctx.clock.today();
      const fit = fitFromDb(ctx.db, day, unit);
      if (!fit) throw invalidInput([{ path: ['asOf'], key: 'prediction_no_orders' }]);
      return { ...fit, asOf: day };
    },
    'prediction:customers': async ({ asOf, customerId, sort, storedOnly, limit, offset }) => {
      await predictionsSettled(ctx.db);
      const run = storedRun(ctx.db);
      if (storedOnly && !run) return { asOf: asOf ?? ctx.clock.today(), total: 0, model: null, rows: [] };
      if (run && (asOf === undefined || asOf === run.asOf)) {
        const page = await runStepsBetween(storedPredictionsInSteps(ctx.db, { customerIds: customerId ? [customerId] : undefined, sort, limit, offset }), nextTurn);
        return { asOf: run.asOf, total: page.total, model: run.model, rows: page.rows.map(({ name: _n, owner: _o, ...row }) => row) };
      }
      const day = asOf ?? ctx.clock.today();
      const { model, rows } = predictFromDb(ctx.db, day);
      const chosen = sortPredictions(customerId ? rows.filter((r) => r.id === customerId) : rows, sort);
      return { asOf: day, total: chosen.length, model, rows: chosen.slice(offset, offset + limit) };
    },
    'prediction:best': async ({ scheme, classKey, owner, limit, offset }) => {
      await predictionsSettled(ctx.db);
      const run = storedRun(ctx.db);
      if (!run) return { asOf: null, total: 0, model: null, rows: [] };
      // The class filter reads the same day's segmentation (cached after the recompute that stored both).
      const state = scheme ? await segmentationInSteps(ctx, run.asOf) : null;
      const classes = scheme ? state?.result.classKeys[scheme] : undefined;
      if (scheme && !classes) throw invalidInput([{ path: ['scheme'], key: 'invalid_choice' }]);
      const ids = classKey && classes && state ? state.result.customerIds.filter((_, i) => classes[i] === classKey) : undefined;
      const page = await runStepsBetween(storedPredictionsInSteps(ctx.db, { customerIds: ids, owner, sort: 'likelyValue', limit, offset }), nextTurn);
      const positionOf = state && classes ? positionsOf(state.result.customerIds) : undefined;
      const classOf = (id: string) => {
        const at = positionOf?.get(id);
        return at === undefined || !classes ? null : (classes[at] ?? null);
      };
      return { asOf: run.asOf, total: page.total, model: run.model, rows: page.rows.map((r) => ({ ...r, classKey: classOf(r.id) })) };
    },
    'prediction:holdout': ({ split, until }) => {
      const lastOrder = latestOrderDate(ctx.db);
      const end = until ?? lastOrder ?? split;
      if (until !== undefined && until < split) throw invalidInput([{ path: ['until'], key: 'prediction_until_before_split' }]);
      // Without an end the check runs to the last order: a split after it leaves nothing to compare with.
      if (end < split) throw invalidInput([{ path: ['split'], key: 'prediction_split_after_orders', params: { last: lastOrder ?? '' } }]);
      const result = holdoutCheck(ctx.db, split, end);
      if (!result) throw invalidInput([{ path: ['split'], key: 'prediction_no_orders' }]);
      return result;
    },
  };
}

const positions = new WeakMap<readonly string[], Map<string, number>>();

/** Each id's position in a day's classified customers, made once per day's result (the pages of one list share it). */
function positionsOf(customerIds: readonly string[]): Map<string, number> {
  let map = positions.get(customerIds);
  if (!map) {
    map = new Map();
    for (let i = 0; i < customerIds.length; i++) map.set(customerIds[i]!, i);
    positions.set(customerIds, map);
  }
  return map;
}
