/**
 * Inputs and outputs of the segmentation engine. Everything is plain data: class keys and hint kinds are
 * stable strings that the UI translates; amounts are integer minor units of the base currency; calendar
 * dates are 'YYYY-MM-DD' strings in the business's local calendar.
 */

export type CustomerType = 'individual' | 'enterprise' | 'government' | 'distributor' | 'internal';
export type Locality = 'local' | 'non_local' | 'overseas';
export type Needs = 'product' | 'service' | 'solution';
export type Intent = 'interested' | 'hesitant' | 'not_now' | 'never';

export interface EngineCustomer {
  id: string;
  name: string;
  /** ISO instant. */
  createdAt: string;
  type: CustomerType;
  industry: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  region: string | null;
  city: string | null;
  locality: Locality | null;
  sizeBand: string | null;
  incomeBand: string | null;
  needs: Needs | null;
  tags: string[];
  owner: string | null;
  source: string | null;
  manualLevel: 'A' | 'B' | 'C' | null;
}

export interface EngineOrder {
  customerId: string;
  /** 'YYYY-MM-DD'. */
  date: string;
  /** Integer minor units of the base currency, already converted (≤ 0 for a return). */
  baseAmountMinor: number;
  /**
   * 'sale' (default) is a purchase; a 'return' only nets its (negative) amount and cost out of the money
   * figures: it is not an order for counts, recency, order days or lifecycle.
   */
  kind?: 'sale' | 'return';
  /** Cost of goods in base-currency minor units (≤ 0 for a return); null or absent when unknown. */
  baseCostMinor?: number | null;
}

export interface EngineFollowUp {
  customerId: string;
  /** ISO instant. */
  occurredAt: string;
  /** Local calendar date of occurredAt. */
  date: string;
  intent: Intent | null;
  satisfaction: 1 | 2 | 3 | 4 | 5 | null;
}

/** Dimensions scored 1–5 by quintile among buyers. */
export type ScoreDimension = 'r' | 'f' | 'm' | 'followUps';

/**
 * "What would move them", as data. Each hint holds everyone else's data fixed.
 * reach_score: the dimension's raw value must be at_least / at_most `value` (r: days since last order,
 * f: orders in window, m: revenue minor in window, followUps: follow-ups in window) to get `score`.
 */
export type MoveHint =
  | { kind: 'spend_more'; amountMinor: number; by: string | null; toClass: string }
  | { kind: 'order_more'; orders: number; by: string | null; toClass: string }
  | { kind: 'order_within'; days: number; by: string; keeps: string }
  | { kind: 'changes_on'; date: string; toClass: string }
  | { kind: 'place_order'; toClass: string }
  | { kind: 'reach_score'; dimension: ScoreDimension; score: number; bound: 'at_least' | 'at_most'; value: number; toClass: string | null }
  | { kind: 'raise_value_score'; points: number; toClass: string };

export interface Scores {
  r: number;
  f: number;
  m: number;
  followUps: number;
}

/** The raw per-customer numbers every scheme reads. */
export interface CustomerMetrics {
  /** Orders dated inside the window. */
  orderCount: number;
  revenueMinor: number;
  /** revenueMinor / orderCount, null without orders in the window. */
  averageOrderValueMinor: number | null;
  followUpCount: number;
  /** Days from the last order (any time up to asOf) to asOf; null if the customer never ordered. */
  daysSinceLastOrder: number | null;
  firstOrderDate: string | null;
  lastOrderDate: string | null;
  /** Orders up to asOf, whole history. */
  lifetimeOrderCount: number;
  /** R/F/M/follow-up scores; null when the customer has no order in the window. */
  scores: Scores | null;
}

/**
 * The group a ranked scheme placed the customer in when the config partitions the population: the
 * partition's name ('locality', 'tag', …), the group key ('local', 'with', …) and how many customers the
 * group has. Null without a partition.
 */
export interface GroupInfo {
  partition: string;
  key: string;
  size: number;
}

export interface RfmExplanation {
  kind: 'rfm';
  group: GroupInfo | null;
  recencyDays: number | null;
  orderCount: number;
  revenueMinor: number;
  scores: { r: number; f: number; m: number } | null;
  buyers: number;
  moves: readonly MoveHint[];
}

export interface RfSegmentExplanation {
  kind: 'rf_segment';
  group: GroupInfo | null;
  recencyDays: number | null;
  orderCount: number;
  scores: { r: number; f: number } | null;
  moves: readonly MoveHint[];
}

