import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东', baseCurrency: 'CNY' });
});
afterEach(() => app.cleanup());

const stateOf = (name: string) =>
  app.db.$client.prepare(`SELECT locality, locality_manual AS manual, archived_at IS NOT NULL AS archived FROM customers WHERE name = ? AND deleted_at IS NULL`).get(name);

describe('archived and a hand-set locality on import', () => {
  it('an update archives and sets the locality by hand; undoing it puts back the active customer with the derived locality', async () => {
    await app.call('customers:create', { name: '老周', country: 'CN', region: '广东', contacts: [{ kind: 'phone', value: '13800138000' }] });
    expect(stateOf('老周')).toEqual({ locality: 'local', manual: 0, archived: 0 });
    const path = join(app.dir, 'customers.csv');
    writeFileSync(path, ['客户名称,电话,本地/外地,本地/外地手动设定,已归档', '老周,13800138000,外地,是,是', '新客,13900139000,海外,否,是'].join('\n'));
    const result = await app.call('import:commit', { kind: 'customers', source: { path }, duplicates: 'update' });
    expect(result).toMatchObject({ added: 1, updated: 1, rejected: 0 });
    expect(stateOf('老周')).toEqual({ locality: 'non_local', manual: 1, archived: 1 });
    // Not set by hand: derived from the phone's country and no region, whatever the exporting workspace wrote.
    expect(stateOf('新客')).toEqual({ locality: null, manual: 0, archived: 1 });
    expect((await app.call('customers:list', { view: 'archived' })).rows.map((r) => r.name).sort()).toEqual(['新客', '老周']);

    await app.call('import:undo', { batchId: result.batchId! });
    expect(stateOf('老周')).toEqual({ locality: 'local', manual: 0, archived: 0 });
    expect(stateOf('新客')).toBeUndefined();
  });
});
