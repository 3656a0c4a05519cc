import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeColumn, rememberCoding } from '../../../shared/segmentation';
import { runSteps } from '../../../shared/domain/steps';
import { changedPositions, classAt, columnsFromCodes, decodedInSteps, hasScheme, samePeople, sameSchemeClasses, type SnapshotColumns } from '../../../db/repos/snapshot-columns';

/** Two days of the same customers: per scheme, yesterday's and today's class of each (from a few classes). */
const twoDays = fc.integer({ min: 0, max: 40 }).chain((n) =>
  fc.record({
    ids: fc.constant(Array.from({ length: n }, (_, k) => `c${k}`)),
    schemes: fc.uniqueArray(
      fc.record({
        name: fc.string({ maxLength: 6 }).map((s) => `scheme ${s}`),
        yesterday: fc.array(fc.constantFrom('gold', 'iron', '555', '111', 'new'), { minLength: n, maxLength: n }),
        today: fc.array(fc.constantFrom('gold', 'iron', '555', 'lost'), { minLength: n, maxLength: n }),
      }),
      { minLength: 1, maxLength: 4, selector: (s) => s.name },
    ),
  }),
);

/** Columns as segment_latest stores them: the schemes' classes in order, and one code per scheme and customer. */
function storedAs(asOf: string, ids: string[], columns: [string, string[]][]): SnapshotColumns {
  const coded = columns.map(([, column]) => codeColumn(column));
  const codes = new Uint8Array(ids.length * columns.length);
  coded.forEach((c, s) => codes.set(c.codes, s * ids.length));
  return columnsFromCodes(asOf, ids, columns.map(([scheme], s) => [scheme, coded[s]!.classes] as const), codes);
}

/** Counts every decoding of `columns`' schemes (each read of a column's strings). */
function countDecoding(columns: SnapshotColumns): { reads: number } {
  const counter = { reads: 0 };
  for (const scheme of Object.keys(columns.classKeys)) {
    const { get } = Object.getOwnPropertyDescriptor(columns.classKeys, scheme)!;
    Object.defineProperty(columns.classKeys, scheme, {
      enumerable: true,
      get: () => {
        counter.reads++;
        return get!();
      },
    });
  }
  return counter;
}

/** The positions where two columns differ, by a plain loop over their strings. */
const plainDifferences = (a: readonly string[], b: readonly string[]) => a.flatMap((value, k) => (value !== b[k] ? [k] : []));

describe('columns read back from their codes', () => {
  it('give back every class where it was, in the schemes order', () => {
    fc.assert(
      fc.property(twoDays, ({ ids, schemes }) => {
        const stored = storedAs('2026-11-23', ids, schemes.map((s) => [s.name, s.yesterday]));
        expect(Object.keys(stored.classKeys)).toEqual(schemes.map((s) => s.name));
        for (const s of schemes) {
          expect([...stored.classKeys[s.name]!]).toEqual(s.yesterday);
          ids.forEach((_, k) => expect(classAt(stored, s.name, k)).toBe(s.yesterday[k]));
          expect(classAt(stored, s.name, ids.length)).toBeUndefined();
        }
      }),
    );
  });

  it('are compared with a new day by their codes, never decoded, and find the changes a plain loop finds', () => {
    fc.assert(
      fc.property(twoDays, ({ ids, schemes }) => {
        const yesterday = storedAs('2026-11-23', ids, schemes.map((s) => [s.name, s.yesterday]));
        const decoding = countDecoding(yesterday);
        // Today's columns as the engine hands them out: coded as it counted them.
        const todayKeys = Object.fromEntries(schemes.map((s) => [s.name, [...s.today]]));
        for (const column of Object.values(todayKeys)) rememberCoding(column, codeColumn(column));
        const today: SnapshotColumns = { asOf: '2026-11-24', customerIds: [...ids], classKeys: todayKeys };
        expect(samePeople(yesterday, today)).toBe(true);
        for (const s of schemes) {
          expect(hasScheme(yesterday, s.name)).toBe(true);
          expect(changedPositions(today, yesterday, s.name)).toEqual(plainDifferences(s.today, s.yesterday));
          expect(sameSchemeClasses(today, yesterday, s.name)).toBe(plainDifferences(s.today, s.yesterday).length === 0);
          expect(sameSchemeClasses(yesterday, yesterday, s.name)).toBe(true);
        }
        expect(hasScheme(yesterday, 'no such scheme')).toBe(false);
        expect(decoding.reads).toBe(0);
      }),
    );
  });

  it('are compared string by string with columns that have no codes', () => {
    fc.assert(
      fc.property(twoDays, ({ ids, schemes }) => {
        const yesterday = storedAs('2026-11-23', ids, schemes.map((s) => [s.name, s.yesterday]));
        const today: SnapshotColumns = { asOf: '2026-11-24', customerIds: ids, classKeys: Object.fromEntries(schemes.map((s) => [s.name, [...s.today]])) };
        for (const s of schemes) expect(changedPositions(today, yesterday, s.name)).toEqual(plainDifferences(s.today, s.yesterday));
      }),
    );
  });

  it('are decoded a scheme per step when asked, each once', () => {
    const stored = storedAs('2026-11-23', ['a', 'b'], [
      ['pyramid', ['gold', 'iron']],
      ['rfm', ['555', '111']],
    ]);
    const decoding = countDecoding(stored);
    const steps = decodedInSteps(stored);
    let turns = 0;
    while (!steps.next().done) turns++;
    expect(turns).toBe(2);
    expect(decoding.reads).toBe(2);
    expect(stored.classKeys.rfm).toBe(stored.classKeys.rfm);
    expect(runSteps(decodedInSteps({ asOf: '2026-11-23', customerIds: ['a'], classKeys: { rfm: ['555'] } }))).toBeUndefined();
  });
});

describe('samePeople', () => {
  it('holds the same ids in the same order to be the same customers', () => {
    const day = (customerIds: string[]): SnapshotColumns => ({ asOf: '2026-11-23', customerIds, classKeys: {} });
    expect(samePeople(day(['a', 'b']), day(['a', 'b']))).toBe(true);
    expect(samePeople(day(['a', 'b']), day(['b', 'a']))).toBe(false);
    expect(samePeople(day(['a', 'b']), day(['a']))).toBe(false);
    expect(samePeople(day([]), day([]))).toBe(true);
  });
});
