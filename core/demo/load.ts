import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { invalidInput } from '../../shared/contract';
import type { Db } from '../../db/open';
import { refreshAllCustomerStats } from '../../db/repos/customers';
import { readConfigOverrides, writeConfigOverrides } from '../../db/repos/segmentation';
import { readSettings, writeSettings } from '../../db/repos/settings';
import { deriveLocality } from '../../shared/domain/locality';
import { buildSearchText, buildSortName } from '../search-text';
import { generateDemoWorkspace } from './generate';

/** The currency the demo business counts in: its orders' base amounts and its exchange rates are in it. */
const DEMO_BASE_CURRENCY = 'CNY';

/** Whether the workspace holds any customer, order or follow-up, live or deleted. */
function hasRecords(client: Database.Database): boolean {
  return client.prepare(`SELECT EXISTS (SELECT 1 FROM customers) OR EXISTS (SELECT 1 FROM orders) OR EXISTS (SELECT 1 FROM follow_ups)`).pluck().get() === 1;
}

/** The demo business's tier settings: ranked schemes partitioned by business line (domestic stall, export desk). */
export const DEMO_TIER_SETTINGS = { partition: { kind: 'field', field: 'market' } } as const;

/**
 * Writes the demo workspace in one transaction with prepared statements (100k customers take seconds,
 * not minutes). A fresh workspace also gets the demo business's settings: Guangdong, CNY.
 */
export function loadDemoWorkspace(db: Db, options: { seed: number; customers: number; anchor: string; now: string }) {
  const client = db.$client;
  // The demo's amounts are counted in CNY (its rates are to CNY): in a book kept in another currency they would be
  // stored as that currency's, every total wrong.
  const base = readSettings(db).baseCurrency;
  if (base !== DEMO_BASE_CURRENCY) throw invalidInput([{ path: ['baseCurrency'], key: 'demo_needs_its_currency', params: { base, demo: DEMO_BASE_CURRENCY } }]);
  const demo = generateDemoWorkspace(options);
  client.transaction(() => {
    // The demo business's name, home and tier settings go only into a workspace with nothing of its own yet: one a
    // user filled from the command line before the app ever opened it is not onboarded, and kept their settings.
    if (!readSettings(db).onboarded && !hasRecords(client)) {
      writeSettings(db, { businessName: '佳美服装批发 · Jiamei Trading', homeCountry: 'CN', homeRegion: '广东', baseCurrency: DEMO_BASE_CURRENCY, onboardedAt: options.now, updatedAt: options.now });
      // The stall (内贸) and the export desk (外贸) are two businesses: each ranks its own customers, so
      // both have platinum and gold customers instead of every top customer being an exporter.
      if (Object.keys(readConfigOverrides(db)).length === 0) writeConfigOverrides(db, DEMO_TIER_SETTINGS, options.now);
    }
    const settings = readSettings(db);
    const insertCustomer = client.prepare(`INSERT INTO customers (id, created_at, updated_at, name, company, type, industry, country, region, city, locality,
      size_band, income_band, needs, tags, owner, source, manual_level, notes, search_text, sort_name)
      VALUES (@id, @createdAt, @createdAt, @name, @company, @type, @industry, @country, @region, @city, @locality,
      @sizeBand, @incomeBand, @needs, @tags, @owner, @source, @manualLevel, @notes, @searchText, @sortName)`);
    const insertContact = client.prepare(`INSERT INTO contact_channels (id, created_at, updated_at, customer_id, kind, value) VALUES (?, ?, ?, ?, ?, ?)`);
    const insertOrder = client.prepare(`INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertFollowUp = client.prepare(`INSERT INTO follow_ups (id, created_at, updated_at, customer_id, occurred_at, channel, content, outcome, intent, satisfaction, next_contact_date, done)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertFx = client.prepare(`INSERT OR IGNORE INTO fx_rates (id, created_at, updated_at, currency, rate_date, rate) VALUES (?, ?, ?, ?, ?, ?)`);

    for (const r of demo.fxRates) insertFx.run(r.id, options.now, options.now, r.currency, r.rateDate, r.rate);
    for (const c of demo.customers) {
      insertCustomer.run({
        ...c,
        locality: deriveLocality(c, settings),
        tags: JSON.stringify(c.tags),
        searchText: buildSearchText(c, c.contacts.map((k) => ({ ...k, label: null }))),
        sortName: buildSortName(c),
      });
      for (const k of c.contacts) insertContact.run(k.id, c.createdAt, c.createdAt, c.id, k.kind, k.value);
    }
    for (const o of demo.orders) insertOrder.run(o.id, o.createdAt, o.createdAt, o.customerId, o.orderDate, o.amountMinor, o.currency, o.fxRate, settings.baseCurrency, o.baseAmountMinor);
    for (const f of demo.followUps) {
      // A contact of today at an hour still to come would be a follow-up in the future, which the app refuses
      // (an export of the demo's follow-ups would not import back): it happened just now instead.
      const at = f.occurredAt > options.now ? options.now : f.occurredAt;
      insertFollowUp.run(f.id, at, at, f.customerId, at, f.channel, f.content, f.outcome, f.intent, f.satisfaction, f.nextContactDate, f.done ? 1 : 0);
    }
    refreshAllCustomerStats(db);
  })();
  db.run(sql`ANALYZE`);
  return { customers: demo.customers.length, orders: demo.orders.length, followUps: demo.followUps.length };
}
