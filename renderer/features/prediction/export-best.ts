import type { TFunction } from 'i18next';
import type { BestRow } from '../../../shared/contract/prediction';
import { minorToDecimal } from '../../../shared/domain/money';
import { localDateOf } from '../../../shared/domain/dates';
import { api } from '../../api/client';
import { classLabel, type ClassLabelEnv } from '../tiers/labels';
import { pAliveEstimated } from '../../../shared/prediction/once';

const cell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  // Leading = + - @ would run as a formula in a spreadsheet: neutralise them as the exports do.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The whole best list under the current filters as CSV (amounts in base-currency units, a BOM for Excel). */
export async function exportBestCsv(filter: { scheme: string; classKey?: string; owner?: string }, env: ClassLabelEnv & { t: TFunction; language: string; currency: string }): Promise<number> {
  const { t } = env;
  const rows: BestRow[] = [];
  for (let offset = 0; ; offset += 5000) {
    const page = await api('prediction:best', { ...filter, offset, limit: 5000 });
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) break;
  }
  const money = (minor: number) => minorToDecimal(minor, env.currency);
  const header = [t('prediction:best.name'), t('prediction:best.classKey'), t('prediction:best.owner'), t('prediction:score'), t('prediction:pAlive'), t('prediction:expected'), t('prediction:expectedValue'), t('prediction:clv')];
  const lines = [
    header.map(cell).join(','),
    ...rows.map((r) =>
      [r.name, r.classKey ? classLabel(t, filter.scheme, r.classKey, env.language, env) : null, r.owner, r.score, pAliveEstimated(r.purchases) ? r.pAlive.toFixed(3) : null, r.expectedPurchases.d90.toFixed(2), money(r.expectedOrderValueMinor), money(r.clvMinor)]
        .map(cell)
        .join(','),
    ),
  ];
  const url = URL.createObjectURL(new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `likely-to-buy-${localDateOf(new Date())}.csv`;
  link.click();
  URL.revokeObjectURL(url);
  return rows.length;
}
