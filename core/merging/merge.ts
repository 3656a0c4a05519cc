import { AppError, notFound, type ParsedInputOf } from '../../shared/contract';
import type { MergeCandidate, MergeField } from '../../shared/contract/merges';
import { deriveLocality } from '../../shared/domain/locality';
import { fieldSources, joinedNotes, unitedTags } from '../../shared/domain/merge-fields';
import { liveContactsOf, refreshCustomerStats } from '../../db/repos/customers';
import * as repo from '../../db/repos/merges';
import { recordMergedAway, standingMove } from '../../db/repos/merge-moves';
import type { Db } from '../../db/open';
import { readSettings } from '../../db/repos/settings';
import { newId } from '../ids';
import { buildSearchText, buildSortName } from '../search-text';

type MergeInput = ParsedInputOf<'customers:merge'>;

/** Contract field → the column it is stored in (locality also carries locality_manual). */
const COLUMN: Record<MergeField, string> = {
  name: 'name', company: 'company', type: 'type', industry: 'industry', country: 'country', region: 'region', city: 'city', locality: 'locality',
  sizeBand: 'size_band', incomeBand: 'income_band', needs: 'needs', owner: 'owner', source: 'source', manualLevel: 'manual_level', code: 'code',
};

/** Loads the customers to merge, refusing unknown ids (not_found) and deleted ones (conflict), each at its input path. */
function loadLive(db: Db, input: MergeInput): MergeCandidate[] {
  const ids = [input.keepId, ...input.mergeIds];
  const found = new Map(repo.mergeCandidates(db.$client, ids).map((c) => [c.id, c]));
  return ids.map((id, i) => {
    const path = i === 0 ? ['keepId'] : ['mergeIds', i - 1];
    const candidate = found.get(id);
    if (!candidate) throw notFound('customer', id);
    if (repo.customerColumns(db.$client, id)!.deleted_at !== null) {
      // Merged away already (a merge run twice): restoring it from the trash would bring back an empty copy beside the merge.
      const away = repo.standingMergeAway(db.$client, id);
      if (away) {
        const name = repo.customerColumns(db.$client, away.keptCustomerId)!.name as string;
        throw new AppError('conflict', `Customer ${id} was already merged into ${name} (${away.keptCustomerId}); to separate them, undo merge ${away.mergeId}.`, [
          { path, key: 'merge_customer_merged_away', params: { name, mergeId: away.mergeId } },
        ]);
      }
      // Merged away on another laptop: its journal is there, but the team shares where the customer went.
      const elsewhere = standingMove(db.$client, id);
      if (elsewhere) {
        const name = repo.customerColumns(db.$client, elsewhere.intoCustomerId)!.name as string;
        throw new AppError(
          'conflict',
          `Customer ${id} was already merged into ${name} (${elsewhere.intoCustomerId}) on another laptop; to separate them, undo merge ${elsewhere.mergeId} on the laptop that made it.`,
          [{ path, key: 'merge_customer_merged_away_elsewhere', params: { name, mergeId: elsewhere.mergeId } }],
        );
      }
      throw new AppError('conflict', `Customer ${id} is deleted; restore it from the trash before merging.`, [{ path, key: 'merge_customer_deleted' }]);
    }
    return candidate;
  });
}

/**
 * A live customer merged into an archived one would leave the lists, the tiers and Today with all its orders,
 * unseen: the kept customer is taken out of the archive first (merging archived duplicates together is fine).
 */
function refuseArchivedKeep(db: Db, input: MergeInput): void {
  const archived = (id: string) => repo.customerColumns(db.$client, id)!.archived_at !== null;
  if (!archived(input.keepId) || input.mergeIds.every(archived)) return;
  throw new AppError('conflict', `Customer ${input.keepId} is archived; take it out of the archive before merging live customers into it.`, [
    { path: ['keepId'], key: 'merge_into_archived' },
  ]);
}

/**
 * Merges duplicates into the kept customer in one transaction: their live orders, follow-ups and contacts
 * (a contact the kept customer already has stays behind) move over, tags unite, notes join, the chosen
 * field values are written, the others are soft-deleted, and every change is recorded for unmerge.
 *
 * Tier history (segment_assignments) is left alone: the merged customers' past classes stay true of
 * the past, and the next recompute classifies the kept customer on its combined orders.
 */
