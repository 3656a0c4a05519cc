import type { TFunction } from 'i18next';
import type { MemberRow } from '../../../shared/contract/segmentation';
import { minorToDecimal } from '../../../shared/domain/money';
import { api } from '../../api/client';
import { classLabel, type ClassLabelEnv } from './labels';
import type { MemberQuery } from './use-member-pages';

const COLUMNS = ['name', 'company', 'classKey', 'scores', 'revenueMinor', 'orderCount', 'averageOrderValueMinor', 'followUpCount', 'daysSinceLastOrder', 'lastOrderDate'] as const;

const cell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The current view (scheme, class, search, sort) as CSV, every row, amounts in base-currency units with a
 * plain dot so spreadsheets read them as numbers. A BOM makes Excel open the Chinese text as UTF-8.
 */
export async function exportMembersCsv(query: MemberQuery, env: ClassLabelEnv & { t: TFunction; language: string; currency: string; fileName: string }): Promise<number> {
  const { t, language } = env;
  const rows: MemberRow[] = [];
  for (let offset = 0; ; offset += 5000) {
    const page = await api('segments:members', { ...query, offset, limit: 5000 });
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) break;
  }
  const money = (minor: number | null) => (minor === null ? null : minorToDecimal(minor, env.currency));
  const lines = [
    COLUMNS.map((c) => cell(t(`tiers:columns.${c}`))).join(','),
    ...rows.map((r) =>
      [
        r.name,
        r.company,
        classLabel(t, query.scheme, r.classKey, language, env),
        r.scores ? `${r.scores.r}${r.scores.f}${r.scores.m}` : null,
        money(r.revenueMinor),
        r.orderCount,
        money(r.averageOrderValueMinor),
        r.followUpCount,
        r.daysSinceLastOrder,
        r.lastOrderDate,
      ]
        .map(cell)
        .join(','),
    ),
  ];
  const url = URL.createObjectURL(new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = env.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return rows.length;
}
