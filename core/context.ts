import type { Db } from '../db/open';
import type { FileAccess } from './files';
import type { ImportRunner } from './importing/worker/runner';
import { localDateOf } from '../shared/domain/dates';

export interface Clock {
  now(): Date;
  /** Today's calendar date in the business's (the machine's) time zone. */
  today(): string;
}

export const systemClock: Clock = { now: () => new Date(), today: () => localDateOf(new Date()) };

/** A clock fixed at one moment, for tests and for the CLI's --as-of. */
export function fixedClock(isoDate: string): Clock {
  const moment = new Date(`${isoDate}T12:00:00`);
  return { now: () => moment, today: () => isoDate };
}

/**
 * Purchase-likelihood scores (0–1) by customer id for a day, or null when none exist (no model trained,
 * too little data). Today ranks by them when asked; the prediction work plugs its model in here. It may
 * answer at once or over a few turns (the stored scores are read a page per turn).
 */
export type PurchaseLikelihoodProvider = (asOf: string) => ReadonlyMap<string, number> | null | Promise<ReadonlyMap<string, number> | null>;

export interface HandlerContext {
  db: Db;
  clock: Clock;
  dbPath: string;
  appVersion: string;
  /** Which files callers may name: real paths (CLI), confined folders (bridge) or dialog handles (Electron). */
  files: FileAccess;
  /** Where imports run; omitted, in this process (see core/importing/worker/runner.ts). */
  importRunner?: ImportRunner;
  /** Omitted: Today cannot rank by likelihood (today:list refuses rankBy 'likelihood'). */
  purchaseLikelihood?: PurchaseLikelihoodProvider;
}
