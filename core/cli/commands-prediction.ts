import { readFileSync } from 'node:fs';
import { AppError, type OutputOf } from '../../shared/contract';
import { PREDICTION_SORTS, type FitSummary } from '../../shared/contract/prediction';
import { fitSummaryCsv, type SummaryFit } from '../prediction/summary-csv';
import { optionalInt, optionalString, requireFlag, UsageError } from './args';
import { pad, type Command } from './commands';

type Flags = Parameters<Command['run']>[0];

function unitFlag(v: Flags): 'day' | 'week' {
  const unit = optionalString(v, 'unit') ?? 'day';
  if (unit !== 'day' && unit !== 'week') throw new UsageError(`--unit must be week|day, got "${unit}"`);
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
  if (!sort) throw new UsageError(`--sort must be one of ${PREDICTION_SORTS.join(', ')}, got "${given}"`);
  return sort;
}

/** Purchase likelihood and customer value from the command line (docs/prediction.md). */
export const PREDICTION_COMMANDS: Command[] = [
  {
    words: ['predict', 'fit'],
    summary: 'Fit BG/NBD (+ Gamma-Gamma): --summary FILE.csv (no --db needed) or --db FILE --as-of YYYY-MM-DD [--unit week|day].',
    flags: { summary: { type: 'string' }, 'as-of': { type: 'string' }, unit: { type: 'string' } },
    offline: (v) => optionalString(v, 'summary') !== undefined,
    run: async (v, call) => {
      const summary = optionalString(v, 'summary');
      if (summary !== undefined) {
        unitFlag(v); // The file's numbers are already in its unit; the flag only has to be valid.
        try {
          return fitSummaryCsv(readFileSync(summary, 'utf8'));
        } catch (error) {
          // The command was right and the file was not: refused input (exit 1), not a usage mistake (exit 2).
          throw new AppError('invalid_input', `--summary ${summary}: ${(error as Error).message}`);
        }
      }
      return call('prediction:fit', { asOf: optionalString(v, 'as-of'), unit: unitFlag(v) });
    },
    human: (o: SummaryFit | FitSummary) => fitLines(o).join('\n'),
  },
  {
    words: ['predict', 'holdout'],
    summary: 'Fit up to --split YYYY-MM-DD, predict to --until (default: the last order), compare with what happened.',
    flags: { split: { type: 'string' }, until: { type: 'string' } },
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
    summary: 'Per-customer purchase likelihood and value, highest first [--sort score|pAlive|expectedValue|clv|likelyValue] [--as-of YYYY-MM-DD] [--customer ID] [--limit N --offset N].',
    flags: { 'as-of': { type: 'string' }, customer: { type: 'string' }, sort: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } },
    run: (v, call) =>
      call('prediction:customers', {
        asOf: optionalString(v, 'as-of'),
        customerId: optionalString(v, 'customer'),
        sort: predictionSort(optionalString(v, 'sort')),
        limit: optionalInt(v, 'limit') ?? 100,
        offset: optionalInt(v, 'offset') ?? 0,
      }).then(({ rows }) => rows.map(({ purchases: _p, typicalGapDays: _g, daysSinceLast: _d, ...row }) => row)),
    human: (rows: OutputOf<'prediction:customers'>['rows'], money) =>
      rows
        .map((r) => `${r.id}  score ${pad(String(r.score), 4)} P(alive) ${fixed(r.pAlive, 3)}  next 90 days ${fixed(r.expectedPurchases.d90, 2)}  order ${money(r.expectedOrderValueMinor)}  CLV ${money(r.clvMinor)}  ${r.confidence} ${r.method}`)
        .join('\n') || 'No customers with orders.',
  },
];
