import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../open';
import { saleBaseBalanceSql } from './orders';
import { contactChannels, customers } from '../schema';
import type { ContactKind } from '../../shared/contract/enums';
import type { CustomerRow, CustomerSortField, DuplicateMatch } from '../../shared/contract/customers';
import type { ParsedInputOf } from '../../shared/contract';
import { searchPatterns } from './like-pattern';
import { ONE_PURCHASE } from '../../shared/prediction/once';

export type CustomerRecord = typeof customers.$inferSelect;
export type NewCustomerRecord = typeof customers.$inferInsert;
export type ContactRecord = typeof contactChannels.$inferSelect;

/** Any customer, deleted or merged ones too: reads of a customer in the trash still see it. */
export function findCustomer(db: Db, id: string): CustomerRecord | undefined {
  return db.select().from(customers).where(eq(customers.id, id)).get();
}

/** A customer that is not deleted (a merged one is deleted too); archived ones are live, still the same person. */
export function findLiveCustomer(db: Db, id: string): CustomerRecord | undefined {
  return db.select().from(customers).where(and(eq(customers.id, id), isNull(customers.deletedAt))).get();
}

export function liveContactsOf(db: Db, customerId: string): ContactRecord[] {
  return db
    .select()
    .from(contactChannels)
    .where(and(eq(contactChannels.customerId, customerId), isNull(contactChannels.deletedAt)))
    .orderBy(asc(contactChannels.createdAt), asc(contactChannels.id))
    .all();
}

export function insertCustomer(db: Db, record: NewCustomerRecord): void {
  db.insert(customers).values(record).run();
}

export function updateCustomerRecord(db: Db, id: string, patch: Partial<NewCustomerRecord>): void {
  db.update(customers).set(patch).where(eq(customers.id, id)).run();
}

/** Replaces a customer's contacts: kept ones stay (same id), missing ones are soft-deleted, new ones added. */
export function replaceContacts(
  db: Db,
  customerId: string,
  wanted: { kind: ContactKind; value: string; label: string | null }[],
  now: string,
  newId: () => string,
): void {
  const existing = liveContactsOf(db, customerId);
  const key = (c: { kind: string; value: string }) => `${c.kind}\u0000${c.value}`;
  const wantedKeys = new Set(wanted.map(key));
  for (const c of existing) {
    if (!wantedKeys.has(key(c))) db.update(contactChannels).set({ deletedAt: now, updatedAt: now }).where(eq(contactChannels.id, c.id)).run();
  }
  const existingByKey = new Map(existing.map((c) => [key(c), c]));
  for (const w of wanted) {
    const found = existingByKey.get(key(w));
    if (found) {
      if (found.label !== w.label) db.update(contactChannels).set({ label: w.label, updatedAt: now }).where(eq(contactChannels.id, found.id)).run();
    } else {
      db.insert(contactChannels).values({ id: newId(), customerId, kind: w.kind, value: w.value, label: w.label, createdAt: now, updatedAt: now }).run();
    }
  }
}

/**
 * Live customers (not deleted; archived ones count — they are still the same person) holding any of these
 * contacts. A phone and a WhatsApp number are one number: both are stored in E.164 (normalizeContacts, the form
 * their search keys come from), so each is looked for under either kind, and the match says which kind the
 * other customer has it as.
 */
export function findContactMatches(db: Db, contacts: { kind: ContactKind; value: string }[], excludeId?: string): DuplicateMatch[] {
  if (contacts.length === 0) return [];
  const conditions = contacts.map((c) => and(inArray(contactChannels.kind, sameNumberKinds(c.kind)), eq(contactChannels.value, c.value)));
  const rows = db
    .select({ customerId: customers.id, name: customers.name, company: customers.company, kind: contactChannels.kind, value: contactChannels.value })
    .from(contactChannels)
    .innerJoin(customers, eq(customers.id, contactChannels.customerId))
    .where(
      and(
        isNull(contactChannels.deletedAt),
        isNull(customers.deletedAt),
        excludeId ? sql`${customers.id} <> ${excludeId}` : undefined,
        sql`(${sql.join(conditions as SQL[], sql` OR `)})`,
      ),
    )
    .orderBy(asc(customers.name))
    .all();
  return rows;
}

/** The kinds a contact of `kind` is compared with for duplicates: its own, and for a number both number kinds. */
function sameNumberKinds(kind: ContactKind): ContactKind[] {
  return kind === 'phone' || kind === 'whatsapp' ? ['phone', 'whatsapp'] : [kind];
}

/**
 * Recomputes the denormalised order and follow-up figures of one customer from its live rows. Returns are
 * orders with negative amounts: they reduce revenue but are not purchases, so they count neither as an
 * order nor as the last order date; a zero-value sale (a free sample) is a purchase.
 */
