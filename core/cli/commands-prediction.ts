import { AppError, invalidInput, type OutputOf } from '../../shared/contract';
import { PREDICTION_SORTS, type FitSummary } from '../../shared/contract/prediction';
import { fitSummaryCsv, type SummaryFit } from '../prediction/summary-csv';
import { refusedFit } from '../prediction/refused';
import { pAliveEstimated } from '../../shared/prediction/once';
import type { BaseMoney } from './base-money';
import { pastAsOf } from './as-of';
import { optionalInt, optionalString, readFlagFile, requireFlag, UsageError } from './args';
import { pad, type Caller, type CliContext, type Command } from './commands';
import { say, sayAs, type Words } from './words';
import type { IssueClauses } from './flag-errors';

type Flags = Parameters<Command['run']>[0];
type Predictions = OutputOf<'prediction:customers'>;
/** A page as the readable lines need it: where it starts, the customer asked for, and each row's customer's name. */
type PredictionPage = Predictions & { offset: number; customerId: string | undefined; names: string[] };

/**
 * The name of each row's customer, for the lines for people only (--json prints the rows as they were, ids alone):
 * at most a page of look-ups by id. A customer gone since the fit (deleted for good) is named by nothing.
 */
async function customerNames(v: Flags, call: Caller, rows: Predictions['rows']): Promise<string[]> {
  if (v.json === true) return [];
  return Promise.all(rows.map((r) => call('customers:get', { id: r.id }).then((c) => c.name, () => '')));
}

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
function predictionLines(o: PredictionPage, money: BaseMoney, w: Words): string {
  if (o.rows.length > 0) {
    return o.rows
      .map((r, i) => {
        // A one-time buyer's P(alive) is 1 by the model's construction (shared/prediction/once.ts): not a figure to read.
        const once = !pAliveEstimated(r.purchases);
        const line = w('cli:out.predict.row', {
          // Who the customer is first, as `today` and `followups due` name them; the id last, for --customer.
          name: pad(o.names?.[i] ?? '', 20),
          score: pad(String(r.score), 4),
          pAlive: once ? pad('–', 5) : fixed(r.pAlive, 3),
          d90: fixed(r.expectedPurchases.d90, 2),
          order: money(r.expectedOrderValueMinor),
          clv: money(r.clvMinor),
          confidence: w(`cli:out.predict.confidence.${r.confidence}`),
          method: w(`cli:out.predict.method.${r.method}`),
        });
        // The note belongs to the figures; the id stays last on every line, where --customer takes it from.
        return [line, ...(once ? [w('prediction:onceNote')] : []), r.id].join('  ');
      })
      .join('\n');
  }
  // An empty page is not an empty book: past the end, say where the end is.
  if (o.total > 0) return w('cli:out.predict.pastEnd', { offset: o.offset, total: o.total, asOf: o.asOf });
  if (o.customerId !== undefined) return w('cli:out.predict.customerWithout', { id: o.customerId, asOf: o.asOf });
  return w('cli:out.predict.none', { asOf: o.asOf });
}

function unitFlag(v: Flags): 'day' | 'week' {
  const unit = optionalString(v, 'unit') ?? 'day';
  if (unit !== 'day' && unit !== 'week') throw new UsageError(say('cli:usage.oneOfBar', { name: 'unit', choices: 'week|day', value: unit }));
  return unit;
}

const fixed = (n: number, digits = 4) => n.toFixed(digits);

/** The fitted model's parameters (the models' own names, docs/prediction.md); the method, spend model and unit in words. */
function fitLines(o: SummaryFit | FitSummary, w: Words): string[] {
  const { r, alpha, a, b, ll } = o.bgnbd;
  return [
    w('cli:out.predict.bgnbd', { r: fixed(r), alpha: fixed(alpha), a: fixed(a), b: fixed(b), ll: fixed(ll, 3), customers: o.customers }),
    ...(o.gammaGamma ? [w('cli:out.predict.gammaGamma', { p: fixed(o.gammaGamma.p), q: fixed(o.gammaGamma.q), gamma: fixed(o.gammaGamma.gamma), ll: fixed(o.gammaGamma.ll, 3) })] : []),
    ...('method' in o
      ? [
          w('cli:out.predict.method_line', {
            method: w(`cli:out.predict.method.${o.method}`),
            reason: o.fallbackReason ? w('cli:out.predict.reason', { reason: w(`cli:out.predict.fallback.${o.fallbackReason}`) }) : '',
            spend: w(`cli:out.predict.spend.${o.spendMethod}`),
            unit: w(`cli:out.predict.unit.${o.unit}`),
          }),
        ]
      : []),
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
    human: (o: SummaryFit | FitSummary, _money, w) => fitLines(o, w).join('\n'),
  },
  {
    words: ['predict', 'holdout'],
    flags: { split: { type: 'string' }, until: { type: 'string' } },
    clauses: REFUSAL_CLAUSES,
    run: (v, call) => call('prediction:holdout', { split: requireFlag(v, 'split'), until: optionalString(v, 'until') }),
    human: (o: OutputOf<'prediction:holdout'>, _money, w) =>
      [
        w('cli:out.predict.holdout', { split: o.split, days: o.holdoutDays, until: o.until }),
        ...fitLines(o.fit, w),
        w('cli:out.predict.byFrequency'),
        ...o.byFrequency.map((b) => w('cli:out.predict.frequencyRow', { x: pad(b.x === 7 ? '7+' : String(b.x), 4), customers: pad(String(b.customers), 8), actual: fixed(b.actual, 3), predicted: fixed(b.predicted, 3) })),
        ...(o.cumulative.length ? [w('cli:out.predict.cumulative', { weeks: o.cumulative.length, actual: o.cumulative.at(-1)!.actual, predicted: fixed(o.cumulative.at(-1)!.predicted, 1) })] : []),
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
      return { ...page, offset, customerId, names: await customerNames(v, call, page.rows) };
    },
    // Scripts read the rows alone, as before; the count, the page's place and the purchase days are for the readable lines.
    json: (o: Predictions) => o.rows.map(({ purchases: _p, typicalGapDays: _g, daysSinceLast: _d, ...row }) => row),
    human: predictionLines,
  },
];
