import type { Settings } from '../../shared/contract/settings';
import { deriveLocality } from '../../shared/domain/locality';
import type { CustomerRecord } from '../../shared/import';
import { normalizeContacts, type NormalizedContact } from '../handlers/contacts';
import { buildSearchText, buildSortName } from '../search-text';

/** The profile columns an import may write, in the form they are stored (snake_case, tags as JSON). */
export const PROFILE_COLUMNS = [
  'name', 'company', 'type', 'industry', 'country', 'region', 'city', 'locality', 'locality_manual', 'size_band', 'income_band',
  'needs', 'tags', 'owner', 'source', 'manual_level', 'notes', 'code', 'search_text', 'sort_name', 'archived_at',
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
    // A locality the file says was set by hand is kept as such; any other is derived from this workspace's home.
    locality: record.localityManual === true && record.locality !== null ? record.locality : deriveLocality(base, settings),
    locality_manual: record.localityManual === true && record.locality !== null ? 1 : 0,
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
    // When it was archived is the import's own moment (the writer sets it); the file says only whether.
    archived_at: null,
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
    if (column === 'search_text' || column === 'sort_name' || column === 'locality' || column === 'locality_manual' || column === 'tags' || column === 'archived_at') continue;
    if (column === 'type' && record.type === null) continue;
    if (incoming[column] !== null) merged[column] = incoming[column];
  }
  merged.tags = JSON.stringify([...new Set([...(JSON.parse(String(current.tags)) as string[]), ...record.tags])]);
  const base = { name: String(merged.name), company: merged.company as string | null, type: String(merged.type), country: merged.country as string | null, region: merged.region as string | null };
  // A "set by hand" cell writes over as every non-empty cell does: yes sets the file's locality, no goes back to deriving it.
  if (record.localityManual === true && record.locality !== null) [merged.locality, merged.locality_manual] = [record.locality, 1];
  else if (record.localityManual === false) merged.locality_manual = 0;
  if (!merged.locality_manual) merged.locality = deriveLocality(base, settings);
  merged.search_text = buildSearchText(base, contacts);
  merged.sort_name = buildSortName(base);
  return merged;
}
