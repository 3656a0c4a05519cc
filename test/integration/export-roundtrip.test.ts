import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tiers } from '../../renderer/i18n/resources/tiers';
import { cli } from '../support/cli';
import { openTestApp, type TestApp } from '../support/test-app';

let source: TestApp;
let target: TestApp;
beforeEach(async () => {
  source = openTestApp();
  target = openTestApp();
  for (const app of [source, target]) await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东', baseCurrency: 'CNY' });
  await source.call('workspace:loadDemo', { customers: 40, seed: 7 });
  // The demo's FX table is part of the workspace, not of an export; the target needs the same rates.
  for (const r of (await source.call('fx:list', {})).rates) await target.call('fx:upsert', { currency: r.currency, rateDate: r.rateDate, rate: r.rate });
  await source.call('customers:create', { name: '=HYPERLINK("http://evil")', company: '+SUM(A1)', notes: '@cmd', tags: ['-x'], contacts: [{ kind: 'phone', value: '13800138000' }] });
  // Text that really starts with an apostrophe before = + - @ (typed so in the app, to show it is not a formula) keeps it.
  await source.call('customers:create', { name: "'@老王", company: "'=不是公式", notes: "''+1 上次报价", contacts: [{ kind: 'phone', value: '13600136000' }] });
  // Tags given with the separators a tags cell is split on are stored split, so they come back as they went.
  await source.call('customers:create', { name: '标签客户', tags: ['a b', 'c;d', 'VIP；老客户', 'x|y', 'VIP'], contacts: [{ kind: 'phone', value: '13900139000' }] });
  // A reminder left open on a follow-up logged after a later one (backdated): the file says it is open, so it stays open.
  const { customer } = await source.call('customers:create', { name: '提醒客户', contacts: [{ kind: 'phone', value: '13700137000' }] });
  await source.call('followups:create', { customerId: customer.id, occurredAt: '2026-11-01T04:00:00.000Z', content: 'later' });
  await source.call('followups:create', { customerId: customer.id, occurredAt: '2026-11-01T02:00:00.000Z', content: 'earlier', nextContactDate: '2026-12-20' });
  // A timed reminder (a notification at 14:30), an archived customer, and a locality set by hand against what Guangdong
  // as home would derive (a Guangzhou customer kept as non-local, say a branch that buys for another province).
  const { customer: archived } = await source.call('customers:create', { name: '归档客户', contacts: [{ kind: 'phone', value: '13500135000' }] });
  await source.call('customers:archive', { id: archived.id, archived: true });
  const { customer: handSet } = await source.call('customers:create', { name: '手设客户', country: 'CN', region: '广东', localityOverride: 'non_local', contacts: [{ kind: 'phone', value: '13400134000' }] });
  await source.call('followups:create', { customerId: handSet.id, occurredAt: '2026-11-02T02:00:00.000Z', content: 'timed', nextContactDate: '2026-12-21', nextContactTime: '14:30' });
});
afterEach(() => {
  source.cleanup();
  target.cleanup();
});

/** Everything a user can see of the customers, in a stable order, without ids and timestamps. */
async function snapshot(app: TestApp) {
  const customers = app.db.$client
    .prepare(
      `SELECT name, company, type, industry, country, region, city, locality, locality_manual, archived_at IS NOT NULL AS archived, size_band, income_band, needs, tags, owner, source, manual_level, notes, code,
              order_count, revenue_base_minor, last_order_date, last_contact_at, next_contact_date,
              (SELECT group_concat(kind || ':' || value, ' ') FROM (SELECT kind, value FROM contact_channels k WHERE k.customer_id = c.id AND k.deleted_at IS NULL ORDER BY kind, value)) AS contacts
       FROM customers c WHERE deleted_at IS NULL ORDER BY name, company, contacts`,
    )
    .all();
  const orders = app.db.$client
    .prepare(`SELECT c.name, o.order_date, o.amount_minor, o.currency, o.fx_rate, o.base_amount_minor, o.note FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.deleted_at IS NULL ORDER BY 1, 2, 3, 7`)
    .all();
  const followUps = app.db.$client
    .prepare(
      `SELECT c.name, f.occurred_at, f.channel, f.content, f.outcome, f.intent, f.satisfaction, f.next_contact_date, f.next_contact_time, f.done FROM follow_ups f JOIN customers c ON c.id = f.customer_id WHERE f.deleted_at IS NULL ORDER BY 1, 2, 4`,
    )
    .all();
  return { customers, orders, followUps };
}

