import { sql } from 'drizzle-orm';
import { blob, check, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { isCalendarDate, rowIdentity } from './columns';

/**
 * Tier history: a customer's class per scheme, stored as change points. A snapshot of day D writes a row
 * only where the class differs from the customer's class at the latest earlier snapshot, so the class on
 * any day is the latest row on or before it — a full 100k × 17-scheme copy every day would cost ~1.6M rows
 * (and seconds of writing) per day for mostly unchanged classes. At most one row per customer, scheme and
 * day: recomputing a day rewrites its rows in place. OUT_OF_POPULATION marks a customer archived or
 * deleted since the earlier snapshot. Derived data, so no rowIdentity: any laptop can recompute it.
 * The key leads with scheme because every list and matrix reads one scheme; the table is WITHOUT ROWID
 * (migration segment_history_without_rowid), so a row is stored once, in key order, with no second index.
 */
export const segmentAssignments = sqliteTable(
  'segment_assignments',
  {
    scheme: text('scheme').notNull(),
    /** Not a foreign key: derived rows, written a million at a time on a first snapshot, and customers are never erased. */
    customerId: text('customer_id').notNull(),
    asOf: text('as_of').notNull(),
    classKey: text('class_key').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scheme, t.customerId, t.asOf] }),
    check('segment_assignments_as_of_valid', isCalendarDate('as_of')),
    check('segment_assignments_scheme_not_blank', sql`length(trim(${t.scheme})) > 0`),
    check('segment_assignments_class_not_blank', sql`length(trim(${t.classKey})) > 0`),
  ],
);

/** class_key of a change point meaning "no longer classified" (archived or deleted). */
export const OUT_OF_POPULATION = '_out';

/**
 * The spelling each free-text class (industry, income, size: keys are lower-cased text) was shown by when a
 * snapshot last held it, kept by every stored snapshot (db/repos/class-spellings.ts). Today's customers name
 * today's classes; a class only the history holds — an industry renamed since, its customers archived or
 * deleted — has no customer left to name it, and would show as its key. Derived data, so no rowIdentity.
 */
export const classSpellingsKept = sqliteTable(
  'class_spellings_kept',
  {
    scheme: text('scheme').notNull(),
    classKey: text('class_key').notNull(),
    spelling: text('spelling').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scheme, t.classKey] })],
);

/** One row per snapshot day: which days have history, and when that day was last recomputed. */
export const segmentRuns = sqliteTable(
  'segment_runs',
  {
    asOf: text('as_of').primaryKey(),
    computedAt: text('computed_at').notNull(),
    customerCount: integer('customer_count').notNull(),
  },
  (t) => [
    check('segment_runs_as_of_valid', isCalendarDate('as_of')),
    check('segment_runs_customer_count_non_negative', sql`${t.customerCount} >= 0`),
  ],
);

/**
 * One row (id = 1): the classes of the latest stored snapshot day, as columns, so a recompute in a new
 * process (the CLI, the app after a restart) compares with them in memory instead of scanning the whole
 * tier history for what each customer's class was (db/repos/segmentation.ts writeSnapshot). Written in
 * the same transaction as the history; trusted only while its day is the latest stored one and the
 * history's counter (report_month_versions 'segments') still has the value it had then.
 */
export const segmentLatest = sqliteTable(
  'segment_latest',
  {
    id: integer('id').primaryKey(),
    asOf: text('as_of').notNull(),
    historyVersion: integer('history_version').notNull(),
    /** JSON array of the customer ids, in column order. */
    customerIds: text('customer_ids').notNull(),
    /** JSON array of [scheme, [class keys…]]: each scheme's classes, indexed by the codes. */
    schemes: text('schemes').notNull(),
    /**
     * Per scheme in `schemes` order, one little-endian unsigned integer per customer: the index of their
     * class, in 1, 2 or 4 bytes (the fewest that hold every scheme's classes; the blob's length tells which).
     */
    codes: blob('codes', { mode: 'buffer' }).notNull(),
  },
  (t) => [check('segment_latest_single_row', sql`${t.id} = 1`)],
);

