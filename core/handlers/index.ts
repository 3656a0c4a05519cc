import type { HandlerContext } from '../context';
import { chartHandlers } from './charts';
import { customerHandlers } from './customers';
import { customerBulkHandlers } from './customers-bulk';
import { followUpHandlers } from './followups';
import { mergeHandlers } from './merges';
import { offeringHandlers } from './offering';
import { orderHandlers } from './orders';
import { orderPageHandlers } from './order-pages';
import { orderPaymentHandlers } from './order-payments';
import { productHandlers } from './products';
import { reminderHandlers } from './reminders';
import { reportHandlers } from './reports';
import { predictionHandlers } from './prediction';
import { segmentationHandlers } from './segmentation';
import { settingsHandlers } from './settings';
import { snapshotHandlers } from './snapshots';
import { teamHandlers } from './team';
import { todayHandlers } from './today';
import { transferHandlers } from './transfer';
import type { Handlers } from './types';
import { workspaceHandlers } from './workspace';

/** Merges domain handler maps; a channel registered twice is a programming error and fails loudly. */
export function mergeHandlerMaps(maps: Record<string, unknown>[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (name in merged) throw new Error(`Handler registered twice: ${name}`);
      merged[name] = handler;
    }
  }
  return merged;
}

export function createHandlers(ctx: HandlerContext): Handlers {
  return mergeHandlerMaps([
    customerHandlers(ctx),
    customerBulkHandlers(ctx),
    orderHandlers(ctx),
    orderPageHandlers(ctx),
    orderPaymentHandlers(ctx),
    productHandlers(ctx),
    followUpHandlers(ctx),
    settingsHandlers(ctx),
    workspaceHandlers(ctx),
    transferHandlers(ctx),
    segmentationHandlers(ctx),
    mergeHandlers(ctx),
    reminderHandlers(ctx),
    todayHandlers(ctx),
    predictionHandlers(ctx),
    reportHandlers(ctx),
    teamHandlers(ctx),
    offeringHandlers(ctx),
    snapshotHandlers(ctx),
    chartHandlers(ctx),
  ]) as Handlers;
}
