import { AppError, type OutputOf } from '../../shared/contract';
import type { ClassFigures, ReportPeriod } from '../../shared/contract/reports';
import { optionalString, requireFlag, UsageError } from './args';
import { pad, type Command } from './commands';
import { baseMoney, decimalAmount, type BaseMoney } from './base-money';
import { shownClass, spellingsFor, withoutSpellings, type WithSpellings } from './class-names';
import { say } from './words';

type Evaluation = OutputOf<'reports:evaluation'>;
type Migration = OutputOf<'reports:migration'>;
/** What `report --json` prints: the evaluation, the migration over the same dates (null before any snapshot), and the export when asked. */
type Report = Evaluation & { migration: Migration | null; exported?: OutputOf<'reports:export-xlsx'> };

const percent = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${(value * 100).toFixed(1)}%`);
const number = (value: number | null | undefined, digits = 0) => (value === null || value === undefined ? '–' : value.toFixed(digits));

/** One class's line of the readable table (amounts in the base currency the title names). */
function figureLine(name: string, f: ClassFigures, responsible: string | null, amount: BaseMoney): string {
  return [
    pad(name, 14),
    number(f.customers).padStart(7),
    amount(f.revenueMinor).padStart(14),
    percent(f.revenueShare).padStart(7),
    number(f.orders).padStart(6),
    amount(f.aovMinor).padStart(11),
    percent(f.retentionRate).padStart(7),
    percent(f.growthRate).padStart(8),
    percent(f.yoyGrowthRate).padStart(8),
    `${number(f.satisfactionAvg, 2)} (${f.satisfactionN})`.padStart(10),
    percent(f.coverageRate).padStart(7),
    amount(f.grossProfitMinor).padStart(13),
    responsible ? ` ${responsible}` : '',
  ]
    .join(' ')
    .trimEnd();
}

const HEADER = [
  pad('class', 14),
  'custs'.padStart(7),
  'revenue'.padStart(14),
  'share'.padStart(7),
  'orders'.padStart(6),
  'aov'.padStart(11),
  'retain'.padStart(7),
  'growth'.padStart(8),
  'yoy'.padStart(8),
  'satisf (n)'.padStart(10),
  'cover'.padStart(7),
  'gross profit'.padStart(13),
].join(' ');

function human(o: WithSpellings<Report>): string {
  const cls = (key: string) => shownClass(o.spellings, o.scheme, key);
  const amount = decimalAmount(o.baseCurrency);
  const money = baseMoney(o.baseCurrency);
  const lines = [`${o.scheme} by ${o.period}, ${o.from} – ${o.to} (amounts in ${o.baseCurrency}; history from ${o.historyFrom ?? 'nowhere yet: run segment'})`];
  for (const p of o.periods) {
    lines.push('', `${p.start} – ${p.end}${p.complete ? '' : ' (still running)'}`, HEADER);
    for (const c of o.classes) lines.push(figureLine(cls(c.key), p.classes[c.key]!, c.responsible, amount));
    lines.push(figureLine('(unclassified)', p.unclassified, null, amount), figureLine('(total)', p.total, null, amount));
    const m = p.movement;
    lines.push(`  moves: ${m.stayed} stayed, ${m.upgraded ?? '–'} upgraded, ${m.downgraded ?? '–'} downgraded, ${m.sideways} sideways, ${m.entered} entered, ${m.left} left`);
  }
  lines.push('', `Pyramid on ${o.pyramid.asOf}: ${o.pyramid.levels.map((l) => `${l.classKey} ${l.customers} (${percent(l.revenueShare)})`).join(', ')}`);
  const at = (share: number) => o.pareto.find((p) => Math.abs(p.customerShare - share) < 1e-9)?.revenueShare;
  if (o.pareto.length > 0) lines.push(`Pareto: top 20% of customers bring ${percent(at(0.2))} of revenue, top 50% ${percent(at(0.5))}`);
  if (o.migration) {
    const t = o.migration.totals;
    lines.push(`Migration ${o.migration.fromSnapshot} → ${o.migration.toSnapshot}: ${t.stayed} stayed, ${t.upgraded ?? '–'} upgraded, ${t.downgraded ?? '–'} downgraded, ${t.sideways} sideways, ${t.entered} entered, ${t.left} left`);
    for (const c of o.migration.cells) lines.push(`  ${pad(c.from === null ? '(absent)' : cls(c.from), 18)} → ${pad(c.to === null ? '(absent)' : cls(c.to), 18)} ${String(c.customers).padStart(6)}  revenue ${money(c.revenueMinor)}`);
  }
  if (o.exported) lines.push(`Wrote ${o.exported.path} (${o.exported.sheets.join(', ')})`);
  lines.push(`(${o.elapsedMs.toFixed(0)} ms)`);
  return lines.join('\n');
}

/** The languages of the workbook's headers and sheet names. */
const REPORT_LANGUAGES = ['zh-CN', 'en'] as const;

/** The evaluation dashboard's figures from the command line (docs/evaluation.md defines each). */
export const REPORT_COMMANDS: Command[] = [
  {
    words: ['report'],
    flags: { scheme: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, period: { type: 'string' }, xlsx: { type: 'string' }, language: { type: 'string' } },
    fields: { path: '--xlsx' },
    run: async (v, call): Promise<WithSpellings<Report>> => {
      // The workbook is written whatever the name says (report.pdf would be a workbook no viewer opens as one);
      // checked first, as the migration below may store today's tiers.
      const xlsx = optionalString(v, 'xlsx');
      if (xlsx !== undefined && !/\.xlsx$/i.test(xlsx)) throw new UsageError(say('cli:file.xlsx', { value: xlsx }));
      const language = optionalString(v, 'language') ?? 'zh-CN';
      if (!REPORT_LANGUAGES.includes(language as 'en')) throw new UsageError(say('cli:usage.oneOf', { name: 'language', choices: REPORT_LANGUAGES.join(', '), value: language }));
      const input = { scheme: requireFlag(v, 'scheme'), from: requireFlag(v, 'from'), to: requireFlag(v, 'to'), period: (optionalString(v, 'period') ?? 'month') as ReportPeriod };
      // Everything is checked by the evaluation before anything is written.
      let evaluation = await call('reports:evaluation', input);
      let migration: Migration | null = null;
      try {
        migration = await call('reports:migration', { scheme: input.scheme, from: input.from, to: input.to });
      } catch (error) {
        // No snapshot on or before `from` yet: the report stands without its migration.
        if (!(error instanceof AppError && error.code === 'not_found')) throw error;
      }
      // Reaching today, the migration stores today's tiers first when the data changed since they were stored
      // (an order, a deletion; even when it then finds no snapshot at `from`), and the pyramid of today is read
      // from the stored day: read again (from memory, a few passes), or it counts the day as last stored — a
      // customer deleted since, in their old class — beside a migration that does not.
      evaluation = await call('reports:evaluation', input);
      const exported = xlsx
        ? await call('reports:export-xlsx', { ...input, path: xlsx, language: language as 'en', ...(migration ? { migrationFrom: input.from, migrationTo: input.to } : {}) })
        : undefined;
      return { ...evaluation, migration, ...(exported ? { exported } : {}), spellings: await spellingsFor(v, call) };
    },
    json: withoutSpellings,
    human: (o: WithSpellings<Report>) => human(o),
  },
];
