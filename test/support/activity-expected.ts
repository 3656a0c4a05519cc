import type Database from 'better-sqlite3';

/**
 * customer_activity (db/activity-sql.ts) recomputed another way: JavaScript folds the raw live orders per
 * customer and calendar day, and lists the live follow-ups in instant order. Tests compare the stored rows
 * (those with any orders or follow-ups) with these.
 */
export interface ActivityRow {
  orders: number[];
  followUps: (string | null)[];
}

export const dayNumberByDate = (date: string) => Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000);

/** Each customer's row as JavaScript folds it from the raw rows (customers without live rows left out). */
export function foldedActivity(client: Database.Database): Map<string, ActivityRow> {
  const result = new Map<string, ActivityRow>();
  const entry = (id: string) => result.get(id) ?? result.set(id, { orders: [], followUps: [] }).get(id)!;
  const orders = client.prepare(`SELECT customer_id, order_date, kind, base_amount_minor, base_cost_minor FROM orders WHERE deleted_at IS NULL`).raw().all() as [string, string, string, number, number | null][];
  const days = new Map<string, number[]>();
  for (const [id, date, kind, amount, cost] of orders) {
    const key = `${id}|${date}`;
    const d = days.get(key) ?? days.set(key, [dayNumberByDate(date), 0, 0, 0, 0, 0]).get(key)!;
    if (kind === 'sale') {
      d[1]! += 1;
      d[2]! += amount;
    } else d[3]! += amount;
    if (cost !== null) {
      d[4]! += cost;
      d[5]! += 1;
    }
  }
  for (const key of [...days.keys()].sort()) entry(key.split('|')[0]!).orders.push(...days.get(key)!);
  const followUps = client.prepare(`SELECT customer_id, occurred_at, intent, id FROM follow_ups WHERE deleted_at IS NULL`).raw().all() as [string, string, string | null, string][];
  followUps.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[3] < b[3] ? -1 : 1));
  for (const [id, at, intent] of followUps) entry(id).followUps.push(at, intent);
  return result;
}

export function storedActivityRows(client: Database.Database): Map<string, ActivityRow> {
  const rows = client.prepare(`SELECT customer_id, orders, follow_ups FROM customer_activity`).raw().all() as [string, string, string][];
  return new Map(rows.filter(([, o, f]) => o !== '[]' || f !== '[]').map(([id, o, f]) => [id, { orders: JSON.parse(o) as number[], followUps: JSON.parse(f) as (string | null)[] }]));
}

