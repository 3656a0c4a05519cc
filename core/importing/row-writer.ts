import type Database from 'better-sqlite3';
import type { Settings } from '../../shared/contract/settings';
import type { ContactKind } from '../../shared/contract/enums';
import { convertMinor, isStorableMinor } from '../../shared/domain/money';
import type { CustomerKey, CustomerRecord, FollowUpRecord, OrderRecord } from '../../shared/import';
import { importStatements, type ImportStatements } from '../../db/repos/imports';
import { orderImportStatements, orderInserter, type OrderImportStatements, type OrderInserter } from '../../db/repos/order-imports';
import { OrderAssembler } from './order-assembler';
import { alreadyRecorded, numberTaken } from './order-holder';
import { FollowUpRecords } from './follow-up-holder';
import { productIdentityKey, upsertProducts } from '../../db/repos/products';
import type { Db } from '../../db/open';
import { isIdForm, newId } from '../ids';
import { batchIds } from './batch-ids';
import { CustomerIndex, nameKey, type CustomerMatch } from './customer-index';
import { liveCustomerMergedInto } from './merged-into';
import { mergeProfile, rowContacts, storedProfile, type StoredProfile } from './customer-rows';
import type { DuplicateRow, ImportOptions, ImportReason, PlaceCounts } from './types';
import { inferPlace, type PlaceInference } from '../../shared/domain/place';

/** The numbers a country can be read from (WhatsApp numbers are phone numbers too). */
const phonesOf = (contacts: ReadonlyArray<{ kind: ContactKind; value: string }>) => contacts.filter((c) => c.kind === 'phone' || c.kind === 'whatsapp').map((c) => c.value);

/** What became of one valid row; `error` rows are rejected with that reason (at the field's column). */
export type RowOutcome =
  | { kind: 'added' | 'updated' | 'skipped'; duplicate?: Omit<DuplicateRow, 'row'> }
  | { kind: 'error'; reason: ImportReason; field: string | null; params?: Readonly<Record<string, string>> };

/**
 * Writes validated records inside the import's transaction: customers matched against the database
 * and the earlier rows of the file, orders and follow-ups linked to their customer.
 */
export class RowWriter {
  private readonly sql: ImportStatements;
  private readonly orderSql: OrderImportStatements;
  /** Whole orders wait here and go in by multi-row INSERTs; flush() before the batch ends. */
  private readonly orderRows: OrderInserter;
  /** One id per imported order or follow-up, from a pooled generator. */
  private readonly nextId = batchIds();
  /** Follow-ups rows' record IDs: which are already recorded, and the ids the new ones take. */
  private readonly followUpRecords: FollowUpRecords;
  /** Groups the rows of an order-lines file into orders; idle for files of whole orders. */
  readonly assembler: OrderAssembler;
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
  /**
   * The file's record IDs (an export's 系统ID) and the customers their rows became, both ways: a record ID met
   * again is that customer, and a customer bound to one record ID is never another's duplicate.
   */
  private readonly customerOfRecord = new Map<string, string>();
  private readonly recordOfCustomer = new Map<string, string>();
  /** Record IDs of orders and follow-ups rows that name nobody yet: asked of the database once each, not per row. */
  private readonly unnamedRecords = new Set<string>();
  /** For record IDs that are a live customer's own id (a file exported from this workspace), and for link(). */
  private readonly liveCustomer: Database.Statement;
  /** Whether any customer, live or in the trash, has an id: one that is taken cannot be given to a new one. */
  private readonly anyCustomer: Database.Statement;
  private readonly codeOf: Database.Statement;
  /** Countries and provinces filled in from phones and place names (shown in the preview). */
  readonly places: PlaceCounts = { countryFromPhone: 0, countryFromRegion: 0, countryFromCity: 0, regionFromCity: 0 };

