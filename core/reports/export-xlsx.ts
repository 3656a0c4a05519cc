import type { Language } from '../../shared/contract/enums';
import type { ClassFigures, EvaluationReport } from '../../shared/contract/reports';
import type { OutputOf } from '../../shared/contract';
import { minorDigits } from '../../shared/domain/money';
import { reportFigures } from '../../renderer/i18n/resources/report-figures';
import type { ClassLabels } from '../exporting/class-labels';
import { neutralize } from '../../shared/export/neutralize';
import { sheetName } from './sheet-name';
import { excelJs } from '../exporting/spreadsheet-lib';

type Migration = OutputOf<'reports:migration'>;
type Column = keyof (typeof reportFigures)['en']['columns'];
type Kind = 'text' | 'date' | 'int' | 'money' | 'share' | 'number';

/** The figure columns of the periods sheet, in the dashboard's order; money in major units of the base currency. */
const FIGURES: [keyof ClassFigures & Column, Kind][] = [
  ['customers', 'int'],
  ['revenueMinor', 'money'],
  ['revenueShare', 'share'],
  ['orders', 'int'],
  ['returns', 'int'],
  ['aovMinor', 'money'],
  ['purchaseFrequency', 'number'],
  ['buyers', 'int'],
  ['followUps', 'int'],
  ['followUpFrequency', 'number'],
  ['retained', 'int'],
  ['retentionRate', 'share'],
  ['churnRate', 'share'],
  ['growthRate', 'share'],
  ['yoyGrowthRate', 'share'],
  ['satisfactionAvg', 'number'],
  ['satisfactionN', 'int'],
  ['satisfactionFollowUps', 'int'],
  ['covered', 'int'],
  ['coverageRate', 'share'],
  ['grossProfitMinor', 'money'],
  ['costedRevenueMinor', 'money'],
];

const FORMAT: Record<Kind, string | undefined> = { text: undefined, date: 'yyyy-mm-dd', int: '0', money: '#,##0.00', share: '0.0%', number: '0.00' };

function dateCell(value: string): Date {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * The report's tables as one workbook: the periods (one row per period and class, then the unclassified
 * and the total), the pyramid, the Pareto curve and, when given, the migration matrix. Numbers are number
 * cells (money in major units, shares as percentages), an absent figure an empty cell, text neutralised.
 */
export async function writeReportXlsx(path: string, report: EvaluationReport, migration: Migration | undefined, language: Language, labels: ClassLabels): Promise<{ sheets: string[]; rows: number }> {
  const words = reportFigures[language];
  const digits = minorDigits(report.baseCurrency);
  const ExcelJS = await excelJs();
  const workbook = new ExcelJS.Workbook();
  let rows = 0;
  const sheet = (name: string, columns: [Column, Kind][]) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map(([key, kind]) => ({ key, width: kind === 'text' ? 18 : 14, style: FORMAT[kind] ? { numFmt: FORMAT[kind] } : {} }));
    // Money cells are bare numbers in the base currency: the header names it, or "Net revenue 1,234.50" says nothing of ¥ or $.
    ws.addRow(columns.map(([key, kind]) => (kind === 'money' ? words.inCurrency.replace('{{name}}', words.columns[key]).replace('{{currency}}', report.baseCurrency) : words.columns[key]))).font = { bold: true };
    return (values: unknown[]) => {
      ws.addRow(
        values.map((v, i) => {
          const kind = columns[i]![1];
          if (v === null || v === undefined) return null;
          if (kind === 'date') return dateCell(String(v));
          if (kind === 'money') return Number(v) / 10 ** digits;
          if (kind === 'text') return neutralize(String(v));
          return v;
        }),
      );
      rows += 1;
    };
  };
  const className = (key: string | null) => (key === null ? words.unclassified : labels.classOf(report.scheme, key));

  const classInfo = new Map(report.classes.map((c) => [c.key, c]));
  const periods = sheet(words.sheets.periods, [['start', 'date'], ['end', 'date'], ['complete', 'text'], ['classKey', 'text'], ['responsible', 'text'], ['cadenceDays', 'int'], ...FIGURES]);
  for (const p of report.periods) {
    const lines: [string, ClassFigures, string | null, number | null][] = [
      ...report.classes.map((c) => [className(c.key), p.classes[c.key]!, c.responsible, c.cadenceDays] as [string, ClassFigures, string | null, number | null]),
      [words.unclassified, p.unclassified, null, null],
      [words.total, p.total, null, null],
    ];
    for (const [name, f, responsible, cadence] of lines) periods([p.start, p.end, p.complete ? words.yes : words.no, name, responsible, cadence, ...FIGURES.map(([key]) => f[key])]);
  }

  // Named after the scheme shown (a custom segment by its own name), not "Customer pyramid" for every scheme.
  const pyramidName = sheetName(labels.scheme(report.scheme), [words.sheets.periods, words.sheets.pareto, words.sheets.migration], words.sheets.pyramid);
  const pyramid = sheet(pyramidName, [['classKey', 'text'], ['responsible', 'text'], ['customers', 'int'], ['revenueMinor', 'money'], ['revenueShare', 'share']]);
  for (const level of report.pyramid.levels) pyramid([className(level.classKey), classInfo.get(level.classKey)?.responsible ?? null, level.customers, level.revenueMinor, level.revenueShare]);

  const pareto = sheet(words.sheets.pareto, [['customerShare', 'share'], ['revenueShare', 'share']]);
  for (const point of report.pareto) pareto([point.customerShare, point.revenueShare]);

  const sheets = [words.sheets.periods, pyramidName, words.sheets.pareto];
  if (migration) {
    const matrix = sheet(words.sheets.migration, [['fromClass', 'text'], ['toClass', 'text'], ['direction', 'text'], ['customers', 'int'], ['revenueMinor', 'money']]);
    for (const cell of migration.cells) matrix([className(cell.from), className(cell.to), words.direction[cell.direction], cell.customers, cell.revenueMinor]);
    sheets.push(words.sheets.migration);
  }
  await workbook.xlsx.writeFile(path);
  return { sheets, rows };
}
