import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classKeysOf, segmentAll, type EngineConfig } from '../../../shared/segmentation';
import { dayNumber, isoDateOf } from '../../../shared/segmentation/day-number';
import type { EngineCustomer, EngineOrder, SegmentationResult } from '../../../shared/segmentation/types';
import { AS_OF, assignment, classOf, config, customer, order, run } from './fixtures';

const RANKED = ['rfm', 'rf_segment', 'value', 'pyramid', 'loyalty', 'behavior'] as const;

const dateNear = fc.integer({ min: -500, max: 0 }).map((d) => isoDateOf(dayNumber(AS_OF) + d));
const profile = fc.record({
  locality: fc.constantFrom(null, 'local', 'non_local', 'overseas' as const),
  owner: fc.constantFrom(null, 'Wang', ' wang ', 'Li'),
  tags: fc.subarray(['stall', 'Stall', 'export']),
  type: fc.constantFrom('individual', 'enterprise', 'distributor' as const),
});
const population = fc.integer({ min: 1, max: 30 }).chain((n) => {
  const id = fc.integer({ min: 0, max: n - 1 }).map((k) => `k${k}`);
  return fc.record({
    customers: fc.tuple(...Array.from({ length: n }, (_, k) => profile.map((p) => customer(`k${k}`, p as Partial<EngineCustomer>)))),
    orders: fc.array(
      fc.record({ customerId: id, date: dateNear, baseAmountMinor: fc.integer({ min: 0, max: 100_000 }), kind: fc.constantFrom('sale', 'sale', 'return' as const) }).map(
        (o): EngineOrder => ({ ...o, baseAmountMinor: o.kind === 'return' ? -o.baseAmountMinor : o.baseAmountMinor }),
      ),
      { maxLength: 80 },
    ),
  });
});
const partitions = fc.constantFrom<EngineConfig['partition']>(
  { kind: 'field', field: 'locality' },
  { kind: 'field', field: 'owner' },
  { kind: 'field', field: 'type' },
  { kind: 'tag', tag: 'stall' },
);

/** Classes and explanations without the group note, which only a partitioned run carries. */
function ranked(result: SegmentationResult, id: string): Record<string, unknown> {
  const view = result.customers.get(id)!;
  const a = view.assignments as unknown as Record<string, { classKey: string; explanation: Record<string, unknown> }>;
  return Object.fromEntries(RANKED.map((s) => [s, { classKey: a[s]!.classKey, explanation: { ...a[s]!.explanation, group: null } }]));
}