  constructor(
    private readonly client: Database.Database,
    private readonly batchId: string,
    private readonly now: string,
    private readonly settings: Settings,
    private readonly options: Pick<ImportOptions, 'duplicates' | 'linkBy' | 'unknownCustomers'>,
    db: Db,
    /** Hears the rowids of whole orders as they are written: their sums are added to the aggregates, not recomputed. */
    onOrdersWritten?: (firstRowid: number, lastRowid: number) => void,
  ) {
    this.sql = importStatements(client);
    this.followUpRecords = new FollowUpRecords(this.sql, batchId);
    this.orderSql = orderImportStatements(client);
    this.orderRows = orderInserter(client, onOrdersWritten);
    this.index = CustomerIndex.load(client);
    this.liveCustomer = client.prepare(`SELECT 1 FROM customers WHERE id = ? AND deleted_at IS NULL`).pluck();
    this.anyCustomer = client.prepare(`SELECT 1 FROM customers WHERE id = ?`).pluck();
    this.codeOf = client.prepare(`SELECT code FROM customers WHERE id = ?`).pluck();
    this.assembler = new OrderAssembler(this.orderSql, {
      batchId,
      now,
      baseCurrency: settings.baseCurrency,
      link: (record) => this.link(record.customer),
      rateOf: (record) => this.rateFor(record),
      productIds: (lines, currency, date) => {
        const sightings = lines.map((l) => ({ sku: l.sku, name: l.name, sale: l.quantity > 0 ? { unitPriceMinor: l.unitPriceMinor, currency, soldOn: date } : null }));
        const ids = upsertProducts(db, sightings, { now, newId });
        return lines.map((l) => ids.get(productIdentityKey(l.sku, l.name)) as string);
      },
      onCustomer: (id) => this.affected.add(id),
    });
  }

  customer(given: CustomerRecord): RowOutcome {
    // As the customer form does: a number without its country code is the customer's country's, when the row gives one.
    const normalized = rowContacts(given, given.country ?? this.settings.homeCountry);
    if (!normalized.ok) return { kind: 'error', reason: normalized.key as ImportReason, field: given.contacts[normalized.index]?.kind ?? null };
    const contacts = normalized.contacts;
    const placed = inferPlace(given, phonesOf(contacts));
    const record = { ...given, country: placed.country, region: placed.region };
    // The row's record ID first: it names the customer outright. Otherwise the usual keys, passing over the customers
    // this file gave another record ID — namesakes the file itself keeps apart.
    const recordId = given.recordId;
    const match = this.byRecordId(recordId) ?? this.index.findDuplicate({ ...record, contacts }, (id) => recordId !== null && this.recordOfCustomer.has(id) && this.recordOfCustomer.get(id) !== recordId);
    if (match && this.options.duplicates !== 'create') {
      const inFile = this.touchedHere.has(match.id);
      const duplicate = { customerId: match.id, via: match.via, value: match.value, inFile };
      if (this.options.duplicates === 'skip') {
        this.bindRecord(recordId, match.id);
        return { kind: 'skipped', duplicate: { ...duplicate, action: 'skipped' } };
      }
      // Which of the customers sharing the key to update is anyone's guess: the row is refused rather than given to the first.
      if (match.shared) return { kind: 'error', reason: 'ambiguous_customer', field: match.via === 'record' ? 'recordId' : match.via };
      // An update fills only what the customer lacks: an inferred place never replaces a stored one.
      this.update(match.id, given, contacts);
      this.bindRecord(recordId, match.id);
      return { kind: 'updated', duplicate: { ...duplicate, action: 'updated' } };
    }
    const id = this.insertCustomer({ ...storedProfile(record, this.settings, contacts), archived_at: given.archived ? this.now : null }, contacts, this.ownIdFor(recordId));
    this.countPlace(placed.inferred);
    this.index.add(id, { name: record.name, company: record.company, code: record.code, contacts });
    this.bindRecord(recordId, id);
    return match ? { kind: 'added', duplicate: { customerId: match.id, via: match.via, value: match.value, inFile: this.touchedHere.has(match.id), action: 'created' } } : { kind: 'added' };
  }

  /**
   * The customer a record ID names: an earlier row's of this file, else a live customer whose own id it is, or the one
   * it was merged into (a customers export made before a merge, imported after it, updates the customer it went into,
   * as its orders and follow-ups go there: customerOfRecordId).
   */
  private byRecordId(recordId: string | null): (CustomerMatch & { shared: boolean }) | null {
    if (recordId === null) return null;
    const id = this.customerOfRecordId(recordId);
    return id === null ? null : { id, via: 'record', value: recordId, shared: false };
  }

  /**
   * The id a new customer takes: the record ID its row gives, when that is an id as TierBook makes them and no
   * customer here has it (nor had: one in the trash keeps its id). Then the orders and follow-ups exported beside the
   * customers, which name them by that record ID, find them in a later import (link()). Otherwise a new id.
   */
  private ownIdFor(recordId: string | null): string | undefined {
    return recordId !== null && isIdForm(recordId) && !this.anyCustomer.get(recordId) ? recordId : undefined;
  }