export function mergeCustomers(db: Db, input: MergeInput, now: string) {
  const client = db.$client;
  return client.transaction(() => {
    const [kept, ...merged] = loadLive(db, input);
    refuseArchivedKeep(db, input);
    const all = [kept!, ...merged];
    const before = repo.customerColumns(client, kept!.id)!;
    const rows: Array<repo.MergeRow & { id: string }> = [];
    const record = (row: repo.MergeRow) => rows.push({ id: newId(), ...row });
    const moved = { orders: 0, followUps: 0, contacts: 0 };

    const keptContacts = new Set(kept!.contacts.map((c) => `${c.kind}\u0000${c.value}`));
    for (const m of merged) {
      for (const [table, counter] of [['orders', 'orders'], ['follow_ups', 'followUps']] as const) {
        for (const row of repo.liveRowsOf(client, table, m.id)) {
          record({ rowTable: table, rowId: row.id, fromCustomerId: m.id, previousUpdatedAt: row.updatedAt });
          repo.moveRow(client, table, row.id, kept!.id, now);
          moved[counter]++;
        }
      }
      for (const row of repo.liveRowsOf(client, 'contact_channels', m.id)) {
        const key = `${row.kind}\u0000${row.value}`;
        if (keptContacts.has(key)) continue;
        keptContacts.add(key);
        record({ rowTable: 'contact_channels', rowId: row.id, fromCustomerId: m.id, previousUpdatedAt: row.updatedAt });
        repo.moveRow(client, 'contact_channels', row.id, kept!.id, now);
        moved.contacts++;
      }
      record({ rowTable: 'customers', rowId: m.id, fromCustomerId: m.id, previousUpdatedAt: repo.customerColumns(client, m.id)!.updated_at as string });
      repo.softDeleteCustomer(client, m.id, now);
    }

    const values = profileAfter(db, all, input.fields);
    const contacts = liveContactsOf(db, kept!.id);
    const profile = { name: values.name as string, company: values.company as string | null, type: values.type as string };
    repo.writeCustomerColumns(client, kept!.id, { ...values, search_text: buildSearchText(profile, contacts), sort_name: buildSortName(profile), updated_at: now });
    for (const c of all) refreshCustomerStats(db, c.id);

    const mergeId = newId();
    const after = repo.customerColumns(client, kept!.id)!;
    repo.insertMerge(client, { id: mergeId, keptCustomerId: kept!.id, keptBefore: JSON.stringify(before), keptAfter: JSON.stringify(after), createdAt: now }, rows);
    // The team learns where each merged customer went (the journal stays here), so that any laptop can move on what
    // another wrote on it meanwhile (core/sync/settle-merged-away.ts).
    for (const row of rows.filter((r) => r.rowTable === 'customers')) {
      recordMergedAway(client, { id: row.id, mergeId, customerId: row.rowId, intoCustomerId: kept!.id, previousUpdatedAt: row.previousUpdatedAt }, now);
    }
    return { mergeId, keptId: kept!.id, mergedIds: merged.map((m) => m.id), moved };
  })();
}

/** The kept customer's profile columns after the merge: chosen values, united tags, joined notes, locality re-derived unless set by hand. */
function profileAfter(db: Db, all: MergeCandidate[], choices: MergeInput['fields']): repo.CustomerColumns {
  const [kept, ...merged] = all;
  const sources = fieldSources(kept!, merged, choices);
  const byId = new Map(all.map((c) => [c.id, c]));
  const values: repo.CustomerColumns = {};
  for (const [field, id] of Object.entries(sources) as [MergeField, string][]) values[COLUMN[field]] = byId.get(id)![field];
  const localityFrom = byId.get(sources.locality)!;
  values.locality_manual = localityFrom.localityManual ? 1 : 0;
  if (!localityFrom.localityManual) values.locality = deriveLocality({ country: values.country as string | null, region: values.region as string | null }, readSettings(db));
  values.tags = JSON.stringify(unitedTags(all));
  values.notes = joinedNotes(all);
  return values;
}
