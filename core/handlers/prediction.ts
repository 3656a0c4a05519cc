import type { HandlerContext } from '../context';
import { holdoutCheck, latestOrderDate } from '../prediction/holdout';
import { fitFromDb, predictFromDb } from '../prediction/predict';
import { storedPredictionsInSteps, storedRun } from '../prediction/store';
import { sortPredictions } from '../prediction/sort';
import { fittedFromCurrentData, predictionsSettled } from '../prediction/refit';
import { customerChangedSinceFit } from '../prediction/changed-since';
import { refusedFit } from '../prediction/refused';
import { liveCustomerFor } from './live-customer';
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
      if ('reason' in fit) throw refusedFit(fit, day, 'asOf');
      return { ...fit, asOf: day };
    },
    'prediction:customers': async ({ asOf, customerId, sort, storedOnly, limit, offset }) => {
      await predictionsSettled(ctx.db);
      const run = storedRun(ctx.db);
      if (storedOnly && !run) return { asOf: asOf ?? ctx.clock.today(), total: 0, model: null, rows: [], changedSince: false, refused: null };
      // A deleted or merged customer has no prediction of their own: say so rather than "no customers with orders".
      if (customerId !== undefined && !storedOnly) liveCustomerFor(ctx.db, customerId);
      // The stored rows stand for the data they were fitted from. After an order, a merge or a deletion since,
      // they no longer do: a read that may wait (the CLI's predict) fits afresh, as of today when no day is
      // asked for; the screens' storedOnly reads keep the stored rows until the next recompute.
      const current = run !== null && (storedOnly || fittedFromCurrentData(ctx.db, run.fittedFrom));
      if (run && current && (asOf === undefined || asOf === run.asOf)) {
        // The stored day had nothing to learn from: no rows were written, and the reason stands for them.
        if (run.refused) return { asOf: run.asOf, total: 0, model: null, rows: [], changedSince: false, refused: run.refused };
        const page = await runStepsBetween(storedPredictionsInSteps(ctx.db, { customerIds: customerId ? [customerId] : undefined, sort, limit, offset }), nextTurn);
        const changedSince = customerId !== undefined && customerChangedSinceFit(ctx.db, customerId, run.fittedFrom);
        return { asOf: run.asOf, total: page.total, model: run.model, rows: page.rows.map(({ name: _n, owner: _o, ...row }) => row), changedSince, refused: null };
      }
      const day = asOf ?? ctx.clock.today();
      const { model, rows, refused } = predictFromDb(ctx.db, day);
      const chosen = sortPredictions(customerId ? rows.filter((r) => r.id === customerId) : rows, sort);
      return { asOf: day, total: chosen.length, model, rows: chosen.slice(offset, offset + limit), changedSince: false, refused };
    },
    'prediction:best': async ({ scheme, classKey, owner, limit, offset }) => {
      await predictionsSettled(ctx.db);
      const run = storedRun(ctx.db);
      if (!run) return { asOf: null, total: 0, model: null, rows: [], refused: null };
      // The class filter reads the same day's segmentation (cached after the recompute that stored both).
      const state = scheme ? await segmentationInSteps(ctx, run.asOf) : null;
      const classes = scheme ? state?.result.classKeys[scheme] : undefined;
      if (scheme && !classes) throw invalidInput([{ path: ['scheme'], key: 'invalid_choice' }]);
      if (run.refused) return { asOf: run.asOf, total: 0, model: null, rows: [], refused: run.refused };
      const ids = classKey && classes && state ? state.result.customerIds.filter((_, i) => classes[i] === classKey) : undefined;
      const page = await runStepsBetween(storedPredictionsInSteps(ctx.db, { customerIds: ids, owner, sort: 'likelyValue', limit, offset }), nextTurn);
      const positionOf = state && classes ? positionsOf(state.result.customerIds) : undefined;
      const classOf = (id: string) => {
        const at = positionOf?.get(id);
        return at === undefined || !classes ? null : (classes[at] ?? null);
      };
      return { asOf: run.asOf, total: page.total, model: run.model, rows: page.rows.map((r) => ({ ...r, classKey: classOf(r.id) })), refused: null };
    },
    'prediction:holdout': ({ split, until }) => {
      const today = ctx.clock.today();
      if (until !== undefined && until <= split) throw invalidInput([{ path: ['until'], key: 'prediction_until_before_split' }]);
      const lastOrder = latestOrderDate(ctx.db);
      // Without an end the check runs to the last order: a split on or after it leaves nothing to compare with.
      if (until === undefined && lastOrder !== null && lastOrder <= split) throw invalidInput([{ path: ['split'], key: 'prediction_split_after_orders', params: { last: lastOrder } }]);
      // What happened is known up to today: a later end (asked for, or an order dated ahead) would compare
      // predicted purchases on days to come with none, so the check stops at today (its `until` says so).
      if (split >= today) throw invalidInput([{ path: ['split'], key: 'prediction_split_not_past', params: { today } }]);
      const end = minDate(until ?? lastOrder ?? split, today);
      const result = holdoutCheck(ctx.db, split, end);
      if (!result) throw invalidInput([{ path: ['split'], key: 'prediction_no_orders' }]);
      if ('reason' in result) throw refusedFit(result, split, 'split');
      return result;
    },
  };
}

const minDate = (a: string, b: string) => (a < b ? a : b);

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
