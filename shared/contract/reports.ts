import { z } from 'zod';
import { datesInOrder, datesReversed, enumOf, isoDateSchema } from './common';
import { LANGUAGES } from './enums';
import { boundedRecord } from './limits';
import { schemeSchema } from './segmentation';
import type { Explanation } from './segmentation';
import { handleSchema, pathSchema } from './transfer';

/**
 * The evaluation dashboard: is the tiering working? Every figure is defined in docs/evaluation.md; all of
 * them are computed in the main process (core/reports) from the stored tier history and the orders and
 * follow-ups, so the screen only draws and the CLI's `report` prints the same numbers.
 */

export const REPORT_PERIODS = ['month', 'quarter', 'year'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/** A report covers at most this many periods (ten years by month); a longer range is refused, not cut. */
export const MAX_REPORT_PERIODS = 120;
/** Classes a scheme can show in one report (rfm has 126, country ~250 with unknown). */
export const MAX_REPORT_CLASSES = 300;
/** Points of the Pareto curve: customer shares 0 %, 1 %, … 100 %. */
export const PARETO_POINTS = 101;
/** Customers per page of a migration cell. */
export const MAX_MIGRATION_PAGE = 500;

const classKey = z.string().min(1).max(200);
const day = z.string().max(10);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const minor = z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
/** A share of something (0–1). */
const share = z.number().min(0).max(1);
/** A ratio that may run past 1 or below 0 (growth, revenue share when returns make a total small). */
const ratio = z.number().min(-1e12).max(1e12);


/**
 * The figures of one class (or of the customers in no class, or of everyone) in one period. Customers
 * counted are the cohort: those in the class on the period's first day (docs/evaluation.md, "Cohort").
 */
export const classFiguresSchema = z.object({
  /** Cohort size: customers in the class on the period's first day. */
  customers: count,
  /** Net revenue of the cohort's orders dated in the period (returns subtract), base-currency minor units. */
  revenueMinor: minor,
  /** revenueMinor ÷ the period's net revenue of everyone; null when that total is 0 or less. */
  revenueShare: ratio.nullable(),
  /** Sales (kind 'sale') in the period; returns are counted apart. */
  orders: count,
  returns: count,
  /** revenueMinor ÷ orders, rounded; null without a sale. */
  aovMinor: minor.nullable(),
  /** orders ÷ customers; null for an empty cohort. */
  purchaseFrequency: z.number().min(0).max(1e12).nullable(),
  /** Cohort customers with at least one sale in the period (= retained; kept apart for the tables). */
  buyers: count,
  followUps: count,
  /** followUps ÷ customers; null for an empty cohort. */
  followUpFrequency: z.number().min(0).max(1e12).nullable(),
  /** Cohort customers who bought (a sale) within the period. */
  retained: count,
  /** retained ÷ customers; null for an empty cohort. */
  retentionRate: share.nullable(),
  /** 1 − retentionRate; null for an empty cohort. */
  churnRate: share.nullable(),
  /** Revenue against the previous period's cohort of the same class: (now − before) ÷ before; null when before ≤ 0. */
  growthRate: ratio.nullable(),
  /** The same against the same period a year earlier. */
  yoyGrowthRate: ratio.nullable(),
  /** Mean satisfaction (1–5) of the follow-ups in the period that recorded one; null when none did. */
  satisfactionAvg: z.number().min(1).max(5).nullable(),
  /** How many cohort customers that average rests on (customers, not follow-ups). */
  satisfactionN: count,
  /** Follow-ups that recorded a satisfaction (the average's denominator). */
  satisfactionFollowUps: count,
  /** Cohort customers contacted within the class's service-policy cadence (docs/evaluation.md, "Coverage"). */
  covered: count,
  /** covered ÷ customers; null when the class has no cadence or the cohort is empty. */
  coverageRate: share.nullable(),
  /** Net revenue minus net cost over the orders that carry a cost; absent (not 0) when none in the period does. */
  grossProfitMinor: minor.optional(),
  /** Net revenue of the orders grossProfitMinor rests on (so the screen can say how much of revenue has a cost). */
  costedRevenueMinor: minor.optional(),
});
export type ClassFigures = z.infer<typeof classFiguresSchema>;

/** How the cohort's classes changed from the period's first day to its last. */
export const movementSchema = z.object({
  stayed: count,
  /** Moved to a better class; null for a scheme without a class order (docs/evaluation.md, "Class order"). */
  upgraded: count.nullable(),
  downgraded: count.nullable(),
  /** Changed class where the order cannot tell better from worse (another scheme, or equal RFM sum). */
  sideways: count,
  /** In no class on the first day, in one on the last (new or restored customers). */
  entered: count,
  /** In a class on the first day, in none on the last (archived or deleted). */
  left: count,
});
export type Movement = z.infer<typeof movementSchema>;

export const reportPeriodSchema = z.object({
  start: day,
  end: day,
  /** false while the period runs past today: its figures are still growing. */
  complete: z.boolean(),
  /** Per class key (the scheme's classes in class order, see `classes`). */
  classes: boundedRecord(classFiguresSchema, MAX_REPORT_CLASSES),
  /** Customers in no class of the scheme on the first day (before the history starts, or new): their orders still count in totals. */
  unclassified: classFiguresSchema,
  /** Everyone: the classes and the unclassified together. */
  total: classFiguresSchema,
  movement: movementSchema,
});
export type ReportPeriodFigures = z.infer<typeof reportPeriodSchema>;

/** One class of the scheme as the report shows it: its order, and what its service policy says. */
export const reportClassSchema = z.object({
  key: classKey,
  /** 0 = best; null for a scheme without a class order (then alphabetical). */
  rank: z.number().int().min(0).max(MAX_REPORT_CLASSES).nullable(),
  /** The person who answers for this class (its service policy); null when none is named. */
  responsible: z.string().max(100).nullable(),
  cadenceDays: z.number().int().min(1).max(3650).nullable(),
});

export const pyramidLevelSchema = z.object({ classKey, customers: count, revenueMinor: minor, revenueShare: ratio.nullable() });

export const paretoPointSchema = z.object({ customerShare: share, revenueShare: ratio });

const evaluationInput = z
  .object({
    scheme: schemeSchema,
    from: isoDateSchema,
    to: isoDateSchema,
    period: enumOf(REPORT_PERIODS).default('month'),
  })
  .refine(datesInOrder, datesReversed);

export const evaluationSchema = z.object({
  scheme: z.string().max(80),
  from: day,
  to: day,
  period: enumOf(REPORT_PERIODS),
  baseCurrency: z.string().max(3),
  /** The first stored tier snapshot; null: no history yet (run segment), so every cohort is empty. */
  historyFrom: day.nullable(),
  /** The first day this scheme's own classes were stored (a custom segment made later starts later); null: none yet. */
  schemeHistoryFrom: day.nullable(),
  /** Classes seen in the range or named by the scheme, best first. */
  classes: z.array(reportClassSchema).max(MAX_REPORT_CLASSES),
  /** Calendar periods covering from…to (whole months, quarters or years), oldest first. */
  periods: z.array(reportPeriodSchema).max(MAX_REPORT_PERIODS),
  /** The pyramid on `to` (or today, if earlier): customers per class then, and their net revenue over the whole range. */
  pyramid: z.object({ asOf: day, levels: z.array(pyramidLevelSchema).max(MAX_REPORT_CLASSES), revenueMinor: minor }),
  /** Customers in a class on pyramid.asOf, by net revenue over the range, largest first: cumulative shares. */
  pareto: z.array(paretoPointSchema).max(PARETO_POINTS),
  /** Milliseconds the computation took (the benchmark and the screen's footnote read it). */
  elapsedMs: z.number().min(0).max(1e9),
});
export type EvaluationReport = z.infer<typeof evaluationSchema>;

const migrationInput = z.object({ scheme: schemeSchema, from: isoDateSchema, to: isoDateSchema }).refine(datesInOrder, datesReversed);

export const migrationCellSchema = z.object({
  /** null: not classified on that day (new since, or archived/deleted). */
  from: classKey.nullable(),
  to: classKey.nullable(),
  customers: count,
  /** Net revenue of these customers' orders dated from…to. */
  revenueMinor: minor,
  direction: enumOf(['stayed', 'upgraded', 'downgraded', 'sideways', 'entered', 'left'] as const),
});

export const migrationMemberSchema = z.object({
  id: z.string().max(64),
  name: z.string().max(500),
  company: z.string().max(500).nullable(),
  code: z.string().max(200).nullable(),
  fromClass: classKey.nullable(),
  toClass: classKey.nullable(),
  revenueMinor: minor,
  /** Why they are in toClass on the `to` snapshot day, as segments:explain gives it; null when they are in no class then. */
  explanation: z.custom<Explanation>().nullable(),
});

export const reportsContract = {
  /** Every figure of the evaluation dashboard for one scheme, period by period. */
  'reports:evaluation': { input: evaluationInput, output: evaluationSchema },
  /** Who moved between classes from one day to another: the matrix (counts and revenue) and the totals. */
  'reports:migration': {
    input: migrationInput,
    output: z.object({
      scheme: z.string().max(80),
      from: day,
      to: day,
      /** The stored snapshot days the dates resolve to (the latest on or before each), as `migration` prints. */
      fromSnapshot: day,
      toSnapshot: day,
      classes: z.array(reportClassSchema).max(MAX_REPORT_CLASSES),
      /** Non-empty cells, in class order (from, then to); unclassified last. */
      cells: z.array(migrationCellSchema).max((MAX_REPORT_CLASSES + 1) * (MAX_REPORT_CLASSES + 1)),
      totals: movementSchema,
    }),
  },
  /** One cell of the migration matrix: its customers by revenue (then name), each with their explanation. */
  'reports:migration-members': {
    input: z
      .object({
        scheme: schemeSchema,
        from: isoDateSchema,
        to: isoDateSchema,
        /** null: customers in no class on `from` (new since). */
        fromClass: classKey.nullable(),
        toClass: classKey.nullable(),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(MAX_MIGRATION_PAGE).default(100),
      })
      .refine(datesInOrder, datesReversed),
    output: z.object({
      fromSnapshot: day,
      toSnapshot: day,
      total: count,
      rows: z.array(migrationMemberSchema).max(MAX_MIGRATION_PAGE),
    }),
  },
  /** The report's tables (and the migration matrix, when migrationFrom/To are given) as one .xlsx workbook. */
  'reports:export-xlsx': {
    input: z
      .object({
        scheme: schemeSchema,
        from: isoDateSchema,
        to: isoDateSchema,
        period: enumOf(REPORT_PERIODS).default('month'),
        migrationFrom: isoDateSchema.optional(),
        migrationTo: isoDateSchema.optional(),
        language: enumOf(LANGUAGES).default('zh-CN'),
        /** Omitted (with handle): a dated file in the `exports` folder beside the database. */
        path: pathSchema.optional(),
        /** Electron: the save dialog's handle instead of a path. */
        handle: handleSchema.optional(),
      })
      .refine(datesInOrder, datesReversed)
      .refine((i) => i.path === undefined || i.handle === undefined, { message: 'invalid_value', path: ['handle'] })
      .refine((i) => (i.migrationFrom === undefined) === (i.migrationTo === undefined), { message: 'required', path: ['migrationTo'] }),
    output: z.object({ path: z.string().max(4096), sheets: z.array(z.string().max(31)).max(10), rows: count }),
  },
} as const;
