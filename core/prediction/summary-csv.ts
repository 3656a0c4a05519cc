/**
 * Reads a per-customer summary CSV as published with the CDNOW data: `ID,frequency,recency,T` or
 * `ID,x,t_x,T,zbar` (any column order, CRLF or LF, an ID column optional), and fits it as is —
 * a plain maximum-likelihood fit, no fall-back, so the numbers compare with the literature.
 */
import { fitBgNbd, fitGammaGamma, fitRefusalOf, type Recency, type Spend } from '../../shared/prediction';

export interface SummaryFit {
  bgnbd: { r: number; alpha: number; a: number; b: number; ll: number };
  gammaGamma?: { p: number; q: number; gamma: number; ll: number };
  customers: number;
}

const COLUMN_NAMES = { x: ['frequency', 'x'], tx: ['recency', 't_x'], T: ['T'], zbar: ['zbar', 'monetary_value'] } as const;

export function parseSummaryCsv(text: string): { rows: Recency[]; spend: Spend[] | null } {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) throw new RangeError('The summary file has no customer rows');
  const header = lines[0]!.replace(/^\uFEFF/, '').split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
  const column = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const at = { x: column(COLUMN_NAMES.x), tx: column(COLUMN_NAMES.tx), T: column(COLUMN_NAMES.T), zbar: column(COLUMN_NAMES.zbar) };
  if (at.x < 0 || at.tx < 0 || at.T < 0) throw new RangeError('The summary file needs columns frequency,recency,T or x,t_x,T');
  const rows: Recency[] = [];
  const spend: Spend[] = [];
  lines.slice(1).forEach((line, i) => {
    const cells = line.split(',');
    const num = (k: number) => Number(cells[k]);
    const row = { x: num(at.x), tx: num(at.tx), T: num(at.T) };
    if (!Number.isInteger(row.x) || row.x < 0 || !(row.tx >= 0) || !(row.T >= row.tx)) throw new RangeError(`Line ${i + 2} is not a valid (x, t_x, T): ${line}`);
    rows.push(row);
    if (at.zbar >= 0) {
      const mean = num(at.zbar);
      if (!(mean >= 0)) throw new RangeError(`Line ${i + 2} has no valid mean spend: ${line}`);
      spend.push({ x: row.x, mean });
    }
  });
  return { rows, spend: at.zbar >= 0 ? spend : null };
}

export function fitSummaryCsv(text: string): SummaryFit {
  const { rows, spend } = parseSummaryCsv(text);
  // Without a repeat purchase the likelihood has no maximum (flat at 0 when every T is 0): the optimiser would stop anywhere.
  if (fitRefusalOf(rows)) throw new RangeError('no customer has a repeat purchase (frequency is 0 on every row): purchase likelihood is learned from repeat purchases spread over time');
  const fit = fitBgNbd(rows);
  const gg = spend && spend.some((s) => s.x > 0 && s.mean > 0) ? fitGammaGamma(spend) : null;
  return {
    bgnbd: { ...fit.params, ll: fit.ll },
    ...(gg ? { gammaGamma: { ...gg.params, ll: gg.ll } } : {}),
    customers: fit.customers,
  };
}