describe('export → import round trips', () => {
  it.each(['xlsx', 'csv'] as const)('customers, orders and follow-ups exported as .%s import back into an empty workspace unchanged', async (format) => {
    for (const [channel, kind] of [['export:customers', 'customers'], ['export:orders', 'orders'], ['export:followUps', 'followups']] as const) {
      const path = join(source.dir, `${kind}.${format}`);
      const exported = await source.call(channel, { path, language: kind === 'orders' ? 'en' : 'zh-CN' });
      const imported = await target.call('import:commit', { kind, source: { path }, linkBy: 'phone' });
      expect(imported).toMatchObject({ rowsTotal: exported.rows, added: exported.rows, rejected: 0, skipped: 0 });
    }
    const expected = await snapshot(source);
    expect(expected.customers.length).toBe(46);
    expect(expected.customers).toContainEqual(expect.objectContaining({ name: '归档客户', archived: 1 }));
    expect(expected.customers).toContainEqual(expect.objectContaining({ name: '手设客户', locality: 'non_local', locality_manual: 1 }));
    expect(expected.followUps).toContainEqual(expect.objectContaining({ content: 'timed', next_contact_date: '2026-12-21', next_contact_time: '14:30' }));
    expect(expected.customers).toContainEqual(expect.objectContaining({ name: "'@老王", company: "'=不是公式", notes: "''+1 上次报价" }));
    expect(expected.followUps).toContainEqual(expect.objectContaining({ content: 'earlier', next_contact_date: '2026-12-20', done: 0 }));
    expect(expected.orders.length).toBeGreaterThan(100);
    expect(expected.followUps.length).toBeGreaterThan(50);
    expect(await snapshot(target)).toEqual(expected);
  });

  it('writes a bold frozen header in the chosen language, typed cells, and neutralises formulas', async () => {
    const path = join(source.dir, 'orders-en.xlsx');
    await source.call('export:customers', { path, language: 'en' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Customers');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('Customer code');
    expect(sheet.getRow(1).font?.bold ?? sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const evil = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => String(r.getCell(headers.indexOf('Name') + 1).value).includes('HYPERLINK'))!;
    expect(evil.getCell(headers.indexOf('Name') + 1).value).toBe(`'=HYPERLINK("http://evil")`);
    expect(evil.getCell(headers.indexOf('Company') + 1).value).toBe(`'+SUM(A1)`);
    expect(evil.getCell(headers.indexOf('Phone') + 1).value).toBe('+8613800138000');
    expect(typeof evil.getCell(headers.indexOf('Orders (info)') + 1).value).toBe('number');

    const orders = join(source.dir, 'orders.xlsx');
    await source.call('export:orders', { path: orders, language: 'zh-CN' });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(orders);
    const row = wb2.worksheets[0]!.getRow(2);
    expect(wb2.worksheets[0]!.getRow(1).getCell(5).value).toBe('下单日期');
    expect(row.getCell(5).value).toBeInstanceOf(Date);
    expect(typeof row.getCell(6).value).toBe('number');
  });

  it('writes CSV as UTF-8 with a BOM and Chinese headers', async () => {
    const path = join(source.dir, 'c.csv');
    const result = await source.call('export:customers', { path, language: 'zh-CN' });
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1, 20)).toBe('客户编号,客户名称,公司名称,客户类型'.slice(0, 19));
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text.trimEnd().split('\r\n')).toHaveLength(result.rows + 1);
    await expect(source.call('export:customers', { path: join(source.dir, 'c.txt') })).rejects.toMatchObject({ issues: [{ key: 'export_format_unknown' }] });
  });

  it('exports customers with their class in every scheme, or one tier only (--scheme/--class)', async () => {
    const run = await source.call('segments:recompute', {});
    const schemes = Object.keys(run.schemes).sort();
    const path = join(source.dir, 'tiers.csv');
    const all = await source.call('export:customers', { path, language: 'en' });
    const header = readFileSync(path, 'utf8').slice(1).split('\r\n')[0]!.split(',');
    const names = tiers.en.schemes as Record<string, string>;
    expect(header.filter((h) => h.startsWith('Class · '))).toEqual(schemes.map((s) => `Class · ${names[s] ?? s}`));

    const scheme = schemes.includes('pyramid') ? 'pyramid' : schemes[0]!;
    const overview = await source.call('segments:overview', { scheme });
    const biggest = [...overview.classes].sort((a, b) => b.count - a.count)[0]!;
    const members = await source.call('segments:members', { scheme, classKey: biggest.classKey, limit: 5000 });
    const tier = await source.call('export:customers', { path: join(source.dir, 'tier.xlsx'), scheme, classKey: biggest.classKey });
    expect(tier.rows).toBe(members.total);
    expect(tier.rows).toBeLessThan(all.rows);
    // The class columns are derived: an export with them imports back without touching the tier data.
    const imported = await target.call('import:preview', { kind: 'customers', source: { path } });
    expect(imported.columns.filter((c) => c.header.startsWith('Class · ')).map((c) => c.field)).toEqual(schemes.map(() => null));
    // A scheme that does not exist is named so (it read "recompute the tiers first"); a custom segment without results is told to recompute.
    await expect(source.call('export:customers', { path: join(source.dir, 'x.csv'), scheme: 'nope', classKey: 'a' })).rejects.toMatchObject({ issues: [{ path: ['scheme'], key: 'invalid_scheme' }] });
    await expect(source.call('export:customers', { path: join(source.dir, 'x.csv'), scheme: 'custom:gone', classKey: 'member' })).rejects.toMatchObject({ issues: [{ key: 'export_scheme_unknown' }] });
  });
});

