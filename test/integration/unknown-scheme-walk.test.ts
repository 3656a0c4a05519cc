/**
 * A custom segment that was never saved (`custom:nope`, a typo of an id) passes the contract's shape check.
 * `offers classes` answered "No customer in the custom:nope classes has orders with line items yet.", `offers
 * --scheme custom:nope` "not classified in custom:nope", and `report` an empty member / non-member table with
 * everyone unclassified. Each is refused as not found, as `tiers --scheme custom:nope` is; a segment deleted
 * since keeps its stored history and is still reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
let customerId: string;
beforeAll(async () => {
  app = openTestApp('2026-11-23');
  const { customer } = await app.call('customers:create', { name: 'Alice' });
  customerId = customer.id;
  await app.call('orders:create', { customerId, orderDate: '2026-10-01', amount: '100', currency: 'CNY' });
  await app.call('segments:recompute', {});
});
afterAll(() => app.cleanup());

const range = { from: '2026-01-01', to: '2026-11-23' };

describe('a custom segment that does not exist', () => {
  it('is not found by offers, offers by class, the report, its migration and its export', async () => {
    const scheme = 'custom:nope';
    const notFound = { code: 'not_found', message: 'No scheme with id custom:nope' };
    await expect(app.call('offers:customer', { customerId, scheme })).rejects.toMatchObject(notFound);
    await expect(app.call('offers:classes', { scheme })).rejects.toMatchObject(notFound);
    await expect(app.call('reports:evaluation', { scheme, ...range, period: 'month' })).rejects.toMatchObject(notFound);
    await expect(app.call('reports:migration', { scheme, ...range })).rejects.toMatchObject(notFound);
    await expect(app.call('reports:migration-members', { scheme, ...range, fromClass: null, toClass: null, offset: 0, limit: 10 })).rejects.toMatchObject(notFound);
    await expect(app.call('reports:export-xlsx', { scheme, ...range, period: 'month', language: 'en', path: `${app.dir}/r.xlsx` })).rejects.toMatchObject(notFound);
  });

  it('a saved one, and one deleted since, are still reported; the built-in schemes answer as before', async () => {
    const { id } = await app.call('segments:custom:save', { name: 'Local', rule: { kind: 'group', op: 'and', conditions: [{ kind: 'field', field: 'locality', op: 'equals', value: 'local' }] } });
    await app.call('segments:recompute', {});
    const saved = await app.call('reports:evaluation', { scheme: `custom:${id}`, ...range, period: 'month' });
    expect(saved.classes.map((c) => c.key)).toContain('member');
    await app.call('segments:custom:delete', { id });
    await expect(app.call('reports:evaluation', { scheme: `custom:${id}`, ...range, period: 'month' })).resolves.toMatchObject({ scheme: `custom:${id}` });
    await expect(app.call('offers:classes', { scheme: `custom:${id}` })).rejects.toMatchObject({ code: 'not_found' });
    await expect(app.call('offers:classes', { scheme: 'pyramid' })).resolves.toMatchObject({ scheme: 'pyramid' });
    await expect(app.call('offers:customer', { customerId })).resolves.toMatchObject({ scheme: 'pyramid' });
  });
});
