import { sql } from 'drizzle-orm';
import { text } from 'drizzle-orm/sqlite-core';

/**
 * Columns every user-created row carries: a time-ordered UUID v7 (so laptops can later sync without
 * renumbering), ISO timestamps, and a soft-delete mark (so deletions can sync and be undone).
 */
export const rowIdentity = {
  id: text('id').primaryKey(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  deletedAt: text('deleted_at'),
};

/** SQL fragment: the column holds a real calendar date in YYYY-MM-DD form. */
// `IS`, not `=`: date('2026-13-01') is NULL, and a CHECK that evaluates to NULL would let the row in.
export const isCalendarDate = (column: string) => sql.raw(`(${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(${column}) IS ${column})`);

/** SQL fragment: the column holds a wall-clock time "HH:MM" (00:00–23:59). */
export const isTimeOfDay = (column: string) =>
  sql.raw(`(length(${column}) = 5 AND ${column} GLOB '[0-2][0-9]:[0-5][0-9]' AND substr(${column}, 1, 2) <= '23')`);
