import type Database from 'better-sqlite3';
import type { ContactKind } from '../../shared/contract/enums';

export type MatchVia = 'code' | ContactKind | 'name';

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
 * Every live customer's identifying keys in memory, so matching 100k imported rows costs map lookups
 * rather than queries. Rows the import creates are added as it goes, which is what finds duplicates
 * within the file: the second row meets the customer the first one created.
 */
export class CustomerIndex {
  private readonly byCode = new Map<string, string>();
  private readonly byContact = new Map<string, string>();
  private readonly byPair = new Map<string, string>();
  /** name → ids, for orders that name a customer without a company. */
  private readonly byName = new Map<string, string[]>();

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
    if (c.code && !this.byCode.has(nameKey(c.code))) this.byCode.set(nameKey(c.code), id);
    const pair = pairKey(c.name, c.company);
    if (!this.byPair.has(pair)) this.byPair.set(pair, id);
    const ids = this.byName.get(nameKey(c.name)) ?? [];
    if (!ids.includes(id)) this.byName.set(nameKey(c.name), [...ids, id]);
    for (const contact of c.contacts) this.addContact(id, contact.kind, contact.value);
  }

  addContact(id: string, kind: ContactKind, value: string): void {
    const key = `${kind}:${value}`;
    if (!this.byContact.has(key)) this.byContact.set(key, id);
  }

  /** The customer an imported customer row duplicates: same code, any same contact, or same name and company. */
  findDuplicate(c: { name: string; company: string | null; code: string | null; contacts: Array<{ kind: ContactKind; value: string }> }): CustomerMatch | null {
    if (c.code) {
      const id = this.byCode.get(nameKey(c.code));
      if (id) return { id, via: 'code', value: c.code };
    }
    for (const contact of c.contacts) {
      const id = this.byContact.get(`${contact.kind}:${contact.value}`);
      if (id) return { id, via: contact.kind, value: contact.value };
    }
    const id = this.byPair.get(pairKey(c.name, c.company));
    return id ? { id, via: 'name', value: c.company ? `${c.name} / ${c.company}` : c.name } : null;
  }

  byCustomerCode(code: string): string | null {
    return this.byCode.get(nameKey(code)) ?? null;
  }

  byPhone(e164: string): string | null {
    return this.byContact.get(`phone:${e164}`) ?? this.byContact.get(`whatsapp:${e164}`) ?? null;
  }

  /** By name and company; without a company, by name alone when exactly one customer has it. */
  byNameCompany(name: string, company: string | null): string | null | 'ambiguous' {
    if (company) return this.byPair.get(pairKey(name, company)) ?? null;
    const exact = this.byPair.get(pairKey(name, null));
    if (exact) return exact;
    const ids = this.byName.get(nameKey(name)) ?? [];
    return ids.length === 1 ? ids[0]! : ids.length > 1 ? 'ambiguous' : null;
  }
}
