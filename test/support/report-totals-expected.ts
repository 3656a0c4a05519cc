import type Database from 'better-sqlite3';

/**
 * The monthly report totals recomputed from the raw rows another way than the triggers and the bulk
 * refresh do: plain SQL grouped by the order date's 'YYYY-MM' for orders, and for follow-ups each instant's
 * local month taken by JavaScript's Date (not SQLite's 'localtime'). Tests compare the stored tables with these.
 */
export type TotalsRow = (string | number | null)[];

const monthIndex = (yyyyMm: string) => Number(yyyyMm.slice(0, 4)) * 12 + Number(yyyyMm.slice(5, 7)) - 1;
const byKey = (a: TotalsRow, b: TotalsRow) => (a[0] as number) - (b[0] as number) || String(a[1]).localeCompare(String(b[1]));

export function expectedOrderTotals(client: Database.Database): TotalsRow[] {
  const rows = client
    .prepare(
      `SELECT substr(order_date, 1, 7) AS ym, customer_id, sum(base_amount_minor), sum(CASE WHEN kind = 'sale' THEN 1 ELSE 0 END), sum(CASE WHEN kind = 'return' THEN 1 ELSE 0 END),
              coalesce(sum(CASE WHEN base_cost_minor IS NOT NULL THEN base_amount_minor END), 0), coalesce(sum(base_cost_minor), 0),
              sum(CASE WHEN base_cost_minor IS NOT NULL THEN 1 ELSE 0 END), max(CASE WHEN kind = 'sale' THEN order_date END)
       FROM orders WHERE deleted_at IS NULL GROUP BY ym, customer_id`,
    )
    .raw()
    .all() as TotalsRow[];
  return rows.map(([ym, ...rest]) => [monthIndex(ym as string), ...rest]).sort(byKey);
}

export function expectedFollowUpTotals(client: Database.Database): TotalsRow[] {
  const rows = client.prepare(`SELECT customer_id, occurred_at, satisfaction FROM follow_ups WHERE deleted_at IS NULL`).raw().all() as [string, string, number | null][];
  const sums = new Map<string, TotalsRow>();
  for (const [customer, at, satisfaction] of rows) {
    const local = new Date(at);
    const month = local.getFullYear() * 12 + local.getMonth();
    const key = `${month}|${customer}`;
    const s = sums.get(key) ?? [month, customer, 0, 0, 0, at];
    s[2] = (s[2] as number) + 1;
    s[3] = (s[3] as number) + (satisfaction ?? 0);
    s[4] = (s[4] as number) + (satisfaction === null ? 0 : 1);
    if (at > (s[5] as string)) s[5] = at;
    sums.set(key, s);
  }
  return [...sums.values()].sort(byKey);
}

/** A totals table as stored, in the same order as the expected rows. */
export const storedTotals = (client: Database.Database, table: 'order_month_totals' | 'follow_up_month_totals'): TotalsRow[] =>
  (client.prepare(`SELECT * FROM ${table}`).raw().all() as TotalsRow[]).sort(byKey);