export interface ValueExplanation {
  kind: 'value';
  group: GroupInfo | null;
  /** The money M is scored from, and whether gross profit fell back to revenue for want of cost data. */
  basis: 'revenue' | 'gross_profit' | 'predicted';
  fellBackToRevenue: boolean;
  /** The basis amount M was scored from (null for non-buyers). */
  basisAmountMinor: number | null;
  mode: 'shares' | 'thresholds';
  recencyDays: number | null;
  orderCount: number;
  revenueMinor: number;
  followUpCount: number;
  scores: Scores | null;
  weights: Scores;
  valueScore: number | null;
  /** Minimum value score of each class (null: the class is empty by its target count). */
  cuts: { high: number | null; medium: number | null };
  moves: readonly MoveHint[];
}

export interface PyramidExplanation {
  kind: 'pyramid';
  group: GroupInfo | null;
  basis: 'revenue' | 'gross_profit' | 'predicted';
  /** Gross profit basis, but none of the customer's window orders has a cost: ranked by revenue instead. */
  fellBackToRevenue: boolean;
  /** The ranked amount (basis, minor units); null when not ranked. */
  rankValue: number | null;
  /** 1 + number of ranked customers (in the group) with a strictly greater value. */
  rank: number | null;
  /** Customers ranked in the customer's group (the whole population without a partition). */
  ranked: number;
  /** 'shares': each tier's own share; 'thresholds': the group's fixed minimum per tier (minor units). */
  mode: 'shares' | 'thresholds';
  shares: { platinum: number; gold: number; iron: number } | null;
  thresholds: { platinum: number; gold: number; iron: number } | null;
  cuts: { platinum: number | null; gold: number | null; iron: number | null };
  /**
   * How many ranked customers (in the group) are in the customer's tier or a tier above it (`count`), and
   * the cumulative target count of the shares (`target`, null for fixed thresholds and for lead). Ties never
   * split, so `count` can exceed `target`: then "top N %" is not what the tier holds. Null when not ranked.
   */
  reached: { count: number; target: number | null } | null;
  moves: readonly MoveHint[];
}

export interface LifecycleExplanation {
  kind: 'lifecycle';
  firstOrderDate: string | null;
  lastOrderDate: string | null;
  daysSinceFirstOrder: number | null;
  daysSinceLastOrder: number | null;
  /** Distinct calendar dates with an order, whole history up to asOf. */
  orderDays: number;
  medianGapDays: number | null;
  /** Which thresholds applied: the customer's own rhythm, or the fixed fall-back for one order day. */
  basis: 'median_gap' | 'one_order_fallback' | null;
  atRiskAfterDays: number | null;
  churnedAfterDays: number | null;
  /** Last date on which the customer still counts as new. */
  newUntil: string | null;
  moves: readonly MoveHint[];
}

export type LoyaltyRule = 'churned' | 'never_ordered' | 'frequent_and_recent' | 'new' | 'recent_or_big' | 'otherwise';

export interface LoyaltyExplanation {
  kind: 'loyalty';
  group: GroupInfo | null;
  lifecycle: string;
  scores: { r: number; f: number; m: number } | null;
  rule: LoyaltyRule;
  moves: readonly MoveHint[];
}

export interface BehaviorExplanation {
  kind: 'behavior';
  group: GroupInfo | null;
  orderCount: number;
  basis: 'median' | 'fixed';
  /** Orders needed for high_frequency (may be fractional for a median); null when nobody bought. */
  thresholdOrders: number | null;
  moves: readonly MoveHint[];
}

export interface IntentExplanation {
  kind: 'intent';
  source: { occurredAt: string; date: string; intent: Intent } | null;
  moves: readonly MoveHint[];
}

export interface AttributeExplanation {
  kind: 'attribute';
  /** The raw profile value the class came from. */
  value: string | null;
  moves: readonly MoveHint[];
}

/** How a custom rule evaluated, mirroring the rule tree (children in rule order). */
export type RuleTrace =
  | { kind: 'group'; op: 'and' | 'or'; result: boolean; children: RuleTrace[] }
  | { kind: 'condition'; result: boolean; actual: string | number | null | readonly string[] };

export interface CustomExplanation {
  kind: 'custom';
  trace: RuleTrace;
  moves: readonly MoveHint[];
}

export interface Assignment<E> {
  classKey: string;
  explanation: E;
}

export type CustomSchemeKey = `custom:${string}`;

