import { z } from 'zod';
import { boundedRuleGroupSchema, classKeysOf, CONFIG_SECTIONS, isSchemeKey, SCHEME_KEYS, type MoveHint, type RuleGroup, type SchemeCuts } from '../segmentation';
import { datesInOrder, datesReversed, idSchema, isoDateSchema, requiredText } from './common';
import { boundedRecord } from './limits';
import { policiesContract } from './policies';

/**
 * Segmentation calls. Class keys and scheme keys are the engine's stable names (docs/segmentation.md);
 * cuts and explanations are the engine's own plain-data types, passed through unchanged, so their
 * shapes are documented once (shared/segmentation/types.ts) and typed here without a second schema.
 */
export const schemeSchema = z
  .string()
  .max(80, 'too_long')
  // The keys in the refusal: on the command line a mistyped --scheme is told what it could have been.
  .refine((s) => isSchemeKey(s) || /^custom:[A-Za-z0-9_-]{1,64}$/.test(s), { message: 'invalid_scheme', params: { choices: SCHEME_KEYS.join(', ') } });
const classKeySchema = z.string().min(1, 'required').max(200, 'too_long');

/** Classes listed in a refusal: enough to see the form (rfm has 126, country 250) without a wall of text. */
const CLASSES_SHOWN = 12;

/**
 * Refuses a class that `scheme` can never give (a mistyped `--class platnum` answered "0 customers" as if the
 * class were empty). Closed schemes and custom segments have a fixed set of classes; open ones (city, owner,
 * industry …) take any text. `path` is where the class sits in the input.
 */
export function refuseUnknownClass(scheme: string | undefined, classKeys: readonly (string | undefined)[], ctx: z.RefinementCtx, path: (index: number) => (string | number)[]): void {
  const known = scheme === undefined ? null : classKeysOf(scheme);
  if (!known) return;
  classKeys.forEach((classKey, index) => {
    if (classKey === undefined || known.includes(classKey)) return;
    const shown = known.length > CLASSES_SHOWN ? [...known.slice(0, CLASSES_SHOWN - 2), '…', ...known.slice(-2)].join(', ') : known.join(', ');
    ctx.addIssue({ code: 'custom', message: 'unknown_class', path: path(index), params: { choices: shown } });
  });
}
const countsSchema = z.record(z.string(), z.number().int());

export const classSummarySchema = z.object({
  classKey: z.string(),
  count: z.number().int(),
  /** Revenue in the analysis window, base-currency minor units. */
  revenueMinor: z.number().int(),
  /**
   * revenueMinor ÷ the scheme's total net revenue in the window; null when that total is not positive (nobody
   * bought, or returns took back all of it or more): there is no share of nothing, and 0 % would read as a figure.
   */
  revenueShare: z.number().nullable(),
});

export const MEMBER_SORTS = ['name', 'revenue', 'orders', 'recency', 'followUps', 'lastOrder', 'aov', 'likelihood', 'pAlive', 'expectedValue', 'clv'] as const;

export const memberRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  code: z.string().max(200).nullable(),
  classKey: z.string(),
  /** R, F, M scores 1–5 (the rfm class digits); null for customers without an order in the window. */
  scores: z.object({ r: z.number().int(), f: z.number().int(), m: z.number().int() }).nullable(),
  revenueMinor: z.number().int(),
  orderCount: z.number().int(),
  averageOrderValueMinor: z.number().int().nullable(),
  followUpCount: z.number().int(),
  daysSinceLastOrder: z.number().int().nullable(),
  lastOrderDate: z.string().nullable(),
  /** The last recompute's purchase likelihood (0–100), P(alive), expected order value and CLV; absent before one. */
  likelihood: z.number().int().min(0).max(100).nullable().optional(),
  pAlive: z.number().min(0).max(1).nullable().optional(),
  expectedValueMinor: z.number().int().min(0).nullable().optional(),
  clvMinor: z.number().int().min(0).nullable().optional(),
  /** The customer's group when the ranked schemes are partitioned (docs/segmentation.md §4.3); absent otherwise. */
  group: z.string().max(200).optional(),
});
export type MemberRow = z.infer<typeof memberRowSchema>;

