import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { isCalendarDate, rowIdentity } from './columns';
import { customers } from './customers';

/**
 * Snapshot of every customer's class per scheme on one day: the history behind tier timelines and
 * migration matrices. Derived data, so no rowIdentity: a recompute rewrites a day (upsert on the key),
 * it never edits rows one by one, and another laptop can recompute the same rows instead of syncing them.
 * The key leads with scheme and day because every list and matrix reads one scheme on one day.
 */
export const segmentAssignments = sqliteTable(
  'segment_assignments',
  {
    scheme: text('scheme').notNull(),
    asOf: text('as_of').notNull(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    classKey: text('class_key').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scheme, t.asOf, t.customerId] }),
    check('segment_assignments_as_of_valid', isCalendarDate('as_of')),
    check('segment_assignments_scheme_not_blank', sql`length(trim(${t.scheme})) > 0`),
    check('segment_assignments_class_not_blank', sql`length(trim(${t.classKey})) > 0`),
    index('segment_assignments_customer').on(t.customerId, t.scheme, t.asOf),
  ],
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
  },
  (t) => [
    check('service_policies_scheme_not_blank', sql`length(trim(${t.scheme})) > 0`),
    check('service_policies_class_not_blank', sql`length(trim(${t.classKey})) > 0`),
    check('service_policies_cadence_range', sql`${t.cadenceDays} IS NULL OR (${t.cadenceDays} BETWEEN 1 AND 3650)`),
    check('service_policies_priority_range', sql`${t.priority} BETWEEN 1 AND 5`),
    uniqueIndex('service_policies_scheme_class').on(t.scheme, t.classKey),
  ],
);