export function refreshCustomerStats(db: Db, customerId: string): void {
  db.run(sql`
    UPDATE customers SET
      order_count = (SELECT count(*) FROM orders o WHERE o.customer_id = customers.id AND o.deleted_at IS NULL AND o.kind = 'sale'),
      revenue_base_minor = (SELECT coalesce(sum(o.base_amount_minor), 0) FROM orders o WHERE o.customer_id = customers.id AND o.deleted_at IS NULL),
      last_order_date = (SELECT max(o.order_date) FROM orders o WHERE o.customer_id = customers.id AND o.deleted_at IS NULL AND o.kind = 'sale'),
      last_contact_at = (SELECT max(f.occurred_at) FROM follow_ups f WHERE f.customer_id = customers.id AND f.deleted_at IS NULL),
      next_contact_date = (SELECT min(f.next_contact_date) FROM follow_ups f
                           WHERE f.customer_id = customers.id AND f.deleted_at IS NULL AND f.done = 0 AND f.next_contact_date IS NOT NULL)
    WHERE id = ${customerId}`);
}

export function refreshAllCustomerStats(db: Db): void {
  db.run(sql`
    UPDATE customers SET order_count = 0, revenue_base_minor = 0, last_order_date = NULL
    WHERE (order_count <> 0 OR revenue_base_minor <> 0 OR last_order_date IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = customers.id AND o.deleted_at IS NULL)`);
  db.run(sql`
    UPDATE customers SET
      order_count = coalesce(s.n, 0), revenue_base_minor = coalesce(s.revenue, 0), last_order_date = s.last_order
    FROM (SELECT customer_id, count(CASE WHEN kind = 'sale' THEN 1 END) AS n, sum(base_amount_minor) AS revenue,
                 max(CASE WHEN kind = 'sale' THEN order_date END) AS last_order
          FROM orders WHERE deleted_at IS NULL GROUP BY customer_id) AS s
    WHERE s.customer_id = customers.id`);
  db.run(sql`
    UPDATE customers SET last_contact_at = s.last_at, next_contact_date = s.next_date
    FROM (SELECT customer_id, max(occurred_at) AS last_at,
                 min(CASE WHEN done = 0 THEN next_contact_date END) AS next_date
          FROM follow_ups WHERE deleted_at IS NULL GROUP BY customer_id) AS s
    WHERE s.customer_id = customers.id`);
}

/**
 * The list input as SQL answers it. A class filter and a tier sort are applied in memory (class-list.ts);
 * here 'tier' orders by name, the order ties within a class keep.
 */
export type ListInput = Omit<ParsedInputOf<'customers:list'>, 'classFilter'> & {
  /** The local day the payment filter compares due dates with; the handler sets it from its clock. */
  today?: string;
};

/** Customers with a live sale that still owes something (and, for 'overdue', is past its due date). */
function paymentCondition(filter: NonNullable<ListInput['payment']>, today: string | undefined): SQL {
  if (filter === 'overdue' && today === undefined) throw new Error('The overdue filter needs today’s date');
  return sql`EXISTS (SELECT 1 FROM orders o
    WHERE o.customer_id = ${customers.id} AND o.kind = 'sale' AND o.unpaid_minor > 0 AND o.deleted_at IS NULL
      ${filter === 'overdue' ? sql`AND o.payment_due_date < ${today}` : sql``}
      AND ${saleBaseBalanceSql} > 0)`;
}

const sqlSortField = (field: ListInput['sort']['field']): CustomerSortField => (field === 'tier' ? 'name' : field);

/** One stored prediction column of the row's customer (NULL before the first recompute): a primary-key lookup. */
function predicted(column: 'score' | 'p_alive' | 'expected_order_value_minor' | 'clv_minor') {
  // P(alive) only where the model can estimate it (shared/prediction/once.ts): NULL for a one-time buyer, so it sorts after the estimates.
  const value = column === 'p_alive' ? sql.raw(`CASE WHEN p.purchases > ${ONE_PURCHASE} THEN p.p_alive END`) : sql.raw(column);
  return sql<number | null>`(SELECT ${value} FROM customer_predictions p WHERE p.customer_id = ${customers.id})`;
}

const SORT_COLUMNS = {
  name: customers.sortName,
  company: customers.company,
  type: customers.type,
  country: customers.country,
  city: customers.city,
  owner: customers.owner,
  lastContactAt: customers.lastContactAt,
  nextContactDate: customers.nextContactDate,
  orderCount: customers.orderCount,
  revenueBaseMinor: customers.revenueBaseMinor,
  createdAt: customers.createdAt,
  likelihood: predicted('score'),
  pAlive: predicted('p_alive'),
  expectedValueMinor: predicted('expected_order_value_minor'),
  clvMinor: predicted('clv_minor'),
} as const;

