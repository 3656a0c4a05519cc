import type { HandlerContext } from '../context';
import { holdoutCheck, latestOrderDate } from '../prediction/holdout';
import { fitFromDb, predictFromDb } from '../prediction/predict';
import { invalidInput } from '../../shared/contract';
import type { HandlerMap } from './types';

/** Purchase likelihood and customer value: fit, per-customer predictions, and the holdout check. */
export function predictionHandlers(ctx: HandlerContext): HandlerMap<'prediction'> {
  return {
    'prediction:fit': ({ asOf, unit }) => {
      const day = asOf ?? ctx.clock.today();
      const fit = fitFromDb(ctx.db, day, unit);
      if (!fit) throw invalidInput([{ path: ['asOf'], key: 'prediction_no_orders' }]);
      return { ...fit, asOf: day };
    },
    'prediction:customers': ({ asOf, customerId, limit, offset }) => {
      const day = asOf ?? ctx.clock.today();
      const { model, rows } = predictFromDb(ctx.db, day);
      const chosen = customerId ? rows.filter((r) => r.id === customerId) : rows;
      return { asOf: day, total: chosen.length, model, rows: chosen.slice(offset, offset + limit) };
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
