import { AppError, invalidInput, type OutputOf } from '../../shared/contract';
import { PREDICTION_SORTS, type FitSummary } from '../../shared/contract/prediction';
import { fitSummaryCsv, type SummaryFit } from '../prediction/summary-csv';
import { refusedFit } from '../prediction/refused';
import type { BaseMoney } from './base-money';
import { pastAsOf } from './as-of';
import { optionalInt, optionalString, readFlagFile, requireFlag, UsageError } from './args';
import { pad, type CliContext, type Command } from './commands';
import { say, sayAs } from './words';
import type { IssueClauses } from './flag-errors';

type Flags = Parameters<Command['run']>[0];
type Predictions = OutputOf<'prediction:customers'>;

/**
 * --as-of, refused when it is a day to come: the model would read the days until then as days without an order
 * (every customer's age grows, no purchase comes), and score everyone as slipping. The holdout check refuses a
 * split on or after today for the same reason (prediction_split_not_past).
 */
const predictAsOf = (v: Flags, context: CliContext) => pastAsOf(v, context, 'prediction_as_of_after_today');

/**
 * A book where nobody has bought on a second day gives no fit (shared/prediction FitRefusal): said as the data's
 * answer, not as a fault of the --as-of or --split typed (which may not have been typed at all).
 */
const REFUSAL_CLAUSES: IssueClauses = {
  prediction_no_repeat_purchases: (p) => (language) =>
    language === 'en'
      ? `nothing to predict from as of ${p.asOf}: none of the customers who bought on or before it (${p.customers}) has bought on a second day, and purchase likelihood is learned from repeat purchases spread over time`
      : say('errors:issue.prediction_no_repeat_purchases', p)(language),
};

/** The readable lines of `predict`: a row per customer, or why there is none. */
function predictionLines(o: Predictions & { offset: number; customerId: string | undefined }, money: BaseMoney): string {
  if (o.rows.length > 0) {
    return o.rows
      .map((r) => `${r.id}  score ${pad(String(r.score), 4)} P(alive) ${fixed(r.pAlive, 3)}  next 90 days ${fixed(r.expectedPurchases.d90, 2)}  order ${money(r.expectedOrderValueMinor)}  CLV ${money(r.clvMinor)}  ${r.confidence} ${r.method}`)
      .join('\n');
  }
  // An empty page is not an empty book: past the end, say where the end is.
  if (o.total > 0) return `--offset ${o.offset} is past the last of the ${o.total} customers with orders as of ${o.asOf}.`;
  if (o.customerId !== undefined) return `Customer ${o.customerId} has no orders on or before ${o.asOf} to predict from.`;
  return `No customers with orders on or before ${o.asOf}.`;
}

function unitFlag(v: Flags): 'day' | 'week' {
  const unit = optionalString(v, 'unit') ?? 'day';
  if (unit !== 'day' && unit !== 'week') throw new UsageError(say('cli:usage.oneOfBar', { name: 'unit', choices: 'week|day', value: unit }));
  return unit;
}

const fixed = (n: number, digits = 4) => n.toFixed(digits);

function fitLines(o: SummaryFit | FitSummary): string[] {
  const { r, alpha, a, b, ll } = o.bgnbd;
  return [
    `BG/NBD  r ${fixed(r)}  α ${fixed(alpha)}  a ${fixed(a)}  b ${fixed(b)}  log-likelihood ${fixed(ll, 3)}  (${o.customers} customers)`,
    ...(o.gammaGamma ? [`Gamma-Gamma  p ${fixed(o.gammaGamma.p)}  q ${fixed(o.gammaGamma.q)}  γ ${fixed(o.gammaGamma.gamma)}  log-likelihood ${fixed(o.gammaGamma.ll, 3)}`] : []),
    ...('method' in o ? [`method ${o.method}${o.fallbackReason ? ` (${o.fallbackReason})` : ''}, spend ${o.spendMethod}, unit ${o.unit}`] : []),
  ];
}