export interface FixedAssignments {
  rfm: Assignment<RfmExplanation>;
  rf_segment: Assignment<RfSegmentExplanation>;
  value: Assignment<ValueExplanation>;
  pyramid: Assignment<PyramidExplanation>;
  lifecycle: Assignment<LifecycleExplanation>;
  loyalty: Assignment<LoyaltyExplanation>;
  behavior: Assignment<BehaviorExplanation>;
  intent: Assignment<IntentExplanation>;
  locality: Assignment<AttributeExplanation>;
  continent: Assignment<AttributeExplanation>;
  country: Assignment<AttributeExplanation>;
  type: Assignment<AttributeExplanation>;
  industry: Assignment<AttributeExplanation>;
  income: Assignment<AttributeExplanation>;
  size: Assignment<AttributeExplanation>;
  needs: Assignment<AttributeExplanation>;
}

export type Assignments = FixedAssignments & { [key: CustomSchemeKey]: Assignment<CustomExplanation> };

export interface CustomerSegmentation {
  customerId: string;
  metrics: CustomerMetrics;
  assignments: Assignments;
}

/** A score s is given to values strictly better than the listed bound: r at_most days, others at_least. */
export interface ScoreCut {
  score: number;
  bound: 'at_least' | 'at_most';
  value: number;
}

/** A tier holds every ranked value ≥ minValue; targetCount = round-half-up(cumulative share × ranked). */
export interface TierCut {
  targetCount: number;
  minValue: number | null;
}

export type SchemeCuts =
  | { kind: 'rfm'; buyers: number; r: ScoreCut[]; f: ScoreCut[]; m: ScoreCut[] }
  | { kind: 'rf_segment'; buyers: number; r: ScoreCut[]; f: ScoreCut[] }
  | { kind: 'value'; buyers: number; basis: 'revenue' | 'gross_profit' | 'predicted'; mode: 'shares' | 'thresholds'; weights: Scores; followUps: ScoreCut[]; high: TierCut; medium: TierCut }
  | { kind: 'pyramid'; basis: 'revenue' | 'gross_profit' | 'predicted'; mode: 'shares' | 'thresholds'; ranked: number; platinum: TierCut; gold: TierCut; iron: TierCut }
  | { kind: 'lifecycle'; newDays: number; atRiskMultiplier: number; churnedMultiplier: number; minGapDays: number; oneOrderAtRiskDays: number; oneOrderChurnedDays: number }
  | { kind: 'loyalty'; loyalMinF: number; loyalMinR: number; potentialMinR: number; potentialMinM: number }
  | { kind: 'behavior'; basis: 'median' | 'fixed'; thresholdOrders: number | null }
  | { kind: 'partitioned'; groups: number }
  | { kind: 'none' };

export interface GroupSummary {
  group: string;
  customers: number;
  counts: Record<string, number>;
  cuts: SchemeCuts;
}

export interface SchemeSummary {
  /** Customers per class; closed schemes list every class, zeros included. */
  counts: Record<string, number>;
  /** The scheme's cuts; for a ranked scheme under a partition of several groups, each group has its own (groups). */
  cuts: SchemeCuts;
  /** Ranked schemes under a partition: per group, in first-seen order. Null otherwise. */
  groups: GroupSummary[] | null;
}

/** Read-only, Map-like access to per-customer results; each get/iteration builds fresh plain data. */
export interface CustomerViews extends Iterable<CustomerSegmentation> {
  readonly size: number;
  has(customerId: string): boolean;
  get(customerId: string): CustomerSegmentation | undefined;
  /** In input order. */
  values(): Iterable<CustomerSegmentation>;
}

export interface SegmentationResult {
  asOf: string;
  /** Inclusive date range of the window; start is null for an 'all' window. */
  window: { start: string | null; end: string };
  /** Fixed scheme keys, then 'custom:<id>' in config order. */
  schemeKeys: string[];
  /** Input order; every column of classKeys lines up with it. */
  customerIds: string[];
  /** classKeys[scheme][k] is the class of customerIds[k] — the cheap, complete answer for lists and storage. */
  classKeys: Record<string, string[]>;
  /** Per customer: metrics plus { classKey, explanation } for every scheme, built when asked for. */
  customers: CustomerViews;
  schemes: Record<string, SchemeSummary>;
  /** Partition of the ranked schemes ('none' without one) and each customer's group key, aligned with customerIds. */
  partition: string;
  groupKeys: string[];
}
