/**
 * Engine configuration. asOf has no default on purpose: the engine never reads the clock, so the caller
 * decides which day "today" is (and tests can pin it).
 */
import { z } from 'zod';
import { dayNumber } from './day-number';
import { customSegmentsSchema } from './custom-rules';

const isoDate = z.string().refine((s) => {
  try {
    dayNumber(s);
    return true;
  } catch {
    return false;
  }
}, 'invalid_date');
const share = z.number().min(0).max(1);
/**
 * Shares are typed as percentages and divided by 100, so shares that add up to exactly 100 % can sum to
 * 1.0000000000000002 in binary floating point (0.33 + 0.56 + 0.11): the check allows that rounding, far
 * below the 0.5 % step a user can type.
 */
const SHARE_SUM_SLACK = 1e-9;
const sharesFit = (...shares: number[]) => shares.reduce((sum, s) => sum + s, 0) <= 1 + SHARE_SUM_SLACK;
const weight = z.number().min(0).max(100);
const score = z.int().min(1).max(5);
const money = z.int().min(-1e15).max(1e15);
const groupKey = z.string().min(1).max(200);

/** What pyramid and value tiers rank by (see docs/segmentation.md §4.1). */
export const TIER_BASES = ['revenue', 'gross_profit', 'predicted'] as const;
export type TierBasis = (typeof TIER_BASES)[number];

/**
 * Customer fields a ranked scheme can be partitioned by. 'market' is locality folded to the two business
 * lines a Chinese trader runs, 内贸 / 外贸: 'overseas', and 'domestic' for everyone else (local, non-local,
 * or a place not yet known — a walk-in customer of the stall rarely has one).
 */
export const PARTITION_FIELDS = ['market', 'locality', 'type', 'country', 'owner', 'source', 'industry'] as const;
export type PartitionField = (typeof PARTITION_FIELDS)[number];

/**
 * Ranked schemes (rfm, rf_segment, value, pyramid, loyalty, behavior) are computed within each group of
 * the partition: each group has its own scores, cuts and medians. 'segment' names a custom segment that
 * reads only the customer's own data (members / non_members); 'tag' splits into 'with' / 'without'.
 */
export const partitionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('field'), field: z.enum(PARTITION_FIELDS) }),
  z.object({ kind: z.literal('tag'), tag: z.string().trim().min(1).max(100) }),
  z.object({ kind: z.literal('segment'), segmentId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
]);
export type Partition = z.infer<typeof partitionSchema>;

const pyramidThresholds = z
  .object({ platinum: money, gold: money, iron: money })
  .refine((t) => t.platinum >= t.gold && t.gold >= t.iron, 'invalid_thresholds');
const valueThresholds = z.object({ high: z.number().min(0).max(10_000), medium: z.number().min(0).max(10_000) }).refine((t) => t.high >= t.medium, 'invalid_thresholds');
/** Per-group thresholds (by group key) override the scheme's own; at most 300 groups. */
const perGroup = <T extends z.ZodType>(t: T) => z.record(groupKey, t).refine((r) => Object.keys(r).length <= 300, 'too_long');