/**
 * One row (id = 1) while a snapshot writes rows ahead of its own transaction, a transaction per turn (a
 * scheme's first rows, a new day's changes: db/repos/segment-rows-ahead.ts). The snapshot's transaction
 * deletes it; a row found by any other snapshot means its writer stopped (a crash, or a run interrupted
 * by another process's store): that snapshot deletes the day's rows of those schemes first.
 */
export const segmentPending = sqliteTable(
  'segment_pending',
  {
    id: integer('id').primaryKey(),
    /** The day the rows ahead are of. */
    asOf: text('as_of').notNull(),
    /** JSON array of the schemes that have rows ahead on that day. */
    schemes: text('schemes').notNull(),
    /** The writer's own random token: a writer goes on only while the row is still its. */
    token: text('token').notNull(),
  },
  (t) => [
    check('segment_pending_single_row', sql`${t.id} = 1`),
    check('segment_pending_as_of_valid', isCalendarDate('as_of')),
    check('segment_pending_schemes_array', sql`json_valid(${t.schemes}) AND json_type(${t.schemes}) = 'array'`),
  ],
);

/** One row (id = 1): the user's overrides of the engine defaults (window, shares, weights…), as JSON. */
export const segmentationSettings = sqliteTable(
  'segmentation_settings',
  {
    id: integer('id').primaryKey(),
    /** JSON object merged over DEFAULT_CONFIG by buildConfig; validated with engineConfigSchema on write. */
    overrides: text('overrides').notNull().default('{}'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    check('segmentation_settings_single_row', sql`${t.id} = 1`),
    check('segmentation_settings_overrides_object', sql`json_valid(${t.overrides}) AND json_type(${t.overrides}) = 'object'`),
  ],
);

/** User-defined segments: the rule is data (customSegmentSchema JSON), never SQL text. */
export const customSegments = sqliteTable(
  'custom_segments',
  {
    ...rowIdentity,
    name: text('name').notNull(),
    rule: text('rule').notNull(),
  },
  (t) => [
    check('custom_segments_name_not_blank', sql`length(trim(${t.name})) > 0`),
    check('custom_segments_rule_object', sql`json_valid(${t.rule}) AND json_type(${t.rule}) = 'object'`),
  ],
);

/**
 * How to serve the customers of one class of one scheme. One row per scheme + class for its whole life
 * (soft-deleted rows included), so shipped defaults are inserted only where no row ever existed and a
 * policy the user removed stays removed.
 */
export const servicePolicies = sqliteTable(
  'service_policies',
  {
    ...rowIdentity,
    scheme: text('scheme').notNull(),
    classKey: text('class_key').notNull(),
    /** Contact at least every N days; null: no cadence. */
    cadenceDays: integer('cadence_days'),
    /** 1 (highest) to 5. */
    priority: integer('priority').notNull().default(3),
    notes: text('notes').notNull().default(''),
    nextAction: text('next_action').notNull().default(''),
    /** The person who answers for this class (its revenue against its cost); null: nobody named. */
    responsible: text('responsible'),
  },
  (t) => [
    check('service_policies_scheme_not_blank', sql`length(trim(${t.scheme})) > 0`),
    check('service_policies_class_not_blank', sql`length(trim(${t.classKey})) > 0`),
    check('service_policies_cadence_range', sql`${t.cadenceDays} IS NULL OR (${t.cadenceDays} BETWEEN 1 AND 3650)`),
    check('service_policies_priority_range', sql`${t.priority} BETWEEN 1 AND 5`),
    check('service_policies_responsible_length', sql`${t.responsible} IS NULL OR length(${t.responsible}) BETWEEN 1 AND 100`),
    uniqueIndex('service_policies_scheme_class').on(t.scheme, t.classKey),
  ],
);
