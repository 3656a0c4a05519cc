import { blob, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A copy of what the tiers are computed from — the population and each customer's activity columns, as the
 * engine holds them in memory — kept in the database so that a process just started (the app on a new day,
 * a CLI command) takes it back in a fraction of the time reading and parsing every customer's rows costs, and
 * brings it up to date from the customer_activity rows changed since its rev (core/segmentation/kept-inputs.ts).
 * Derived data: it can always be dropped, and is rewritten after a full read when it could not be followed.
 */

/** One row (id 1) naming the copy that is whole: its parts are written first, this row last. */
export const tierInputsKept = sqliteTable('tier_inputs_kept', {
  id: integer('id').primaryKey(),
  /** The parts' generation (tier_inputs_parts.generation). */
  generation: text('generation').notNull(),
  /** The layout's version (core/segmentation/kept-inputs-codec.ts INPUTS_FORMAT); another is not read. */
  format: integer('format').notNull(),
  /** The customer_activity rev the copy is current up to. */
  rev: integer('rev').notNull(),
  /** The time zone the follow-ups' local days were worked out in; another zone's copy is not read. */
  zone: text('zone').notNull(),
  /** JSON: the number of customers and each section's length in bytes. */
  layout: text('layout').notNull(),
  writtenAt: text('written_at').notNull(),
});

/** The copy's bytes, a section at a time in parts of at most a few megabytes (written and read a part per turn). */
export const tierInputsParts = sqliteTable(
  'tier_inputs_parts',
  {
    generation: text('generation').notNull(),
    section: text('section').notNull(),
    part: integer('part').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.generation, t.section, t.part] })],
);