  /** Remembers which customer a record ID's row became; the first binding stands (a customer has one record ID). */
  private bindRecord(recordId: string | null, customerId: string): void {
    if (recordId === null) return;
    if (!this.customerOfRecord.has(recordId)) this.customerOfRecord.set(recordId, customerId);
    if (!this.recordOfCustomer.has(customerId)) this.recordOfCustomer.set(customerId, recordId);
  }

  order(record: OrderRecord): RowOutcome {
    if (record.line) return this.assembler.add(record);
    const recorded = this.alreadyRecorded(record);
    if (recorded) return recorded;
    const customer = this.link(record.customer);
    if (typeof customer !== 'string') return customer;
    const base = this.settings.baseCurrency;
    const rate = this.rateFor(record);
    if (rate === undefined) return { kind: 'error', reason: 'no_fx_rate', field: 'currency' };
    const baseMinor = convertMinor(record.amountMinor, record.currency, rate, base);
    // The order alone, and the customer's total with it, must stay exact integers (the database refuses either otherwise).
    const revenue = (this.revenue.get(customer) ?? this.sql.revenueOf(customer)) + baseMinor;
    if (!isStorableMinor(baseMinor)) return { kind: 'error', reason: 'amount_too_large', field: 'amount' };
    if (!isStorableMinor(revenue)) return { kind: 'error', reason: 'customer_total_too_large', field: 'amount' };
    this.revenue.set(customer, revenue);
    const kind = record.isReturn ? 'return' : 'sale';
    const unpaid = kind === 'sale' && record.paidMinor !== null ? Math.max(0, record.amountMinor - record.paidMinor) : 0;
    this.orderRows.add({
      id: this.nextId(), now: this.now, batch: this.batchId, customerId: customer, date: record.orderDate, amountMinor: record.amountMinor, currency: record.currency, rate, base,
      baseAmountMinor: baseMinor, note: record.note, orderNumber: record.orderNumber, kind, costMinor: record.costMinor,
      baseCostMinor: record.costMinor === null ? null : convertMinor(record.costMinor, record.currency, rate, base),
      unpaidMinor: unpaid, baseUnpaidMinor: convertMinor(unpaid, record.currency, rate, base), dueDate: record.dueDate,
    });
    return { kind: 'added' };
  }

  /**
   * A whole order already recorded: its number is a live order's (or an earlier row's of this file), or its record ID
   * is a live order's own id (this workspace's export imported back, the order numbered or not). Naming the holder
   * takes one more query, for the row refused only.
   */
  private alreadyRecorded(record: OrderRecord): Extract<RowOutcome, { kind: 'error' }> | null {
    const number = record.orderNumber;
    if (number !== null) {
      const held = this.orderRows.holding(number);
      const found = held ? undefined : this.orderSql.byNumber(number);
      if (held || found) {
        // An order this file's earlier rows hold, not yet written, is this batch's.
        const holder = held ? { ...held, customerName: this.orderSql.customerName(held.customerId), batch: this.batchId } : this.orderSql.recorded(found!.id);
        return numberTaken(holder, number, this.batchId);
      }
    }
    // Only a file with the column pays the seek; a record ID naming no live order here is nothing to the row.
    const recorded = record.orderRecordId === null ? undefined : this.orderSql.recorded(record.orderRecordId);
    return recorded ? alreadyRecorded(recorded, this.batchId) : null;
  }

  /** Writes the orders still held: at the end of every batch of the file, and before the batch commits. */
  flush(): void {
    this.orderRows.flush();
  }

  followUp(record: FollowUpRecord): RowOutcome {
    const recorded = this.followUpRecords.refusal(record.recordId);
    if (recorded) return recorded;
    const customer = this.link(record.customer);
    if (typeof customer !== 'string') return customer;
    this.sql.insertFollowUp([
      this.followUpRecords.idFor(record.recordId, this.nextId), this.now, this.batchId, customer, record.occurredAt, record.channel ?? 'other', record.content, record.outcome, record.intent, record.satisfaction, record.nextContactDate,
      record.nextContactDate === null ? null : record.nextContactTime, record.reminderClosed ? 1 : 0,
    ]);
    this.affected.add(customer);
    return { kind: 'added' };
  }

  /** The row's own rate, else the one locked on the order date. */
  private rateFor(record: OrderRecord): number | undefined {
    return record.currency === this.settings.baseCurrency ? 1 : (record.fxRate ?? this.rateOn(record.currency, record.orderDate));
  }

  /** The FX rate locked on the order date: the latest on or before it, as orders:create does. */
  private rateOn(currency: string, date: string): number | undefined {
    const key = `${currency}${date}`;
    if (!this.fx.has(key)) this.fx.set(key, this.sql.fxRateOn(currency, date));
    return this.fx.get(key);
  }

