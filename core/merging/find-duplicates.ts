import type Database from 'better-sqlite3';
import type { DuplicateGroup, DuplicateReason } from '../../shared/contract/merges';
import { liveCustomerNames, mergeCandidates, sharedContacts } from '../../db/repos/merges';
import { nameKey } from '../importing/customer-index';

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
export function findDuplicateGroups(client: Database.Database, limit: number): { total: number; groups: DuplicateGroup[] } {
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
  const byName = new Map<string, { ids: string[]; name: string; company: string | null }>();
  for (const [id, name, company, createdAt] of liveCustomerNames(client)) {
    created.set(id, createdAt);
    const key = `${looseKey(name)}\u0001${looseKey(company)}`;
    const entry = byName.get(key);
    if (entry) entry.ids.push(id);
    else byName.set(key, { ids: [id], name, company });
  }
  for (const { ids, name, company } of byName.values()) if (ids.length > 1) add(ids, { kind: 'nameCompany', name, company });

  const newest = (ids: string[]) => ids.reduce((max, id) => ((created.get(id) ?? '') > max ? created.get(id)! : max), '');
  const ordered = [...groups.entries()]
    .map(([key, g]) => ({ key, ...g, newest: newest(g.ids) }))
    .sort((a, b) => (a.newest === b.newest ? a.key.localeCompare(b.key) : a.newest < b.newest ? 1 : -1));
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
