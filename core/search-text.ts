import { searchKeys, sortKey } from '../shared/domain/pinyin';
import type { NormalizedContact } from './handlers/contacts';

/**
 * The text quick search matches against: name and company with their pinyin and initials, and every
 * contact (phones without "+", so "138 0013" typed as digits matches). Lower-case, space-separated keys.
 */
export function buildSearchText(customer: { name: string; company: string | null; type: string }, contacts: NormalizedContact[]): string {
  const keys = [
    ...searchKeys(customer.name, { personName: customer.type === 'individual' }),
    ...searchKeys(customer.company),
    ...contacts.map((c) => (c.kind === 'phone' || c.kind === 'whatsapp' ? c.value.replace(/^\+/, '') : c.value.toLowerCase())),
  ];
  return ` ${[...new Set(keys)].join(' ')} `;
}

export function buildSortName(customer: { name: string; type: string }): string {
  return sortKey(customer.name, { personName: customer.type === 'individual' });
}