const metricsSchema = z.object({
  orderCount: z.number().int(),
  revenueMinor: z.number().int(),
  averageOrderValueMinor: z.number().nullable(),
  followUpCount: z.number().int(),
  daysSinceLastOrder: z.number().int().nullable(),
  firstOrderDate: z.string().nullable(),
  lastOrderDate: z.string().nullable(),
  lifetimeOrderCount: z.number().int(),
  scores: z.object({ r: z.number().int(), f: z.number().int(), m: z.number().int(), followUps: z.number().int() }).nullable(),
});

/** An explanation: { kind, …inputs, scores and cuts…, moves } as built by the engine. */
export type Explanation = { kind: string; moves: readonly MoveHint[] } & Record<string, unknown>;

/** Sections of the segmentation config (a handful) and their settings; the engine checks each value's shape. */
export const configOverridesSchema = boundedRecord(z.unknown(), 50, 80);

/**
 * Tier settings being saved. zod's record leaves a `__proto__` key out of what it returns (copying it would
 * replace the object's prototype), so a file `{"__proto__": …}` reached the engine's unknown-key check as `{}`
 * and saved as no settings at all: the key is refused here, before zod drops it, as any other unknown section.
 */
const newConfigOverridesSchema = z.preprocess((raw, ctx) => {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && Object.hasOwn(raw, '__proto__')) {
    ctx.addIssue({ code: 'custom', message: 'unknown_setting', path: ['__proto__'], params: { choices: CONFIG_SECTIONS.join(', ') }, input: raw });
  }
  return raw;
}, configOverridesSchema);

export const customSegmentRowSchema = z.object({ id: z.string(), name: z.string(), rule: z.custom<RuleGroup>(), createdAt: z.string(), updatedAt: z.string() });
export type CustomSegmentRow = z.infer<typeof customSegmentRowSchema>;

/** Class key → spelling shown (keys and spellings are customers' free text, already length-checked on the way in). */
const spellingsSchema = z.record(z.string(), z.string());

const asOfInput = z.object({ asOf: isoDateSchema.optional() });

