import { codedColumnOf, differingCodes, differingPositions, rememberCoding, sameClasses, sameCodes, type ClassCodes, type CodedColumn } from '../../shared/segmentation';
import type { Steps } from '../../shared/domain/steps';

/** One day's classes: classKeys[scheme][k] is the class of customerIds[k]. */
export interface SnapshotColumns {
  asOf: string;
  customerIds: readonly string[];
  classKeys: Record<string, readonly string[]>;
}

/**
 * The codes of each scheme of columns read back from segment_latest, keyed by their classKeys object. Their
 * strings are made only when a column is read: a new day compares yesterday's classes with today's by these
 * codes alone, and decoding the sixteen columns of 100k customers cost 15-19 ms and 13 MB of short-lived
 * arrays for nothing.
 */
const storedCodings = new WeakMap<object, ReadonlyMap<string, CodedColumn>>();

/**
 * A day's columns from segment_latest's codes: `codes` holds each scheme's column of `customerIds.length`
 * codes in `schemes`' order, each an index into that scheme's classes. A scheme's strings are decoded the
 * first time its column is read, and then remembered with their coding (class-codes.ts).
 */
export function columnsFromCodes(asOf: string, customerIds: readonly string[], schemes: readonly (readonly [string, readonly string[]])[], codes: ClassCodes): SnapshotColumns {
  const n = customerIds.length;
  const classKeys: Record<string, readonly string[]> = {};
  const coding = new Map<string, CodedColumn>();
  schemes.forEach(([scheme, classes], s) => {
    const coded: CodedColumn = { classes, codes: codes.subarray(s * n, (s + 1) * n) };
    coding.set(scheme, coded);
    let column: string[] | undefined;
    Object.defineProperty(classKeys, scheme, {
      enumerable: true,
      configurable: true,
      get: () => {
        if (!column) {
          column = decoded(coded);
          rememberCoding(column, coded);
        }
        return column;
      },
    });
  });
  storedCodings.set(classKeys, coding);
  return { asOf, customerIds, classKeys };
}

/** A coded column's strings. */
function decoded({ classes, codes }: CodedColumn): string[] {
  const column = new Array<string>(codes.length);
  for (let k = 0; k < codes.length; k++) column[k] = classes[codes[k]!]!;
  return column;
}

/** Every scheme's column of `columns` decoded, a scheme per step (before a transaction that reads them all). */
export function* decodedInSteps(columns: SnapshotColumns): Steps<void> {
  if (!storedCodings.has(columns.classKeys)) return;
  for (const scheme of Object.keys(columns.classKeys)) {
    yield;
    void columns.classKeys[scheme];
  }
}

/** True when `columns` has a column for `scheme` (without decoding it). */
export const hasScheme = (columns: SnapshotColumns, scheme: string): boolean => Object.hasOwn(columns.classKeys, scheme);

/** `scheme`'s column as codes, for columns read from segment_latest or coded by the engine; else undefined. */
function codingOf(columns: SnapshotColumns, scheme: string): CodedColumn | undefined {
  const coded = storedCodings.get(columns.classKeys)?.get(scheme) ?? codedColumnOf(columns.classKeys[scheme]!);
  return coded?.codes.length === columns.customerIds.length ? coded : undefined;
}

/**
 * The positions where `scheme`'s classes in `current` differ from those in `prior`, two days of the same
 * customers in the same order (both must have the scheme): by codes where both have them.
 */
export function changedPositions(current: SnapshotColumns, prior: SnapshotColumns, scheme: string): number[] {
  const a = codingOf(current, scheme);
  const b = codingOf(prior, scheme);
  return a && b ? differingCodes(a, b) : differingPositions(current.classKeys[scheme]!, prior.classKeys[scheme]!);
}

/** True when `scheme`'s classes are the same in `x` and `y` at every position (both must have the scheme). */
export function sameSchemeClasses(x: SnapshotColumns, y: SnapshotColumns, scheme: string): boolean {
  const a = codingOf(x, scheme);
  const b = codingOf(y, scheme);
  return a && b ? sameCodes(a, b) : sameClasses(x.classKeys[scheme]!, y.classKeys[scheme]!);
}

/** `scheme`'s class at position k of `columns` (undefined past its end), without decoding a stored column. */
export function classAt(columns: SnapshotColumns, scheme: string, k: number): string | undefined {
  const coded = storedCodings.get(columns.classKeys)?.get(scheme);
  return coded ? (k < coded.codes.length ? coded.classes[coded.codes[k]!] : undefined) : columns.classKeys[scheme]![k];
}

/** True when the two days hold the very same customers in the same order. */
export function samePeople(a: SnapshotColumns, b: SnapshotColumns): boolean {
  if (a.customerIds === b.customerIds) return true;
  if (a.customerIds.length !== b.customerIds.length) return false;
  for (let k = 0; k < a.customerIds.length; k++) if (a.customerIds[k] !== b.customerIds[k]) return false;
  return true;
}
