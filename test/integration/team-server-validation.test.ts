import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOC_RULES } from '../../core/sync/server/doc-rules';
import PouchDB from 'pouchdb';
import { teamErrorKey } from '../../core/sync/errors';
import { installValidation, installValidationThrough, ValidationInstallError } from '../../core/sync/server/install-validation';
import { DESIGN_DOC_ID, validationDesignDoc } from '../../core/sync/server/validate-doc-update';
import { startTestCouch, type TestCouch } from '../support/pouchdb-server';

const CUSTOMER_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const ORDER_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60';
const T1 = '001763625600000.000000.lap-a';
const T2 = '001763625700000.000003.lap-b';
const at = '2026-11-20T08:00:00.000Z';

type Values = Record<string, string | number | null>;
type Doc = { _id: string; table: string; fields: Record<string, unknown> } & Record<string, unknown>;

/** A row as the sync core writes it: every column with its value, clock, previous clock and author. */
function doc(table: string, values: Values, id = `${table}:${String(values.id)}`): Doc {
  const fields: Record<string, { v: string | number | null; t: string; b: string; by: string | null }> = {};
  for (const [column, v] of Object.entries(values)) fields[column] = { v, t: T2, b: T1, by: '林晓' };
  return { _id: id, table, fields };
}
const stamp = { created_at: at, updated_at: at, deleted_at: null };
const authors = { created_by: '林晓', updated_by: 'Wang' };

