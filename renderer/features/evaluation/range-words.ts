import { formatDate } from '../../components/format';
import type { EvaluationReport, FigureEnv } from './figures';

/**
 * The pyramid's revenue column names the days it covers: the whole periods around the range (a range of
 * one day in June reads all of June). A period still running covers the days up to `today`, not its end:
 * "– Dec 31, 2026" on 6 December promised days that have not come. Said as the periods' own labels say it.
 */
export function revenueTitle(env: FigureEnv, periods: EvaluationReport['periods'], today: string): string {
  const first = periods[0];
  const last = periods.at(-1);
  if (!first || !last) return env.t('evaluation:columns.revenueInRange');
  const from = formatDate(first.start, env.language);
  if (last.complete) return env.t('evaluation:columns.revenueOver', { from, to: formatDate(last.end, env.language) });
  return env.t('evaluation:columns.revenueSoFar', { from, to: formatDate(today < last.end ? today : last.end, env.language) });
}

/**
 * Where the tier history the figures rest on starts — this scheme's own: a custom segment made after the
 * history began was said to start on the first day stored for any scheme, long before its own first day.
 * Null when nothing is stored at all (the screen then says what to do instead).
 */
export function historyLine(env: FigureEnv, report: Pick<EvaluationReport, 'historyFrom' | 'schemeHistoryFrom' | 'elapsedMs'>): string | null {
  if (report.historyFrom === null) return null;
  const ms = Math.round(report.elapsedMs);
  if (report.schemeHistoryFrom === null) return env.t('evaluation:schemeHistoryNone', { ms });
  return env.t('evaluation:historyFrom', { date: formatDate(report.schemeHistoryFrom, env.language), ms });
}
