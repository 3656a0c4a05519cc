/**
 * Coded class columns (shared/segmentation/class-codes.ts): the codes say the same as the strings, the tallies
 * are the plain counts, and two columns compared by their codes differ exactly where their strings do — with
 * classes met in other orders, classes one side lacks, and more classes than the short list holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeColumn, codedColumnOf, differingPositions, rememberCoding, sameClasses } from '../../../shared/segmentation';
import { tallyCodes } from '../../../shared/segmentation/class-codes';
import { ATTRIBUTE_SCHEME_KEYS } from '../../../shared/segmentation/attributes';
import { customer, order, run } from './fixtures';

/** Columns of up to 300 classes (past the short list of twelve, and past one byte's 256). */
const column = (length: number) => fc.array(fc.integer({ min: 0, max: 299 }).map((c) => `c${c}`), { minLength: length, maxLength: length });
const columnPair = fc.integer({ min: 0, max: 400 }).chain((n) => fc.tuple(column(n), column(n), fc.array(fc.nat({ max: Math.max(0, n - 1) }), { maxLength: n })));

/** A copy with every string made anew, so nothing can be equal by reference alone. */
const freshStrings = (values: readonly string[]) => values.map((v) => [...v].join(''));

const coded = (values: readonly string[]) => {
  const copy = freshStrings(values);
  rememberCoding(copy, codeColumn(copy));
  return copy;
};

describe('coded class columns', () => {
  it('decode to the column, in the narrowest width, and tally to the plain counts', () => {
    fc.assert(
      fc.property(column(500).chain((c) => fc.tuple(fc.constant(c), fc.subarray([...c.keys()]))), ([values, members]) => {
        const { classes, codes } = codeColumn(values);
        expect(Array.from(codes, (code) => classes[code])).toEqual(values);
        expect(new Set(classes).size).toBe(classes.length);
        expect(codes.BYTES_PER_ELEMENT).toBe(classes.length <= 256 ? 1 : 2);
        const plain = new Map<string, number>();
        for (const v of values) plain.set(v, (plain.get(v) ?? 0) + 1);
        expect(new Map([...tallyCodes({ classes, codes })].sort())).toEqual(new Map([...plain].sort()));
        const ofMembers = new Map<string, number>();
        for (const k of members) ofMembers.set(values[k]!, (ofMembers.get(values[k]!) ?? 0) + 1);
        expect(new Map([...tallyCodes({ classes, codes }, members)].sort())).toEqual(new Map([...ofMembers].sort()));
      }),
      { numRuns: 200 },
    );
  });

  it('compare by codes exactly as by strings, whichever sides were coded', () => {
    fc.assert(
      fc.property(columnPair, ([a, b, copied]) => {
        // Some positions the same, so that equal classes coded in different orders are met.
        const prior = [...b];
        for (const k of copied) prior[k] = a[k]!;
        const byStrings = a.flatMap((v, k) => (v !== prior[k] ? [k] : []));
        for (const [current, before] of [
          [coded(a), coded(prior)],
          [coded(a), freshStrings(prior)],
          [freshStrings(a), coded(prior)],
        ] as const) {
          expect(differingPositions(current, before)).toEqual(byStrings);
          expect(sameClasses(current, before)).toBe(byStrings.length === 0);
        }
        expect(sameClasses(coded(a), coded(freshStrings(a)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('are remembered for that very array only', () => {
    const values = ['gold', 'iron', 'gold'];
    const coding = codeColumn(values);
    rememberCoding(values, coding);
    expect(codedColumnOf(values)).toBe(coding);
    expect(codedColumnOf([...values])).toBeUndefined();
  });

  it('of every scheme after a run, and after a second run on the same customers, decode to the columns and count as they do', () => {
    // Twenty countries (past the short list of twelve) with cities, types and orders spread over them.
    const countries = ['CN', 'US', 'DE', 'FR', 'JP', 'KR', 'GB', 'IT', 'ES', 'BR', 'IN', 'RU', 'CA', 'AU', 'MX', 'NL', 'SE', 'CH', 'TR', 'VN'];
    const people = Array.from({ length: 600 }, (_, k) =>
      customer(`c${k}`, { country: countries[k % 20]!, city: `City ${k % 33}`, type: (['enterprise', 'individual', 'distributor'] as const)[k % 3], industry: k % 5 === 0 ? null : `I${k % 4}` }),
    );
    const orders = people.flatMap((p, k) => Array.from({ length: k % 6 }, (_, j) => order(p.id, `2026-0${1 + ((k + j) % 6)}-1${j}`, 1000 * (1 + ((k * 31 + j) % 97)))));
    const first = run(people, orders);
    const second = run(people, orders);
    for (const result of [first, second]) {
      for (const scheme of result.schemeKeys) {
        const column = result.classKeys[scheme]!;
        const coding = codedColumnOf(column);
        expect(coding, scheme).toBeDefined();
        expect(Array.from(coding!.codes, (code) => coding!.classes[code]), scheme).toEqual(column);
        const plain: Record<string, number> = {};
        for (const classKey of column) plain[classKey] = (plain[classKey] ?? 0) + 1;
        expect(Object.fromEntries(Object.entries(result.schemes[scheme]!.counts).filter(([, n]) => n > 0)), scheme).toEqual(plain);
      }
    }
    expect(new Set(first.classKeys.country).size).toBe(20);
    // The second run's attribute columns are its own arrays, coded by the first run's coding (not coded again).
    for (const scheme of ATTRIBUTE_SCHEME_KEYS) {
      expect(second.classKeys[scheme], scheme).not.toBe(first.classKeys[scheme]);
      expect(second.classKeys[scheme], scheme).toEqual(first.classKeys[scheme]);
      expect(codedColumnOf(second.classKeys[scheme]!), scheme).toBe(codedColumnOf(first.classKeys[scheme]!));
    }
  });
});
