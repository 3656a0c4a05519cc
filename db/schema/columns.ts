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
export const isCalendarDate = (column: string) => sql.raw(calendarDateCheck(column));

/** isCalendarDate's SQL as text, for asking SQLite the same of one value (`column` may be a named parameter). */
export const calendarDateCheck = (column: string): string => `(${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(${column}) IS ${column})`;

/** SQL fragment: an integer SQLite stores as one (not a float) inside JavaScript's exact range. */
// typeof(), not a comparison: 1.2e305 compares fine but is a REAL, and any REAL above 2^53 has lost digits.
export const isSafeInteger = (column: string) =>
  sql.raw(`(typeof(${column}) = 'integer' AND ${column} BETWEEN -${Number.MAX_SAFE_INTEGER} AND ${Number.MAX_SAFE_INTEGER})`);

/** SQL fragment: an FX rate inside the range the contract accepts (shared/domain/money.ts). */
export const isFxRateInRange = (column: string, min: number, max: number) => sql.raw(`(${column} BETWEEN ${min} AND ${max})`);

/** SQL fragment: the column holds a wall-clock time "HH:MM" (00:00–23:59). */
export const isTimeOfDay = (column: string) =>
  sql.raw(`(length(${column}) = 5 AND ${column} GLOB '[0-2][0-9]:[0-5][0-9]' AND substr(${column}, 1, 2) <= '23')`);