/** One well-formed document of every synced table. */
function goodDocs(): Record<string, Doc> {
  return {
    customers: doc('customers', {
      id: CUSTOMER_ID, ...stamp, name: '张三', company: null, type: 'individual', industry: null, country: 'CN', region: '浙江', city: '杭州', locality: 'non_local',
      locality_manual: 0, size_band: null, income_band: null, needs: 'product', tags: '["老客户","展会"]', owner: '林晓', source: '展会', manual_level: 'A',
      notes: '喜欢绿茶', archived_at: null, code: 'C-001', ...authors,
    }),
    contact_channels: doc('contact_channels', { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a61', ...stamp, customer_id: CUSTOMER_ID, kind: 'phone', value: '+8613800138000', label: null }),
    products: doc('products', { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a68', ...stamp, identity_key: 'name:green tea', sku: null, name: 'Green tea', search_text: 'green tea', last_unit_price_minor: 49380, last_currency: 'USD', last_sold_on: '2026-11-20' }),
    orders: doc('orders', {
      id: ORDER_ID, ...stamp, customer_id: CUSTOMER_ID, order_date: '2026-11-20', amount_minor: 123450, currency: 'USD', fx_rate: 7.1, base_currency: 'CNY', base_amount_minor: 876495,
      note: null, order_number: 'SO-1', kind: 'sale', return_of_order_id: null, cost_minor: null, base_cost_minor: null, terms_unpaid_minor: 0, terms_base_unpaid_minor: 0, terms_set_at: null, payment_due_date: null, ...authors,
    }),
    order_payments: doc('order_payments', { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a6c', ...stamp, order_id: ORDER_ID, amount_minor: 50000, paid_on: '2026-11-25', recorded_by: '林晓', closed_at: null }),
    order_lines: doc('order_lines', { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a63', order_id: ORDER_ID, position: 0, product_id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a68', sku: null, name: 'Green tea', quantity: 2.5, unit_price_minor: 49380, amount_minor: 123450, cost_minor: null }),
    follow_ups: doc('follow_ups', {
      id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a62', ...stamp, customer_id: CUSTOMER_ID, occurred_at: at, channel: 'call', content: '电话确认了新款到货', outcome: null, intent: 'interested',
      satisfaction: 4, next_contact_date: '2026-11-23', next_contact_time: '14:30', done: 0, answered_by: null, ...authors,
    }),
    fx_rates: doc('fx_rates', { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a64', ...stamp, currency: 'USD', rate_date: '2026-11-01', rate: 7.1 }),
    custom_segments: doc('custom_segments', { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a65', ...stamp, name: '本地', rule: '{"all":[{"field":"locality","op":"eq","value":"local"}]}' }),
    service_policies: doc('service_policies', { ...stamp, scheme: 'custom:0190a1b2', class_key: 'A', cadence_days: 14, priority: 1, notes: '', next_action: '' }, 'service_policies:custom:0190a1b2:A'),
    settings: doc('settings', { id: 1, business_name: '林记茶行', home_country: 'CN', home_region: null, sources: '["展会","转介绍"]', clv_discount_percent: 1.5, clv_horizon_months: 24, updated_at: at }),
    segmentation_settings: doc('segmentation_settings', { id: 1, overrides: '{}', updated_at: at }),
    customer_merge_moves: doc('customer_merge_moves', {
      id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a66', ...stamp, merge_id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a67', row_table: 'customers', row_id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a6a',
      from_customer_id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a6a', into_customer_id: CUSTOMER_ID, previous_updated_at: at,
    }),
    restored_sales: doc('restored_sales', {
      id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a6b', ...stamp, order_id: ORDER_ID, customer_id: CUSTOMER_ID, sale_deleted_at: at, deleted_by: '林晓', returned_by: 'Wang', returned_at: at,
    }),
  };
}

const withField = (d: Doc, column: string, v: unknown): Doc => ({ ...d, fields: { ...d.fields, [column]: { v, t: T2, b: T1, by: 'x' } } });
const withState = (d: Doc, column: string, state: unknown): Doc => ({ ...d, fields: { ...d.fields, [column]: state } });
const without = (d: Doc, column: string): Doc => ({ ...d, fields: Object.fromEntries(Object.entries(d.fields).filter(([c]) => c !== column)) });

/** A malformed document of each kind, and the words the server's refusal must contain. */
function badDocs(): { what: string; doc: Doc; reason: string }[] {
  const good = goodDocs();
  const customer = good.customers!;
  const order = good.orders!;
  const payment = good.order_payments!;
  const followUp = good.follow_ups!;
  return [
    { what: 'no table', doc: { _id: `customers:${CUSTOMER_ID}`, fields: customer.fields } as Doc, reason: 'unknown table null (expected one of customers, contact_channels' },
    { what: 'an unknown table', doc: { ...customer, table: 'invoices' }, reason: 'unknown table "invoices"' },
    { what: 'a table that is not text', doc: { ...customer, table: 7 as unknown as string }, reason: 'unknown table 7' },
    { what: 'something beside table and fields', doc: { ...customer, owner: 'me' }, reason: '"owner" is not part of a TierBook document' },
    { what: 'no fields', doc: { _id: customer._id, table: 'customers' } as Doc, reason: 'fields is missing or not an object' },
    { what: 'an id of another table', doc: { ...customer, _id: `orders:${CUSTOMER_ID}` }, reason: `the id does not match the row (expected "customers:${CUSTOMER_ID}")` },
    { what: 'an id that is not the row’s', doc: { ...customer, _id: `customers:${ORDER_ID}` }, reason: 'the id does not match the row' },
    { what: 'a natural key that does not match', doc: { ...good.service_policies!, _id: 'service_policies:custom:0190a1b2:B' }, reason: 'the id does not match the row (expected "service_policies:custom:0190a1b2:A")' },
    { what: 'a row id that is not a UUID', doc: withField(customer, 'id', '42'), reason: 'customers.id is not an id (a lower-case UUID): "42"' },
    { what: 'a missing customer id on a follow-up', doc: without(followUp, 'customer_id'), reason: 'follow_ups.customer_id is missing' },
    { what: 'an empty customer id', doc: withField(followUp, 'customer_id', null), reason: 'follow_ups.customer_id is missing' },
    { what: 'a customer id that is not a UUID', doc: withField(followUp, 'customer_id', 'Robert'), reason: 'follow_ups.customer_id is not an id (a lower-case UUID): "Robert"' },
    { what: 'a blank name', doc: withField(customer, 'name', '   '), reason: 'customers.name is empty' },
    { what: 'an unknown column', doc: withField(customer, 'password', 'hunter2'), reason: 'customers.password is not a column of customers' },
    { what: 'an impossible calendar date', doc: withField(order, 'order_date', '2026-02-30'), reason: 'orders.order_date is not a calendar date (YYYY-MM-DD): "2026-02-30"' },
    { what: 'a date in another form', doc: withField(order, 'order_date', '20/11/2026'), reason: 'orders.order_date is not a calendar date' },
    { what: 'a bad instant', doc: withField(followUp, 'occurred_at', 'yesterday'), reason: 'follow_ups.occurred_at is not a date and time' },
    { what: 'a bad time of day', doc: withField(followUp, 'next_contact_time', '25:00'), reason: 'follow_ups.next_contact_time is not a time of day (HH:MM): "25:00"' },
    { what: 'an amount with a fraction', doc: withField(order, 'amount_minor', 12.5), reason: 'orders.amount_minor is not a whole number: 12.5' },
    { what: 'an amount as text', doc: withField(order, 'amount_minor', '1234.50'), reason: 'orders.amount_minor is not a whole number: "1234.50"' },
    { what: 'an amount beyond exact integers', doc: withField(order, 'base_amount_minor', 2 ** 60), reason: 'orders.base_amount_minor is 1152921504606847000, outside' },
    { what: 'a negative amount still owed', doc: withField(order, 'terms_unpaid_minor', -1), reason: 'orders.terms_unpaid_minor is -1, outside 0 to' },
    // An older release's order, which says what is owed itself, would undo payments recorded on other laptops meanwhile.
    { what: 'an amount owed written by an older release', doc: withField(order, 'unpaid_minor', 0), reason: 'orders.unpaid_minor was written by an older TierBook' },
    { what: 'a payment of nothing', doc: withField(payment, 'amount_minor', 0), reason: 'order_payments.amount_minor is 0, outside 1 to' },
    { what: 'a bad currency', doc: withField(order, 'currency', 'usd'), reason: 'orders.currency is not a currency code (three capital letters): "usd"' },
    { what: 'a zero exchange rate', doc: withField(order, 'fx_rate', 0), reason: 'orders.fx_rate is 0, outside' },
    { what: 'a negative unit price', doc: withField(good.order_lines!, 'unit_price_minor', -3), reason: 'order_lines.unit_price_minor is -3, outside 0 to' },
    { what: 'a value not in the list', doc: withField(followUp, 'channel', 'fax'), reason: 'follow_ups.channel is "fax", not one of call, visit' },
    { what: 'a flag that is not 0 or 1', doc: withField(followUp, 'done', 'no'), reason: 'follow_ups.done is not 0 or 1: "no"' },
    { what: 'an oversized field', doc: withField(followUp, 'content', 'x'.repeat(10_001)), reason: 'follow_ups.content is 10001 characters long, more than 10000' },
    { what: 'tags that are not JSON', doc: withField(customer, 'tags', 'vip, hot'), reason: 'customers.tags is not JSON: "vip, hot"' },
    { what: 'too many tags', doc: withField(customer, 'tags', JSON.stringify(Array.from({ length: 101 }, (_, i) => `t${i}`))), reason: 'customers.tags has 101 items, more than 100' },
    { what: 'a segment rule that is not an object', doc: withField(good.custom_segments!, 'rule', '[1]'), reason: 'custom_segments.rule is not a JSON object: "[1]"' },
    { what: 'a document over the size limit', doc: withField(customer, 'notes', 'x'.repeat(DOC_RULES.maxDocBytes)), reason: `more than ${DOC_RULES.maxDocBytes}` },
    { what: 'a value without its clock', doc: withState(customer, 'name', { v: '张三' }), reason: 'customers.name has no valid clock (t): undefined' },
    { what: 'a malformed clock', doc: withState(customer, 'name', { v: '张三', t: '2026-11-20', b: '', by: null }), reason: 'customers.name has no valid clock (t): "2026-11-20"' },
    { what: 'an extra part in a value', doc: withState(customer, 'name', { v: '张三', t: T2, b: '', by: null, html: '<b>' }), reason: 'customers.name has "html", not only v, t, b and by' },
    { what: 'an oversized author', doc: withState(customer, 'name', { v: '张三', t: T2, b: '', by: 'y'.repeat(301) }), reason: 'customers.name author (by) is 301 characters long, more than 300' },
    { what: 'a settings row other than the one', doc: { ...withField(good.settings!, 'id', 2), _id: 'settings:2' }, reason: 'settings.id is 2, outside 1 to 1' },
  ];
}

async function put(dbUrl: string, doc: Record<string, unknown>) {
  const response = await fetch(`${dbUrl}/${encodeURIComponent(doc._id as string)}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(doc) });
  return { status: response.status, body: (await response.json()) as { ok?: boolean; error?: string; reason?: string; rev?: string } };
}

/** The way replication writes: _bulk_docs with new_edits false, revisions given by the source. */
async function replicate(dbUrl: string, doc: Record<string, unknown>) {
  const response = await fetch(`${dbUrl}/_bulk_docs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ docs: [{ ...doc, _rev: '1-0123456789abcdef0123456789abcdef' }], new_edits: false }) });
  return (await response.json()) as { id: string; error?: string; reason?: string }[];
}

describe('the team database refuses malformed documents (validate_doc_update on pouchdb-server)', () => {
  let couch: TestCouch;
  let dbUrl: string;
  beforeAll(async () => {
    couch = await startTestCouch();
    dbUrl = await couch.createDb('team-validation');
    expect(await installValidation({ url: dbUrl })).toBe('created');
  }, 60_000);
  afterAll(async () => {
    await couch?.stop();
  });

  it('accepts a well-formed document of every type, written directly and by replication', async () => {
    const docs = goodDocs();
    expect(Object.keys(docs).sort()).toEqual(Object.keys(DOC_RULES.tables).sort());
    for (const doc of Object.values(docs)) {
      const written = await put(dbUrl, doc);
      expect([doc._id, written.status, written.body.reason]).toEqual([doc._id, 201, undefined]);
    }
    // Replication writes the same documents with their source's revisions into another team database.
    const replica = await couch.createDb('team-validation-replica');
    await installValidation({ url: replica });
    // With new_edits false, CouchDB lists only the refused documents.
    for (const doc of Object.values(docs)) expect(await replicate(replica, doc)).toEqual([]);
    const all = (await (await fetch(`${replica}/_all_docs`)).json()) as { total_rows: number };
    expect(all.total_rows).toBe(1 + Object.keys(docs).length);
  });

  it('a later edit and a deletion of a good document are accepted', async () => {
    const followUp = withField(withField(goodDocs().follow_ups!, 'id', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a70'), 'content', 'first');
    followUp._id = 'follow_ups:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a70';
    const first = await put(dbUrl, followUp);
    expect(first.status).toBe(201);
    const edited = await put(dbUrl, { ...withField(followUp, 'done', 1), _rev: first.body.rev });
    expect(edited.status).toBe(201);
    const deleted = await fetch(`${dbUrl}/${followUp._id}?rev=${edited.body.rev}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
  });

  it.each(badDocs())('refuses $what, saying why', async ({ doc, reason }) => {
    const id = `${doc._id}`;
    const direct = await put(dbUrl, doc);
    expect(direct.status).toBe(403);
    expect(direct.body.error).toBe('forbidden');
    expect(direct.body.reason).toContain(`TierBook refused ${id}: `);
    expect(direct.body.reason).toContain(reason);
    const replicated = await replicate(dbUrl, doc);
    expect(replicated[0]).toMatchObject({ error: 'forbidden' });
    expect(replicated[0]!.reason).toContain(reason);
  });

  it('refuses changing a document into another table', async () => {
    const customer = { ...withField(goodDocs().customers!, 'id', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a71'), _id: 'customers:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a71' };
    const first = await put(dbUrl, customer);
    expect(first.status).toBe(201);
    const asFx = { ...withField(goodDocs().fx_rates!, 'id', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a71'), _id: customer._id, _rev: first.body.rev };
    const refused = await put(dbUrl, asFx);
    expect(refused.body.reason).toContain('the table cannot change from "customers" to "fx_rates"');
  });

  it('installing again leaves the current document alone, replaces an older one and keeps a newer one', async () => {
    expect(await installValidation({ url: dbUrl })).toBe('current');
    const older = { ...DOC_RULES, version: DOC_RULES.version - 1 };
    const current = (await (await fetch(`${dbUrl}/${DESIGN_DOC_ID}`)).json()) as { _rev: string };
    await put(dbUrl, { ...validationDesignDoc(older), _rev: current._rev });
    expect(await installValidation({ url: dbUrl })).toBe('updated');
    const installed = (await (await fetch(`${dbUrl}/${DESIGN_DOC_ID}`)).json()) as { tierbookRulesVersion: number; validate_doc_update: string };
    expect(installed.tierbookRulesVersion).toBe(DOC_RULES.version);
    expect(installed.validate_doc_update).toBe(validationDesignDoc().validate_doc_update);
    expect(await installValidation({ url: dbUrl }, { ...DOC_RULES, version: DOC_RULES.version - 1 })).toBe('newer');
  });

  it('says plainly when the database is missing or the server is not there', async () => {
    await expect(installValidation({ url: `${couch.url}/no-such-team` })).rejects.toMatchObject({ reason: 'team_database_missing' });
    const nobody = installValidation({ url: 'http://127.0.0.1:1/team' });
    await expect(nobody).rejects.toBeInstanceOf(ValidationInstallError);
    await expect(nobody).rejects.toMatchObject({ reason: 'team_unreachable' });
  });
});

describe('the document check on a server with users, as a team runs it', () => {
  let couch: TestCouch;
  let dbUrl: string;
  beforeAll(async () => {
    couch = await startTestCouch();
    await couch.addServerAdmin('admin', 'admin-secret');
    await couch.addUser('boss', 'boss-secret');
    await couch.addUser('lin', 'lin-secret');
    dbUrl = await couch.createDb('acme');
    await couch.setSecurity('acme', { admins: ['boss'], members: ['boss', 'lin'] });
  }, 60_000);
  afterAll(async () => {
    await couch?.stop();
  });

  const as = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`, 'content-type': 'application/json' });

  it('a member may not install it, a wrong password is told apart, a database admin installs it', async () => {
    await expect(installValidation({ url: dbUrl, user: 'lin', password: 'lin-secret' })).rejects.toMatchObject({ reason: 'team_forbidden' });
    await expect(installValidation({ url: dbUrl, user: 'lin', password: 'wrong' })).rejects.toMatchObject({ reason: 'team_unauthorized' });
    expect(await installValidation({ url: dbUrl, user: 'boss', password: 'boss-secret' })).toBe('created');
    expect(await installValidation({ url: dbUrl, user: 'lin', password: 'lin-secret' })).toBe('current');
  });

  it('installs through the sync core’s PouchDB handle too: a member is told it lacks the right, an admin installs it once', async () => {
    const other = await couch.createDb('acme-two');
    await couch.setSecurity('acme-two', { admins: ['boss'], members: ['boss', 'lin'] });
    const asLin = new PouchDB(other, { auth: { username: 'lin', password: 'lin-secret' }, skip_setup: true });
    const asBoss = new PouchDB(other, { auth: { username: 'boss', password: 'boss-secret' }, skip_setup: true });
    try {
      const refused = await installValidationThrough(asLin).then(() => null, (error: unknown) => error);
      expect(teamErrorKey(refused)).toBe('team_forbidden');
      expect(await installValidationThrough(asBoss)).toBe('created');
      expect(await installValidationThrough(asLin)).toBe('current');
    } finally {
      await asLin.close();
      await asBoss.close();
    }
  });

  it("checks a member's documents and keeps design documents to admins", async () => {
    const followUp = goodDocs().follow_ups!;
    const good = await fetch(`${dbUrl}/${followUp._id}`, { method: 'PUT', headers: as('lin', 'lin-secret'), body: JSON.stringify(followUp) });
    expect(good.status).toBe(201);
    const bad = await fetch(`${dbUrl}/orders:${ORDER_ID}`, { method: 'PUT', headers: as('lin', 'lin-secret'), body: JSON.stringify(withField(goodDocs().orders!, 'order_date', '2026-13-01')) });
    expect([bad.status, ((await bad.json()) as { reason: string }).reason]).toEqual([403, `TierBook refused orders:${ORDER_ID}: orders.order_date is not a calendar date (YYYY-MM-DD): "2026-13-01"`]);
    const design = await fetch(`${dbUrl}/_design/other`, { method: 'PUT', headers: as('lin', 'lin-secret'), body: JSON.stringify({ validate_doc_update: 'function () {}' }) });
    expect(design.status).toBe(401);
    const outsider = await fetch(`${dbUrl}/${followUp._id}`, { headers: as('admin', 'wrong') });
    expect(outsider.status).toBe(401);
  });
});
