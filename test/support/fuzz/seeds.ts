import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, type Dispatch } from '../../../core/dispatch';
import type { Channel } from '../../../shared/contract';

/** The records the hand-written seeds point at, made through the contract itself. */
export interface Fixture {
  customer: string;
  other: string;
  order: string;
  followUp: string;
  fxRate: string;
  segment: string;
  merge: string;
  batch: string;
  /** A bulk action's undo token (single use: the seed spends it, mutations of it are refused). */
  bulkUndo: string;
}

const CUSTOMERS_CSV = ['客户名称,公司,电话,国家,标签', '王五,五金行,13900139000,CN,vip', 'Ana Silva,Loja,+351 912 345 678,PT,', '赵六,,13700137000,,"a,b"'].join('\n');
const ORDERS_CSV = ['客户名称,下单日期,金额,币种,汇率', '王五,2026-10-01,1200.50,CNY,', 'Ana Silva,2026-10-02,99.9,USD,7.1', '陌生人,2026-10-03,5,CNY,'].join('\n');
const FOLLOWUPS_CSV = ['客户名称,时间,方式,内容,下次联系', '王五,2026-10-05 10:00,电话,问价,2026-12-01'].join('\n');
export const CUSTOMERS_BASE64 = Buffer.from(CUSTOMERS_CSV).toString('base64');

/** Names a path field may be mutated to: the files below, the backup the fixture makes, and new outputs. */
export const FILE_NAMES = ['customers.csv', 'orders.csv', 'followups.csv', 'empty.csv', 'garbage.bin', 'not-a-database.sqlite', 'backup.sqlite', 'out.xlsx', 'out.csv', 'out.txt', 'rejects.csv'];

/** Files the file channels' seeds name, written where the confined app looks for them: imports/ and backups/ beside the database. */
export function writeSeedFiles(dbFolder: string): void {
  for (const folder of ['imports', 'backups']) {
    const dir = join(dbFolder, folder);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'customers.csv'), CUSTOMERS_CSV);
    writeFileSync(join(dir, 'orders.csv'), ORDERS_CSV);
    writeFileSync(join(dir, 'followups.csv'), FOLLOWUPS_CSV);
    writeFileSync(join(dir, 'empty.csv'), '');
    writeFileSync(join(dir, 'garbage.bin'), Buffer.from([0, 159, 146, 150, 0, 1, 2, 255, 0]));
    writeFileSync(join(dir, 'not-a-database.sqlite'), 'SQLite format 3\u0000 but not really');
  }
}

export async function buildFixture(dispatch: Dispatch): Promise<Fixture> {
  await call(dispatch, 'settings:update', { homeCountry: 'CN', baseCurrency: 'CNY', businessName: 'Fuzz 商行' });
  await call(dispatch, 'workspace:startEmpty', {});
  const fxRate = (await call(dispatch, 'fx:upsert', { currency: 'USD', rateDate: '2026-01-01', rate: 7.1 })).id;
  const customer = (await call(dispatch, 'customers:create', { name: '张三', company: '佳美', tags: ['vip'], contacts: [{ kind: 'phone', value: '13800138000' }] })).customer.id;
  const other = (await call(dispatch, 'customers:create', { name: 'Hans Müller', country: 'DE', contacts: [{ kind: 'email', value: 'hans@example.com' }] })).customer.id;
  const twinA = (await call(dispatch, 'customers:create', { name: '李四', company: '四海' })).customer.id;
  const twinB = (await call(dispatch, 'customers:create', { name: '李四', company: '四海' })).customer.id;
  const order = (await call(dispatch, 'orders:create', { customerId: customer, orderDate: '2026-10-01', amount: '1234.50', currency: 'USD', payment: { status: 'unpaid', dueDate: '2026-10-31' } })).id;
  await call(dispatch, 'orders:create', { customerId: other, orderDate: '2026-09-01', amount: '88', currency: 'CNY' });
  // A second day of buying before the holdout seed's split: with none, there is no repeat purchase to fit on.
  await call(dispatch, 'orders:create', { customerId: other, orderDate: '2026-08-03', amount: '42', currency: 'CNY' });
  const followUp = (await call(dispatch, 'followups:create', { customerId: customer, content: '报价', nextContactDate: '2026-11-30' })).followUp.id;
  const segment = (await call(dispatch, 'segments:custom:save', { name: 'VIP', rule: { kind: 'group', op: 'and', conditions: [{ kind: 'tag', op: 'has', tag: 'vip' }] } })).id;
  await call(dispatch, 'policies:save', { scheme: 'pyramid', classKey: 'gold', cadenceDays: 14 });
  const merge = (await call(dispatch, 'customers:merge', { keepId: twinA, mergeIds: [twinB] })).mergeId;
  const batch = (await call(dispatch, 'import:commit', { kind: 'customers', source: { path: 'customers.csv' } })).batchId!;
  await call(dispatch, 'segments:recompute', {});
  await call(dispatch, 'backup:create', { path: 'backup.sqlite' });
  const bulkUndo = (await call(dispatch, 'customers:bulkUpdate', { ids: [customer], action: { kind: 'addTag', tag: 'fuzz' } })).undoToken!;
  return { customer, other, order, followUp, fxRate, segment, merge, batch, bulkUndo };
}