const NOT_NULL_SORTS = new Set(['name', 'type', 'orderCount', 'revenueBaseMinor', 'createdAt']);

/** The keys hold the query as typed, or its full-width characters folded (searchPatterns). */
function searchCondition(searchKey: string): SQL {
  // LIKE beats instr() here (measured: 30 ms vs 40 ms over 100k rows).
  const likes = searchPatterns(searchKey).map((pattern) => sql`${customers.searchText} LIKE ${pattern} ESCAPE '\\'`);
  return sql`(${sql.join(likes, sql` OR `)})`;
}

function listConditions(input: ListInput, searchKey: string): SQL | undefined {
  const view =
    input.view === 'trash'
      ? isNotNull(customers.deletedAt)
      : input.view === 'archived'
        ? and(isNull(customers.deletedAt), isNotNull(customers.archivedAt))
        : and(isNull(customers.deletedAt), isNull(customers.archivedAt));
  return and(
    view,
    searchKey ? searchCondition(searchKey) : undefined,
    input.types.length ? inArray(customers.type, input.types) : undefined,
    input.localities.length ? inArray(customers.locality, input.localities) : undefined,
    input.countries.length ? inArray(customers.country, input.countries) : undefined,
    input.owners.length ? inArray(customers.owner, input.owners) : undefined,
    input.payment ? paymentCondition(input.payment, input.today) : undefined,
    input.tags.length
      ? sql`EXISTS (SELECT 1 FROM json_each(${customers.tags}) WHERE json_each.value IN (${sql.join(
          input.tags.map((t) => sql`${t}`),
          sql`, `,
        )}))`
      : undefined,
  );
}

const contactOf = (kind: ContactKind) =>
  sql<string | null>`(SELECT c.value FROM contact_channels c WHERE c.customer_id = customers.id AND c.kind = ${kind} AND c.deleted_at IS NULL ORDER BY c.created_at, c.id LIMIT 1)`;

/**
 * One page of the list. Two steps: the page's ids from the filtered, sorted index scan, then the details
 * of just those rows — so a deep page (offset 50,000) never computes contacts for the rows it skips.
 */
/** The ids of one page, filtered and sorted; exported so a test can check its query plan. */
export function pageIdsQuery(db: Db, input: ListInput, searchKey: string) {
  return listedIdsQuery(db, input, searchKey).limit(input.limit).offset(input.offset);
}

function listedIdsQuery(db: Db, input: ListInput, searchKey: string) {
  return db.select({ id: customers.id }).from(customers).where(listConditions(input, searchKey)).orderBy(...pageOrder(input, searchKey));
}

/** Every id the list shows for this filter, in its order: what "export the filtered list" writes. */
export function listedIds(db: Db, input: ListInput, searchKey: string): string[] {
  return listedIdsQuery(db, input, searchKey).all().map((r) => r.id);
}

function pageOrder(input: ListInput, searchKey: string): SQL[] {
  const field = sqlSortField(input.sort.field);
  const column = SORT_COLUMNS[field];
  // NULLs last in both directions (only where a column can be empty, so the name index still serves
  // the default order); id breaks ties so paging is stable.
  const nullable = !NOT_NULL_SORTS.has(field);
  // While searching, walking the name index would visit every row in index order (random reads) to
  // find a few matches; `+column` makes SQLite scan the table once and sort just the matches instead.
  const key = searchKey ? sql`+${column}` : column;
  return [...(nullable ? [sql`${column} IS NULL`] : []), input.sort.desc ? desc(key) : asc(key), input.sort.desc ? desc(customers.id) : asc(customers.id)];
}

/** Rows without their classes: those come from the in-memory segmentation (core/segmentation/row-classes.ts). */
export function listCustomers(db: Db, input: ListInput, searchKey: string): { total: number; rows: Omit<CustomerRow, 'classes'>[] } {
  let total: number;
  let ids: string[];
  if (searchKey) {
    // A search scans every row anyway: count the matches in the same pass (one scan instead of two).
    const page = db
      .select({ id: customers.id, total: sql<number>`count(*) OVER ()` })
      .from(customers)
      .where(listConditions(input, searchKey))
      .orderBy(...pageOrder(input, searchKey))
      .limit(input.limit)
      .offset(input.offset)
      .all();
    total = page[0]?.total ?? (input.offset > 0 ? db.select({ n: sql<number>`count(*)` }).from(customers).where(listConditions(input, searchKey)).get()!.n : 0);
    ids = page.map((r) => r.id);
  } else {
    total = db.select({ n: sql<number>`count(*)` }).from(customers).where(listConditions(input, searchKey)).get()?.n ?? 0;
    ids = pageIdsQuery(db, input, searchKey).all().map((r) => r.id);
  }
  return { total, rows: customerRowsByIds(db, ids) };
}

