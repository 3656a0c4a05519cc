import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classKeysOf, isClosedScheme, LOCAL_SCHEME_KEYS, segmentAll, segmentOne, textKey, type EngineConfig } from '../../../shared/segmentation';
import { dayNumber, isoDateOf } from '../../../shared/segmentation/day-number';
import type { EngineCustomer, EngineFollowUp, EngineOrder, SegmentationResult } from '../../../shared/segmentation/types';
import { AS_OF, config, customer } from './fixtures';

const dateNear = fc.integer({ min: -900, max: 30 }).map((d) => isoDateOf(dayNumber(AS_OF) + d)); // some after asOf

const profile = fc.record({
  type: fc.constantFrom('individual', 'enterprise', 'government', 'distributor', 'internal' as const),
  industry: fc.constantFrom(null, 'Retail', ' retail', 'Food', ''),
  country: fc.constantFrom(null, 'CN', 'us', 'XX', 'FR', 'BR'),
  locality: fc.constantFrom(null, 'local', 'non_local', 'overseas' as const),
  sizeBand: fc.constantFrom(null, 'SME', 'large'),
  incomeBand: fc.constantFrom(null, '1M-5M'),
  needs: fc.constantFrom(null, 'product', 'service', 'solution' as const),
  tags: fc.subarray(['vip', 'VIP', 'b2b']),
});

interface Data {
  customers: EngineCustomer[];
  orders: EngineOrder[];
  followUps: EngineFollowUp[];
}

const data: fc.Arbitrary<Data> = fc.integer({ min: 1, max: 25 }).chain((n) => {
  const id = fc.integer({ min: 0, max: n - 1 }).map((k) => `k${k}`);
  return fc.record({
    customers: fc.tuple(...Array.from({ length: n }, (_, k) => profile.map((p) => customer(`k${k}`, p as Partial<EngineCustomer>)))),
    orders: fc.array(fc.record({ customerId: id, date: dateNear, baseAmountMinor: fc.integer({ min: 0, max: 1_000_000 }) }), { maxLength: 100 }),
    followUps: fc.array(
      fc.record({
        customerId: id,
        date: dateNear,
        hour: fc.integer({ min: 10, max: 12 }),
        intent: fc.constantFrom(null, 'interested', 'hesitant', 'not_now', 'never' as const),
      }).map(({ customerId, date, hour, intent }) => ({ customerId, occurredAt: `${date}T${hour}:00:00Z`, date, intent, satisfaction: null })),
      { maxLength: 40 },
    ),
  });
});

const SEGMENTS = [
  {
    id: 'local',
    name: 'local',
    rule: {
      kind: 'group',
      op: 'or',
      conditions: [
        { kind: 'tag', op: 'has', tag: 'vip' },
        { kind: 'group', op: 'and', conditions: [{ kind: 'metric', metric: 'revenue', op: 'gt', value: 300_000 }, { kind: 'in_scheme', scheme: 'lifecycle', classes: ['active', 'new'] }] },
      ],
    },
  },
  { id: 'ranked', name: 'ranked', rule: { kind: 'group', op: 'and', conditions: [{ kind: 'in_scheme', scheme: 'value', classes: ['high', 'medium'] }] } },
] as const;

const configs: fc.Arbitrary<EngineConfig> = fc.constantFrom(
  config({ customSegments: SEGMENTS as never }),
  config({ window: { kind: 'all' }, customSegments: SEGMENTS as never }),
  config({ value: { weights: { r: 0.3, f: 0.3, m: 0.4, followUps: 0.2 } }, behavior: { threshold: { kind: 'fixed', orders: 2 } } }),
  config({ window: { kind: 'days', days: 90 }, lifecycle: { newDays: 0, minGapDays: 0 } }),
);

const byId = (result: SegmentationResult) => Object.fromEntries([...result.customers].map((v) => [v.customerId, v]));
const RAW: Record<string, (c: EngineCustomer) => string | null> = { industry: (c) => c.industry, income: (c) => c.incomeBand, size: (c) => c.sizeBand };

