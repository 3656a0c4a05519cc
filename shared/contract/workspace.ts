import { z } from 'zod';

export const workspaceContract = {
  'workspace:status': {
    input: z.object({}).default({}),
    output: z.object({ onboarded: z.boolean(), customers: z.number().int(), orders: z.number().int(), followUps: z.number().int(), dbPath: z.string(), version: z.string() }),
  },
  'workspace:startEmpty': { input: z.object({}).default({}), output: z.object({ onboarded: z.boolean() }) },
  'workspace:loadDemo': {
    input: z.object({
      seed: z.number().int().min(0).default(20261123),
      customers: z.number().int().min(1).max(200_000).default(360),
      /** Also store tier snapshots at the last 24 month-ends and today (core/demo/history.ts), as the welcome screen and the CLI do. */
      history: z.boolean().default(false),
    }),
    output: z.object({ customers: z.number().int(), orders: z.number().int(), followUps: z.number().int() }),
  },
  /**
   * Rebuilds the figures kept by triggers from the raw orders and follow-ups — each customer's activity
   * row and the report's monthly totals — and says how many differed from the rebuilt ones (0 when the
   * triggers kept them right, as they should).
   */
  'workspace:repair': {
    input: z.object({}).default({}),
    output: z.object({ activityRows: z.number().int(), activityRowsDiffering: z.number().int(), orderMonths: z.number().int(), followUpMonths: z.number().int() }),
  },
} as const;