/**
 * The rowids the list's filters match, in the list's order, without paging: for a class filter or a tier
 * sort, applied in memory on today's segmentation (core/segmentation/class-list.ts). Rowids, not ids:
 * every index carries them, so the name-ordered walk reads no row, and integers cost nothing to look up.
 */
export function listRowidsQuery(db: Db, input: ListInput, searchKey: string) {
  return db.select({ rowid: sql<number>`${customers}.rowid` }).from(customers).where(listConditions(input, searchKey)).orderBy(...pageOrder(input, searchKey));
}

export function listRowids(db: Db, input: ListInput, searchKey: string): number[] {
  // Plucked through the driver: drizzle's per-row objects cost 3–4× the query itself at 100k rows.
  const query = listRowidsQuery(db, input, searchKey).toSQL();
  return db.$client.prepare(query.sql).pluck().all(...query.params) as number[];
}

/** rowid and id of every live, unarchived customer: the population the segmentation classifies. */
export function liveRowids(db: Db): [number, string][] {
  return db.$client.prepare(`SELECT rowid, id FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL`).raw().all() as [number, string][];
}

/** The listed fields of these customers, in the order of `ids`. */
export function customerRowsByIds(db: Db, ids: readonly string[]): Omit<CustomerRow, 'classes'>[] {
  if (ids.length === 0) return [];
  const details = db
    .select({
      id: customers.id,
      name: customers.name,
      company: customers.company,
      type: customers.type,
      industry: customers.industry,
      country: customers.country,
      region: customers.region,
      city: customers.city,
      locality: customers.locality,
      tags: customers.tags,
      owner: customers.owner,
      source: customers.source,
      manualLevel: customers.manualLevel,
      phone: contactOf('phone'),
      wechat: contactOf('wechat'),
      whatsapp: contactOf('whatsapp'),
      email: contactOf('email'),
      lastContactAt: customers.lastContactAt,
      nextContactDate: customers.nextContactDate,
      orderCount: customers.orderCount,
      revenueBaseMinor: customers.revenueBaseMinor,
      createdAt: customers.createdAt,
      archivedAt: customers.archivedAt,
      deletedAt: customers.deletedAt,
      likelihood: predicted('score'),
      pAlive: predicted('p_alive'),
      expectedValueMinor: predicted('expected_order_value_minor'),
      clvMinor: predicted('clv_minor'),
    })
    .from(customers)
    .where(inArray(customers.id, [...ids]))
    .all();
  const byId = new Map(details.map((r) => [r.id, { ...r, tags: JSON.parse(r.tags) as string[] }]));
  return ids.map((id) => byId.get(id)!);
}

/**
 * The distinct values of an indexed column among live customers, ascending, one seek per value: each step
 * asks the index for the least value above the last one held by a live customer. SQLite skips ahead like
 * this by itself only when ANALYZE's statistics say the column repeats, and a user's file has none.
 */
const distinctLive = (column: string) => `WITH RECURSIVE next(value) AS (
    SELECT (SELECT min(${column}) FROM customers WHERE ${column} IS NOT NULL AND deleted_at IS NULL AND archived_at IS NULL)
    UNION ALL
    SELECT (SELECT min(${column}) FROM customers WHERE ${column} > next.value AND deleted_at IS NULL AND archived_at IS NULL) FROM next WHERE next.value IS NOT NULL
  ) SELECT value FROM next WHERE value IS NOT NULL`;

/**
 * The filters' choices (customers:facets), read through indexes (customers_country, customers_owner, and
 * customers_tags for the few distinct tag lists, whose tags are then unpacked): Today and the customer list
 * ask on every open, and reading 100k rows for them took 80 ms.
 */
export const FACET_SQL = {
  countries: distinctLive('country'),
  owners: distinctLive('owner'),
  tags: `SELECT DISTINCT json_each.value FROM (${distinctLive('tags')}) AS lists, json_each(lists.value) ORDER BY 1`,
} as const;

export function customerFacets(db: Db): { countries: string[]; tags: string[]; owners: string[] } {
  const values = (query: string) => db.$client.prepare(query).pluck().all() as string[];
  return { countries: values(FACET_SQL.countries), owners: values(FACET_SQL.owners), tags: values(FACET_SQL.tags) };
}

/** Every live customer whose locality follows the home country/region (not overridden). */
export function customersWithDerivedLocality(db: Db): { id: string; country: string | null; region: string | null; locality: string | null }[] {
  return db
    .select({ id: customers.id, country: customers.country, region: customers.region, locality: customers.locality })
    .from(customers)
    .where(eq(customers.localityManual, false))
    .all();
}
