import type Database from 'better-sqlite3';
import type { Settings } from '../../shared/contract/settings';
import type { ContactKind } from '../../shared/contract/enums';
import { convertMinor, isStorableMinor } from '../../shared/domain/money';
import type { CustomerKey, CustomerRecord, FollowUpRecord, OrderRecord } from '../../shared/import';
import { importStatements, type ImportStatements } from '../../db/repos/imports';
import { newId } from '../ids';
import { CustomerIndex } from './customer-index';
import { mergeProfile, rowContacts, storedProfile, type StoredProfile } from './customer-rows';
import type { DuplicateRow, ImportOptions, ImportReason } from './types';

/** What became of one valid row; `error` rows are rejected with that reason (at the field's column). */
export type RowOutcome =
  | { kind: 'added' | 'updated' | 'skipped'; duplicate?: Omit<DuplicateRow, 'row'> }
  | { kind: 'error'; reason: ImportReason; field: string | null };

/**
 * Writes validated records inside the import's transaction: customers matched against the database
 * and the earlier rows of the file, orders and follow-ups linked to their customer.
 */
export class RowWriter {
  private readonly sql: ImportStatements;
  private readonly index: CustomerIndex;
  private readonly createdHere = new Set<string>();
  private readonly touchedHere = new Set<string>();
  private readonly snapshotted = new Set<string>();
  private readonly fx = new Map<string, number | undefined>();
  /** Each linked customer's revenue so far, stored plus this file's orders, in base minor units. */
  private readonly revenue = new Map<string, number>();
  /** Customers whose order and follow-up figures must be recomputed. */
  readonly affected = new Set<string>();
  customersCreated = 0;

  constructor(
    client: Database.Database,
    private readonly batchId: string,
    private readonly now: string,
    private readonly settings: Settings,
    private readonly options: Pick<ImportOptions, 'duplicates' | 'linkBy' | 'unknownCustomers'>,
  ) {
    this.sql = importStatements(client);
    this.index = CustomerIndex.load(client);
  }

  customer(record: CustomerRecord): RowOutcome {
    const normalized = rowContacts(record, this.settings.homeCountry);
    if (!normalized.ok) return { kind: 'error', reason: normalized.key as ImportReason, field: record.contacts[normalized.index]?.kind ?? null };
    const contacts = normalized.contacts;
    const match = this.index.findDuplicate({ ...record, contacts });
    if (match && this.options.duplicates !== 'create') {
      const inFile = this.touchedHere.has(match.id);
      const duplicate = { customerId: match.id, via: match.via, value: match.value, inFile };
      if (this.options.duplicates === 'skip') return { kind: 'skipped', duplicate: { ...duplicate, action: 'skipped' } };
      this.update(match.id, record, contacts);
      return { kind: 'updated', duplicate: { ...duplicate, action: 'updated' } };
    }
    const id = this.insertCustomer(storedProfile(record, this.settings, contacts), contacts);
    this.index.add(id, { name: record.name, company: record.company, code: record.code, contacts });
    return match ? { kind: 'added', duplicate: { customerId: match.id, via: match.via, value: match.value, inFile: this.touchedHere.has(match.id), action: 'created' } } : { kind: 'added' };
  }

  order(record: OrderRecord): RowOutcome {
    const customer = this.link(record.customer);
    if (typeof customer !== 'string') return customer;
    const base = this.settings.baseCurrency;
    const rate = record.currency === base ? 1 : (record.fxRate ?? this.rateOn(record.currency, record.orderDate));
    if (rate === undefined) return { kind: 'error', reason: 'no_fx_rate', field: 'currency' };
    const baseMinor = convertMinor(record.amountMinor, record.currency, rate, base);
    // The order alone, and the customer's total with it, must stay exact integers (the database refuses either otherwise).
    const revenue = (this.revenue.get(customer) ?? this.sql.revenueOf(customer)) + baseMinor;
    if (!isStorableMinor(baseMinor) || !isStorableMinor(revenue)) return { kind: 'error', reason: 'amount_too_large', field: 'amount' };
    this.revenue.set(customer, revenue);
    this.sql.insertOrder([newId(), this.now, this.batchId, customer, record.orderDate, record.amountMinor, record.currency, rate, base, baseMinor, record.note]);
    this.affected.add(customer);
    return { kind: 'added' };
  }

