/**
 * The bench's verdict: one row per figure with its measured median, its budget and pass/miss. Budgets are
 * either absolute (ms, MiB, rows/s) or relative to a floor measured in the same run on the same file, and
 * then resolved to a number here, so the table says exactly which figure each median was held to.
 * The budgets are set for 100k customers; a smaller run checks them too, which is a smoke test, not a verdict.
 */
import { round } from './measure';

export type Unit = 'ms' | 'MiB' | 'rows/s' | 'bytes' | '×';

export interface BudgetRow {
  figure: string;
  /** The median (or the percentile the figure names); null when it could not be measured in this run. */
  measured: number | null;
  unit: Unit;
  /** As written: "≤ 300 ms", "≤ floor (1234 ms)", "< 2× floor (2468 ms)", "≥ 200000 rows/s", "—" (reported only). */
  budget: string;
  /** The resolved limit, or null for a figure that is reported without a budget. */
  limit: number | null;
  result: 'pass' | 'miss' | 'report' | 'not measured';
  note?: string;
}

type Rule = { atMost: number } | { below: number } | { atLeast: number } | { report: true };


export class Budgets {
  readonly rows: BudgetRow[] = [];

  /** A figure held to a rule; `limitText` names a relative budget ("floor", "2× floor"), resolved to its number. */
  add(figure: string, measured: number | null | undefined, unit: Unit, rule: Rule, options: { limitText?: string; note?: string } = {}): void {
    const limit = 'atMost' in rule ? rule.atMost : 'below' in rule ? rule.below : 'atLeast' in rule ? rule.atLeast : null;
    const sign = 'atMost' in rule ? '≤' : 'below' in rule ? '<' : '≥';
    const budget = limit === null ? '—' : options.limitText ? `${sign} ${options.limitText} (${round(limit)} ${unit})` : `${sign} ${round(limit)} ${unit}`;
    const known = measured !== null && measured !== undefined && Number.isFinite(measured);
    const met = !known || limit === null ? null : 'atMost' in rule ? measured <= limit : 'below' in rule ? measured < limit : measured >= limit;
    this.rows.push({
      figure,
      measured: known ? round(measured) : null,
      unit,
      budget,
      limit: limit === null ? null : round(limit),
      result: !known ? 'not measured' : met === null ? 'report' : met ? 'pass' : 'miss',
      ...(options.note ? { note: options.note } : {}),
    });
  }

  /** A figure this run could not take (no Chromium, a step turned off): listed, so the gap is visible. */
  missing(figure: string, unit: Unit, budget: string, why: string): void {
    this.rows.push({ figure, measured: null, unit, budget, limit: null, result: 'not measured', note: why });
  }

  print(header: string): void {
    console.log(header);
    console.table(this.rows.map((r) => ({ figure: r.figure, median: r.measured === null ? '—' : `${r.measured} ${r.unit}`, budget: r.budget, result: r.result, ...(r.note ? { note: r.note } : {}) })));
    const count = (result: BudgetRow['result']) => this.rows.filter((r) => r.result === result).length;
    console.log(`${count('pass')} pass, ${count('miss')} miss, ${count('report')} reported without a budget, ${count('not measured')} not measured`);
  }
}
