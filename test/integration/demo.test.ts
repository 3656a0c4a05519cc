import { describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../core/demo/generate';
import { loadDemoWorkspace } from '../../core/demo/load';
import { openTestApp } from '../support/test-app';

describe('the demo workspace', () => {
  it('is the same for the same seed and date, and different for another seed', () => {
    const a = generateDemoWorkspace({ seed: 7, customers: 50, anchor: '2026-11-23' });
    const b = generateDemoWorkspace({ seed: 7, customers: 50, anchor: '2026-11-23' });
    const c = generateDemoWorkspace({ seed: 8, customers: 50, anchor: '2026-11-23' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('records no contact after the moment it is loaded, even early in the morning', () => {
    const anchor = '2026-11-23';
    const now = '2026-11-23T00:30:00.000Z';
    const generated = generateDemoWorkspace({ seed: 20261123, customers: 360, anchor });
    // The generator puts some of today's contacts at hours still to come at 00:30: the load keeps them in the past.
    expect(generated.followUps.filter((f) => f.occurredAt > now).length).toBeGreaterThan(0);
    const app = openTestApp(anchor);
    try {
      loadDemoWorkspace(app.db, { seed: 20261123, customers: 360, anchor, now });
      const db = app.db.$client;
      expect(db.prepare(`SELECT count(*) FROM follow_ups WHERE occurred_at > ?`).pluck().get(now)).toBe(0);
      expect(db.prepare(`SELECT count(*) FROM follow_ups`).pluck().get()).toBe(generated.followUps.length);
    } finally {
      app.cleanup();
    }
  });

  it('holds a Guangzhou stall and an export desk with 2–3 years of history, all consistent', async () => {
    const app = openTestApp('2026-11-23');
    try {
      const loaded = await app.call('workspace:loadDemo', { seed: 20261123, customers: 360 });
      const db = app.db.$client;
      const one = (sql: string) => db.prepare(sql).pluck().get() as number;
      expect(loaded.customers).toBe(360);
      expect(one(`SELECT count(*) FROM customers`)).toBe(360);
      expect(one(`SELECT count(*) FROM orders`)).toBe(loaded.orders);
      expect(one(`SELECT count(*) FROM follow_ups`)).toBe(loaded.followUps);
      // Both halves of the business are there, in their currencies.
      expect(one(`SELECT count(*) FROM customers WHERE country = 'CN' AND region = '广东'`)).toBeGreaterThan(80);
      expect(one(`SELECT count(*) FROM customers WHERE country <> 'CN'`)).toBeGreaterThan(80);
      expect(db.prepare(`SELECT DISTINCT currency FROM orders ORDER BY currency`).pluck().all()).toEqual(['CNY', 'EUR', 'USD']);
      const [first, last] = db.prepare(`SELECT min(order_date), max(order_date) FROM orders`).raw().get() as [string, string];
      expect(first < '2024-11-23' && first >= '2024-02-26').toBe(true);
      expect(last <= '2026-11-23').toBe(true);
      // Every derived figure equals a recount from the rows themselves.
      expect(one(`SELECT count(*) FROM customers c WHERE c.order_count <> (SELECT count(*) FROM orders o WHERE o.customer_id = c.id)`)).toBe(0);
      expect(one(`SELECT count(*) FROM customers c WHERE c.revenue_base_minor <> (SELECT coalesce(sum(base_amount_minor), 0) FROM orders o WHERE o.customer_id = c.id)`)).toBe(0);
      expect(one(`SELECT count(*) FROM orders WHERE currency <> 'CNY' AND abs(base_amount_minor - round(amount_minor * fx_rate)) > 1`)).toBe(0);
      // The search text was built for every customer, and reminders exist on both sides of today.
      expect(one(`SELECT count(*) FROM customers WHERE length(search_text) < 3`)).toBe(0);
      const due = await app.call('followups:due', {});
      expect(due.overdue.length).toBeGreaterThan(0);
      expect(due.upcoming.length).toBeGreaterThan(0);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect((await app.call('settings:get', {})).baseCurrency).toBe('CNY');
    } finally {
      app.cleanup();
    }
  });
});