describe('an export whose tiers were last stored on another day', () => {
  it('says the day its tier columns are as of, and they are that day\'s classes', async () => {
    const app = openTestApp('2026-11-23');
    try {
      await app.call('workspace:loadDemo', { customers: 30 });
      expect((await app.call('export:orders', { path: join(app.dir, 'o.csv') })).classesAsOf).toBeNull();
      await app.call('segments:recompute', { asOf: '2025-06-30' });
      const path = join(app.dir, 'c.csv');
      const result = await app.call('export:customers', { path, language: 'en' });
      expect(result.classesAsOf).toBe('2025-06-30');
      // The lifecycle column against that day's stored classes, read with plain SQL.
      const lines = readFileSync(path, 'utf8').slice(1).trimEnd().split('\r\n').map((l) => l.split(','));
      const at = lines[0]!.indexOf(`Class · ${(tiers.en.schemes as Record<string, string>).lifecycle}`);
      const idAt = lines[0]!.indexOf('Record ID');
      expect([at >= 0, idAt >= 0]).toEqual([true, true]);
      const stored = new Map(
        app.db.$client.prepare(`SELECT customer_id, class_key FROM segment_assignments WHERE scheme = 'lifecycle' AND as_of <= '2025-06-30' ORDER BY as_of`).raw().all() as [string, string][],
      );
      const label = (key: string | undefined) => (key === undefined ? '' : ((tiers.en.classes as Record<string, string>)[key] ?? key));
      for (const line of lines.slice(1)) expect(line[at]).toBe(label(stored.get(line[idAt]!)));
      // The CLI says it.
      const printed = cli('export', 'customers', join(app.dir, 'c2.csv'), '--db', app.dbPath);
      expect(printed.stdout).toMatch(/^Exported 30 rows to .*c2\.csv\. Tier columns as of 2025-06-30\.\n$/);
    } finally {
      app.close();
    }
  });
});

describe('an export without a chosen path', () => {
  it('goes to a dated file in the exports folder beside the database', async () => {
    const app = openTestApp('2026-11-23');
    try {
      await app.call('workspace:loadDemo', { customers: 20 });
      const result = await app.call('export:customers', { format: 'csv' });
      expect(result.path).toBe(join(app.dir, 'exports', 'customers-2026-11-23.csv'));
      expect([existsSync(result.path), result.rows]).toEqual([true, 20]);
    } finally {
      app.cleanup();
    }
  });
});
