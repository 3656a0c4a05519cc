/**
 * Evaluates custom-segment rules. A rule is compiled once per run (constants normalised up front) into a
 * function that returns the whole evaluation trace — every condition is evaluated, no short-circuit, so
 * the UI can show why a customer is or is not a member.
 *
 * Text comparisons (fields, tags, free-text scheme classes) use normalizeText: NFKC, trimmed, whitespace
 * collapsed, case-insensitive. Metric conditions on a missing metric (no orders) are false.
 */
import { normalizeText, textKey } from './attributes';
import type { Condition, RuleGroup, RuleMetric } from './custom-rules';
import { NO_MOVES } from './hints';
import { isClosedScheme } from './schemes';
import type { Assignment, CustomerMetrics, CustomExplanation, EngineCustomer, RuleTrace } from './types';

export type OwnMetrics = Omit<CustomerMetrics, 'scores'>;

export interface RuleContext {
  customer: EngineCustomer;
  metrics: OwnMetrics;
  classOf: (scheme: string) => string;
}

type Compiled = (ctx: RuleContext) => RuleTrace;

function metricValue(metrics: OwnMetrics, metric: RuleMetric): number | null {
  switch (metric) {
    case 'revenue':
      return metrics.revenueMinor;
    case 'orderCount':
      return metrics.orderCount;
    case 'daysSinceLastOrder':
      return metrics.daysSinceLastOrder;
    case 'averageOrderValue':
      return metrics.averageOrderValueMinor;
    case 'followUpCount':
      return metrics.followUpCount;
  }
}

type Actual = Extract<RuleTrace, { kind: 'condition' }>['actual'];

function leaf(result: boolean, actual: Actual): RuleTrace {
  return { kind: 'condition', result, actual };
}

function compileCondition(c: Condition): Compiled {
  switch (c.kind) {
    case 'field': {
      const read = (ctx: RuleContext): string | null => ctx.customer[c.field];
      if (c.op === 'is_empty' || c.op === 'is_not_empty') {
        const wantEmpty = c.op === 'is_empty';
        return (ctx) => leaf((normalizeText(read(ctx)) === null) === wantEmpty, read(ctx));
      }
      if (c.op === 'in') {
        const wanted = new Set(c.values.map(normalizeText).filter((v): v is string => v !== null));
        return (ctx) => {
          const actual = normalizeText(read(ctx));
          return leaf(actual !== null && wanted.has(actual), read(ctx));
        };
      }
      // The remaining field operators all compare against one value.
      const { value, op } = c as Extract<Condition, { kind: 'field'; value: string }>;
      const wanted = normalizeText(value);
      return (ctx) => {
        const actual = normalizeText(read(ctx));
        const hit = op === 'contains' ? actual !== null && wanted !== null && actual.includes(wanted) : actual !== null && actual === wanted;
        return leaf(op === 'not_equals' ? !hit : hit, read(ctx));
      };
    }
    case 'tag': {
      const wanted = normalizeText(c.tag);
      const wantHas = c.op === 'has';
      // A copy in the trace, so the explanation never aliases the caller's input.
      return (ctx) => leaf(ctx.customer.tags.some((t) => normalizeText(t) === wanted) === wantHas, [...ctx.customer.tags]);
    }
    case 'metric': {
      const test: (v: number) => boolean =
        c.op === 'between'
          ? (v) => v >= c.min && v <= c.max
          : { gt: (v: number) => v > c.value, gte: (v: number) => v >= c.value, lt: (v: number) => v < c.value, lte: (v: number) => v <= c.value, eq: (v: number) => v === c.value }[c.op];
      return (ctx) => {
        const v = metricValue(ctx.metrics, c.metric);
        return leaf(v !== null && test(v), v);
      };
    }
    case 'in_scheme': {
      // Free-text schemes: compare as class keys, so "Retail " in a rule matches class 'retail'.
      const classes = new Set(isClosedScheme(c.scheme) ? c.classes : c.classes.map(textKey));
      return (ctx) => {
        const actual = ctx.classOf(c.scheme);
        return leaf(classes.has(actual), actual);
      };
    }
  }
}

export function compileRule(group: RuleGroup): Compiled {
  const children = group.conditions.map((c) => (c.kind === 'group' ? compileRule(c) : compileCondition(c)));
  const isAnd = group.op === 'and';
  return (ctx) => {
    const traces = children.map((run) => run(ctx));
    const result = isAnd ? traces.every((t) => t.result) : traces.some((t) => t.result);
    return { kind: 'group', op: group.op, result, children: traces };
  };
}

export function assignCustom(rule: Compiled, ctx: RuleContext): Assignment<CustomExplanation> {
  const trace = rule(ctx);
  return { classKey: trace.result ? 'member' : 'non_member', explanation: { kind: 'custom', trace, moves: NO_MOVES } };
}
