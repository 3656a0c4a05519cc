import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { rowIdentity } from './columns';

export const customers = sqliteTable(
  'customers',
  {
    ...rowIdentity,
    name: text('name').notNull(),
    company: text('company'),
    type: text('type', { enum: ['individual', 'enterprise', 'government', 'distributor', 'internal'] }).notNull(),
    industry: text('industry'),
    country: text('country'),
    region: text('region'),
    city: text('city'),
    /** Effective locality; recomputed from the home country/region unless the user overrode it. */
    locality: text('locality', { enum: ['local', 'non_local', 'overseas'] }),
    localityManual: integer('locality_manual', { mode: 'boolean' }).notNull().default(false),
    sizeBand: text('size_band'),
    incomeBand: text('income_band'),
    needs: text('needs', { enum: ['product', 'service', 'solution'] }),
    /** JSON array of strings. */
    tags: text('tags').notNull().default('[]'),
    owner: text('owner'),
    source: text('source'),
    manualLevel: text('manual_level', { enum: ['A', 'B', 'C'] }),
    notes: text('notes'),
    archivedAt: text('archived_at'),
    /** Lower-case search keys (name, pinyin, initials, contacts) joined by spaces; maintained by the repo. */
    searchText: text('search_text').notNull().default(''),
    /** Lower-case pinyin of the name ("zhang san"), so Chinese and Latin names sort together alphabetically. */
    sortName: text('sort_name').notNull().default(''),
    // Denormalised from orders and follow-ups by the repo in the same transaction, so the list can sort
    // and filter 100k customers by them without joins.
    lastContactAt: text('last_contact_at'),
    nextContactDate: text('next_contact_date'),
    lastOrderDate: text('last_order_date'),
    orderCount: integer('order_count').notNull().default(0),
    revenueBaseMinor: integer('revenue_base_minor').notNull().default(0),
    /** The customer's number in the system it was imported from; links imported orders and follow-ups. */
    code: text('code'),
    /** The import that created this customer (see import_batches), so the batch can be undone. */
    importBatchId: text('import_batch_id'),
    /** Who created and who last changed the row (this laptop's person when it did); docs/team.md. */
    createdBy: text('created_by'),
    updatedBy: text('updated_by'),
  },
  (t) => [
    check('customers_name_not_blank', sql`length(trim(${t.name})) > 0`),
    check('customers_type_valid', sql`${t.type} IN ('individual','enterprise','government','distributor','internal')`),
    check('customers_country_iso', sql`${t.country} IS NULL OR (length(${t.country}) = 2 AND ${t.country} = upper(${t.country}))`),
    check('customers_locality_valid', sql`${t.locality} IS NULL OR ${t.locality} IN ('local','non_local','overseas')`),
    check('customers_needs_valid', sql`${t.needs} IS NULL OR ${t.needs} IN ('product','service','solution')`),
    check('customers_manual_level_valid', sql`${t.manualLevel} IS NULL OR ${t.manualLevel} IN ('A','B','C')`),
    check('customers_tags_array', sql`json_valid(${t.tags}) AND json_type(${t.tags}) = 'array'`),
    index('customers_live_name').on(t.deletedAt, t.archivedAt, t.sortName, t.id),
    index('customers_owner').on(t.owner),
    // The filters' choices (customers:facets) by seeking from one distinct value to the next, not by
    // reading 100k rows: Today and the customer list ask for them each time they open.
    index('customers_country').on(t.country),
    index('customers_tags').on(t.tags),
    // Answers "is this customer live?" from the index alone, for joins from reminders and orders.
    index('customers_live_by_id').on(t.id, t.deletedAt, t.archivedAt),
    index('customers_next_contact').on(t.nextContactDate),
    index('customers_revenue').on(t.revenueBaseMinor),
    index('customers_code').on(t.code),
    index('customers_import_batch').on(t.importBatchId),
    // The spelling of each free-text class is a grouped count over the live customers (db/repos/class-spellings.ts),
    // asked for by every stored snapshot, the tier screens and the command line: read from these, not from 100k
    // rows (about 10 ms for the three at 100k customers, against 160).
    index('customers_industry_live').on(t.industry).where(sql`deleted_at IS NULL AND archived_at IS NULL`),
    index('customers_income_live').on(t.incomeBand).where(sql`deleted_at IS NULL AND archived_at IS NULL`),
    index('customers_size_live').on(t.sizeBand).where(sql`deleted_at IS NULL AND archived_at IS NULL`),
  ],
);

export const contactChannels = sqliteTable(
  'contact_channels',
  {
    ...rowIdentity,
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    kind: text('kind', { enum: ['phone', 'email', 'wechat', 'whatsapp'] }).notNull(),
    /** Normalised: E.164 for phone and WhatsApp, lower-case for email and WeChat. */
    value: text('value').notNull(),
    label: text('label'),
  },
  (t) => [
    check('contact_kind_valid', sql`${t.kind} IN ('phone','email','wechat','whatsapp')`),
    check('contact_value_not_blank', sql`length(trim(${t.value})) > 0`),
    check('contact_phone_e164', sql`${t.kind} NOT IN ('phone','whatsapp') OR ${t.value} GLOB '+[1-9]*'`),
    index('contact_channels_lookup').on(t.kind, t.value),
    index('contact_channels_customer').on(t.customerId),
    uniqueIndex('contact_channels_unique_per_customer').on(t.customerId, t.kind, t.value).where(sql`deleted_at IS NULL`),
  ],
);
