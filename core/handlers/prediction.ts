import type { HandlerContext } from '../context';
import { holdoutCheck, latestOrderDate } from '../prediction/holdout';
import { fitFromDb, predictFromDb } from '../prediction/predict';
import { readStoredPredictions, storedRun } from '../prediction/store';
import { predictionsSettled } from '../prediction/refit';
import { segmentationInSteps } from '../segmentation/state';
import { invalidInput } from '../../shared/contract';
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
        const page = readStoredPredictions(ctx.db, { customerIds: customerId ? [customerId] : undefined, sort, limit, offset });
        return { asOf: run.asOf, total: page.total, model: run.model, rows: page.rows.map(({ name: _n, owner: _o, ...row }) => row) };
      }
      const day = asOf ?? ctx.clock.today();
      const { model, rows } = predictFromDb(ctx.db, day);
      const chosen = customerId ? rows.filter((r) => r.id === customerId) : rows;
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
      const classOf = new Map<string, string>();
      if (state && classes) state.result.customerIds.forEach((id, i) => classOf.set(id, classes[i]!));
      const ids = classKey && state ? state.result.customerIds.filter((id) => classOf.get(id) === classKey) : undefined;
      const page = readStoredPredictions(ctx.db, { customerIds: ids, owner, sort: 'likelyValue', limit, offset });
      return { asOf: run.asOf, total: page.total, model: run.model, rows: page.rows.map((r) => ({ ...r, classKey: classOf.get(r.id) ?? null })) };
    },
    'prediction:holdout': ({ split, until }) => {
      const end = until ?? latestOrderDate(ctx.db) ?? split;
      if (end < split) throw invalidInput([{ path: ['until'], key: 'prediction_until_before_split' }]);
      const result = holdoutCheck(ctx.db, split, end);
      if (!result) throw invalidInput([{ path: ['split'], key: 'prediction_no_orders' }]);
      return result;
    },
  };
}