  private link(key: CustomerKey): string | Extract<RowOutcome, { kind: 'error' }> {
    const by = this.options.linkBy;
    // A record ID names its customer outright: one an earlier row of this file linked it to, else the live customer
    // whose own id it is (a customers import gives a new customer its row's record ID: see ownIdFor), or the one it was
    // merged into. A key chosen
    // with --link-by is taken alone, so only the automatic linking reads it.
    const recordId = by === 'auto' ? key.recordId : null;
    if (recordId !== null) {
      const named = this.customerOfRecordId(recordId);
      if (named !== null) return named;
    }
    const found = this.linkByKeys(key, recordId);
    // Every later row with this record ID is the same customer, and no other record ID's rows are theirs.
    if (recordId !== null && typeof found === 'string') this.bindRecord(recordId, found);
    return found;
  }

  /**
   * The customer a record ID names, in this file or in the workspace; null when it names nobody yet. A customer merged
   * away is the one it went into, as the app takes rows written on it there; one deleted by hand names nobody. Asked
   * once per record ID: the answer is bound, or the ID is remembered as naming nobody.
   */
  private customerOfRecordId(recordId: string): string | null {
    const bound = this.customerOfRecord.get(recordId);
    if (bound !== undefined) return bound;
    if (this.unnamedRecords.has(recordId)) return null;
    const named = this.liveCustomer.get(recordId) ? recordId : liveCustomerMergedInto(this.client, recordId, (id) => Boolean(this.liveCustomer.get(id)));
    if (named === null) {
      this.unnamedRecords.add(recordId);
      return null;
    }
    this.bindRecord(recordId, named);
    return named;
  }

  /**
   * Code, then phone, then name (+ company). `recordId`: the row's record ID, which names nobody yet; a customer this
   * file linked to another record ID is someone else (as two customer rows with different record IDs are two
   * customers), so a weaker key finding them finds nobody.
   */
  private linkByKeys(key: CustomerKey, recordId: string | null): string | Extract<RowOutcome, { kind: 'error' }> {
    const by = this.options.linkBy;
    const name = key.name ?? key.company;
    let found: string | null | 'ambiguous' = null;
    let field: string | null = null;
    let missed: string | null = null;
    // Each key in turn: the customer it finds, unless the row says that customer is someone else (contradiction).
    if ((by === 'auto' || by === 'code') && key.code) {
      field = 'customerCode';
      found = this.index.byCustomerCode(key.code);
      const against = this.contradiction(found, field, key, recordId);
      if (against !== null) {
        found = null;
        missed ??= against;
      }
    }
    if (!found && (by === 'auto' || by === 'phone') && key.phone) {
      field = 'customerPhone';
      found = this.index.byPhone(key.phone);
      const against = this.contradiction(found, field, key, recordId);
      if (against !== null) {
        found = null;
        missed ??= against;
      }
    }
    if (!found && (by === 'auto' || by === 'name') && name) {
      field = key.name ? 'customerName' : 'customerCompany';
      found = this.index.byNameCompany(name, key.name ? key.company : null);
      const against = this.contradiction(found, field, key, recordId);
      if (against !== null) {
        found = null;
        missed ??= against;
      }
    }
    if (found === 'ambiguous') return { kind: 'error', reason: 'ambiguous_customer', field };
    if (found) return found;
    if (field === null) return { kind: 'error', reason: 'missing_customer_key', field: null };
    // The customer the weaker key found is not this one: the row's own key (the code or phone nobody has) is at fault.
    if (missed !== null) field = missed;
    // A record ID the file binds to another customer is not "no such customer": the other columns found one, who is
    // someone else. Said so, the user knows to look at the record IDs rather than at the names.
    if (this.options.unknownCustomers === 'reject') return { kind: 'error', reason: missed === 'customerRecordId' ? 'customer_record_id_elsewhere' : 'unknown_customer', field };
    // A file that knows its customers only by code (CDNOW's ids) or phone still creates them: named by that key
    // until a customer import or an edit gives the real name.
    return this.createFromKey(key, name ?? key.code ?? key.phone ?? '', recordId);
  }

