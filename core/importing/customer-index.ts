import type Database from 'better-sqlite3';
import type { ContactKind } from '../../shared/contract/enums';

/** 'record': the file's record ID (an export's 系统ID), of an earlier row of the file or of a live customer. */
export type MatchVia = 'record' | 'code' | ContactKind | 'name';

export interface CustomerMatch {
  id: string;
  via: MatchVia;
  value: string;
}

/** Names compare ignoring case, width and spacing: "ACME  Ltd" and "acme ltd" are one company. */
export function nameKey(name: string | null | undefined): string {
  return (name ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const pairKey = (name: string | null | undefined, company: string | null | undefined) => `${nameKey(name)}\u0001${nameKey(company)}`;

/**
 * A key that several live customers share (two customers with one phone, one name and company, one code): it
 * names none of them. A key held by one customer stays a plain string, so the index is one string per key for
 * 100k customers; the few shared keys list their customers, first met first (for a duplicate report), so a
 * customer row can pass over those the file itself says are others (see findDuplicate's `others`).
 */
class SharedKey {
  constructor(readonly ids: string[]) {}
  get first(): string {
    return this.ids[0]!;
  }
}
type Entry = string | SharedKey;

/** Adds `id` under `key`: the first id is kept, a second different one makes the key shared. */
function put(map: Map<string, Entry>, key: string, id: string): void {
  const held = map.get(key);
  if (held === undefined) map.set(key, id);
  else if (typeof held === 'string') {
    if (held !== id) map.set(key, new SharedKey([held, id]));
  } else if (!held.ids.includes(id)) held.ids.push(id);
}

const idsOf = (entry: Entry): string[] => (typeof entry === 'string' ? [entry] : entry.ids);

/** Numbers whose answers byPhone keeps, so a file of random numbers cannot grow its memory without bound. */
const PHONE_ANSWERS_KEPT = 20_000;

/** The one customer an entry names, 'ambiguous' for a shared key, null for none. */
const single = (entry: Entry | undefined): string | 'ambiguous' | null => (entry === undefined ? null : typeof entry === 'string' ? entry : 'ambiguous');

/**
 * Every live customer's identifying keys in memory, so matching 100k imported rows costs map lookups
 * rather than queries. Rows the import creates are added as it goes, which is what finds duplicates
 * within the file: the second row meets the customer the first one created. A key several customers
 * share links nothing: an order naming it is refused as ambiguous rather than given to one of them.
 */
export class CustomerIndex {
  private readonly byCode = new Map<string, Entry>();
  /**
   * Contacts by kind, then value: a million order rows each ask for a phone, and a key built per ask ("phone:+86…")
   * made a new string to hash every time, where the value alone is the same string the phone parser handed out.
   */
  private readonly byContact = new Map<ContactKind, Map<string, Entry>>();
  private readonly byPair = new Map<string, Entry>();
  /** By name alone, for orders that name a customer without a company. */
  private readonly byName = new Map<string, Entry>();
  /**
   * What byPhone said for each number asked since the index last changed. A file names a few thousand numbers again
   * and again: answered from this small map, a row is not a walk through the index of every customer's contacts,
   * which the database's own work between rows has pushed out of the processor's caches.
   */
  private readonly phoneAnswers = new Map<string, string | 'ambiguous' | null>();

  static load(client: Database.Database): CustomerIndex {
    const index = new CustomerIndex();
    const customers = client.prepare(`SELECT id, name, company, code FROM customers WHERE deleted_at IS NULL ORDER BY id`).raw().iterate() as Iterable<[string, string, string | null, string | null]>;
    for (const [id, name, company, code] of customers) index.add(id, { name, company, code, contacts: [] });
    const contacts = client
      .prepare(`SELECT c.customer_id, c.kind, c.value FROM contact_channels c JOIN customers k ON k.id = c.customer_id WHERE c.deleted_at IS NULL AND k.deleted_at IS NULL ORDER BY c.customer_id`)
      .raw()
      .iterate() as Iterable<[string, ContactKind, string]>;
    for (const [id, kind, value] of contacts) index.addContact(id, kind, value);
    return index;
  }

  add(id: string, c: { name: string; company: string | null; code: string | null; contacts: Array<{ kind: ContactKind; value: string }> }): void {
    if (this.phoneAnswers.size > 0) this.phoneAnswers.clear();
    if (c.code) put(this.byCode, nameKey(c.code), id);
    put(this.byPair, pairKey(c.name, c.company), id);
    put(this.byName, nameKey(c.name), id);
    for (const contact of c.contacts) this.addContact(id, contact.kind, contact.value);
  }

  addContact(id: string, kind: ContactKind, value: string): void {
    if (this.phoneAnswers.size > 0) this.phoneAnswers.clear();
    let ofKind = this.byContact.get(kind);
    if (!ofKind) this.byContact.set(kind, (ofKind = new Map()));
    put(ofKind, value, id);
  }

  /**
   * The customer an imported customer row duplicates: same code, any same contact, or same name and company.
   * `shared`: the key belongs to several customers, and `id` is only the first of them. Customers `others` names
   * (those the file gave another record ID) are never the match: the file says they are someone else.
   */
  findDuplicate(
    c: { name: string; company: string | null; code: string | null; contacts: Array<{ kind: ContactKind; value: string }> },
    others: (id: string) => boolean = () => false,
  ): (CustomerMatch & { shared: boolean }) | null {
    const match = (entry: Entry | undefined, via: MatchVia, value: string) => {
      const ids = (entry === undefined ? [] : typeof entry === 'string' ? [entry] : entry.ids).filter((id) => !others(id));
      return ids.length === 0 ? null : { id: ids[0]!, via, value, shared: ids.length > 1 };
    };
    if (c.code) {
      const found = match(this.byCode.get(nameKey(c.code)), 'code', c.code);
      if (found) return found;
    }
    for (const contact of c.contacts) {
      const found = match(this.contactEntry(contact.kind, contact.value), contact.kind, contact.value);
      if (found) return found;
    }
    return match(this.byPair.get(pairKey(c.name, c.company)), 'name', c.company ? `${c.name} / ${c.company}` : c.name);
  }

  /**
   * Who holds a contact: a phone and a WhatsApp number are one number (both E.164), so each is looked for under
   * either kind, as the app's duplicate check does (db/repos/customers.ts findContactMatches).
   */
  private contactEntry(kind: ContactKind, value: string): Entry | undefined {
    const own = this.byContact.get(kind)?.get(value);
    if (kind !== 'phone' && kind !== 'whatsapp') return own;
    const other = this.byContact.get(kind === 'phone' ? 'whatsapp' : 'phone')?.get(value);
    if (own === undefined || other === undefined) return own ?? other;
    const ids = [...new Set([...idsOf(own), ...idsOf(other)])];
    return ids.length === 1 ? ids[0]! : new SharedKey(ids);
  }

  byCustomerCode(code: string): string | 'ambiguous' | null {
    return single(this.byCode.get(nameKey(code)));
  }

  byPhone(e164: string): string | 'ambiguous' | null {
    let answer = this.phoneAnswers.get(e164);
    if (answer === undefined) {
      answer = single(this.byContact.get('phone')?.get(e164) ?? this.byContact.get('whatsapp')?.get(e164));
      if (this.phoneAnswers.size >= PHONE_ANSWERS_KEPT) this.phoneAnswers.clear();
      this.phoneAnswers.set(e164, answer);
    }
    return answer;
  }

  /** By name and company; without a company, the one customer of that name without a company, else by name alone when exactly one customer has it. */
  byNameCompany(name: string, company: string | null): string | 'ambiguous' | null {
    if (company) return single(this.byPair.get(pairKey(name, company)));
    return single(this.byPair.get(pairKey(name, null)) ?? this.byName.get(nameKey(name)));
  }
}
