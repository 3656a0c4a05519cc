import { searchKeys, sortKey } from '../shared/domain/pinyin';
import { searchForm } from '../shared/domain/search-form';
import type { NormalizedContact } from './handlers/contacts';

/**
 * The text quick search matches against: name and company with their pinyin and initials, and every
 * contact (phones without "+", so "138 0013" typed as digits matches). Lower-case, space-separated keys; a
 * query is compared with Traditional characters as Simplified and invisible ones dropped (shared/domain/search-form.ts),
 * so the keys hold that form too.
 */
export function buildSearchText(customer: { name: string; company: string | null; type: string }, contacts: NormalizedContact[]): string {
  const keys = [
    ...searchKeys(customer.name, { personName: customer.type === 'individual' }),
    ...searchKeys(customer.company),
    // An email address in the form a query is compared in (normalizeQuery): a pasted one can hold a joiner.
    ...contacts.map((c) => (c.kind === 'phone' || c.kind === 'whatsapp' ? c.value.replace(/^\+/, '') : searchForm(c.value.toLowerCase()))),
  ];
  return ` ${[...new Set(keys)].join(' ')} `;
}

export function buildSortName(customer: { name: string; type: string }): string {
  return sortKey(customer.name, { personName: customer.type === 'individual' });
}
