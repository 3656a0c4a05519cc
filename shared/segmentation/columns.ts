/**
 * Class keys only, column by column (scheme → one key per customer, in input order). This is the cheap
 * path that runs for every customer; explanations are built per customer on request (customer-view.ts)
 * from the same class functions, so the two always agree.
 */
import { assignAttribute, ATTRIBUTE_SCHEME_KEYS } from './attributes';
import { behaviorClassOf } from './behavior';
import { intentClassOf } from './intent';
import { lifecycleStateOf } from './lifecycle';
import { ownMetricsOf } from './local-schemes';
import { loyaltyClassOf } from './loyalty';
import { pyramidClassOf } from './pyramid';
import { rfmClassOf, rfSegmentClassOf } from './rfm';
import type { Run } from './run';
import type { EngineCustomer } from './types';
import type { SchemeKey } from './schemes';
import { valueClassOf } from './value';
import { inStretches, runSteps, type Steps } from '../domain/steps';
import { codedColumnOf, codeColumn, rememberCoding } from './class-codes';

/** A copy of `column` that shares its coding, if it has one (a column's coding is never written). */
function copyWithCoding(column: readonly string[]): string[] {
  const copy = column.slice();
  const coded = codedColumnOf(column);
  if (coded) rememberCoding(copy, coded);
  return copy;
}

/**
 * Every customer's attribute classes, per customers array: the app hands the engine the same array while
 * no customer changed (it copies it when one does), so a recompute of unchanged customers copies eight
 * columns instead of classing 100k customers again. Keyed by the array: a few entries, however many
 * customers. Kept as copies: the columns handed out are the caller's to change.
 */
const attributeColumnsOf = new WeakMap<readonly EngineCustomer[], readonly (readonly string[])[]>();

export function classColumns(run: Run): Record<string, string[]> {
  return runSteps(classColumnsInSteps(run));
}

/**
 * Customers whose classes are filled per step: every scheme's class for each, so a customer costs sixteen
 * times what it does in one of the engine's passes (CUSTOMERS_PER_STEP, 25,000 a step), which took 40-110 ms
 * in one turn at 100k after a full read.
 */
const CLASSED_PER_STEP = 10_000;

/** classColumns yielding every CLASSED_PER_STEP customers (shared/domain/steps.ts). */
export function* classColumnsInSteps(run: Run): Steps<Record<string, string[]>> {
  const { pop, config } = run;
  const n = pop.customers.length;
  const column = (): string[] => new Array<string>(n);
  const columns: Record<SchemeKey, string[]> = {
    rfm: column(),
    rf_segment: column(),
    value: column(),
    pyramid: column(),
    lifecycle: column(),
    loyalty: column(),
    behavior: column(),
    intent: column(),
    locality: column(),
    continent: column(),
    country: column(),
    type: column(),
    industry: column(),
    income: column(),
    size: column(),
    needs: column(),
  };
  // The attribute columns in ATTRIBUTE_SCHEME_KEYS order, so the loop below indexes an array rather than
  // looking a column up by its name 800k times.
  const attributeColumns = ATTRIBUTE_SCHEME_KEYS.map((key) => columns[key]);
  // The same customers as a run before (a recompute with no customer changed): their attribute columns,
  // copied, with their coding (class-codes.ts): the same classes in the same places, so the same codes.
  const kept = attributeColumnsOf.get(pop.customers);
  if (kept) kept.forEach((column, a) => (columns[ATTRIBUTE_SCHEME_KEYS[a]!] = copyWithCoding(column)));
  yield* inStretches(n, CLASSED_PER_STEP, (from, to) => fillClasses(run, columns, attributeColumns, kept !== undefined, from, to));
  if (!kept) {
    // Coded here, once, for this run's columns and the copies kept: the engine's count reads the codes.
    for (const column of attributeColumns) {
      yield;
      rememberCoding(column, codeColumn(column));
    }
    attributeColumnsOf.set(pop.customers, attributeColumns.map(copyWithCoding));
  }

  const all: Record<string, string[]> = columns;
  if (run.segments.length === 0) return all;
  const segmentColumns = run.segments.map((segment) => {
    const out = column();
    all[segment.key] = out;
    return out;
  });
  yield;
  yield* inStretches(n, CLASSED_PER_STEP, (from, to) => fillSegments(run, all, segmentColumns, from, to));
  return all;
}

/*
 * The passes' loops are ordinary functions of their arguments, called a stretch at a time: inside a generator,
 * or reading the generator's variables through a closure, the same loops ran markedly slower.
 */

/** The built-in schemes' classes of customers from … to − 1; the attribute columns too unless `attributesKept`. */
function fillClasses(run: Run, columns: Record<SchemeKey, string[]>, attributeColumns: string[][], attributesKept: boolean, from: number, to: number): void {
  const { pop, config } = run;
  for (let i = from; i < to; i++) {
    const customer = pop.customers[i]!;
    const ranking = run.rankingOf(i);
    const { r, f, m } = ranking.scores;
    const lifecycle = lifecycleStateOf(pop, i, run.medianGaps[i]!, config).classKey;
    columns.rfm[i] = rfmClassOf(ranking, i);
    columns.rf_segment[i] = rfSegmentClassOf(ranking, i);
    columns.value[i] = valueClassOf(ranking, i);
    columns.pyramid[i] = pyramidClassOf(ranking, i);
    columns.lifecycle[i] = lifecycle;
    columns.loyalty[i] = loyaltyClassOf(lifecycle, r[i]!, f[i]!, m[i]!, config.loyalty);
    columns.behavior[i] = behaviorClassOf(pop, ranking, i);
    columns.intent[i] = intentClassOf(pop, i);
    if (attributesKept) continue;
    // Classed anew, not remembered per customer object: a WeakMap of 100k customers made each full
    // collection of the app's heap mark its entries (ephemerons) one by one in its pause, 80-200 ms at
    // 100k, the longest wait of a full read; each class is looked up by its raw value (attributes.ts).
    for (let a = 0; a < attributeColumns.length; a++) attributeColumns[a]![i] = assignAttribute(ATTRIBUTE_SCHEME_KEYS[a]!, customer).classKey;
  }
}

/** The custom segments' classes of customers from … to − 1 (custom rules may read built-in classes, all filled in before). */
function fillSegments(run: Run, all: Record<string, string[]>, segmentColumns: string[][], from: number, to: number): void {
  const { pop } = run;
  for (let i = from; i < to; i++) {
    const ctx = { customer: pop.customers[i]!, metrics: ownMetricsOf(pop, i), classOf: (scheme: string): string => all[scheme]![i]! };
    run.segments.forEach((segment, s) => {
      segmentColumns[s]![i] = segment.run(ctx).result ? 'member' : 'non_member';
    });
  }
}
