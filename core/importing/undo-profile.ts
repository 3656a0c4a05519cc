import type { ContactKind } from '../../shared/contract/enums';
import type { Settings } from '../../shared/contract/settings';
import { deriveLocality } from '../../shared/domain/locality';
import type { ImportStatements } from '../../db/repos/imports';
import { newId } from '../ids';
import { buildSearchText, buildSortName } from '../search-text';
import { PROFILE_COLUMNS, type StoredProfile } from './customer-rows';

/** A customer as an import batch's change row holds it (db/schema/imports.ts): the profile and live contacts. */
export interface CustomerImage {
  profile: StoredProfile;
  contacts: Array<{ kind: ContactKind; value: string; label: string | null }>;
}

/** Worked out from the others, never put back from an image: they would contradict the fields they come from. */
const DERIVED = new Set(['search_text', 'sort_name', 'locality', 'tags']);
const contactKey = (c: { kind: string; value: string }) => `${c.kind}\u0000${c.value}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Takes back what one batch changed on one customer, and only that: a field the batch changed is put back
 * when it still holds what the batch wrote; a field changed since (an edit in the app, a later batch) keeps
 * its newer value; a field the batch did not change is not touched, so undoing an earlier batch does not
 * undo a later one. Tags the batch added are taken off, contacts it added are deleted, and the name's
 * search keys and the locality are worked out again from what the customer now holds.
 */
export function undoCustomerChanges(sql: ImportStatements, customerId: string, before: CustomerImage, after: CustomerImage, settings: Settings, now: string): void {
  const current = sql.selectProfile(customerId) as StoredProfile;
  const next: StoredProfile = { ...current };
  for (const column of PROFILE_COLUMNS) {
    if (DERIVED.has(column) || same(before.profile[column], after.profile[column]) || !same(current[column], after.profile[column])) continue;
    next[column] = before.profile[column];
  }
  const tagsOf = (profile: StoredProfile) => JSON.parse(String(profile.tags ?? '[]')) as string[];
  const added = new Set(tagsOf(after.profile).filter((tag) => !tagsOf(before.profile).includes(tag)));
  next.tags = JSON.stringify(tagsOf(current).filter((tag) => !added.has(tag)));

  const beforeKeys = new Set(before.contacts.map(contactKey));
  const live = new Set(sql.liveContacts(customerId).map(contactKey));
  for (const c of after.contacts) if (!beforeKeys.has(contactKey(c)) && live.has(contactKey(c))) sql.dropContact(customerId, c.kind, c.value, now);
  const afterKeys = new Set(after.contacts.map(contactKey));
  for (const c of before.contacts) if (!afterKeys.has(contactKey(c)) && !live.has(contactKey(c))) sql.insertContact(newId(), now, customerId, c.kind, c.value, c.label);

  const base = { name: String(next.name), company: next.company as string | null, type: String(next.type), country: next.country as string | null, region: next.region as string | null };
  // A hand-set locality is a field like the others (the batch's own is taken back unless changed since); any other is derived.
  if (!next.locality_manual) next.locality = deriveLocality(base, settings);
  else if (!same(before.profile.locality, after.profile.locality) && same(current.locality, after.profile.locality)) next.locality = before.profile.locality;
  next.search_text = buildSearchText(base, sql.liveContacts(customerId));
  next.sort_name = buildSortName(base);
  if (PROFILE_COLUMNS.some((column) => !same(next[column], current[column]))) sql.updateCustomer({ ...next, id: customerId, now });
}