  /**
   * Why the customer a key found (`at`) is not the row's, naming the field at fault; null when nothing says so. Linking
   * by auto, a code that found nobody still says who the row is not: a customer a weaker key finds (a phone, a name)
   * who has another code is someone else — a namesake, not this customer, whose orders would otherwise join the
   * namesake's. A phone nobody has says less: people have several and change them, so the name still links it. A key
   * chosen with --link-by is taken alone. (A method, not a closure: linkByKeys runs for every row of a file.)
   */
  private contradiction(id: string | null | 'ambiguous', at: string, key: CustomerKey, recordId: string | null): string | null {
    if (id === null || id === 'ambiguous') return null;
    if (recordId !== null && this.recordOfCustomer.has(id) && this.recordOfCustomer.get(id) !== recordId) return 'customerRecordId';
    if (this.options.linkBy !== 'auto' || at === 'customerCode' || key.code === null) return null;
    const code = this.codeOf.get(id) as string | null;
    return code !== null && nameKey(code) !== nameKey(key.code) ? 'customerCode' : null;
  }

  /** A customer for an order or follow-up row whose customer is new: what the row says about them, its record ID for its id. */
  private createFromKey(key: CustomerKey, name: string, recordId: string | null): string {
    const record: CustomerRecord = {
      name, company: key.company, type: null, industry: null, country: null, region: null, city: null, sizeBand: null, incomeBand: null, needs: null,
      tags: [], owner: null, source: null, manualLevel: null, notes: null, code: key.code, contacts: key.phone ? [{ kind: 'phone', value: key.phone }] : [],
      locality: null, localityManual: null, archived: null, recordId: null,
    };
    const contacts = key.phone ? [{ kind: 'phone' as const, value: key.phone, label: null }] : [];
    const placed = inferPlace(record, phonesOf(contacts));
    const id = this.insertCustomer(storedProfile({ ...record, country: placed.country, region: placed.region }, this.settings, contacts), contacts, this.ownIdFor(recordId));
    this.countPlace(placed.inferred);
    this.index.add(id, { name, company: key.company, code: key.code, contacts });
    this.customersCreated++;
    return id;
  }

  private insertCustomer(profile: StoredProfile, contacts: Array<{ kind: ContactKind; value: string; label: string | null }>, id = newId()): string {
    this.sql.insertCustomer({ ...profile, id, now: this.now, batch: this.batchId });
    for (const c of contacts) this.sql.insertContact(newId(), this.now, id, c.kind, c.value, c.label);
    this.createdHere.add(id);
    this.touchedHere.add(id);
    return id;
  }

  private countPlace(inferred: PlaceInference): void {
    if (inferred.country === 'phone') this.places.countryFromPhone++;
    if (inferred.country === 'region') this.places.countryFromRegion++;
    if (inferred.country === 'city') this.places.countryFromCity++;
    if (inferred.region === 'city') this.places.regionFromCity++;
  }

  private update(id: string, given: CustomerRecord, incoming: Array<{ kind: ContactKind; value: string; label: string | null }>): void {
    const current = this.sql.selectProfile(id) as StoredProfile;
    // Inferred from the customer as it will be (file over stored), so a stored US customer in "广州" gets no province.
    const text = (value: unknown) => (typeof value === 'string' ? value : null);
    const placed = inferPlace({ country: given.country ?? text(current.country), region: given.region ?? text(current.region), city: given.city ?? text(current.city) }, phonesOf(incoming));
    const record = { ...given, country: given.country ?? (current.country ? null : placed.country), region: given.region ?? (current.region ? null : placed.region) };
    this.countPlace(placed.inferred);
    const existing = this.sql.liveContacts(id);
    // The state before the batch first touched the customer, so undo can put it back exactly.
    if (!this.createdHere.has(id) && !this.snapshotted.has(id)) {
      this.sql.insertSnapshot(newId(), this.batchId, id, JSON.stringify({ profile: current, contacts: existing }), this.now);
      this.snapshotted.add(id);
    }
    const known = new Set(existing.map((c) => `${c.kind}:${c.value}`));
    const added = incoming.filter((c) => !known.has(`${c.kind}:${c.value}`));
    const merged = mergeProfile(current, storedProfile(record, this.settings, incoming), record, this.settings, [...existing, ...added]);
    // Archived yes/no writes over like any non-empty cell; archived already, the customer keeps the day it was archived.
    if (given.archived === true && !current.archived_at) merged.archived_at = this.now;
    else if (given.archived === false) merged.archived_at = null;
    this.sql.updateCustomer({ ...merged, id, now: this.now });
    for (const c of added) this.sql.insertContact(newId(), this.now, id, c.kind, c.value, c.label);
    this.index.add(id, { name: String(merged.name), company: merged.company as string | null, code: merged.code as string | null, contacts: added });
    this.touchedHere.add(id);
  }
}
