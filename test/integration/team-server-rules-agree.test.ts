import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOC_RULES } from '../../core/sync/server/doc-rules';
import { SYNCED_TABLES } from '../../core/sync/tables';
import { validateDocUpdateSource } from '../../core/sync/server/validate-doc-update';
import { laptopsDir, openLaptop, steppingClock, type Laptop } from '../support/laptops';
import { startTestCouch, type TestCouch } from '../support/pouchdb-server';

type Doc = { _id: string; table?: string; fields?: Record<string, { v: unknown }> } & Record<string, unknown>;
type Validate = (newDoc: Doc, oldDoc: Doc | null, userCtx: { name: string | null; roles: string[] }, secObj: object) => void;

/** The server's function, run as CouchDB runs it: compiled from its source, called with a member's context. */
const validate = new Function(`return ${validateDocUpdateSource()}`)() as Validate;
const member = { name: 'lin', roles: [] };

function refusal(doc: Doc): string | null {
  try {
    validate(doc, null, member, {});
    return null;
  } catch (error) {
    return (error as { forbidden?: string }).forbidden ?? String(error);
  }
}

describe('the server’s document rules and the synced tables name the same columns', () => {
  it('has a rule for exactly the columns each synced table sends, keyed the same way', () => {
    const fromSync = Object.fromEntries(SYNCED_TABLES.map((t) => [t.table, { key: t.key === 'id' ? ['id'] : [...t.key], columns: [...t.columns].sort() }]));
    const fromRules = Object.fromEntries(Object.entries(DOC_RULES.tables).map(([table, rules]) => [table, { key: [...rules.key], columns: Object.keys(rules.columns).sort() }]));
    expect(fromRules).toEqual(fromSync);
  });
});

/**
 * The document check and the sync core must describe the same documents: every document a real laptop
 * sends (a demo book plus one row of each remaining synced table) is accepted by the rules, and every
 * synced table is covered by a rule.
 */
describe('the server’s document rules accept what the sync core sends', () => {
  let couch: TestCouch;
  let laptop: Laptop;
  let remove: () => void;
  let docs: Doc[];
  beforeAll(async () => {
    couch = await startTestCouch();
    await couch.addServerAdmin('admin', 'secret');
    const dir = laptopsDir();
    remove = dir.remove;
    laptop = openLaptop('lin', dir.dir, steppingClock());
    await laptop.call('workspace:loadDemo', { customers: 30 });
    await laptop.call('segments:custom:save', { name: 'VIP', rule: { kind: 'group', op: 'and', conditions: [{ kind: 'metric', metric: 'orderCount', op: 'gte', value: 5 }] } });
    await laptop.call('policies:saveMany', { policies: [{ scheme: 'pyramid', classKey: 'gold', cadenceDays: 14, priority: 1, notes: '每两周回访', nextAction: '寄新品样' }] });
    await laptop.call('fx:upsert', { currency: 'USD', rateDate: '2026-11-01', rate: 7.1 });
    await laptop.call('settings:update', { businessName: '林记茶行', sources: ['展会', '转介绍'] });
    const { overrides } = await laptop.call('segments:config:get', {});
    await laptop.call('segments:config:set', { overrides });
    // Line items have no screen of their own yet: one order gets a line and a product the way the schema holds them.
    const client = laptop.db.$client;
    const order = client.prepare(`SELECT id, amount_minor FROM orders WHERE deleted_at IS NULL AND kind = 'sale' LIMIT 1`).get() as { id: string; amount_minor: number };
    const at = new Date().toISOString();
    client.prepare(`INSERT INTO products (id, created_at, updated_at, identity_key, name, search_text) VALUES ('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a68', ?, ?, 'name:green tea', 'Green tea', 'green tea')`).run(at, at);
    client
      .prepare(`INSERT INTO order_lines (id, order_id, position, product_id, name, quantity, unit_price_minor, amount_minor) VALUES ('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a69', ?, 0, '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a68', 'Green tea', 1, ?, ?)`)
      .run(order.id, order.amount_minor, order.amount_minor);
    // The records of settlements the team shares: a merge writes where the merged customer went; a restored sale's
    // record is written when a sync brings a sale back, which one laptop alone never does, so it is written here.
    const [keep, gone] = client.prepare(`SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id LIMIT 2`).pluck().all() as [string, string];
    await laptop.call('customers:merge', { keepId: keep, mergeIds: [gone] });
    const sale = client.prepare(`SELECT id, customer_id FROM orders WHERE deleted_at IS NULL AND kind = 'sale' LIMIT 1`).get() as { id: string; customer_id: string };
    client
      .prepare(`INSERT INTO restored_sales (id, created_at, updated_at, order_id, customer_id, sale_deleted_at, deleted_by, returned_by, returned_at) VALUES ('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a6c', ?, ?, ?, ?, ?, '王芳', '林晓', ?)`)
      .run(at, at, sale.id, sale.customer_id, at, at);
    // A payment on an order, as orders:record-payment writes one (the demo's sales are paid at once).
    client
      .prepare(`INSERT INTO order_payments (id, created_at, updated_at, order_id, amount_minor, paid_on, recorded_by) VALUES ('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a6d', ?, ?, ?, 1, '2026-11-25', '林晓')`)
      .run(at, at, sale.id);

    await laptop.call('team:identity-set', { userName: '林晓' });
    await laptop.call('team:create', { serverUrl: couch.url, database: 'agree', user: 'admin', password: 'secret' });
    const result = await laptop.call('team:sync-now', {});
    expect(result.pushed).toBeGreaterThan(100);
    const response = await fetch(`${couch.url}/agree/_all_docs?include_docs=true`, { headers: { authorization: `Basic ${Buffer.from('admin:secret').toString('base64')}` } });
    docs = ((await response.json()) as { rows: { doc: Doc }[] }).rows.map((r) => r.doc).filter((d) => !d._id.startsWith('_design/'));
  }, 120_000);
  afterAll(async () => {
    laptop?.close();
    remove?.();
    await couch?.stop();
  });

  it('accepts every document of a real book, and the book has every synced table', () => {
    const refused = docs.map((doc) => [doc._id, refusal(doc)]).filter(([, reason]) => reason !== null);
    expect(refused).toEqual([]);
    expect(new Set(docs.map((d) => d.table))).toEqual(new Set(Object.keys(DOC_RULES.tables)));
  });

  it('refuses the same documents spoiled one way each', () => {
    const customer = docs.find((d) => d.table === 'customers')!;
    const order = docs.find((d) => d.table === 'orders')!;
    const spoil = (doc: Doc, column: string, v: unknown): Doc => ({ ...doc, fields: { ...doc.fields, [column]: { ...doc.fields![column], v } } });
    expect(refusal(spoil(customer, 'name', ''))).toBe(`TierBook refused ${customer._id}: customers.name is empty`);
    expect(refusal(spoil(order, 'order_date', '2026-02-29'))).toBe(`TierBook refused ${order._id}: orders.order_date is not a calendar date (YYYY-MM-DD): "2026-02-29"`);
    expect(refusal(spoil(order, 'amount_minor', 0.5))).toBe(`TierBook refused ${order._id}: orders.amount_minor is not a whole number: 0.5`);
  });
});
