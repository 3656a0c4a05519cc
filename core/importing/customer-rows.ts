import type { Settings } from '../../shared/contract/settings';
import { deriveLocality } from '../../shared/domain/locality';
import type { CustomerRecord } from '../../shared/import';
import { normalizeContacts, type NormalizedContact } from '../handlers/contacts';
import { buildSearchText, buildSortName } from '../search-text';

/** The profile columns an import may write, in the form they are stored (snake_case, tags as JSON). */
export const PROFILE_COLUMNS = [
  'name', 'company', 'type', 'industry', 'country', 'region', 'city', 'locality', 'locality_manual', 'size_band', 'income_band',
  'needs', 'tags', 'owner', 'source', 'manual_level', 'notes', 'code', 'search_text', 'sort_name',
] as const;
export type ProfileColumn = (typeof PROFILE_COLUMNS)[number];
export type StoredProfile = Record<ProfileColumn, string | number | null>;

/**
 * A validated row as stored columns — the same steps as the customers:create handler's toRecord
 * (contacts normalised, locality derived, search text and sort name built), with the settings read
 * once per import instead of once per row.
 */
export function storedProfile(record: CustomerRecord, settings: Settings, contacts: NormalizedContact[]): StoredProfile {
  const type = record.type ?? (record.company && record.company !== record.name ? 'enterprise' : 'individual');
  const base = { name: record.name, company: record.company, type, country: record.country, region: record.region };
  return {
    name: record.name,
    company: record.company,
    type,
    industry: record.industry,
    country: record.country,
    region: record.region,
    city: record.city,
    locality: deriveLocality(base, settings),
    locality_manual: 0,
    size_band: record.sizeBand,
    income_band: record.incomeBand,
    needs: record.needs,
    tags: JSON.stringify(record.tags),
    owner: record.owner,
    source: record.source,
    manual_level: record.manualLevel,
    notes: record.notes,
    code: record.code,
    search_text: buildSearchText(base, contacts),
    sort_name: buildSortName(base),
  };
}

/** The contacts of a row normalised as the app stores them; a value the app would refuse is a row error. */
export function rowContacts(record: CustomerRecord, homeCountry: string): { ok: true; contacts: NormalizedContact[] } | { ok: false; index: number; key: string } {
  try {
    return { ok: true, contacts: normalizeContacts(record.contacts, homeCountry) };
  } catch (error) {
    const issue = (error as { issues?: Array<{ path: (string | number)[]; key: string }> }).issues?.[0];
    if (!issue) throw error;
    return { ok: false, index: Number(issue.path[1] ?? 0), key: issue.key };
  }
}

/**
 * An update by import fills in what the file says and keeps what it leaves blank: a file with only
 * names and phones must not wipe the owner and notes typed in the app. Tags and contacts are merged.
 */
export function mergeProfile(current: StoredProfile, incoming: StoredProfile, record: CustomerRecord, settings: Settings, contacts: NormalizedContact[]): StoredProfile {
  const merged: StoredProfile = { ...current };
  for (const column of PROFILE_COLUMNS) {
    if (column === 'search_text' || column === 'sort_name' || column === 'locality' || column === 'locality_manual' || column === 'tags') continue;
    if (column === 'type' && record.type === null) continue;
    if (incoming[column] !== null) merged[column] = incoming[column];
  }
  merged.tags = JSON.stringify([...new Set([...(JSON.parse(String(current.tags)) as string[]), ...record.tags])]);
  const base = { name: String(merged.name), company: merged.company as string | null, type: String(merged.type), country: merged.country as string | null, region: merged.region as string | null };
  if (!current.locality_manual) merged.locality = deriveLocality(base, settings);
  merged.search_text = buildSearchText(base, contacts);
  merged.sort_name = buildSortName(base);
  return merged;
}
