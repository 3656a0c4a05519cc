/**
 * Custom segments are data, never SQL or code: a tree of and/or groups over profile fields, tags, the
 * customer's own metrics and the classes of the built-in schemes. The zod schemas here are the contract
 * for storing and exchanging rules; the engine re-validates them before evaluating.
 */
import { z } from 'zod';
import { classKeysOf, CLOSED_SCHEME_KEYS, OPEN_SCHEME_KEYS, type SchemeKey } from './schemes';

export const PROFILE_FIELDS = [
  'name',
  'type',
  'industry',
  'country',
  'region',
  'city',
  'locality',
  'sizeBand',
  'incomeBand',
  'needs',
  'owner',
  'source',
  'manualLevel',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** revenue/averageOrderValue in minor units and orderCount/followUpCount are window figures; daysSinceLastOrder spans all history. */
export const RULE_METRICS = ['revenue', 'orderCount', 'daysSinceLastOrder', 'averageOrderValue', 'followUpCount'] as const;
export type RuleMetric = (typeof RULE_METRICS)[number];

export type FieldCondition =
  | { kind: 'field'; field: ProfileField; op: 'equals' | 'not_equals' | 'contains'; value: string }
  | { kind: 'field'; field: ProfileField; op: 'in'; values: string[] }
  | { kind: 'field'; field: ProfileField; op: 'is_empty' | 'is_not_empty' };
export type TagCondition = { kind: 'tag'; op: 'has' | 'lacks'; tag: string };
export type MetricCondition =
  | { kind: 'metric'; metric: RuleMetric; op: 'gt' | 'gte' | 'lt' | 'lte' | 'eq'; value: number }
  | { kind: 'metric'; metric: RuleMetric; op: 'between'; min: number; max: number };
export type SchemeCondition = { kind: 'in_scheme'; scheme: SchemeKey; classes: string[] };
export type Condition = FieldCondition | TagCondition | MetricCondition | SchemeCondition;
/** An empty 'and' group matches everyone; an empty 'or' group matches no one. */
export type RuleGroup = { kind: 'group'; op: 'and' | 'or'; conditions: (Condition | RuleGroup)[] };
export interface CustomSegment {
  id: string;
  name: string;
  rule: RuleGroup;
}

export const MAX_RULE_DEPTH = 8;
export const MAX_RULE_NODES = 200;

const ruleText = z.string().max(200, 'too_long');
const field = z.enum(PROFILE_FIELDS);
const metric = z.enum(RULE_METRICS);

const fieldConditionSchema = z.union([
  z.object({ kind: z.literal('field'), field, op: z.enum(['equals', 'not_equals', 'contains']), value: ruleText }),
  z.object({ kind: z.literal('field'), field, op: z.literal('in'), values: z.array(ruleText).min(1, 'required').max(200, 'too_many') }),
  z.object({ kind: z.literal('field'), field, op: z.enum(['is_empty', 'is_not_empty']) }),
]);

const tagConditionSchema = z.object({
  kind: z.literal('tag'),
  op: z.enum(['has', 'lacks']),
  tag: z.string().trim().min(1, 'required').max(40, 'too_long'),
});

const metricConditionSchema = z.union([
  z.object({ kind: z.literal('metric'), metric, op: z.enum(['gt', 'gte', 'lt', 'lte', 'eq']), value: z.number() }),
  z
    .object({ kind: z.literal('metric'), metric, op: z.literal('between'), min: z.number(), max: z.number() })
    .refine((c) => c.min <= c.max, { message: 'invalid_range', path: ['max'] }),
]);

const schemeConditionSchema = z
  .object({
    kind: z.literal('in_scheme'),
    scheme: z.enum([...CLOSED_SCHEME_KEYS, ...OPEN_SCHEME_KEYS]),
    classes: z.array(z.string().min(1, 'required').max(200, 'too_long')).min(1, 'required').max(200, 'too_many'),
  })
  // For closed schemes a misspelt class would silently never match, so reject it up front.
  .refine((c) => c.classes.every((k) => classKeysOf(c.scheme)?.includes(k) ?? true), { message: 'invalid_choice', path: ['classes'] });

export const conditionSchema: z.ZodType<Condition> = z.union([
  fieldConditionSchema,
  tagConditionSchema,
  metricConditionSchema,
  schemeConditionSchema,
]);

/** Long enough to recognise what was typed, short enough that a pasted paragraph does not become the message. */
const NAME_SHOWN = 60;
const shown = (name: string) => (name.length > NAME_SHOWN ? `${name.slice(0, NAME_SHOWN)}…` : name);

/**
 * A condition on a field or metric the rules do not have fails every branch of the condition union, and zod
 * then says only "rule.conditions.0 is not valid" (a group holding it, only that the group is not valid).
 * Checked over the whole tree before the unions are tried, the refusal names what was given, where, and what
 * there is to choose from. A loop, not recursion: stored rules reach here without the contract's depth check.
 */
function refuseUnknownNames(raw: unknown, ctx: z.RefinementCtx): unknown {
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: raw, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    const { kind, field: fieldGiven, metric: metricGiven, conditions } = node as Record<string, unknown>;
    if (kind === 'group' && Array.isArray(conditions)) conditions.forEach((child, i) => stack.push({ node: child, path: [...path, 'conditions', i] }));
    if (kind === 'field' && typeof fieldGiven === 'string' && !(PROFILE_FIELDS as readonly string[]).includes(fieldGiven)) {
      ctx.addIssue({ code: 'custom', message: 'unknown_rule_field', path: [...path, 'field'], params: { field: shown(fieldGiven), choices: PROFILE_FIELDS.join(', ') }, input: node });
    }
    if (kind === 'metric' && typeof metricGiven === 'string' && !(RULE_METRICS as readonly string[]).includes(metricGiven)) {
      ctx.addIssue({ code: 'custom', message: 'unknown_rule_metric', path: [...path, 'metric'], params: { metric: shown(metricGiven), choices: RULE_METRICS.join(', ') }, input: node });
    }
  }
  return raw;
}