  followUp(record: FollowUpRecord): RowOutcome {
    const customer = this.link(record.customer);
    if (typeof customer !== 'string') return customer;
    this.sql.insertFollowUp([
      newId(), this.now, this.batchId, customer, record.occurredAt, record.channel ?? 'other', record.content, record.outcome, record.intent, record.satisfaction, record.nextContactDate,
    ]);
    this.affected.add(customer);
    return { kind: 'added' };
  }

  /** The FX rate locked on the order date: the latest on or before it, as orders:create does. */
  private rateOn(currency: string, date: string): number | undefined {
    const key = `${currency}${date}`;
    if (!this.fx.has(key)) this.fx.set(key, this.sql.fxRateOn(currency, date));
    return this.fx.get(key);
  }

  private link(key: CustomerKey): string | Extract<RowOutcome, { kind: 'error' }> {
    const by = this.options.linkBy;
    const name = key.name ?? key.company;
    let found: string | null | 'ambiguous' = null;
    let field: string | null = null;
    if ((by === 'auto' || by === 'code') && key.code) [found, field] = [this.index.byCustomerCode(key.code), 'customerCode'];
    if (!found && (by === 'auto' || by === 'phone') && key.phone) [found, field] = [this.index.byPhone(key.phone), 'customerPhone'];
    if (!found && (by === 'auto' || by === 'name') && name) [found, field] = [this.index.byNameCompany(name, key.name ? key.company : null), key.name ? 'customerName' : 'customerCompany'];
    if (found === 'ambiguous') return { kind: 'error', reason: 'ambiguous_customer', field };
    if (found) return found;
    if (field === null) return { kind: 'error', reason: 'missing_customer_key', field: null };
    if (this.options.unknownCustomers === 'reject' || !name) return { kind: 'error', reason: 'unknown_customer', field };
    return this.createFromKey(key, name);
  }

  /** A customer for an order or follow-up row whose customer is new: what the row says about them. */
  private createFromKey(key: CustomerKey, name: string): string {
    const record: CustomerRecord = {
      name, company: key.company, type: null, industry: null, country: null, region: null, city: null, sizeBand: null, incomeBand: null, needs: null,
      tags: [], owner: null, source: null, manualLevel: null, notes: null, code: key.code, contacts: key.phone ? [{ kind: 'phone', value: key.phone }] : [],
    };
    const contacts = key.phone ? [{ kind: 'phone' as const, value: key.phone, label: null }] : [];
    const id = this.insertCustomer(storedProfile(record, this.settings, contacts), contacts);
    this.index.add(id, { name, company: key.company, code: key.code, contacts });
    this.customersCreated++;
    return id;
  }

  private insertCustomer(profile: StoredProfile, contacts: Array<{ kind: ContactKind; value: string; label: string | null }>): string {
    const id = newId();
    this.sql.insertCustomer({ ...profile, id, now: this.now, batch: this.batchId });
    for (const c of contacts) this.sql.insertContact(newId(), this.now, id, c.kind, c.value, c.label);
    this.createdHere.add(id);
    this.touchedHere.add(id);
    return id;
  }

  private update(id: string, record: CustomerRecord, incoming: Array<{ kind: ContactKind; value: string; label: string | null }>): void {
    const current = this.sql.selectProfile(id) as StoredProfile;
    const existing = this.sql.liveContacts(id);
    // The state before the batch first touched the customer, so undo can put it back exactly.
    if (!this.createdHere.has(id) && !this.snapshotted.has(id)) {
      this.sql.insertSnapshot(newId(), this.batchId, id, JSON.stringify({ profile: current, contacts: existing }), this.now);
      this.snapshotted.add(id);
    }
    const known = new Set(existing.map((c) => `${c.kind}:${c.value}`));
    const added = incoming.filter((c) => !known.has(`${c.kind}:${c.value}`));
    const merged = mergeProfile(current, storedProfile(record, this.settings, incoming), record, this.settings, [...existing, ...added]);
    this.sql.updateCustomer({ ...merged, id, now: this.now });
    for (const c of added) this.sql.insertContact(newId(), this.now, id, c.kind, c.value, c.label);
    this.index.add(id, { name: String(merged.name), company: merged.company as string | null, code: merged.code as string | null, contacts: added });
    this.touchedHere.add(id);
  }
}
