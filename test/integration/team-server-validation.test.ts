import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOC_RULES } from '../../core/sync/server/doc-rules';
import { installValidation, ValidationInstallError } from '../../core/sync/server/install-validation';
import { DESIGN_DOC_ID, validationDesignDoc } from '../../core/sync/server/validate-doc-update';
import { startTestCouch, type TestCouch } from '../support/pouchdb-server';

const CUSTOMER_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const ORDER_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60';
const stamp = { createdAt: '2026-11-20T08:00:00.000Z', updatedAt: '2026-11-20T08:00:00.000Z', deletedAt: null, createdBy: 'lin', updatedBy: 'lin', hlc: '000001936f1a2b00:0000:lap-a' };

/** One well-formed document of every type the team database holds. */
function goodDocs(): Record<string, Record<string, unknown>> {
  return {
    customer: {
      _id: `customer:${CUSTOMER_ID}`,
      type: 'customer',
      ...stamp,
      name: '张三',
      customerType: 'individual',
      country: 'CN',
      tags: ['老客户'],
      owner: '林',
      contacts: [{ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a61', kind: 'phone', value: '+8613800138000', label: null }],
      fieldClocks: { name: '000001936f1a2b00:0000:lap-a' },
    },
    followup: {
      _id: 'followup:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a62',
      type: 'followup',
      ...stamp,
      customerId: CUSTOMER_ID,
      occurredAt: '2026-11-20T08:00:00.000Z',
      channel: 'call',
      content: '电话确认了新款到货',
      nextContactDate: '2026-11-23',
      nextContactTime: '14:30',
      done: false,
    },
    order: {
      _id: `order:${ORDER_ID}`,
      type: 'order',
      ...stamp,
      customerId: CUSTOMER_ID,
      orderDate: '2026-11-20',
      kind: 'sale',
      amountMinor: 123450,
      currency: 'USD',
      fxRate: 7.1,
      baseCurrency: 'CNY',
      baseAmountMinor: 876495,
      unpaidMinor: 0,
      baseUnpaidMinor: 0,
      lines: [{ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a63', position: 0, name: 'Green tea', quantity: 2.5, unitPriceMinor: 49380, amountMinor: 123450 }],
    },
    fx_rate: { _id: 'fx_rate:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a64', type: 'fx_rate', ...stamp, currency: 'USD', rateDate: '2026-11-01', rate: 7.1 },
    custom_segment: { _id: 'custom_segment:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a65', type: 'custom_segment', ...stamp, name: '本地', rule: { field: 'locality', op: 'eq', value: 'local' } },
    service_policy: { _id: 'service_policy:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a66', type: 'service_policy', ...stamp, scheme: 'abc', classKey: 'A', cadenceDays: 14, priority: 1, notes: '', nextAction: '' },
    settings: { _id: 'settings:team', type: 'settings', ...stamp, businessName: '林记茶行', baseCurrency: 'CNY', sources: ['展会'] },
    merge: { _id: 'merge:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a67', type: 'merge', ...stamp, keptCustomerId: CUSTOMER_ID, mergedCustomerIds: [ORDER_ID], status: 'merged' },
  };
}

/** A malformed document of each kind, and the words the server's refusal must contain. */
function badDocs(): { what: string; doc: Record<string, unknown>; reason: string }[] {
  const good = goodDocs();
  const customer = good.customer!;
  const order = good.order!;
  const followup = good.followup!;
  return [
    { what: 'no type', doc: { _id: `customer:${CUSTOMER_ID}`, name: 'x' }, reason: 'unknown document type null' },
    { what: 'an unknown type', doc: { ...customer, type: 'invoice' }, reason: 'unknown document type "invoice"' },
    { what: 'a type that is not text', doc: { ...customer, type: 7 }, reason: 'unknown document type 7' },
    { what: 'an id of another type', doc: { ...customer, _id: `order:${CUSTOMER_ID}` }, reason: 'the id does not match ^customer:' },
    { what: 'an id that is not a UUID', doc: { ...customer, _id: 'customer:42' }, reason: 'the id does not match' },
    { what: 'a missing customer id on a follow-up', doc: { ...followup, customerId: undefined }, reason: 'followup.customerId is missing' },
    { what: 'a customer id that is not a UUID', doc: { ...followup, customerId: 'Robert' }, reason: 'followup.customerId is not an id (a lower-case UUID): "Robert"' },
    { what: 'a missing name', doc: { ...customer, name: null }, reason: 'customer.name is missing' },
    { what: 'a blank name', doc: { ...customer, name: '   ' }, reason: 'customer.name is empty' },
    { what: 'an impossible calendar date', doc: { ...order, orderDate: '2026-02-30' }, reason: 'order.orderDate is not a calendar date (YYYY-MM-DD): "2026-02-30"' },
    { what: 'a date in another form', doc: { ...order, orderDate: '20/11/2026' }, reason: 'order.orderDate is not a calendar date' },
    { what: 'a bad instant', doc: { ...followup, occurredAt: 'yesterday' }, reason: 'followup.occurredAt is not a date and time' },
    { what: 'a bad time of day', doc: { ...followup, nextContactTime: '25:00' }, reason: 'followup.nextContactTime is not a time of day (HH:MM): "25:00"' },
    { what: 'an amount with a fraction', doc: { ...order, amountMinor: 12.5 }, reason: 'order.amountMinor is not a whole number: 12.5' },
    { what: 'an amount as text', doc: { ...order, amountMinor: '1234.50' }, reason: 'order.amountMinor is not a whole number: "1234.50"' },
    { what: 'an amount beyond exact integers', doc: { ...order, baseAmountMinor: 2 ** 60 }, reason: 'order.baseAmountMinor is 1152921504606847000, outside' },
    { what: 'a negative amount still owed', doc: { ...order, unpaidMinor: -1 }, reason: 'order.unpaidMinor is -1, outside 0 to' },
    { what: 'a bad currency', doc: { ...order, currency: 'usd' }, reason: 'order.currency is not a currency code (three capital letters): "usd"' },
    { what: 'a zero exchange rate', doc: { ...order, fxRate: 0 }, reason: 'order.fxRate is 0, outside' },
    { what: 'a bad order line', doc: { ...order, lines: [{ ...(order.lines as object[])[0], unitPriceMinor: -3 }] }, reason: 'order.lines[0].unitPriceMinor is -3, outside 0 to' },
    { what: 'a value not in the list', doc: { ...followup, channel: 'fax' }, reason: 'followup.channel is "fax", not one of call, visit' },
    { what: 'an oversized field', doc: { ...followup, content: 'x'.repeat(10_001) }, reason: 'followup.content is 10001 characters long, more than 10000' },
    { what: 'too many tags', doc: { ...customer, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, reason: 'customer.tags has 51 items, more than 50' },
    { what: 'a document far over the size limit', doc: { ...customer, notes: 'x'.repeat(DOC_RULES.maxDocBytes) }, reason: `more than ${DOC_RULES.maxDocBytes}` },
    { what: 'an unknown field', doc: { ...customer, password: 'hunter2' }, reason: 'customer.password is not a field of this document' },
    { what: 'a bad contact inside a customer', doc: { ...customer, contacts: [{ id: CUSTOMER_ID, kind: 'pager', value: '1' }] }, reason: 'customer.contacts[0].kind is "pager", not one of phone' },
    { what: 'a boolean as text', doc: { ...followup, done: 'no' }, reason: 'followup.done is not true or false: "no"' },
    { what: 'a settings document with another id', doc: { ...good.settings, _id: 'settings:mine' }, reason: 'the id does not match ^settings:team$' },
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
    expect(Object.keys(docs).sort()).toEqual(Object.keys(DOC_RULES.types).sort());
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
    const followup = { ...goodDocs().followup!, _id: 'followup:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a70' };
    const first = await put(dbUrl, followup);
    expect(first.status).toBe(201);
    const edited = await put(dbUrl, { ...followup, _rev: first.body.rev, done: true });
    expect(edited.status).toBe(201);
    const deleted = await fetch(`${dbUrl}/${followup._id}?rev=${edited.body.rev}`, { method: 'DELETE' });
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

  it('refuses changing a document into another type', async () => {
    const customer = { ...goodDocs().customer!, _id: 'customer:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a71' };
    const first = await put(dbUrl, customer);
    expect(first.status).toBe(201);
    // Only the id pattern and the type change: everything else would pass as a follow-up.
    const asFollowup = { ...goodDocs().followup!, _id: customer._id, _rev: first.body.rev };
    const refused = await put(dbUrl, asFollowup);
    expect(refused.body.reason).toContain('the id does not match ^followup:');
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

  it("checks a member's documents and keeps design documents to admins", async () => {
    const followup = goodDocs().followup!;
    const good = await fetch(`${dbUrl}/${followup._id}`, { method: 'PUT', headers: as('lin', 'lin-secret'), body: JSON.stringify(followup) });
    expect(good.status).toBe(201);
    const bad = await fetch(`${dbUrl}/order:${ORDER_ID}`, { method: 'PUT', headers: as('lin', 'lin-secret'), body: JSON.stringify({ ...goodDocs().order, orderDate: '2026-13-01' }) });
    expect([bad.status, ((await bad.json()) as { reason: string }).reason]).toEqual([403, `TierBook refused order:${ORDER_ID}: order.orderDate is not a calendar date (YYYY-MM-DD): "2026-13-01"`]);
    const design = await fetch(`${dbUrl}/_design/other`, { method: 'PUT', headers: as('lin', 'lin-secret'), body: JSON.stringify({ validate_doc_update: 'function () {}' }) });
    expect(design.status).toBe(401);
    const outsider = await fetch(`${dbUrl}/${followup._id}`, { headers: as('admin', 'wrong') });
    expect(outsider.status).toBe(401);
  });
});
