import { z } from 'zod';
import { idSchema, isoDateSchema } from './common';
import { refuseUnknownClass } from './segmentation';

/** Purchase likelihood and customer value (BG/NBD + Gamma-Gamma, see docs/prediction.md). */
const unitSchema = z.enum(['day', 'week'], { error: 'invalid_choice' });
const methodSchema = z.enum(['bgnbd', 'shrunk']);
const finite = z.number().finite();
const nonNegative = z.number().finite().min(0);
/** Model parameters: positive by construction (fitted on their logarithms). */
const parameter = z.number().finite().min(0).max(1e12);

export const fitSummarySchema = z.object({
  bgnbd: z.object({ r: parameter, alpha: parameter, a: parameter, b: parameter, ll: finite }),
  /** Present when order values allowed a Gamma-Gamma fit; γ in the base currency's minor units. */
  gammaGamma: z.object({ p: parameter, q: parameter, gamma: parameter, ll: finite }).optional(),
  customers: z.number().int().min(0).max(100_000_000),
  repeatBuyers: z.number().int().min(0).max(100_000_000),
  method: methodSchema,
  fallbackReason: z.enum(['few-customers', 'few-repeat-buyers', 'not-converged', 'implausible']).nullable(),
  spendMethod: z.enum(['gamma-gamma', 'mean']),
  unit: unitSchema,
});
export type FitSummary = z.infer<typeof fitSummarySchema>;

/**
 * No model on a book whose customers have not bought on a second day yet (shared/prediction FitRefusal):
 * the screens and the CLI say so, and how many customers there were, instead of showing figures.
 */
export const fitRefusalSchema = z.object({ reason: z.enum(['no-repeat-purchases']), customers: z.number().int().min(1).max(100_000_000) });

export const customerPredictionSchema = z.object({
  id: z.string().max(64),
  pAlive: z.number().min(0).max(1),
  expectedPurchases: z.object({ d30: nonNegative, d90: nonNegative, d365: nonNegative }),
  expectedOrderValueMinor: z.number().int().min(0),
  clvMinor: z.number().int().min(0),
  score: z.number().int().min(0).max(100),
  confidence: z.enum(['high', 'medium', 'low']),
  method: methodSchema,
  /** What the sentence of why is made of: purchase days, the usual gap between them, days since the last. */
  purchases: z.number().int().min(1),
  typicalGapDays: z.number().min(0).nullable(),
  daysSinceLast: z.number().int().min(0),
});
export type CustomerPrediction = z.infer<typeof customerPredictionSchema>;

export const holdoutSchema = z.object({
  split: z.string().max(10),
  until: z.string().max(10),
  holdoutDays: z.number().int().min(0),
  fit: fitSummarySchema,
  /** The paper's conditional-expectation table: per number of calibration repeat purchases (7 = 7 or more). */
  byFrequency: z.array(z.object({ x: z.number().int().min(0).max(7), customers: z.number().int().min(0), actual: nonNegative, predicted: nonNegative })).max(8),
  /** Cumulative repeat purchases of the calibration customers, week by week after the split. */
  cumulative: z.array(z.object({ week: z.number().int().min(1), date: z.string().max(10), actual: nonNegative, predicted: nonNegative })).max(520),
});
export type Holdout = z.infer<typeof holdoutSchema>;

const asOfOptional = isoDateSchema.optional();
export const PREDICTION_SORTS = ['score', 'pAlive', 'expectedValue', 'clv', 'likelyValue'] as const;
const sortSchema = z.enum(PREDICTION_SORTS, { error: 'invalid_choice' });

/** A best-list row: the prediction plus who the customer is. */
export const bestRowSchema = customerPredictionSchema.extend({ name: z.string().max(500), owner: z.string().max(200).nullable(), classKey: z.string().max(100).nullable() });
export type BestRow = z.infer<typeof bestRowSchema>;

export const predictionContract = {
  /** Fit the model on the orders up to asOf (default today) and report its parameters. */
  'prediction:fit': {
    input: z.object({ asOf: asOfOptional, unit: unitSchema.default('day') }).default({ unit: 'day' }),
    output: fitSummarySchema.extend({ asOf: z.string().max(10) }),
  },
  /**
   * Per-customer predictions, one page at a time: without asOf, the ones the last recompute stored (sorted
   * by `sort`); with an asOf other than the stored one, fitted on demand (in customer order).
   */
  'prediction:customers': {
    input: z
      .object({
        asOf: asOfOptional,
        customerId: idSchema.optional(),
        sort: sortSchema.default('score'),
        /** Only what the last recompute stored: screens use it so opening a file never waits for a fit. */
        storedOnly: z.boolean().default(false),
        limit: z.number().int().min(1).max(5000).default(100),
        offset: z.number().int().min(0).max(10_000_000).default(0),
      })
      .default({ sort: 'score', storedOnly: false, limit: 100, offset: 0 }),
    output: z.object({
      asOf: z.string().max(10),
      total: z.number().int().min(0),
      model: fitSummarySchema.nullable(),
      rows: z.array(customerPredictionSchema).max(5000),
      /** Stored rows read for one customer whose orders or records changed after the fit: the figures are from before. */
      changedSince: z.boolean(),
      /** Why there is no model and no row although customers have orders; null otherwise. */
      refused: fitRefusalSchema.nullable(),
    }),
  },
  /** The "likely to buy" best list: stored predictions by likelihood × expected value, filtered by class and owner. */
  'prediction:best': {
    input: z
      .object({
        scheme: z.string().min(1).max(100).optional(),
        classKey: z.string().min(1).max(100).optional(),
        owner: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(5000).default(100),
        offset: z.number().int().min(0).max(10_000_000).default(0),
      })
      .superRefine((input, ctx) => refuseUnknownClass(input.scheme, [input.classKey], ctx, () => ['classKey']))
      .default({ limit: 100, offset: 0 }),
    output: z.object({
      asOf: z.string().max(10).nullable(),
      total: z.number().int().min(0),
      model: fitSummarySchema.nullable(),
      rows: z.array(bestRowSchema).max(5000),
      /** The last recompute found nothing to learn from (no repeat purchase): no list, and why. */
      refused: fitRefusalSchema.nullable(),
    }),
  },
  /** Split at a date, predict the period after it from the one before, and compare with what happened. */
  'prediction:holdout': {
    input: z.object({ split: isoDateSchema, until: asOfOptional }),
    output: holdoutSchema,
  },
} as const;
