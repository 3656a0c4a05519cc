import type { MergeCandidate, MergeField } from '../contract/merges';
import { MERGE_FIELDS } from '../contract/merges';

/** The value a field shows for one customer (locality stands for the pair locality + its manual flag). */
export function fieldValue(customer: MergeCandidate, field: MergeField): string | null {
  return customer[field];
}

/**
 * Whose value each field keeps: the user's choice, else the kept customer's, else — where the kept
 * customer has none — the first merged customer that has one, so a merge fills gaps instead of losing data.
 * Used by the merge itself and by the screen that previews it, so both agree.
 */
export function fieldSources(kept: MergeCandidate, merged: MergeCandidate[], choices: Partial<Record<MergeField, string>> = {}): Record<MergeField, string> {
  const sources = {} as Record<MergeField, string>;
  for (const field of MERGE_FIELDS) {
    const chosen = choices[field];
    if (chosen && (chosen === kept.id || merged.some((m) => m.id === chosen))) sources[field] = chosen;
    else sources[field] = fieldValue(kept, field) !== null ? kept.id : (merged.find((m) => fieldValue(m, field) !== null)?.id ?? kept.id);
  }
  return sources;
}

/** Tags of all, kept customer's first, each once. */
export function unitedTags(all: MergeCandidate[]): string[] {
  return [...new Set(all.flatMap((c) => c.tags))];
}

/** Notes of all, kept customer's first, each distinct text once, separated by a blank line. */
export function joinedNotes(all: MergeCandidate[]): string | null {
  const notes = [...new Set(all.map((c) => c.notes?.trim() ?? '').filter(Boolean))];
  return notes.length ? notes.join('\n\n') : null;
}

/** Fields whose values differ among the customers: the only ones worth asking about. */
export function differingFields(all: MergeCandidate[]): MergeField[] {
  return MERGE_FIELDS.filter((field) => new Set(all.map((c) => fieldValue(c, field))).size > 1);
}
