import type { TFunction } from 'i18next';
import { MERGE_FIELDS, type DuplicateReason, type MergeCandidate, type MergeField } from '../../../shared/contract/merges';
import { fieldValue } from '../../../shared/domain/merge-fields';
import { formatPhone } from '../../../shared/domain/phone';
import { isolate } from '../../components/bidi';
import { countryName, formatLocalDay } from '../../components/format';

/** One line of the side-by-side table: a choosable field, or one of the parts a merge always unites. */
export type MergeRowKey = MergeField | 'tags' | 'notes' | 'contacts';

/** The lines worth showing for a group: fields some customer has filled, then what is united. Built once per group. */
export function rowsOf(customers: MergeCandidate[]): { key: MergeRowKey }[] {
  const filled = MERGE_FIELDS.filter((f) => customers.some((c) => fieldValue(c, f) !== null));
  const extras = (['tags', 'notes', 'contacts'] as const).filter((k) => customers.some((c) => (k === 'notes' ? c.notes : c[k].length)));
  return [...filled, ...extras].map((key) => ({ key }));
}

/** A field's value as the user reads it: vocabulary labels translated, countries named. */
export function displayValue(customer: MergeCandidate, field: MergeField, t: TFunction, language: string): string {
  const value = fieldValue(customer, field);
  if (value === null) return '—';
  switch (field) {
    case 'type':
      return t(`common:customerType.${value}`);
    case 'locality':
      return t(`common:locality.${value}`);
    case 'needs':
      return t(`common:needs.${value}`);
    case 'country':
      return countryName(value, language);
    case 'source':
      // The shipped sources are keys with labels; ones the user typed are shown as typed.
      return t(`common:source.${value}`, { defaultValue: value });
    default:
      return value;
  }
}

export function contactText(contact: { kind: string; value: string }, t: TFunction): string {
  const value = contact.kind === 'phone' || contact.kind === 'whatsapp' ? formatPhone(contact.value) : contact.value;
  return `${t(`common:contactKind.${contact.kind}`)} ${isolate(value)}`;
}

/**
 * A customer named so that two look-alikes cannot be mistaken in a confirmation: name, then their code,
 * company, first phone (or other contact) and file date — whatever they have.
 */
export function candidateIdentity(c: { name: string; code: string | null; company: string | null; createdAt: string; contacts: { kind: string; value: string }[] }, t: TFunction, language: string): string {
  const contact = c.contacts.find((k) => k.kind === 'phone') ?? c.contacts[0];
  const parts = [c.code ? `#${isolate(c.code)}` : null, c.company === null ? null : isolate(c.company), contact ? contactText(contact, t) : null, t('merge:since', { date: formatLocalDay(c.createdAt, language) })];
  const details = parts.filter(Boolean).join(' · ');
  return language === 'zh-CN' ? `${isolate(c.name)}（${details}）` : `${isolate(c.name)} (${details})`;
}

export function reasonText(reason: DuplicateReason, t: TFunction): string {
  if (reason.kind === 'nameCompany') return t('merge:reason.nameCompany', { name: reason.company ? `${isolate(reason.name)} · ${isolate(reason.company)}` : isolate(reason.name) });
  return t(`merge:reason.${reason.kind}`, { value: isolate(reason.kind === 'phone' || reason.kind === 'whatsapp' ? formatPhone(reason.value) : reason.value) });
}
