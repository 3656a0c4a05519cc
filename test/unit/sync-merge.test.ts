import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeDocs, stampChanges, type FieldConflict, type FieldState, type SyncDoc } from '../../core/sync/document';
import { formatHlc, hlcToIso, maxHlc, nextHlc, parseHlc } from '../../core/sync/hlc';
import { SYNCED_TABLES } from '../../core/sync/tables';

const hlcArb = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('aa', 'bb', 'cc')).map(([ms, c, n]) => formatHlc(1_700_000_000_000 + ms, c, n));
const fieldArb: fc.Arbitrary<FieldState> = fc.record({ v: fc.constantFrom('x', 'y', 'z', null, 1), t: hlcArb, b: fc.constant(''), by: fc.constantFrom('ana', 'bo') });
// Stamps are unique per edit in practice: a stamp carries one value. Derive the value from the stamp so generated docs respect that.
const docArb: fc.Arbitrary<SyncDoc> = fc
  .dictionary(fc.constantFrom('name', 'city', 'notes', 'owner'), fieldArb, { minKeys: 1 })
  .map((fields) => ({ _id: 'customers:1', table: 'customers', fields: Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, { ...f, v: `${k}@${f.t}`, by: f.t.slice(-2) }])) }));

describe('merging two states of a document', () => {
  it('is commutative, associative and idempotent, so replicas converge in any order', () => {
    fc.assert(
      fc.property(docArb, docArb, docArb, (a, b, c) => {
        expect(mergeDocs(a, b)).toEqual(mergeDocs(b, a));
        expect(mergeDocs(mergeDocs(a, b), c)).toEqual(mergeDocs(a, mergeDocs(b, c)));
        expect(mergeDocs(a, a)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps edits to different fields and the later of two edits to one field, reporting only the unseen overwrite', () => {
    const t0 = formatHlc(1000, 0, 'aa');
    const base = { _id: 'customers:1', table: 'customers' };
    const field = (v: string, t: string, b: string, by: string) => ({ v, t, b, by });
    const ana = { ...base, fields: { city: field('杭州', formatHlc(2000, 0, 'aa'), t0, 'ana'), notes: field('', t0, '', 'ana') } };
    const bo = { ...base, fields: { city: field('', t0, '', 'ana'), notes: field('WeChat', formatHlc(3000, 0, 'bb'), t0, 'bo') } };
    const found: FieldConflict[] = [];
    expect(mergeDocs(ana, bo, found).fields).toEqual({ city: ana.fields.city, notes: bo.fields.notes });
    expect(found).toEqual([]);
    const chen = { ...base, fields: { city: field('无锡', formatHlc(4000, 0, 'cc'), t0, 'chen') } };
    expect(mergeDocs(ana, chen, found).fields.city?.v).toBe('无锡');
    expect(found).toEqual([{ docId: 'customers:1', field: 'city', kept: chen.fields.city, overwritten: ana.fields.city }]);
    // An edit made after seeing the other value is a plain update, not a conflict.
    const seen: FieldConflict[] = [];
    mergeDocs(ana, { ...base, fields: { city: field('苏州', formatHlc(5000, 0, 'bb'), ana.fields.city.t, 'bo') } }, seen);
    expect(seen).toEqual([]);
  });

  it('stamps only the columns that changed since the last synced state', () => {
    const spec = SYNCED_TABLES.find((t) => t.table === 'fx_rates')!;
    const row = { id: 'r', created_at: 'c', updated_at: 'u', deleted_at: null, currency: 'USD', rate_date: '2026-01-01', rate: 7.1 };
    const first = stampChanges(spec, 'fx_rates:r', row, null, formatHlc(1, 0, 'aa'), 'ana')!;
    expect(stampChanges(spec, 'fx_rates:r', row, first, formatHlc(2, 0, 'aa'), 'ana')).toBeNull();
    const second = stampChanges(spec, 'fx_rates:r', { ...row, rate: 7.2 }, first, formatHlc(2, 0, 'aa'), 'bo')!;
    expect(second.fields.rate).toEqual({ v: 7.2, t: formatHlc(2, 0, 'aa'), b: formatHlc(1, 0, 'aa'), by: 'bo' });
    expect(second.fields.currency).toBe(first.fields.currency);
  });

  it("stamps each changed column with its own change where one was recorded, and with the row's where that would not follow the value replaced", () => {
    const spec = SYNCED_TABLES.find((t) => t.table === 'fx_rates')!;
    const row = { id: 'r', created_at: 'c', updated_at: 'u', deleted_at: null, currency: 'USD', rate_date: '2026-01-01', rate: 7.1 };
    const first = stampChanges(spec, 'fx_rates:r', row, null, formatHlc(10, 0, 'aa'), 'ana')!;
    const edited = { ...row, rate: 7.2, rate_date: '2026-01-02', updated_at: 'u2' };
    // rate changed at 20, the date at 30 (the row's latest), updated_at with no record: each its own, the rest the row's.
    const own = new Map([['rate', formatHlc(20, 0, 'aa')], ['rate_date', formatHlc(30, 0, 'aa')]]);
    const second = stampChanges(spec, 'fx_rates:r', edited, first, formatHlc(30, 0, 'aa'), 'ana', own)!;
    expect([second.fields.rate!.t, second.fields.rate_date!.t, second.fields.updated_at!.t]).toEqual([formatHlc(20, 0, 'aa'), formatHlc(30, 0, 'aa'), formatHlc(30, 0, 'aa')]);
    expect(second.fields.rate!.b).toBe(formatHlc(10, 0, 'aa'));
    // A record from before the value it replaces (stale: that value arrived since) gives way to the row's time.
    const third = stampChanges(spec, 'fx_rates:r', { ...edited, rate: 7.3 }, second, formatHlc(40, 0, 'aa'), 'ana', new Map([['rate', formatHlc(15, 0, 'aa')]]))!;
    expect(third.fields.rate!.t).toBe(formatHlc(40, 0, 'aa'));
  });
});

describe('the hybrid logical clock', () => {
  it('orders stamps as text, never goes back behind a stamp it saw, and reads back as a time', () => {
    const seen = formatHlc(5000, 3, 'bb');
    expect(nextHlc(seen, 4000, 'aa')).toBe(formatHlc(5000, 4, 'aa'));
    expect(nextHlc(seen, 6000, 'aa')).toBe(formatHlc(6000, 0, 'aa'));
    expect(nextHlc('', 7000, 'aa')).toBe(formatHlc(7000, 0, 'aa'));
    expect(formatHlc(9, 0, 'zz') < formatHlc(10, 0, 'aa')).toBe(true);
    expect(maxHlc(formatHlc(1, 1, 'aa'), formatHlc(1, 0, 'zz'))).toBe(formatHlc(1, 1, 'aa'));
    expect(parseHlc(formatHlc(42, 7, 'node'))).toEqual({ ms: 42, counter: 7, nodeId: 'node' });
    expect(hlcToIso(formatHlc(Date.UTC(2026, 0, 2), 0, 'aa'))).toBe('2026-01-02T00:00:00.000Z');
  });
});
