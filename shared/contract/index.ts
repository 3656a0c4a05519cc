import type { z } from 'zod';
import { chartsContract } from './charts';
import { customersContract } from './customers';
import { customersBulkContract } from './customers-bulk';
import { followUpsContract } from './followups';
import { mergesContract } from './merges';
import { offeringContract } from './offering';
import { ordersContract } from './orders';
import { orderPagesContract } from './order-pages';
import { orderPaymentsContract } from './order-payments';
import { remindersContract } from './reminders';
import { reportsContract } from './reports';
import { predictionContract } from './prediction';
import { segmentationContract } from './segmentation';
import { settingsContract } from './settings';
import { snapshotsContract } from './snapshots';
import { teamContract } from './team';
import { todayContract } from './today';
import { transferContract } from './transfer';
import { workspaceContract } from './workspace';

/** Every call the renderer, the bridge and the CLI can make: `<domain>:<verb>` → input and output schemas. */
export const contract = {
  ...customersContract,
  ...customersBulkContract,
  ...ordersContract,
  ...orderPagesContract,
  ...orderPaymentsContract,
  ...followUpsContract,
  ...settingsContract,
  ...workspaceContract,
  ...transferContract,
  ...segmentationContract,
  ...mergesContract,
  ...remindersContract,
  ...todayContract,
  ...predictionContract,
  ...reportsContract,
  ...teamContract,
  ...offeringContract,
  ...snapshotsContract,
  ...chartsContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (defaults applied, text normalised). */
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './errors';
