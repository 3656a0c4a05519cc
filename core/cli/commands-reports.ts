import { resolve } from 'node:path';
import { AppError, type OutputOf } from '../../shared/contract';
import type { ClassFigures, ReportPeriod } from '../../shared/contract/reports';
import { optionalString, requireFlag, UsageError } from './args';
import { pad, width, type Caller, type Command } from './commands';
import { localeLanguage } from './language';
import { baseMoney, decimalAmount, type BaseMoney } from './base-money';
import { classWord, PLAIN_NAMING, spellingsFor, withoutSpellings, type WithSpellings } from './class-names';
import { fileToWrite, REPLACE_FLAG } from './file-to-write';
import { say, type Words } from './words';
import { schemeNamingFor, schemeWord, type SchemeNaming } from './scheme-words';

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

/** A heading right-aligned to its column by the columns it takes in a terminal (a Chinese heading takes two a character). */
const right = (text: string, columns: number) => ' '.repeat(Math.max(0, columns - width(text))) + text;

/** The table's headings, each as wide as its column (figureLine). */
const header = (w: Words) =>
  [
    pad(w('cli:out.report.columns.class'), 14),
    ...([['customers', 7], ['revenue', 14], ['share', 7], ['orders', 6], ['aov', 11], ['retention', 7], ['growth', 8], ['yoy', 8], ['satisfaction', 10], ['coverage', 7], ['grossProfit', 13]] as const).map(([column, columns]) =>
      right(w(`cli:out.report.columns.${column}`), columns),
    ),
  ].join(' ');

type Movement = { stayed: number; upgraded: number | null; downgraded: number | null; sideways: number; entered: number; left: number };
/** How many stayed, moved up, down or sideways, came and went; up and down are '–' for a scheme without an order of classes. */
const movement = (m: Movement, w: Words) => w('cli:out.report.movement', { ...m, upgraded: m.upgraded ?? '–', downgraded: m.downgraded ?? '–' });

function human(o: WithSpellings<Report> & { naming: SchemeNaming }, w: Words): string {
  const cls = (key: string) => classWord(o, o.scheme, key, w);
  const amount = decimalAmount(o.baseCurrency);
  const money = baseMoney(o.baseCurrency);
  const lines = [
    w('cli:out.report.title', { scheme: schemeWord(o.scheme, w, o.naming), period: w(`cli:out.report.period.${o.period}`), from: o.from, to: o.to, currency: o.baseCurrency, historyFrom: o.historyFrom ?? w('cli:out.report.noHistory') }),
  ];
  for (const p of o.periods) {
    lines.push('', `${p.start} – ${p.end}${p.complete ? '' : w('cli:out.report.running')}`, header(w));
    for (const c of o.classes) lines.push(figureLine(cls(c.key), p.classes[c.key]!, c.responsible, amount));
    lines.push(figureLine(w('cli:out.report.unclassified'), p.unclassified, null, amount), figureLine(w('cli:out.report.total'), p.total, null, amount));
    lines.push(w('cli:out.report.moves', { movement: movement(p.movement, w) }));
  }
  // The pyramid's levels, whatever the scheme of the table above, as the screens name them.
  const level = (key: string) => classWord(o, 'pyramid', key, w);
  const levels = o.pyramid.levels.map((l) => w('cli:out.report.level', { cls: level(l.classKey), customers: l.customers, share: percent(l.revenueShare) }));
  lines.push('', w('cli:out.report.pyramid', { asOf: o.pyramid.asOf, levels: levels.join(w('cli:out.between')) }));
  const at = (share: number) => o.pareto.find((p) => Math.abs(p.customerShare - share) < 1e-9)?.revenueShare;
  if (o.pareto.length > 0) lines.push(w('cli:out.report.pareto', { top20: percent(at(0.2)), top50: percent(at(0.5)) }));
  if (o.migration) {
    lines.push(w('cli:out.report.migration', { from: o.migration.fromSnapshot, to: o.migration.toSnapshot, movement: movement(o.migration.totals, w) }));
    const absent = w('cli:out.report.absent');
    for (const c of o.migration.cells) {
      lines.push(`  ${pad(c.from === null ? absent : cls(c.from), 18)} → ${pad(c.to === null ? absent : cls(c.to), 18)} ${String(c.customers).padStart(6)}  ${w('cli:out.tiers.revenue', { amount: money(c.revenueMinor) })}`);
    }
  }
  if (o.exported) lines.push(w('cli:out.report.wrote', { path: o.exported.path, sheets: o.exported.sheets.join(', ') }));
  lines.push(w('cli:out.report.elapsed', { ms: o.elapsedMs.toFixed(0) }));
  return lines.join('\n');
}

/** The languages of the workbook's headers and sheet names. */
const REPORT_LANGUAGES = ['zh-CN', 'en'] as const;

/**
 * The workbook's language when --language is not given: the language the command speaks (--lang, else the workspace's
 * setting, else the system's locale: language.ts), so `--lang en` writes an English workbook beside English lines.
 */
async function workbookLanguage(v: Record<string, unknown>, call: Caller): Promise<string> {
  if (typeof v.lang === 'string') return v.lang;
  return (await call('settings:get', {})).language ?? localeLanguage(process.env);
}

/** The evaluation dashboard's figures from the command line (docs/evaluation.md defines each). */
export const REPORT_COMMANDS: Command[] = [
  {
    words: ['report'],
    flags: { scheme: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, period: { type: 'string' }, xlsx: { type: 'string' }, language: { type: 'string' }, ...REPLACE_FLAG },
    fields: { path: '--xlsx' },
    run: async (v, call): Promise<WithSpellings<Report> & { naming: SchemeNaming }> => {
      // The workbook is written whatever the name says (report.pdf would be a workbook no viewer opens as one);
      // checked first, as the migration below may store today's tiers.
      const xlsx = optionalString(v, 'xlsx');
      if (xlsx !== undefined && !/\.xlsx$/i.test(xlsx)) throw new UsageError(say('cli:file.xlsx', { value: xlsx }));
      const language = optionalString(v, 'language') ?? (xlsx === undefined ? 'zh-CN' : await workbookLanguage(v, call));
      if (!REPORT_LANGUAGES.includes(language as 'en')) throw new UsageError(say('cli:usage.oneOf', { name: 'language', choices: REPORT_LANGUAGES.join(', '), value: language }));
      // A workbook already there is refused before the migration below stores anything.
      if (xlsx !== undefined) fileToWrite(v, xlsx, say('cli:file.xlsxExists', { path: resolve(xlsx) }));
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
      return { ...evaluation, migration, ...(exported ? { exported } : {}), ...(await spellingsFor(v, call)), naming: await schemeNamingFor(v, call) };
    },
    json: ({ naming: _naming, ...o }: WithSpellings<Report> & { naming: SchemeNaming }) => withoutSpellings(o),
    human: (o: WithSpellings<Report> & { naming: SchemeNaming }, _money, w) => human(o, w),
  },
];
