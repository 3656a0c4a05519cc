import type { Db } from '../open';
import type { EngineCustomer, EngineFollowUp, EngineOrder } from '../../shared/segmentation';
import { localDateOf } from '../../shared/domain/dates';

/**
 * Rows in and out of the segmentation tables. Reads for a recompute go straight to prepared statements:
 * at 100k customers and ~1M orders, drizzle's per-row mapping is the bulk of the load time.
 */

/** What the engine needs of a customer, plus what lists show and sort by. */
export interface SegmentCustomer extends EngineCustomer {
  company: string | null;
  searchText: string;
  sortName: string;
}

/** Live, unarchived customers: the population every scheme classifies. */
export function loadSegmentCustomers(db: Db): SegmentCustomer[] {
  const rows = db.$client
    .prepare(
      `SELECT id, name, company, created_at AS createdAt, type, industry, country, region, city, locality,
              size_band AS sizeBand, income_band AS incomeBand, needs, tags, owner, source,
              manual_level AS manualLevel, search_text AS searchText, sort_name AS sortName
       FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL ORDER BY id`,
    )
    .all() as (Omit<SegmentCustomer, 'tags'> & { tags: string })[];
  return rows.map((r) => ({ ...r, tags: JSON.parse(r.tags) as string[] }));
}

/** Live orders in base-currency minor units (locked at the order date); the engine ignores unknown customers. */
export function loadSegmentOrders(db: Db): EngineOrder[] {
  return db.$client
    .prepare(`SELECT customer_id AS customerId, order_date AS date, base_amount_minor AS baseAmountMinor FROM orders WHERE deleted_at IS NULL`)
    .all() as EngineOrder[];
}

/** Live follow-ups; `date` is the local calendar day of the instant, as everywhere else in the app. */
export function loadSegmentFollowUps(db: Db): EngineFollowUp[] {
  const rows = db.$client
    .prepare(`SELECT customer_id AS customerId, occurred_at AS occurredAt, intent, satisfaction FROM follow_ups WHERE deleted_at IS NULL`)
    .all() as Omit<EngineFollowUp, 'date'>[];
  return rows.map((r) => ({ ...r, date: localDateOf(new Date(r.occurredAt)) }));
}

/**
 * Writes one day's snapshot: upserts every (scheme, customer) class, skipping unchanged rows so a
 * recompute of an unchanged day costs lookups, not page writes, and removes the day's rows of customers
 * or schemes that are gone (archived since, custom segment deleted). Call inside a transaction.
 */
export function writeSnapshot(db: Db, asOf: string, computedAt: string, customerIds: readonly string[], classKeys: Record<string, readonly string[]>): void {
  const client = db.$client;
  const upsert = client.prepare(
    `INSERT INTO segment_assignments (scheme, as_of, customer_id, class_key) VALUES (?, ?, ?, ?)
     ON CONFLICT (scheme, as_of, customer_id) DO UPDATE SET class_key = excluded.class_key WHERE class_key <> excluded.class_key`,
  );
  for (const [scheme, column] of Object.entries(classKeys)) {
    for (let k = 0; k < customerIds.length; k++) upsert.run(scheme, asOf, customerIds[k], column[k]);
  }
  const schemes = JSON.stringify(Object.keys(classKeys));
  client.prepare(`DELETE FROM segment_assignments WHERE as_of = ? AND scheme NOT IN (SELECT value FROM json_each(?))`).run(asOf, schemes);
  client
    .prepare(
      `DELETE FROM segment_assignments WHERE as_of = ? AND customer_id IN
         (SELECT id FROM customers WHERE deleted_at IS NOT NULL OR archived_at IS NOT NULL)`,
    )
    .run(asOf);
  client
    .prepare(
      `INSERT INTO segment_runs (as_of, computed_at, customer_count) VALUES (?, ?, ?)
       ON CONFLICT (as_of) DO UPDATE SET computed_at = excluded.computed_at, customer_count = excluded.customer_count`,
    )
    .run(asOf, computedAt, customerIds.length);
}

export function hasSnapshot(db: Db, asOf: string): boolean {
  return db.$client.prepare(`SELECT 1 FROM segment_runs WHERE as_of = ?`).get(asOf) !== undefined;
}

/** Class per customer of one scheme on one snapshot day. */
export function snapshotClasses(db: Db, scheme: string, asOf: string): Map<string, string> {
  const rows = db.$client
    .prepare(`SELECT customer_id, class_key FROM segment_assignments WHERE scheme = ? AND as_of = ?`)
    .raw()
    .all(scheme, asOf) as [string, string][];
  return new Map(rows);
}

/** A customer's stored classes over time, oldest first. */
export function customerHistory(db: Db, customerId: string): { scheme: string; asOf: string; classKey: string }[] {
  return db.$client
    .prepare(`SELECT scheme, as_of AS asOf, class_key AS classKey FROM segment_assignments WHERE customer_id = ? ORDER BY scheme, as_of`)
    .all(customerId) as { scheme: string; asOf: string; classKey: string }[];
}

export function readConfigOverrides(db: Db): Record<string, unknown> {
  const row = db.$client.prepare(`SELECT overrides FROM segmentation_settings WHERE id = 1`).pluck().get() as string | undefined;
  return row ? (JSON.parse(row) as Record<string, unknown>) : {};
}

export function writeConfigOverrides(db: Db, overrides: Record<string, unknown>, now: string): void {
  db.$client
    .prepare(
      `INSERT INTO segmentation_settings (id, overrides, updated_at) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET overrides = excluded.overrides, updated_at = excluded.updated_at`,
    )
    .run(JSON.stringify(overrides), now);
}

export interface CustomSegmentRecord {
  id: string;
  name: string;
  rule: string;
  createdAt: string;
  updatedAt: string;
}

export function liveCustomSegments(db: Db): CustomSegmentRecord[] {
  return db.$client
    .prepare(`SELECT id, name, rule, created_at AS createdAt, updated_at AS updatedAt FROM custom_segments WHERE deleted_at IS NULL ORDER BY id`)
    .all() as CustomSegmentRecord[];
}

export function findCustomSegment(db: Db, id: string): CustomSegmentRecord | undefined {
  return db.$client
    .prepare(`SELECT id, name, rule, created_at AS createdAt, updated_at AS updatedAt FROM custom_segments WHERE id = ? AND deleted_at IS NULL`)
    .get(id) as CustomSegmentRecord | undefined;
}

export function upsertCustomSegment(db: Db, segment: { id: string; name: string; rule: string }, now: string): void {
  db.$client
    .prepare(
      `INSERT INTO custom_segments (id, created_at, updated_at, name, rule) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, rule = excluded.rule, updated_at = excluded.updated_at, deleted_at = NULL`,
    )
    .run(segment.id, now, now, segment.name, segment.rule);
}

export function softDeleteCustomSegment(db: Db, id: string, now: string): boolean {
  return db.$client.prepare(`UPDATE custom_segments SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`).run(now, now, id).changes > 0;
}