/**
 * Valid inputs for the channels whose derived example would only ever miss (ids, schemes, files).
 * File paths are plain names inside the confined folders (file-fields.ts turns some into escapes).
 */
export function handSeeds(f: Fixture, teamServerUrl: string): Partial<Record<Channel, unknown>> {
  const rule = { kind: 'group', op: 'or', conditions: [{ kind: 'tag', op: 'has', tag: 'vip' }, { kind: 'metric', metric: 'revenue', op: 'between', min: 0, max: 100000 }, { kind: 'group', op: 'and', conditions: [{ kind: 'field', field: 'country', op: 'in', values: ['CN', 'DE'] }, { kind: 'in_scheme', scheme: 'pyramid', classes: ['gold'] }] }] };
  return {
    'customers:list': { search: '张', countries: ['CN'], tags: ['vip'], sort: { field: 'revenueBaseMinor', desc: true }, limit: 50, schemes: ['rfm', `custom:${f.segment}`] },
    'customers:get': { id: f.customer },
    'customers:timeZone': { id: f.customer },
    'customers:create': { name: '王五', company: '五金行', country: 'CN', tags: ['new'], contacts: [{ kind: 'phone', value: '13900139001' }, { kind: 'email', value: 'w5@example.com' }] },
    'customers:update': { id: f.other, customer: { name: 'Hans Müller', country: 'DE', notes: 'fuzz', contacts: [{ kind: 'email', value: 'hans@example.com' }] } },
    'customers:checkDuplicates': { contacts: [{ kind: 'phone', value: '13800138000' }], excludeId: f.other },
    'customers:archive': { id: f.other, archived: true },
    'customers:delete': { id: f.other },
    'customers:restore': { id: f.other },
    'customers:merge': { keepId: f.customer, mergeIds: [f.other], fields: { name: f.customer } },
    'customers:unmerge': { mergeId: f.merge },
    'customers:bulkUpdate': { ids: [f.customer, f.other], action: { kind: 'setOwner', owner: '小王' } },
    'customers:bulkUndo': { undoToken: f.bulkUndo },
    'orders:list': { customerId: f.customer },
    'orders:create': {
      customerId: f.customer,
      orderDate: '2026-11-01',
      currency: 'USD',
      fxRate: 7.2,
      note: 'fuzz',
      orderNumber: 'F-1',
      cost: '5',
      lines: [{ sku: 'T-1', name: '茶', quantity: 2.5, unitPrice: '5' }],
      payment: { status: 'part', paid: '2', dueDate: '2026-12-01' },
    },
    'orders:update': { id: f.order, order: { customerId: f.customer, orderDate: '2026-10-02', amount: '99', currency: 'CNY' } },
    'orders:delete': { id: f.order },
    'orders:restore': { id: f.order },
    'orders:deleted': { customerId: f.customer, limit: 20 },
    'orders:page': { customerId: f.customer, offset: 0, limit: 20 },
    'orders:summary': { customerId: f.customer },
    'orders:lines': { customerId: f.customer, offset: 0, limit: 10 },
    'orders:return': { orderId: f.order, amount: '10', orderDate: '2026-11-02', lines: [{ sku: 'T-1', name: '茶', quantity: 1, unitPrice: '10' }] },
    'orders:record-payment': { id: f.order, amount: '1' },
    'order-payments:list': { orderId: f.order },
    'products:search': { query: 'cha', limit: 5 },
    'offers:customer': { customerId: f.customer, scheme: 'pyramid', limit: 5 },
    'offers:classes': { scheme: 'pyramid', limit: 5 },
    'followups:list': { customerId: f.customer },
    'followups:create': { customerId: f.customer, channel: 'wechat', content: '回访', intent: 'interested', satisfaction: 4, nextContactDate: '2026-12-01' },
    'followups:update': { id: f.followUp, followUp: { customerId: f.customer, content: '改', nextContactDate: '2026-12-02' } },
    'followups:markDone': { id: f.followUp },
    'followups:reschedule': { id: f.followUp, nextContactDate: '2026-12-03' },
    'settings:update': { businessName: 'Fuzz 商行 2', homeRegion: '广东', language: 'en', sources: ['walk_in', 'trade_fair', '展会'] },
    'fx:upsert': { currency: 'EUR', rateDate: '2026-06-01', rate: 7.8 },
    'fx:delete': { id: f.fxRate },
    'segments:overview': { scheme: 'pyramid' },
    'segments:members': { scheme: 'rfm', search: '张', sort: 'recency', limit: 20 },
    'today:list': { scheme: 'pyramid', classKey: 'gold', limit: 50 },
    'prediction:best': { scheme: 'pyramid', classKey: 'gold', limit: 20 },
    // A customer id that names a live customer (an unknown one is not found), and a holdout with days to compare.
    'prediction:customers': { customerId: f.customer, limit: 10 },
    'prediction:holdout': { split: '2026-09-15', until: '2026-11-01' },
    'segments:explain': { customerId: f.customer },
    'segments:history': { customerId: f.customer, scheme: 'pyramid' },
    'segments:migration': { scheme: 'pyramid', from: '2026-11-23', to: '2026-11-23' },
    'segments:config:set': { overrides: { pyramid: { goldShare: 0.1 } } },
    'reports:evaluation': { scheme: 'pyramid', from: '2026-01-01', to: '2026-11-23', period: 'month' },
    'reports:migration': { scheme: 'pyramid', from: '2026-11-23', to: '2026-11-23' },
    'reports:migration-members': { scheme: 'pyramid', from: '2026-11-23', to: '2026-11-23', fromClass: 'gold', toClass: 'gold' },
    'reports:export-xlsx': { scheme: 'pyramid', from: '2026-01-01', to: '2026-11-23', migrationFrom: '2026-11-23', migrationTo: '2026-11-23', path: 'report-out.xlsx' },
    'segments:custom:save': { id: f.segment, name: 'VIP 2', rule },
    'segments:custom:delete': { id: f.segment },
    'policies:save': { scheme: 'pyramid', classKey: 'lead', cadenceDays: 30, priority: 2, nextAction: '回访' },
    'policies:delete': { scheme: 'pyramid', classKey: 'gold' },
    'policies:saveMany': { policies: [{ scheme: 'pyramid', classKey: 'platinum', cadenceDays: 7, priority: 1 }, { scheme: 'pyramid', classKey: 'iron', cadenceDays: null }] },
    'import:preview': { kind: 'customers', source: { base64: CUSTOMERS_BASE64, fileName: 'customers.csv' }, duplicates: 'update' },
    'import:commit': { kind: 'orders', source: { path: 'orders.csv' }, onError: 'skip', unknownCustomers: 'create', rejectsPath: 'rejects.csv' },
    'import:undo': { batchId: f.batch },
    'export:customers': { path: 'customers-out.xlsx', scheme: 'pyramid', classKey: 'gold', filter: { search: '张', owners: ['小王'] } },
    'export:orders': { path: 'orders-out.csv', language: 'en' },
    'export:orderLines': { path: 'order-lines-out.csv', language: 'zh-CN' },
    'export:followUps': { path: 'followups-out.xlsx' },
    'backup:create': { path: 'backup-more.sqlite' },
    'backup:restore': { path: 'backup.sqlite' },
    'workspace:loadDemo': { seed: 7, customers: 20 },
    // A pouchdb-server on 127.0.0.1 the fuzz starts; a mutated URL is refused or names the same test server.
    'team:identity-set': { userName: '小王' },
    'team:create': { serverUrl: teamServerUrl, database: 'fuzz', user: 'admin', password: 'secret' },
    'team:join': { serverUrl: teamServerUrl, database: 'fuzz', user: 'admin', password: 'secret' },
    'team:conflicts': { limit: 20, customerId: f.customer },
    // A 1×1 PNG: only PNG bytes are written.
    'charts:save-png': { image: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', name: 'chart.png' },
  };
}
