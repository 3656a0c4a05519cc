import { describe, expect, it } from 'vitest';
import { customSegmentSchema, customSegmentsSchema, isLocalRule, LOCAL_SCHEME_KEYS, type CustomSegment, type RuleGroup } from '../../../shared/segmentation';
import { assignment, customer, run } from './fixtures';
import { orders } from './population-a-to-f';

// The hand-scored population (see population-a-to-f.ts) with some profile data. Pyramid among 5 buyers:
// targets 0 / 0 / round(0.2 × 5) = 1 → C (60000) is iron, A B D E lead, F none.
const customers = [
  customer('A', { tags: ['VIP'], industry: 'Retail', country: 'CN' }),
  customer('B', { tags: ['vip', 'wholesale'], industry: 'Food' }),
  customer('C', { industry: 'retail ', country: 'US' }),
  customer('D', { tags: ['Wholesale'] }),
  customer('E'),
  customer('F'),
];

const segment = (id: string, rule: RuleGroup): CustomSegment => ({ id, name: id, rule });
const and = (...conditions: RuleGroup['conditions']): RuleGroup => ({ kind: 'group', op: 'and', conditions });
const or = (...conditions: RuleGroup['conditions']): RuleGroup => ({ kind: 'group', op: 'or', conditions });

const vipOrBig = or(
  and({ kind: 'tag', op: 'has', tag: 'vip' }, { kind: 'field', field: 'industry', op: 'equals', value: 'RETAIL' }),
  and(
    { kind: 'metric', metric: 'revenue', op: 'gte', value: 40000 },
    { kind: 'metric', metric: 'orderCount', op: 'between', min: 3, max: 10 },
    { kind: 'in_scheme', scheme: 'pyramid', classes: ['lead'] },
  ),
);

function members(...segments: CustomSegment[]) {
  const result = run(customers, orders, [], { customSegments: segments });
  return Object.fromEntries(segments.map((s) => [s.id, result.customerIds.filter((_, k) => result.classKeys[`custom:${s.id}`]![k] === 'member')]));
}

describe('custom segments', () => {
  it('nests and/or groups over tags, fields, metrics and other schemes', () => {
    expect(members(segment('vip_or_big', vipOrBig))).toEqual({ vip_or_big: ['A', 'D'] });
  });

  it('explains the evaluation as a trace mirroring the rule', () => {
    const result = run(customers, orders, [], { customSegments: [segment('vip_or_big', vipOrBig)] });
    expect(assignment(result, 'D', 'custom:vip_or_big')).toEqual({
      classKey: 'member',
      explanation: {
        kind: 'custom',
        moves: [],
        trace: {
          kind: 'group',
          op: 'or',
          result: true,
          children: [
            {
              kind: 'group',
              op: 'and',
              result: false,
              children: [
                { kind: 'condition', result: false, actual: ['Wholesale'] },
                { kind: 'condition', result: false, actual: null },
              ],
            },
            {
              kind: 'group',
              op: 'and',
              result: true,
              children: [
                { kind: 'condition', result: true, actual: 40000 },
                { kind: 'condition', result: true, actual: 4 },
                { kind: 'condition', result: true, actual: 'lead' },
              ],
            },
          ],
        },
      },
    });
    expect(result.schemes['custom:vip_or_big']).toEqual({ counts: { member: 2, non_member: 4 }, cuts: { kind: 'none' }, groups: null });
    expect(result.schemeKeys.at(-1)).toBe('custom:vip_or_big');
  });

  it('supports every field operator, tag absence and null-safe metrics', () => {
    expect(
      members(
        // days since last order spans all history: F's only order is 365 days old
        segment('lapsed', and({ kind: 'metric', metric: 'daysSinceLastOrder', op: 'gt', value: 180 }, { kind: 'in_scheme', scheme: 'lifecycle', classes: ['churned'] })),
        segment('plain', and({ kind: 'field', field: 'industry', op: 'is_empty' }, { kind: 'tag', op: 'lacks', tag: 'VIP' })),
        segment('where', or({ kind: 'field', field: 'country', op: 'in', values: ['cn', 'US'] }, { kind: 'field', field: 'name', op: 'contains', value: 'customer b' })),
        segment('not_food', and({ kind: 'field', field: 'industry', op: 'not_equals', value: 'food' }, { kind: 'field', field: 'industry', op: 'is_not_empty' })),
        segment('small_tickets', and({ kind: 'metric', metric: 'averageOrderValue', op: 'lt', value: 6000 })),
        segment('followed', and({ kind: 'metric', metric: 'followUpCount', op: 'eq', value: 0 }, { kind: 'in_scheme', scheme: 'industry', classes: ['Retail'] })),
        segment('everyone', and()),
        segment('no_one', or()),
      ),
    ).toEqual({
      lapsed: ['E', 'F'],
      plain: ['D', 'E', 'F'],
      where: ['A', 'B', 'C'],
      not_food: ['A', 'C'],
      small_tickets: ['B', 'E'],
      followed: ['A', 'C'],
      everyone: ['A', 'B', 'C', 'D', 'E', 'F'],
      no_one: [],
    });
  });

  it('validates rules with the exported zod schema', () => {
    const ok = segment('big-spenders_2', vipOrBig);
    expect(customSegmentSchema.parse(ok)).toEqual(ok);
    const bad = (rule: unknown, id = 'x') => customSegmentSchema.safeParse({ id, name: 'x', rule }).success;
    expect(bad(and({ kind: 'field', field: 'email', op: 'equals', value: 'a' } as never))).toBe(false);
    expect(bad(and({ kind: 'metric', metric: 'revenue', op: 'between', min: 10, max: 1 }))).toBe(false);
    expect(bad(and({ kind: 'metric', metric: 'revenue', op: 'gt', value: Number.POSITIVE_INFINITY }))).toBe(false);
    expect(bad(and({ kind: 'in_scheme', scheme: 'pyramid', classes: ['diamond'] }))).toBe(false);
    expect(bad(and({ kind: 'in_scheme', scheme: 'industry', classes: ['anything typed'] }))).toBe(true);
    expect(bad(and({ kind: 'in_scheme', scheme: 'custom:other', classes: ['member'] } as never))).toBe(false);
    expect(bad(and(), 'has space')).toBe(false);
    expect(bad({ kind: 'group', op: 'xor', conditions: [] })).toBe(false);
    let deep: RuleGroup = and();
    for (let level = 0; level < 8; level++) deep = and(deep);
    expect(bad(deep)).toBe(false); // 9 levels
    expect(customSegmentsSchema.safeParse([ok, ok]).success).toBe(false); // duplicate id
    expect(() => run(customers, orders, [], { customSegments: [{ id: 'x', name: 'x', rule: { kind: 'group', op: 'nand' } as never }] })).toThrow();
  });

  it('knows which rules read only the customer’s own data', () => {
    expect(isLocalRule(vipOrBig, LOCAL_SCHEME_KEYS)).toBe(false);
    expect(isLocalRule(and({ kind: 'in_scheme', scheme: 'lifecycle', classes: ['new'] }, or({ kind: 'tag', op: 'has', tag: 'x' })), LOCAL_SCHEME_KEYS)).toBe(true);
  });
});
