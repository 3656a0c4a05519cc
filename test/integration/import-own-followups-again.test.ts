import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A workspace's own follow-ups export imported back: each row carries its follow-up's record ID (系统ID), so the
 * follow-ups already here are refused as recorded, naming them, and none is doubled. Into an empty workspace every
 * follow-up comes back once, and the same file imported there again adds nothing either.
 */
let source: TestApp;
let empty: TestApp;
beforeEach(async () => {
  source = openTestApp();
  empty = openTestApp();
  for (const app of [source, empty]) await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东', baseCurrency: 'CNY' });
  const { customer: tea } = await source.call('customers:create', { name: '茶庄', contacts: [{ kind: 'phone', value: '13800138000' }] });
  const { customer: shop } = await source.call('customers:create', { name: 'شركة النور', contacts: [{ kind: 'phone', value: '13900139000' }] });
  await source.call('followups:create', { customerId: tea.id, occurredAt: '2026-05-01T02:00:00.000Z', content: '报价' });
  await source.call('followups:create', { customerId: tea.id, occurredAt: '2026-05-01T02:00:00.000Z', content: '报价' });
  await source.call('followups:create', { customerId: shop.id, occurredAt: '2024-02-29T03:00:00.000Z', content: '=1+1 "quoted", a;b', nextContactDate: '2026-12-31' });
});
afterEach(() => {
  source.cleanup();
  empty.cleanup();
});

const count = (app: TestApp) => app.db.$client.prepare(`SELECT count(*) FROM follow_ups WHERE deleted_at IS NULL`).pluck().get() as number;
const perCustomer = (app: TestApp) =>
  app.db.$client
    .prepare(`SELECT c.name, count(*) AS n, group_concat(f.content, '|') AS contents FROM follow_ups f JOIN customers c ON c.id = f.customer_id WHERE f.deleted_at IS NULL GROUP BY c.name ORDER BY c.name`)
    .all();

describe('a follow-ups export imported back', () => {
  it.each([
    ['csv', 'zh-CN'],
    ['xlsx', 'en'],
  ] as const)('.%s (%s): into the same workspace adds nothing; into an empty one each comes back once, and once only', async (format, language) => {
    const path = join(source.dir, `followups.${format}`);
    expect((await source.call('export:followUps', { path, language })).rows).toBe(3);
    const before = perCustomer(source);

    const again = await source.call('import:commit', { kind: 'followups', source: { path }, onError: 'skip' });
    expect([again.added, again.rejected]).toEqual([0, 3]);
    expect(again.errors.map((e) => [e.reason, e.params?.context])).toEqual(Array(3).fill(['followup_already_recorded', 'app']));
    expect(again.errors.find((e) => e.row === 2)!.message).toMatch(/follow-up with شركة النور on 2024-02-29, already recorded/);
    expect(perCustomer(source)).toEqual(before);

    const customers = join(source.dir, `customers.${format}`);
    await source.call('export:customers', { path: customers, language });
    await empty.call('import:commit', { kind: 'customers', source: { path: customers } });
    const first = await empty.call('import:commit', { kind: 'followups', source: { path } });
    expect([first.added, first.rejected]).toEqual([3, 0]);
    expect(perCustomer(empty)).toEqual(before);
    // The same file into that workspace again: each follow-up is known there by its record ID too.
    await expect(empty.call('import:commit', { kind: 'followups', source: { path } })).rejects.toMatchObject({ code: 'invalid_input' });
    const twice = await empty.call('import:commit', { kind: 'followups', source: { path }, onError: 'skip' });
    expect([twice.added, twice.rejected]).toEqual([0, 3]);
    expect(twice.errors.map((e) => [e.reason, e.params?.context])).toEqual(Array(3).fill(['followup_already_recorded', undefined]));
    expect(count(empty)).toBe(3);
  });

  it('a row copied in the file is refused as the same follow-up; after an undo the file imports again', async () => {
    const path = join(empty.dir, 'followups.csv');
    await source.call('export:followUps', { path, language: 'zh-CN' });
    const customers = join(empty.dir, 'customers.csv');
    await source.call('export:customers', { path: customers, language: 'zh-CN' });
    await empty.call('import:commit', { kind: 'customers', source: { path: customers } });
    const lines = readFileSync(path, 'utf8').split('\r\n');
    writeFileSync(path, [...lines.slice(0, 2), lines[1], ...lines.slice(2)].join('\r\n'));
    const result = await empty.call('import:commit', { kind: 'followups', source: { path }, onError: 'skip' });
    expect([result.added, result.rejected]).toEqual([3, 1]);
    expect(result.errors.map((e) => [e.row, e.reason, e.params?.context])).toEqual([[3, 'followup_already_recorded', 'file']]);
    await empty.call('import:undo', { batchId: result.batchId! });
    expect(count(empty)).toBe(0);
    const redo = await empty.call('import:commit', { kind: 'followups', source: { path }, onError: 'skip' });
    expect([redo.added, redo.rejected]).toEqual([3, 1]);
    expect(count(empty)).toBe(3);
  });
});