export const segmentationContract = {
  /** Days after today with tiers or predictions stored (a clock that ran ahead once): they stop the history until removed. */
  'segments:daysAfterToday': {
    input: z.object({}).default({}),
    output: z.object({ today: z.string(), days: z.array(z.string()).max(100_000) }),
  },
  /** Removes what was stored for days after today, then stores today's tiers (and refits the predictions after the answer). */
  'segments:dropDaysAfterToday': {
    input: z.object({}).default({}),
    output: z.object({ today: z.string(), removed: z.array(z.string()).max(100_000) }),
  },
  /** Recompute every scheme for asOf (default today) and store that day's snapshot (stored: false when a later day is stored). */
  'segments:recompute': {
    /** jobId: names the run so segments:progress can report its steps while it works. */
    input: asOfInput.extend({ jobId: z.string().min(1, 'required').max(64, 'too_long').optional() }).default({}),
    output: z.object({ asOf: z.string(), stored: z.boolean(), schemes: z.record(z.string(), countsSchema) }),
  },
  /** The step a named recompute is on (customers, orders, followUps, classes, history); running: false when done. */
  'segments:progress': {
    input: z.object({ jobId: z.string().min(1, 'required').max(64, 'too_long') }),
    output: z.object({ phase: z.string().nullable(), step: z.number().int(), steps: z.number().int(), running: z.boolean(), elapsedMs: z.number().int() }),
  },
  'segments:overview': {
    input: z.object({ scheme: schemeSchema, asOf: isoDateSchema.optional() }),
    output: z.object({
      asOf: z.string(),
      scheme: z.string(),
      window: z.object({ start: z.string().nullable(), end: z.string() }),
      baseCurrency: z.string(),
      customers: z.number().int(),
      revenueMinor: z.number().int(),
      classes: z.array(classSummarySchema),
      cuts: z.custom<SchemeCuts>(),
      /** 'none', or what the ranked schemes are partitioned by ('locality', 'tag', …). */
      partition: z.string().max(40),
      /** When the population-wide cuts (quintiles, shares) were last computed (ISO instant). */
      cutsComputedAt: z.string().max(40),
      /** Customers whose data changed since then, already placed on those cuts; a full run follows shortly. */
      placedSince: z.number().int().min(0),
      /** A ranked scheme under a partition: each group's size, class counts and own cuts; null otherwise. */
      groups: z
        .array(z.object({ group: z.string().max(200), customers: z.number().int(), classes: z.array(z.object({ classKey: z.string(), count: z.number().int() })).max(200), cuts: z.custom<SchemeCuts>() }))
        .max(400)
        .nullable(),
    }),
  },
  'segments:members': {
    input: z.object({
      scheme: schemeSchema,
      classKey: classKeySchema.optional(),
      /** Only customers of this group of the partition. */
      group: z.string().min(1, 'required').max(200, 'too_long').optional(),
      asOf: isoDateSchema.optional(),
      search: z.string().max(200, 'too_long').default(''),
      sort: z.enum(MEMBER_SORTS, { error: 'invalid_choice' }).default('revenue'),
      direction: z.enum(['asc', 'desc'], { error: 'invalid_choice' }).default('desc'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5000).default(200),
    })
      .superRefine((input, ctx) => refuseUnknownClass(input.scheme, [input.classKey], ctx, () => ['classKey'])),
    output: z.object({ asOf: z.string(), total: z.number().int(), rows: z.array(memberRowSchema) }),
  },
  'segments:explain': {
    input: z.object({ customerId: idSchema, asOf: isoDateSchema.optional() }),
    output: z.object({
      asOf: z.string(),
      customerId: z.string(),
      metrics: metricsSchema,
      schemes: z.record(z.string(), z.object({ classKey: z.string(), explanation: z.custom<Explanation>() })),
      /**
       * The ranked schemes whose class says little for this customer's group: ranked among fewer than 5, or
       * everyone in one class (shared/domain/ranking-caveat.ts); schemes without a caveat are absent.
       */
      caveats: z.record(z.string(), z.object({ reason: z.enum(['few', 'tied']), ranked: z.number().int().min(1) })).optional(),
    }),
  },
  'segments:history': {
    input: z.object({ customerId: idSchema, scheme: schemeSchema.optional() }),
    /** Change points per scheme, oldest first (the class holds until the next one); null: no longer classified. */
    output: z.object({ customerId: z.string(), schemes: z.record(z.string(), z.array(z.object({ asOf: z.string(), classKey: z.string().nullable() }))) }),
  },
  'segments:migration': {
    input: z.object({ scheme: schemeSchema, from: isoDateSchema, to: isoDateSchema }).refine(datesInOrder, datesReversed),
    output: z.object({
      scheme: z.string(),
      from: z.string(),
      to: z.string(),
      /** The stored snapshot days the dates resolve to (the latest on or before each). */
      fromSnapshot: z.string(),
      toSnapshot: z.string(),
      /** Every class seen on either day, in the scheme's order. */
      classes: z.array(z.string()),
      /** Non-empty cells; null: the customer was not in that day's snapshot (new, or archived since). */
      cells: z.array(z.object({ from: z.string().nullable(), to: z.string().nullable(), count: z.number().int(), customerIds: z.array(z.string()) })),
    }),
  },
  'segments:config:get': {
    input: z.object({}).default({}),
    output: z.object({ overrides: configOverridesSchema, effective: configOverridesSchema }),
  },
  'segments:config:set': {
    input: z.object({ overrides: newConfigOverridesSchema }),
    output: z.object({ overrides: configOverridesSchema, effective: configOverridesSchema }),
  },
  /**
   * The name each class of a free-text scheme (industry, income, size) is shown by: the spelling its customers
   * use most. Class keys are lower-cased text; a key missing here (nobody holds it now) shows as itself.
   */
  'segments:classSpellings': {
    input: z.object({}).default({}),
    output: z.object({ industry: spellingsSchema, income: spellingsSchema, size: spellingsSchema }),
  },
  'segments:custom:list': { input: z.object({}).default({}), output: z.object({ segments: z.array(customSegmentRowSchema) }) },
  'segments:custom:save': {
    input: z.object({ id: idSchema.optional(), name: requiredText(80), rule: boundedRuleGroupSchema }),
    output: customSegmentRowSchema,
  },
  'segments:custom:delete': { input: z.object({ id: idSchema }), output: z.object({ id: z.string() }) },
  ...policiesContract,
} as const;