export const ruleGroupSchema: z.ZodType<RuleGroup> = z.lazy(() =>
  z.preprocess(
    refuseUnknownNames,
    z.object({
      kind: z.literal('group'),
      op: z.enum(['and', 'or']),
      conditions: z.array(z.union([conditionSchema, ruleGroupSchema])).max(50, 'too_many'),
    }),
  ),
);

/** A rule's nesting and size against MAX_RULE_DEPTH and MAX_RULE_NODES: the issue key to report, or null when it fits. */
export function ruleLimitIssue(rule: RuleGroup): 'too_deep' | 'too_complex' | null {
  const { depth, nodes } = measure(rule);
  if (depth > MAX_RULE_DEPTH) return 'too_deep';
  return nodes > MAX_RULE_NODES ? 'too_complex' : null;
}

/** A rule as the contract takes it: well formed, no deeper than MAX_RULE_DEPTH groups, no more than MAX_RULE_NODES nodes. */
export const boundedRuleGroupSchema = ruleGroupSchema.superRefine((rule, ctx) => {
  const issue = ruleLimitIssue(rule);
  if (issue) ctx.addIssue({ code: 'custom', message: issue });
});

function measure(group: RuleGroup): { depth: number; nodes: number } {
  let depth = 1;
  let nodes = 1;
  for (const child of group.conditions) {
    if (child.kind === 'group') {
      const inner = measure(child);
      depth = Math.max(depth, inner.depth + 1);
      nodes += inner.nodes;
    } else {
      nodes += 1;
    }
  }
  return { depth, nodes };
}

export const customSegmentSchema = z.object({
  // The id becomes part of the scheme key 'custom:<id>', so keep it to URL- and file-safe characters.
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid_id'),
  name: z.string().trim().min(1, 'required').max(80, 'too_long'),
  rule: ruleGroupSchema.refine(
    (rule) => {
      const { depth, nodes } = measure(rule);
      return depth <= MAX_RULE_DEPTH && nodes <= MAX_RULE_NODES;
    },
    { message: 'too_complex' },
  ),
});

export const customSegmentsSchema = z
  .array(customSegmentSchema)
  .max(100, 'too_long')
  .refine((segments) => new Set(segments.map((s) => s.id)).size === segments.length, { message: 'duplicate_id' });

/** True when a rule reads only the customer's own data, so it can be re-evaluated for one customer alone. */
export function isLocalRule(group: RuleGroup, localSchemes: readonly string[]): boolean {
  return group.conditions.every((c) =>
    c.kind === 'group' ? isLocalRule(c, localSchemes) : c.kind !== 'in_scheme' || localSchemes.includes(c.scheme),
  );
}
