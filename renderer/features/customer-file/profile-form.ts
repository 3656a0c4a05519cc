import type { Customer, CustomerInput } from '../../../shared/contract/customers';
import type { ContactKind, CustomerType, Locality } from '../../../shared/contract/enums';

export interface ProfileValues {
  name: string;
  company?: string | null;
  type: CustomerType;
  industry?: string | null;
  country?: string | null;
  region?: string | null;
  city?: string | null;
  localityOverride: Locality | 'auto';
  sizeBand?: string | null;
  incomeBand?: string | null;
  needs?: 'product' | 'service' | 'solution' | null;
  tags: string[];
  owner?: string | null;
  source?: string | null;
  manualLevel?: 'A' | 'B' | 'C' | null;
  notes?: string | null;
  contacts: { kind: ContactKind; value: string; label?: string | null }[];
}

export const EMPTY_PROFILE: ProfileValues = { name: '', type: 'individual', localityOverride: 'auto', tags: [], contacts: [{ kind: 'phone', value: '' }] };

export function profileFromCustomer(c: Customer): ProfileValues {
  return {
    ...c,
    localityOverride: c.localityManual && c.locality ? c.locality : 'auto',
    contacts: c.contacts.map((k) => ({ kind: k.kind, value: k.value, label: k.label })),
  };
}

/** Form values → contract input; blank contact rows are dropped rather than rejected. */
export function profileToInput(values: ProfileValues): CustomerInput {
  return {
    name: values.name,
    company: values.company ?? null,
    type: values.type,
    industry: values.industry ?? null,
    country: values.country ?? null,
    region: values.region ?? null,
    city: values.city ?? null,
    localityOverride: values.localityOverride === 'auto' ? null : values.localityOverride,
    sizeBand: values.sizeBand ?? null,
    incomeBand: values.incomeBand ?? null,
    needs: values.needs ?? null,
    tags: values.tags ?? [],
    owner: values.owner ?? null,
    source: values.source ?? null,
    manualLevel: values.manualLevel ?? null,
    notes: values.notes ?? null,
    contacts: (values.contacts ?? []).filter((c) => c && c.value?.trim()).map((c) => ({ kind: c.kind, value: c.value, label: c.label ?? null })),
  };
}

/** Whether two sets of form values would save the same profile (a field typed and cleared again is not an edit). */
export function sameProfile(a: ProfileValues, b: ProfileValues): boolean {
  const blankAsNull = (_key: string, value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
  return JSON.stringify(profileToInput(a), blankAsNull) === JSON.stringify(profileToInput(b), blankAsNull);
}

/** Server issue paths → form field names. Contact issues index the submitted (non-blank) rows. */
export function fieldOfIssue(values: ProfileValues) {
  const kept = (values.contacts ?? []).map((c, i) => (c && c.value?.trim() ? i : -1)).filter((i) => i >= 0);
  return (path: (string | number)[]): (string | number)[] | null => {
    if (path[0] === 'contacts' && typeof path[1] === 'number') {
      const formIndex = kept[path[1]];
      return formIndex === undefined ? null : ['contacts', formIndex, 'value'];
    }
    if (path[0] === 'localityOverride') return ['localityOverride'];
    return path.length ? [path[0]!] : null;
  };
}
