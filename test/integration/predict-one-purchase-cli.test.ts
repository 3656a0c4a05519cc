import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateOf } from '../../shared/domain/dates';
import { cli } from '../support/cli';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * `predict` on a small book: a one-time buyer's P(alive) is 1 by the model's construction, however long ago they
 * bought, so the line for people shows no figure there and says "one purchase so far: too early to judge";
 * --json keeps the model's number. Which customers bought once is counted by SQL. The machine's clock, as the CLI's.
 */
const today = localDateOf(new Date());
let app: TestApp;
/** The customers with a single sale day, by SQL. */
let once: Set<string>;
beforeAll(async () => {
  app = openTestApp(today);
  const days: Record<string, number[]> = { 常客: [-60, -10], 老主顾: [-200, -120, -5], 两年前: [-730], 上月: [-30], 今天: [0] };
  for (const [name, offsets] of Object.entries(days)) {
    const { customer } = await app.call('customers:create', { name });
    for (const d of offsets) await app.call('orders:create', { customerId: customer.id, orderDate: addDays(today, d), amount: '120.00', currency: 'CNY' });
  }
  await app.call('segments:recompute', {});
  once = oncePerSql();
  app.close();
}, 60_000);
afterAll(() => rmSync(app.dir, { recursive: true, force: true }));

const oncePerSql = () =>
  new Set(
    app.db.$client
      .prepare(`SELECT customer_id FROM orders WHERE deleted_at IS NULL AND kind = 'sale' GROUP BY customer_id HAVING count(DISTINCT order_date) = 1`)
      .pluck()
      .all() as string[],
  );

describe('predict: a one-time buyer', () => {
  it.each([
    ['en', 'One purchase so far: too early to judge', 'Still active –'],
    ['zh-CN', '只买过一次：现在判断还太早', '仍活跃概率 –'],
  ])('%s: the note and no figure on exactly the customers who bought once', (lang, note, dash) => {
    const run = cli('predict', '--db', app.dbPath, '--lang', lang);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(once.size).toBe(3);
    for (const line of lines) {
      // The customer's name comes first, the id last (after the note, when there is one).
      const id = line.split(/\s+/).at(-1)!;
      expect([id, line.endsWith(`${note}  ${id}`), line.includes(dash)]).toEqual([id, once.has(id), once.has(id)]);
    }
  });

  it('--json keeps the model\'s P(alive) of 1 for them', () => {
    const rows = JSON.parse(cli('predict', '--db', app.dbPath, '--json').stdout) as { id: string; pAlive: number }[];
    expect(rows.filter((r) => once.has(r.id)).map((r) => r.pAlive)).toEqual([1, 1, 1]);
    expect(rows.filter((r) => !once.has(r.id)).every((r) => r.pAlive < 1)).toBe(true);
  });
});
