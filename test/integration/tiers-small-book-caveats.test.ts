import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateOf } from '../../shared/domain/dates';
import { cli } from '../support/cli';
import { tiers } from '../../renderer/i18n/resources/tiers';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A stall's first weeks: books of 1, 3 equal, 6 equal and 6 different customers. Where the ranked classes cannot
 * mean what they say (ranked among fewer than 5, or everyone in one class), the explanation carries a caveat and
 * the command line says it beside the class; the numbers of --json stay as they are. The counts a note states are
 * checked against plain SQL. The command line runs on the machine's clock, so the days here are the machine's.
 */
const today = localDateOf(new Date());
const RANKED = ['rfm', 'rf_segment', 'value', 'pyramid', 'behavior'];
const books: TestApp[] = [];

/** Buyers in the analysis window (a year up to today), counted by SQL rather than by the engine. */
const buyersBySql = (app: TestApp) =>
  app.db.$client.prepare(`SELECT count(DISTINCT customer_id) FROM orders WHERE deleted_at IS NULL AND kind = 'sale' AND order_date > ?`).pluck().get(addDays(today, -365)) as number;

/** A book whose customers bought these amounts (one order each, on the day given), plus one who never bought. */
async function book(orders: readonly { amount: string; day: string }[]): Promise<{ app: TestApp; ids: string[]; idle: string; buyers: number }> {
  const app = openTestApp(today);
  books.push(app);
  const ids: string[] = [];
  for (const [i, o] of orders.entries()) {
    const { customer } = await app.call('customers:create', { name: `客户${i}` });
    await app.call('orders:create', { customerId: customer.id, orderDate: o.day, amount: o.amount, currency: 'CNY' });
    ids.push(customer.id);
  }
  const { customer: idle } = await app.call('customers:create', { name: '未下单' });
  await app.call('segments:recompute', {});
  const buyers = buyersBySql(app);
  app.close();
  return { app, ids, idle: idle.id, buyers };
}

const equal = (n: number) => Array.from({ length: n }, () => ({ amount: '100.00', day: today }));
let one: Awaited<ReturnType<typeof book>>;
let three: Awaited<ReturnType<typeof book>>;
let sixEqual: Awaited<ReturnType<typeof book>>;
let sixApart: Awaited<ReturnType<typeof book>>;
beforeAll(async () => {
  one = await book(equal(1));
  three = await book(equal(3));
  sixEqual = await book(equal(6));
  sixApart = await book(Array.from({ length: 6 }, (_, i) => ({ amount: `${(i + 1) * 100}.00`, day: addDays(today, -10 * i) })));
}, 60_000);
afterAll(() => {
  for (const b of books) rmSync(b.dir, { recursive: true, force: true });
});

describe('the explanation says when a ranked class says little', () => {
  it.each([
    ['one customer', () => one, 'few'],
    ['three equal customers', () => three, 'few'],
    ['six equal customers', () => sixEqual, 'tied'],
  ] as const)('%s: every ranked scheme, ranked among the buyers SQL counts', (_name, which, reason) => {
    const { app, ids } = which();
    const run = cli('explain', '--db', app.dbPath, '--customer', ids[0]!, '--json');
    expect(run.code).toBe(0);
    const explained = JSON.parse(run.stdout) as { caveats: Record<string, { reason: string; ranked: number }>; schemes: Record<string, { classKey: string }> };
    const ranked = which().buyers;
    expect(ranked).toBe(ids.length);
    expect(explained.caveats).toEqual(Object.fromEntries(RANKED.map((s) => [s, { reason, ranked }])));
  });

  it('six customers who differ get one only where they do not: each bought once, so all six are "high frequency"', () => {
    const explained = JSON.parse(cli('explain', '--db', sixApart.app.dbPath, '--customer', sixApart.ids[0]!, '--json').stdout) as { caveats: object };
    expect(explained.caveats).toEqual({ behavior: { reason: 'tied', ranked: sixApart.buyers } });
    expect(sixApart.buyers).toBe(6);
  });

  it('a customer who never bought is not ranked, so gets none', () => {
    const explained = JSON.parse(cli('explain', '--db', three.app.dbPath, '--customer', three.idle, '--json').stdout) as { caveats: object };
    expect(explained.caveats).toEqual({});
  });
});

describe('the command line says it beside the class, in both languages', () => {
  it('tiers names how many were ranked', () => {
    const ranked = three.buyers;
    const en = cli('tiers', '--db', three.app.dbPath, '--scheme', 'value', '--lang', 'en');
    expect(en.stdout.trim().split('\n').at(-1)).toBe(`Ranked among ${ranked} customers: scores say little yet`);
    const zh = cli('tiers', '--db', three.app.dbPath, '--scheme', 'value', '--lang', 'zh-CN');
    expect(zh.stdout.trim().split('\n').at(-1)).toBe(`只在 ${ranked} 位客户中排名：分数还说明不了什么`);
    const tied = cli('tiers', '--db', sixEqual.app.dbPath, '--scheme', 'rf_segment', '--lang', 'en');
    expect(tied.stdout.trim().split('\n').at(-1)).toBe(`All ${sixEqual.buyers} customers share one class: scores say little yet`);
    // Six who differ: the list ends with its count, no note.
    expect(cli('tiers', '--db', sixApart.app.dbPath, '--scheme', 'value', '--lang', 'en').stdout).not.toContain('say little');
  });

  it('explain puts it on each ranked scheme and on no other', () => {
    const lines = cli('explain', '--db', one.app.dbPath, '--customer', one.ids[0]!, '--lang', 'en').stdout.split('\n');
    // Each scheme by its name on the Tiers screen, which starts the line.
    const noted = lines.filter((l) => l.includes(`Ranked among ${one.buyers} customer: scores say little yet`));
    expect(noted.map((l) => RANKED.find((s) => l.trim().startsWith(tiers.en.schemes[s as keyof typeof tiers.en.schemes])))).toEqual(RANKED);
  });

  it('--json keeps the rows as they were', () => {
    const rows = (JSON.parse(cli('tiers', '--db', three.app.dbPath, '--scheme', 'value', '--json').stdout) as { rows: { classKey: string }[] }).rows;
    expect(rows.map((r) => r.classKey)).toEqual(['high', 'high', 'high', 'none']);
  });
});