describe('segmentation properties', () => {
  it('gives every customer exactly one class per scheme, one of classKeysOf, the same in columns and views', () => {
    fc.assert(
      fc.property(data, configs, ({ customers, orders, followUps }, cfg) => {
        const result = segmentAll(customers, orders, followUps, cfg);
        const views = byId(result);
        for (const scheme of result.schemeKeys) {
          const column = result.classKeys[scheme]!;
          expect(column).toHaveLength(customers.length);
          const allowed = classKeysOf(scheme);
          customers.forEach((c, k) => {
            const classKey = column[k]!;
            if (allowed) expect(allowed).toContain(classKey);
            else expect(classKey).toBe(textKey(RAW[scheme]!(c)));
            expect((views[c.id]!.assignments as unknown as Record<string, { classKey: string }>)[scheme]!.classKey).toBe(classKey);
          });
          const counts = result.schemes[scheme]!.counts;
          expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(customers.length);
          if (isClosedScheme(scheme)) expect(Object.keys(counts)).toEqual([...classKeysOf(scheme)]);
        }
      }),
      { numRuns: 150 },
    );
  }, 30_000); // 150 random populations: seconds on a loaded 2-core machine

  it('is deterministic: the same input in a different order gives the same output', () => {
    const shuffled = data.chain((d) =>
      fc.record({
        original: fc.constant(d),
        reordered: fc.record({
          customers: fc.shuffledSubarray(d.customers, { minLength: d.customers.length }),
          orders: fc.shuffledSubarray(d.orders, { minLength: d.orders.length }),
          followUps: fc.shuffledSubarray(d.followUps, { minLength: d.followUps.length }),
        }),
      }),
    );
    fc.assert(
      fc.property(shuffled, configs, ({ original, reordered }, cfg) => {
        const a = segmentAll(original.customers, original.orders, original.followUps, cfg);
        const b = segmentAll(reordered.customers, reordered.orders, reordered.followUps, cfg);
        expect(byId(b)).toEqual(byId(a));
        expect(b.schemes).toEqual(a.schemes);
        for (const scheme of a.schemeKeys) {
          const classes = (r: SegmentationResult) => Object.fromEntries(r.customerIds.map((id, k) => [id, r.classKeys[scheme]![k]]));
          expect(classes(b)).toEqual(classes(a));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('recomputes one changed customer exactly as a full recompute does', () => {
    const change = fc.record({
      pick: fc.nat(),
      newOrders: fc.array(fc.record({ date: dateNear, baseAmountMinor: fc.integer({ min: 0, max: 1_000_000 }) }), { maxLength: 4 }),
      dropOrders: fc.boolean(),
      newIntent: fc.constantFrom(null, 'interested', 'never' as const),
      newProfile: fc.option(profile),
    });
    fc.assert(
      fc.property(data, configs, change, ({ customers, orders, followUps }, cfg, ch) => {
        const target = customers[ch.pick % customers.length]!;
        const changedCustomer = ch.newProfile ? customer(target.id, ch.newProfile as Partial<EngineCustomer>) : target;
        const changedCustomers = customers.map((c) => (c.id === target.id ? changedCustomer : c));
        const changedOrders = [
          ...orders.filter((o) => !(ch.dropOrders && o.customerId === target.id)),
          ...ch.newOrders.map((o) => ({ customerId: target.id, ...o })),
        ];
        const changedFollowUps = ch.newIntent
          ? [...followUps, { customerId: target.id, occurredAt: `${AS_OF}T08:00:00Z`, date: AS_OF, intent: ch.newIntent, satisfaction: null }]
          : followUps;

        const full = segmentAll(changedCustomers, changedOrders, changedFollowUps, cfg).customers.get(target.id)!;
        const one = segmentOne(changedCustomer, changedOrders, changedFollowUps, cfg);
        const { scores: _scores, ...ownMetrics } = full.metrics;
        expect(one.metrics).toEqual(ownMetrics);
        const fullAssignments = full.assignments as unknown as Record<string, unknown>;
        for (const scheme of LOCAL_SCHEME_KEYS) expect(one.assignments[scheme]).toEqual(fullAssignments[scheme]);
        const localCustom = cfg.customSegments.filter((s) => s.id === 'local').map((s) => `custom:${s.id}` as const);
        for (const key of localCustom) expect(one.assignments[key]).toEqual(fullAssignments[key]);
        expect(Object.keys(one.assignments).sort()).toEqual([...LOCAL_SCHEME_KEYS, ...localCustom].sort());
      }),
      { numRuns: 150 },
    );
  });
});
