/**
 * A class column coded: its distinct classes in order of first appearance, and per customer the index of
 * theirs, in the narrowest unsigned integers that hold them (one byte for every scheme the app has). The
 * engine codes each column once, as it counts it: the counts come from the codes, and whoever stores or
 * compares the same column later (the tier history's kept columns, a new day's change points) reads the
 * codes instead of looking 100k strings up again.
 *
 * The codes are remembered per column array (codedColumnOf), which is sound because a column the engine
 * hands out is never written again: a write copies it first (core/segmentation/lineage.ts).
 */

export type ClassCodes = Uint8Array | Uint16Array | Uint32Array;

export interface CodedColumn {
  classes: readonly string[];
  codes: ClassCodes;
}

/** Classes compared one by one before they are looked up in a Map. */
const FEW_CLASSES = 12;

/**
 * `column` coded. Most schemes have a handful of classes, the same few strings over and over: a short list
 * compared with === is several times quicker than hashing 100k keys; a Map takes over past a few (countries).
 */
export function codeColumn(column: readonly string[]): CodedColumn {
  const n = column.length;
  // One byte a customer until a 257th class turns up (never, for the app's schemes): then the codes so far
  // are copied into wider ones.
  let codes: ClassCodes = new Uint8Array(n);
  let limit = 0x100;
  const classes: string[] = [];
  let indexOf: Map<string, number> | null = null;
  for (let k = 0; k < n; k++) {
    const classKey = column[k]!;
    let code: number | undefined;
    if (indexOf) code = indexOf.get(classKey);
    else {
      code = 0;
      while (code < classes.length && classes[code] !== classKey) code++;
      if (code === classes.length) code = undefined;
    }
    if (code === undefined) {
      code = classes.length;
      classes.push(classKey);
      if (indexOf) indexOf.set(classKey, code);
      else if (classes.length > FEW_CLASSES) indexOf = new Map(classes.map((c, x) => [c, x]));
      if (code >= limit) {
        const wider: ClassCodes = limit === 0x100 ? new Uint16Array(n) : new Uint32Array(n);
        wider.set(codes);
        codes = wider;
        limit = limit === 0x100 ? 0x10000 : 2 ** 32;
      }
    }
    codes[k] = code;
  }
  return { classes, codes };
}

/** How many customers have each class (of `members` only, when given: positions in the column). */
export function tallyCodes(coded: CodedColumn, members?: readonly number[]): Map<string, number> {
  const tally = new Float64Array(coded.classes.length);
  const { codes } = coded;
  if (members) for (let x = 0; x < members.length; x++) tally[codes[members[x]!]!]! += 1;
  else for (let k = 0; k < codes.length; k++) tally[codes[k]!]! += 1;
  const counts = new Map<string, number>();
  coded.classes.forEach((classKey, code) => {
    if (tally[code]! > 0) counts.set(classKey, tally[code]!);
  });
  return counts;
}

const coded = new WeakMap<readonly string[], CodedColumn>();

/** Remembers `codes` as the coding of `column` (which must not be written afterwards). */
export function rememberCoding(column: readonly string[], codes: CodedColumn): void {
  coded.set(column, codes);
}

/** The coding remembered for this very column array, if the engine coded it. */
export function codedColumnOf(column: readonly string[]): CodedColumn | undefined {
  return coded.get(column);
}

/**
 * Per code of `prior`, the code of the same class in `current` (−1 where current has no such class): two
 * coded columns compared position by position as integers instead of strings.
 */
function remapped(prior: CodedColumn, current: CodedColumn): Int32Array {
  const codeOf = new Map(current.classes.map((classKey, code) => [classKey, code]));
  return Int32Array.from(prior.classes, (classKey) => codeOf.get(classKey) ?? -1);
}

/**
 * Calls `found(k)` at each position where coded columns `current` and `prior` (of the same customers, in the
 * same order) hold different classes, in order, until it returns false; positions past the end of `prior`
 * differ. Integers compared, not strings.
 */
function forEachCodedDifference(current: CodedColumn, prior: CodedColumn, found: (k: number) => boolean): void {
  const remap = remapped(prior, current);
  const n = Math.min(current.codes.length, prior.codes.length);
  for (let k = 0; k < n; k++) if (remap[prior.codes[k]!] !== current.codes[k] && !found(k)) return;
  for (let k = n; k < current.codes.length; k++) if (!found(k)) return;
}

/**
 * forEachCodedDifference for two columns of strings, by their codes where both were coded: a new day's
 * sixteen comparisons against columns decoded from the database compared two strings' contents at each
 * position, about 80 ms at 100k.
 */
function forEachDifference(current: readonly string[], prior: readonly string[], found: (k: number) => boolean): void {
  const a = codedColumnOf(current);
  const b = codedColumnOf(prior);
  if (a && b && a.codes.length === current.length && b.codes.length === prior.length) return forEachCodedDifference(a, b, found);
  for (let k = 0; k < current.length; k++) if (current[k] !== prior[k] && !found(k)) return;
}

/** The positions where `current` and `prior` hold different classes (forEachDifference). */
export function differingPositions(current: readonly string[], prior: readonly string[]): number[] {
  const changed: number[] = [];
  forEachDifference(current, prior, (k) => changed.push(k) > 0);
  return changed;
}

/** The positions where coded columns `current` and `prior` hold different classes (forEachCodedDifference). */
export function differingCodes(current: CodedColumn, prior: CodedColumn): number[] {
  const changed: number[] = [];
  forEachCodedDifference(current, prior, (k) => changed.push(k) > 0);
  return changed;
}

/** True when the two columns hold the same classes at every position (forEachDifference). */
export function sameClasses(x: readonly string[], y: readonly string[]): boolean {
  if (x.length !== y.length) return false;
  let same = true;
  forEachDifference(x, y, () => (same = false));
  return same;
}

/** True when the two coded columns hold the same classes at every position (forEachCodedDifference). */
export function sameCodes(x: CodedColumn, y: CodedColumn): boolean {
  if (x.codes.length !== y.codes.length) return false;
  let same = true;
  forEachCodedDifference(x, y, () => (same = false));
  return same;
}
