import type Database from 'better-sqlite3';
import type { Db } from '../../db/open';
import { sourceStamp } from '../change-stamp';
import type { DuplicateGroup, DuplicateReason } from '../../shared/contract/merges';
import { liveCustomerNames, mergeCandidates, sharedContacts } from '../../db/repos/merges';
import { nameKey } from '../importing/customer-index';
import { compareBinary } from '../../shared/domain/binary-order';

/** Contacts first (phone is the surest), then name + company, which two different people can share. */
const REASON_ORDER: DuplicateReason['kind'][] = ['phone', 'whatsapp', 'email', 'wechat', 'nameCompany'];

/** The importer's name key without any spaces: "王 芳" and "王芳", "Weber  GmbH" and "weber gmbh" are one name. */
const looseKey = (name: string | null) => nameKey(name).replace(/ /g, '');

/**
 * Groups of live customers (archived ones count: still the same person) that share a contact or the same
 * name + company, compared as the importer compares them (case and width ignored) and ignoring spaces altogether. A set of
 * customers matching for several reasons is one group listing them all. Groups with the newest customer
 * come first: duplicates usually arrive with an import or a hurried entry.
 */
export function findDuplicateGroups(db: Db, limit: number): { total: number; groups: DuplicateGroup[] } {
  const client = db.$client;
  const ordered = orderedGroups(db);
  const page = ordered.slice(0, limit);
  const candidates = new Map(mergeCandidates(client, [...new Set(page.flatMap((g) => g.ids))]).map((c) => [c.id, c]));
  return {
    total: ordered.length,
    groups: page.map((g) => {
      const reasons = [...g.reasons].sort((a, b) => REASON_ORDER.indexOf(a.kind) - REASON_ORDER.indexOf(b.kind));
      // Oldest first: the customer on file longest is the natural one to keep.
      const customers = g.ids.map((id) => candidates.get(id)!).sort((a, b) => (a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt < b.createdAt ? -1 : 1));
      return { key: g.key, reason: reasons[0]!, reasons, customers };
    }),
  };
}

interface FoundGroup {
  key: string;
  ids: string[];
  reasons: DuplicateReason[];
}

/**
 * Every group, newest first, kept while the data is as it was when they were found (core/change-stamp.ts
 * sourceStamp: tiers and predictions stored since do not count): the screen asks again for more groups, after a
 * merge and when it is opened again, and finding them reads every customer and contact (about 0.9 s at 100k
 * customers). The page's customers are read afresh each time.
 */
const found = new WeakMap<Db, { stamp: string; groups: FoundGroup[] }>();

function orderedGroups(db: Db): FoundGroup[] {
  const stamp = sourceStamp(db);
  const kept = found.get(db);
  if (kept?.stamp === stamp) return kept.groups;
  const groups = findGroups(db.$client);
  found.set(db, { stamp, groups });
  return groups;
}

function findGroups(client: Database.Database): FoundGroup[] {
  const groups = new Map<string, { ids: string[]; reasons: DuplicateReason[] }>();
  const add = (ids: string[], reason: DuplicateReason) => {
    const sorted = [...new Set(ids)].sort();
    const key = sorted.join(',');
    const group = groups.get(key) ?? { ids: sorted, reasons: [] };
    group.reasons.push(reason);
    groups.set(key, group);
  };

  for (const { kind, value, ids } of sharedContacts(client)) add(ids.split(','), { kind, value });

  const created = new Map<string, string>();
  // A group of names is shown by its first customer's spelling, the first by id as SQLite orders ids (the customers
  // come in the table's order).
  const byName = new Map<string, { ids: string[]; firstId: string; name: string; company: string | null }>();
  for (const [id, name, company, createdAt] of liveCustomerNames(client)) {
    created.set(id, createdAt);
    const key = `${looseKey(name)}\u0001${looseKey(company)}`;
    const entry = byName.get(key);
    if (!entry) byName.set(key, { ids: [id], firstId: id, name, company });
    else {
      entry.ids.push(id);
      if (compareBinary(id, entry.firstId) < 0) Object.assign(entry, { firstId: id, name, company });
    }
  }
  for (const { ids, name, company } of byName.values()) if (ids.length > 1) add(ids, { kind: 'nameCompany', name, company });

  const newest = (ids: string[]) => ids.reduce((max, id) => ((created.get(id) ?? '') > max ? created.get(id)! : max), '');
  return [...groups.entries()]
    .map(([key, g]) => ({ key, ...g, newest: newest(g.ids) }))
    .sort((a, b) => (a.newest === b.newest ? a.key.localeCompare(b.key) : a.newest < b.newest ? 1 : -1))
    .map(({ key, ids, reasons }) => ({ key, ids, reasons }));
}