/** --sort as the contract takes it; a word it does not know is a usage mistake that names the choices. */
function predictionSort(given: string | undefined): (typeof PREDICTION_SORTS)[number] | undefined {
  if (given === undefined) return undefined;
  const sort = PREDICTION_SORTS.find((s) => s === given);
  if (!sort) throw new UsageError(say('cli:usage.oneOf', { name: 'sort', choices: PREDICTION_SORTS.join(', '), value: given }));
  return sort;
}

/** Purchase likelihood and customer value from the command line (docs/prediction.md). */
export const PREDICTION_COMMANDS: Command[] = [
  {
    words: ['predict', 'fit'],
    flags: { summary: { type: 'string' }, 'as-of': { type: 'string' }, unit: { type: 'string' } },
    clauses: REFUSAL_CLAUSES,
    offline: (v) => optionalString(v, 'summary') !== undefined,
    run: async (v, call, context) => {
      const summary = optionalString(v, 'summary');
      if (summary !== undefined) {
        unitFlag(v); // The file's numbers are already in its unit; the flag only has to be valid.
        const text = readFlagFile('summary', summary, (said) => sayAs(new AppError('invalid_input', said('en')), said));
        try {
          return fitSummaryCsv(text);
        } catch (error) {
          // The command was right and the file was not: refused input (exit 1), not a usage mistake (exit 2).
          const said = say('cli:file.summary', { path: summary, reason: (error as Error).message });
          throw sayAs(new AppError('invalid_input', said('en')), said);
        }
      }
      return call('prediction:fit', { asOf: predictAsOf(v, context), unit: unitFlag(v) });
    },
    human: (o: SummaryFit | FitSummary) => fitLines(o).join('\n'),
  },
  {
    words: ['predict', 'holdout'],
    flags: { split: { type: 'string' }, until: { type: 'string' } },
    clauses: REFUSAL_CLAUSES,
    run: (v, call) => call('prediction:holdout', { split: requireFlag(v, 'split'), until: optionalString(v, 'until') }),
    human: (o: OutputOf<'prediction:holdout'>) =>
      [
        `Fitted to ${o.split}, compared over ${o.holdoutDays} days to ${o.until}`,
        ...fitLines(o.fit),
        'Repeat purchases per customer after the split, by purchases before it:',
        ...o.byFrequency.map((b) => `  ${pad(b.x === 7 ? '7+' : String(b.x), 4)} ${pad(String(b.customers), 8)} actual ${fixed(b.actual, 3)}  predicted ${fixed(b.predicted, 3)}`),
        ...(o.cumulative.length ? [`Cumulative by week ${o.cumulative.length}: actual ${o.cumulative.at(-1)!.actual}, predicted ${fixed(o.cumulative.at(-1)!.predicted, 1)}`] : []),
      ].join('\n'),
  },
  {
    words: ['predict'],
    usesBaseCurrency: true,
    flags: { 'as-of': { type: 'string' }, customer: { type: 'string' }, sort: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } },
    clauses: REFUSAL_CLAUSES,
    run: async (v, call, context) => {
      const customerId = optionalString(v, 'customer');
      const offset = optionalInt(v, 'offset') ?? 0;
      const page = await call('prediction:customers', { asOf: predictAsOf(v, context), customerId, sort: predictionSort(optionalString(v, 'sort')), limit: optionalInt(v, 'limit') ?? 100, offset });
      // No rows and a reason: a script reading `[]` would take it for a book without orders, so it is refused as `predict fit` is.
      if (page.refused) throw refusedFit(page.refused, page.asOf, 'asOf');
      return { ...page, offset, customerId, rows: page.rows.map(({ purchases: _p, typicalGapDays: _g, daysSinceLast: _d, ...row }) => row) };
    },
    // Scripts read the rows alone, as before; the count and the page's place are for the readable lines.
    json: (o: { rows: unknown[] }) => o.rows,
    human: predictionLines,
  },
];
