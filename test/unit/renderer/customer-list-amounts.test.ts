import type { CellContext } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { isValidElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CustomerRow } from '../../../shared/contract/customers';
import { customerColumns } from '../../../renderer/features/customers/customer-columns';

/** The largest amount the app stores, in minor units (every amount is a safe integer). */
const LARGEST_MINOR = Number.MAX_SAFE_INTEGER;

/** An amount in CNY worked out digit by digit: thousands separated by commas, two decimals, the language's symbol. */
function cnyText(minor: number, language: 'en' | 'zh-CN'): string {
  const whole = String(Math.floor(minor / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${language === 'en' ? 'CN¥' : '¥'}${whole}.${String(minor % 100).padStart(2, '0')}`;
}

const t = ((key: string) => key) as unknown as TFunction;

/** The Customers list's cell of a column for one row, drawn as the table draws it. */
function cellHtml(language: 'en' | 'zh-CN', id: string, row: Partial<CustomerRow>): string {
  const columns = customerColumns({ t, language, baseCurrency: 'CNY', today: '2026-11-23', onFollowUp: () => undefined, schemeColumns: [], ticked: new Set(), onTick: () => undefined });
  const def = columns.find((c) => (c.id ?? (c as { accessorKey?: string }).accessorKey) === id);
  expect(def, id).toBeDefined();
  const value = (row as Record<string, unknown>)[id];
  const context = { getValue: () => value, row: { original: row } } as unknown as CellContext<CustomerRow, unknown>;
  const drawn = (def!.cell as (c: CellContext<CustomerRow, unknown>) => ReactNode)(context);
  return isValidElement(drawn) ? renderToStaticMarkup(drawn) : String(drawn);
}

/**
 * The purchase-likelihood columns (expected order value, CLV) and the revenue are narrower than the largest amounts
 * the app stores: the cell cut "CN¥90,071,992,5…" with nothing to hover. Each amount is now a figure of its own
 * (FigureText): cut with … inside its cell, the whole amount on hover.
 */
describe('the customer list’s amounts', () => {
  it.each([
    ['en', 'expectedValueMinor'],
    ['en', 'clvMinor'],
    ['en', 'revenueBaseMinor'],
    ['zh-CN', 'expectedValueMinor'],
    ['zh-CN', 'clvMinor'],
    ['zh-CN', 'revenueBaseMinor'],
  ] as const)('%s: %s is readable whole on hover', (language, id) => {
    const html = cellHtml(language, id, { [id]: LARGEST_MINOR, likelihood: 40 });
    const whole = cnyText(LARGEST_MINOR, language);
    expect(whole).toBe(language === 'en' ? 'CN¥90,071,992,547,409.91' : '¥90,071,992,547,409.91');
    expect(html).toContain(`title="${whole}"`);
    expect(html).toMatch(/class="figure-text figure-fit"/);
    expect(html).toContain(`>${whole}<`);
  });

  it('leaves a customer without a prediction blank', () => {
    for (const id of ['expectedValueMinor', 'clvMinor']) expect(cellHtml('en', id, { [id]: null, likelihood: null })).toBe('');
  });
});
