import type { CellContext } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { isValidElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CustomerRow } from '../../../shared/contract/customers';
import { customerColumns } from '../../../renderer/features/customers/customer-columns';

const t = ((key: string) => key) as unknown as TFunction;

/** The Customers list's cell of a column for one row, drawn as the table draws it. */
function cellHtml(id: string, row: Partial<CustomerRow>): string {
  const columns = customerColumns({ t, language: 'en', baseCurrency: 'CNY', today: '2026-11-23', onFollowUp: () => undefined, schemeColumns: [], ticked: new Set(), onTick: () => undefined });
  const def = columns.find((c) => (c.id ?? (c as { accessorKey?: string }).accessorKey) === id);
  expect(def, id).toBeDefined();
  const context = { getValue: () => (row as Record<string, unknown>)[id], row: { original: row } } as unknown as CellContext<CustomerRow, unknown>;
  const drawn = (def!.cell as (c: CellContext<CustomerRow, unknown>) => ReactNode)(context);
  return isValidElement(drawn) ? renderToStaticMarkup(drawn) : String(drawn);
}

/**
 * At 1366×768 the Phone column cut "+234 806 245 7470" to "+234 806 245 7…" with nothing to hover: the number
 * could not be read without opening the file. Every contact and typed value is cut with … and whole on hover.
 */
describe('the customer list’s contact cells', () => {
  it.each([
    ['phone', '+2348062457470', '+234 806 245 7470'],
    ['whatsapp', '+8613927059096', '+86 139 2705 9096'],
    ['wechat', 'balogun_global_ventures_lagos', 'balogun_global_ventures_lagos'],
    ['email', 'aisha.balogun@balogun-global-ventures.example', 'aisha.balogun@balogun-global-ventures.example'],
    ['city', 'Rio de Janeiro', 'Rio de Janeiro'],
    ['owner', 'Kevin Wong Ka-Chun', 'Kevin Wong Ka-Chun'],
  ] as const)('%s: the whole value is the cell’s title', (id, stored, shown) => {
    const html = cellHtml(id, { [id]: stored });
    expect(html).toContain(`title="${shown}"`);
    expect(html).toContain(`>${shown}<`);
  });

  it.each(['phone', 'whatsapp', 'wechat', 'email'] as const)('%s: an empty value draws no tooltip', (id) => {
    expect(cellHtml(id, { [id]: null })).not.toMatch(/title="[^"]+"/);
  });
});