export const engineConfigSchema = z.object({
  asOf: isoDate,
  /** 'days': the last N calendar days up to and including asOf. */
  window: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('days'), days: z.int().min(1).max(36_500) }),
    z.object({ kind: z.literal('all') }),
  ]),
  value: z
    .object({
      weights: z
        .object({ r: weight, f: weight, m: weight, followUps: weight })
        .refine((w) => w.r + w.f + w.m + w.followUps > 0, 'invalid_weights'),
      highShare: share,
      mediumShare: share,
      /** The money the M score of the value score is computed from. */
      basis: z.enum(TIER_BASES),
      /** 'shares': top highShare / next mediumShare; 'thresholds': value score ≥ thresholds.high / .medium. */
      mode: z.enum(['shares', 'thresholds']),
      thresholds: valueThresholds,
      groupThresholds: perGroup(valueThresholds),
    })
    .refine((v) => sharesFit(v.highShare, v.mediumShare), 'invalid_shares'),
  pyramid: z
    .object({
      platinumShare: share,
      goldShare: share,
      ironShare: share,
      /** 'predicted' ranks by a caller-supplied per-customer value map instead of window revenue. */
      basis: z.enum(TIER_BASES),
      /** 'shares': top 1% / next 4% / …; 'thresholds': basis amount ≥ thresholds (minor units), as 年采购额 levels are set. */
      mode: z.enum(['shares', 'thresholds']),
      thresholds: pyramidThresholds,
      groupThresholds: perGroup(pyramidThresholds),
    })
    .refine((p) => sharesFit(p.platinumShare, p.goldShare, p.ironShare), 'invalid_shares'),
  lifecycle: z
    .object({
      newDays: z.int().min(0).max(3650),
      atRiskMultiplier: z.number().positive().max(100),
      churnedMultiplier: z.number().positive().max(100),
      /** Floor under the median gap, so a customer who orders daily is not "at risk" after two quiet days. */
      minGapDays: z.number().min(0).max(3650),
      oneOrderAtRiskDays: z.int().min(0).max(36_500),
      oneOrderChurnedDays: z.int().min(0).max(36_500),
    })
    .refine((l) => l.churnedMultiplier >= l.atRiskMultiplier && l.oneOrderChurnedDays >= l.oneOrderAtRiskDays, 'invalid_thresholds'),
  behavior: z.object({
    threshold: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('median') }),
      z.object({ kind: z.literal('fixed'), orders: z.number().positive().max(1_000_000) }),
    ]),
  }),
  loyalty: z.object({ loyalMinF: score, loyalMinR: score, potentialMinR: score, potentialMinM: score }),
  customSegments: customSegmentsSchema,
  partition: partitionSchema,
});

export type EngineConfig = z.infer<typeof engineConfigSchema>;

export const DEFAULT_CONFIG: Omit<EngineConfig, 'asOf'> = {
  window: { kind: 'days', days: 365 },
  value: {
    weights: { r: 1, f: 1, m: 1, followUps: 0 },
    highShare: 0.2,
    mediumShare: 0.3,
    basis: 'revenue',
    mode: 'shares',
    thresholds: { high: 12, medium: 9 },
    groupThresholds: {},
  },
  pyramid: {
    platinumShare: 0.01,
    goldShare: 0.04,
    ironShare: 0.15,
    basis: 'revenue',
    mode: 'shares',
    // ¥500,000 / ¥100,000 / ¥20,000 a year in fen: the usual shape of Chinese membership levels.
    thresholds: { platinum: 50_000_000, gold: 10_000_000, iron: 2_000_000 },
    groupThresholds: {},
  },
  lifecycle: {
    newDays: 90,
    atRiskMultiplier: 1.5,
    churnedMultiplier: 3,
    minGapDays: 7,
    oneOrderAtRiskDays: 90,
    oneOrderChurnedDays: 180,
  },
  behavior: { threshold: { kind: 'median' } },
  loyalty: { loyalMinF: 4, loyalMinR: 3, potentialMinR: 4, potentialMinM: 4 },
  customSegments: [],
  partition: { kind: 'none' },
};

/** The sections of the tier settings a user may override; asOf is per call and custom segments have their own table. */
export const CONFIG_SECTIONS = ['window', 'value', 'pyramid', 'lifecycle', 'behavior', 'loyalty', 'partition'] as const;

/** asOf is required; every other section may be given partially and is merged over DEFAULT_CONFIG. */
export type ConfigOverrides = { asOf: string } & Partial<Pick<EngineConfig, 'window' | 'customSegments' | 'partition'>> & {
    value?: Partial<Omit<EngineConfig['value'], 'weights'>> & { weights?: Partial<EngineConfig['value']['weights']> };
    pyramid?: Partial<EngineConfig['pyramid']>;
    lifecycle?: Partial<EngineConfig['lifecycle']>;
    behavior?: Partial<EngineConfig['behavior']>;
    loyalty?: Partial<EngineConfig['loyalty']>;
  };

/** Merges overrides over the defaults and validates; throws a ZodError for an invalid result. */
export function buildConfig(overrides: ConfigOverrides): EngineConfig {
  const d = DEFAULT_CONFIG;
  return engineConfigSchema.parse({
    ...d,
    ...overrides,
    value: { ...d.value, ...overrides.value, weights: { ...d.value.weights, ...overrides.value?.weights } },
    pyramid: { ...d.pyramid, ...overrides.pyramid },
    lifecycle: { ...d.lifecycle, ...overrides.lifecycle },
    behavior: { ...d.behavior, ...overrides.behavior },
    loyalty: { ...d.loyalty, ...overrides.loyalty },
    partition: overrides.partition ?? d.partition,
  });
}