describe('partitions', () => {
  it('ranks each group exactly as if it were the whole population (so tiers are exhaustive and exclusive per group)', () => {
    fc.assert(
      fc.property(population, partitions, ({ customers, orders }, partition) => {
        const cfg = config({ partition });
        const whole = segmentAll(customers, orders, [], cfg);
        const groups = new Set(whole.groupKeys);
        for (const key of groups) {
          const members = customers.filter((_, k) => whole.groupKeys[k] === key);
          const alone = segmentAll(members, orders, [], config());
          for (const c of members) expect(ranked(whole, c.id)).toEqual(ranked(alone, c.id));
          // The group's summary counts are that population's counts: each member in exactly one class.
          for (const scheme of RANKED) {
            const summary = whole.schemes[scheme]!.groups!.find((g) => g.group === key)!;
            expect(summary.counts).toEqual(alone.schemes[scheme]!.counts);
            expect(Object.values(summary.counts).reduce((a, b) => a + b, 0)).toBe(members.length);
          }
        }
        for (const scheme of RANKED) {
          expect(whole.classKeys[scheme]!.every((c) => classKeysOf(scheme).includes(c))).toBe(true);
          const total = whole.schemes[scheme]!.groups!.reduce((sum, g) => sum + g.customers, 0);
          expect(total).toBe(customers.length);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a partition of one group equals no partition', () => {
    fc.assert(
      fc.property(population, ({ customers, orders }) => {
        const same = customers.map((c) => ({ ...c, locality: 'local' as const }));
        const plain = segmentAll(same, orders, [], config());
        const parted = segmentAll(same, orders, [], config({ partition: { kind: 'field', field: 'locality' } }));
        expect(parted.classKeys).toEqual(plain.classKeys);
        for (const c of same) expect(ranked(parted, c.id)).toEqual(ranked(plain, c.id));
        expect(parted.schemes.pyramid!.cuts).toEqual(plain.schemes.pyramid!.cuts);
      }),
      { numRuns: 40 },
    );
  });

  describe('stall and export desk', () => {
    // 50 local stall buyers (¥100 … ¥5,000) and 50 overseas exporters (¥10,000 … ¥500,000): ranked
    // together every platinum and gold customer is an exporter; ranked apart each side has its own.
    const stall = Array.from({ length: 50 }, (_, k) => customer(`s${k + 1}`, { locality: 'local' }));
    const export_ = Array.from({ length: 50 }, (_, k) => customer(`e${k + 1}`, { locality: 'overseas' }));
    const orders = [...stall.map((c, k) => order(c.id, '2026-06-01', 10_000 * (k + 1))), ...export_.map((c, k) => order(c.id, '2026-06-01', 1_000_000 * (k + 1)))];
    const together = run([...stall, ...export_], orders);
    const apart = run([...stall, ...export_], orders, [], { partition: { kind: 'field', field: 'locality' } });

    it('gives both groups their own platinum and gold, sized by the small-count rule within the group', () => {
      expect(stall.every((c) => classOf(together, c.id, 'pyramid') === 'lead')).toBe(true);
      // n = 50 per group: platinum round(0.5) = 1, platinum + gold round(2.5) = 3, + iron round(10) = 10.
      for (const [prefix, group] of [['s', 'local'], ['e', 'overseas']] as const) {
        expect(classOf(apart, `${prefix}50`, 'pyramid')).toBe('platinum');
        expect([`${prefix}49`, `${prefix}48`].map((id) => classOf(apart, id, 'pyramid'))).toEqual(['gold', 'gold']);
        const summary = apart.schemes.pyramid!.groups!.find((g) => g.group === group)!;
        expect(summary.counts).toEqual({ platinum: 1, gold: 2, iron: 7, lead: 40, none: 0 });
      }
    });

    it('names the group and its cut in the explanation', () => {
      expect(assignment(apart, 's50', 'pyramid').explanation).toMatchObject({
        group: { partition: 'locality', key: 'local', size: 50 },
        ranked: 50,
        rank: 1,
        cuts: { platinum: 500_000, gold: 480_000, iron: 410_000 },
      });
      expect(apart.schemes.pyramid!.cuts).toEqual({ kind: 'partitioned', groups: 2 });
      expect(apart.partition).toBe('locality');
      expect(apart.groupKeys[0]).toBe('local');
    });

    it('takes per-group thresholds, each group falling back to the scheme\'s own', () => {
      const result = run([...stall, ...export_], orders, [], {
        partition: { kind: 'field', field: 'locality' },
        pyramid: { mode: 'thresholds', thresholds: { platinum: 40_000_000, gold: 30_000_000, iron: 20_000_000 }, groupThresholds: { local: { platinum: 480_000, gold: 300_000, iron: 100_000 } } },
      });
      expect(['s50', 's48', 's47', 's30', 's10', 's9'].map((id) => classOf(result, id, 'pyramid'))).toEqual(['platinum', 'platinum', 'gold', 'gold', 'iron', 'lead']);
      expect(['e40', 'e39', 'e30', 'e20', 'e19'].map((id) => classOf(result, id, 'pyramid'))).toEqual(['platinum', 'gold', 'gold', 'iron', 'lead']);
      expect(assignment(result, 's47', 'pyramid').explanation.moves).toEqual([{ kind: 'spend_more', amountMinor: 10_000, by: '2027-05-31', toClass: 'platinum' }]);
    });
  });

  it('partitions by tag (with / without) and by a custom segment that reads only own data', () => {
    const customers = [customer('a', { tags: ['Stall'] }), customer('b', { tags: [] }), customer('c', { tags: ['stall '] })];
    const orders = [order('a', '2026-06-01'), order('b', '2026-06-01'), order('c', '2026-06-01')];
    expect(run(customers, orders, [], { partition: { kind: 'tag', tag: 'stall' } }).groupKeys).toEqual(['with', 'without', 'with']);
    const segment = { id: 'big', name: 'big', rule: { kind: 'group' as const, op: 'and' as const, conditions: [{ kind: 'tag' as const, op: 'has' as const, tag: 'stall' }] } };
    expect(run(customers, orders, [], { customSegments: [segment], partition: { kind: 'segment', segmentId: 'big' } }).groupKeys).toEqual(['member', 'non_member', 'member']);
    const rankedRule = { id: 'top', name: 'top', rule: { kind: 'group' as const, op: 'and' as const, conditions: [{ kind: 'in_scheme' as const, scheme: 'pyramid' as const, classes: ['platinum'] }] } };
    expect(() => run(customers, orders, [], { customSegments: [rankedRule], partition: { kind: 'segment', segmentId: 'top' } })).toThrow(/ranked scheme/);
  });
});
