import iconv from 'iconv-lite';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东' });
});
afterEach(() => app.cleanup());

const file = (name: string, content: string | Buffer) => {
  const path = join(app.dir, name);
  writeFileSync(path, content);
  return path;
};
const gbk = (text: string) => iconv.encode(text, 'gbk');
const count = (table: string) => app.db.$client.prepare(`SELECT count(*) FROM ${table} WHERE deleted_at IS NULL`).pluck().get() as number;
const liveCustomers = () => app.call('customers:list', { limit: 500 }).then((r) => r.rows.map((c) => ({ name: c.name, company: c.company, phone: c.phone, owner: c.owner, tags: c.tags })));

const GBK_CSV = [
  '客户名称,公司名称,手机,微信,省份,国家,标签,负责人',
  '张三,广州佳美服装,138 0013 8000,zhangsan_88,广东,中国,老客户;月结,小王',
  '李四,深圳华强电子,+86 139-0013-9000,,广东,中国,,小李',
  '王五,,0086 137 0013 7000,wangwu_1990,湖南,中国,新客户,小王',
].join('\r\n');

describe('importing customers', () => {
  it('reads a GBK CSV with Chinese headers: preview shows the plan and writes nothing; commit adds all rows as one batch', async () => {
    const path = file('客户.csv', gbk(GBK_CSV));
    const preview = await app.call('import:preview', { kind: 'customers', source: { path } });
    expect(preview).toMatchObject({ dryRun: true, batchId: null, encoding: 'gb18030', delimiter: ',', rowsTotal: 3, added: 3, updated: 0, skipped: 0, rejected: 0, mappingSource: 'auto' });
    expect(preview.columns.map((c) => c.field)).toEqual(['name', 'company', 'phone', 'wechat', 'region', 'country', 'tags', 'owner']);
    expect(preview.sample[0]!.cells[0]).toBe('张三');
    expect(count('customers')).toBe(0);

    const result = await app.call('import:commit', { kind: 'customers', source: { path } });
    expect(result).toMatchObject({ dryRun: false, added: 3, rejected: 0, encoding: 'gb18030' });
    expect(result.batchId).toMatch(/^[0-9a-f-]{36}$/);
    const zhang = (await app.call('customers:list', { search: 'zs' })).rows[0]!;
    expect(zhang).toMatchObject({ name: '张三', company: '广州佳美服装', phone: '+8613800138000', wechat: 'zhangsan_88', locality: 'local', owner: '小王', tags: ['老客户', '月结'] });
    const wang = (await app.call('customers:list', { search: '王五' })).rows[0]!;
    expect(wang.locality).toBe('non_local');
    expect((await app.call('import:batches', {})).batches).toMatchObject([{ id: result.batchId, kind: 'customers', fileName: '客户.csv', encoding: 'gb18030', added: 3, status: 'committed' }]);
  });

  it('finds duplicates within the file and against the database by phone, email, WeChat or name + company', async () => {
    await app.call('customers:create', { name: '老客户', contacts: [{ kind: 'email', value: 'old@example.com' }] });
    await app.call('customers:create', { name: 'Anna Schmidt', company: 'Schmidt GmbH' });
    const path = file('dupes.csv', [
      'Name,Company,Phone,Email,WeChat',
      'New One,,138 0013 8000,,',
      'Same Phone,,+86 13800138000,,', // row 3 duplicates row 2 (within the file)
      'Old By Email,,,OLD@example.com,', // against the database
      'anna schmidt,SCHMIDT  GMBH,,,', // name + company, case and spacing aside
      'Fresh,,,,fresh_wechat',
    ].join('\n'));
    const preview = await app.call('import:preview', { kind: 'customers', source: { path } });
    expect(preview).toMatchObject({ added: 2, skipped: 3, rejected: 0 });
    expect(preview.duplicates.map((d) => [d.row, d.via, d.inFile, d.action])).toEqual([
      [3, 'phone', true, 'skipped'],
      [4, 'email', false, 'skipped'],
      [5, 'name', false, 'skipped'],
    ]);
    const update = await app.call('import:commit', { kind: 'customers', source: { path }, duplicates: 'update' });
    expect(update).toMatchObject({ added: 2, updated: 3 });
    expect(count('customers')).toBe(4);
    const create = await app.call('import:preview', { kind: 'customers', source: { path }, duplicates: 'create' });
    expect(create).toMatchObject({ added: 5, updated: 0, skipped: 0 });
  });

  it('all-or-nothing refuses a file with a bad row and writes nothing; skip imports the rest and writes the rejects with reasons', async () => {
    const path = file('mixed.csv', ['姓名,电话,邮箱', '甲,13800138000,a@example.com', '乙,12345,b@example.com', '丙,13900139000,not-an-email'].join('\n'));
    const refused = await app.call('import:commit', { kind: 'customers', source: { path }, onError: 'abort' }).catch((e: AppError) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).issues).toEqual([{ path: ['rows'], key: 'import_rows_rejected', params: { rejected: 2, total: 3 } }]);
    expect(count('customers')).toBe(0);
    expect((await app.call('import:batches', {})).batches).toEqual([]);

    const rejectsPath = join(app.dir, 'rejects.csv');
    const result = await app.call('import:commit', { kind: 'customers', source: { path }, onError: 'skip', rejectsPath });
    expect(result).toMatchObject({ added: 1, rejected: 2, rejectsPath });
    expect(result.errors.map((e) => [e.row, e.header, e.reason])).toEqual([
      [3, '电话', 'invalid_phone'],
      [4, '邮箱', 'invalid_email'],
    ]);
    // The rows as read travel in the result too, for the screen, which cannot read the rejects file.
    expect(result.rejectedRows).toEqual([
      { row: 3, cells: ['乙', '12345', 'b@example.com'] },
      { row: 4, cells: ['丙', '13900139000', 'not-an-email'] },
    ]);
    const rejects = readFileSync(rejectsPath, 'utf8');
    expect(rejects.charCodeAt(0)).toBe(0xfeff);
    const lines = rejects.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Row,姓名,电话,邮箱,Errors');
    expect(lines[1]).toMatch(/^3,乙,12345,b@example\.com,"?Row 3, column ""电话"": ""12345"" is not a valid phone number\."?$/);
    expect(lines[2]).toMatch(/^4,丙,13900139000,not-an-email,/);
    expect(lines).toHaveLength(3);
    expect(count('customers')).toBe(1);
  });

  it('undo of a batch restores the customers exactly: created ones gone, updated ones back to their values and contacts', async () => {
    await app.call('customers:create', { name: '张三', company: '佳美', owner: '小王', tags: ['老客户'], contacts: [{ kind: 'phone', value: '13800138000' }] });
    await app.call('customers:create', { name: 'Untouched' });
    const before = await liveCustomers();
    const path = file('update.csv', ['客户名称,电话,邮箱,负责人,标签', '张三新名,13800138000,zs@example.com,小李,月结', '新客户,13900139000,,,'].join('\n'));
    const result = await app.call('import:commit', { kind: 'customers', source: { path }, duplicates: 'update' });
    expect(result).toMatchObject({ added: 1, updated: 1 });
    const changed = (await app.call('customers:list', { search: '13800138000' })).rows[0]!;
    expect(changed).toMatchObject({ name: '张三新名', company: '佳美', owner: '小李', email: 'zs@example.com', tags: ['老客户', '月结'] });

    const undo = await app.call('import:undo', { batchId: result.batchId! });
    expect(undo).toEqual({ batchId: result.batchId, customersRemoved: 1, customersRestored: 1, ordersRemoved: 0, followUpsRemoved: 0 });
    expect(await liveCustomers()).toEqual(before);
    const zhang = (await app.call('customers:list', { search: '张三' })).rows[0]!;
    expect(zhang.email).toBeNull();
    expect((await app.call('import:batches', {})).batches[0]).toMatchObject({ status: 'undone' });
    await expect(app.call('import:undo', { batchId: result.batchId! })).rejects.toMatchObject({ code: 'conflict', issues: [{ key: 'import_already_undone' }] });
  });

  it('remembers a confirmed mapping for files with the same headers', async () => {
    const path = file('odd.csv', ['Kunde,Telefonnummer', 'Hans,+49 30 1234567'].join('\n'));
    const auto = await app.call('import:preview', { kind: 'customers', source: { path } });
    expect(auto.missing.anyOf).toEqual(['name', 'company']);
    await expect(app.call('import:commit', { kind: 'customers', source: { path } })).rejects.toMatchObject({ issues: [{ key: 'import_mapping_incomplete' }] });
    await app.call('import:commit', { kind: 'customers', source: { path }, mapping: { Kunde: 'name', Telefonnummer: 'phone' } });
    const next = file('odd-2.csv', ['TELEFONNUMMER,kunde', '+49 30 7654321,Greta'].join('\n'));
    const again = await app.call('import:preview', { kind: 'customers', source: { path: next } });
    expect(again.mappingSource).toBe('remembered');
    expect(again.columns.map((c) => c.field)).toEqual(['phone', 'name']);
    expect(again.added).toBe(1);
  });

  it('refuses unreadable files with a clear, translatable reason', async () => {
    await expect(app.call('import:preview', { kind: 'customers', source: { path: file('empty.csv', '') } })).rejects.toMatchObject({ issues: [{ key: 'import_empty_file' }] });
    await expect(app.call('import:preview', { kind: 'customers', source: { path: file('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])) } })).rejects.toMatchObject({
      issues: [{ key: 'import_xls_not_supported' }],
    });
    await expect(app.call('import:preview', { kind: 'customers', source: { path: join(app.dir, 'missing.csv') } })).rejects.toMatchObject({ code: 'not_found', issues: [{ key: 'file_not_found' }] });
  });
});
