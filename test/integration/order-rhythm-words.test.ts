/**
 * The customer file's prediction said "usually every 19 days" while the explanation drawer, for the same customer,
 * said "median gap between orders 14". Both are right and measure different things over the same order days (all
 * history, several orders on one day counting once): the prediction's figure is the mean gap (first to last
 * order day, divided by the gaps between them), the lifecycle's the median gap. Each now names its measure, in
 * both languages. The figures are worked out here in plain SQL over the customer's orders.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sayWhy, whySentence } from '../../renderer/features/prediction/why-sentence';
import { explanationFacts } from '../../renderer/features/tiers/explain-facts';
import { bothTranslators } from '../support/both-languages';
import { openTestApp, type TestApp } from '../support/test-app';

const TODAY = '2026-11-23';
const ts = bothTranslators();
let app: TestApp | undefined;
afterEach(() => {
  app?.cleanup();
  app = undefined;
});

/** Order days whose mean gap and median gap differ: a run of close orders, then long pauses. Two orders on one day. */
const RHYTHM_DAYS = ['2026-01-05', '2026-01-05', '2026-01-07', '2026-01-09', '2026-02-08', '2026-06-07', '2026-10-05'];

async function book(opened: TestApp): Promise<string> {
  const { customer } = await opened.call('customers:create', { name: '节奏客户' });
  for (const day of RHYTHM_DAYS) await opened.call('orders:create', { customerId: customer.id, orderDate: day, amount: '300.00', currency: 'CNY' });
  // Others who came back, so the purchase model has repeat buyers to learn from.
  for (let i = 0; i < 8; i++) {
    const { customer: other } = await opened.call('customers:create', { name: `回头客${i + 1}` });
    for (let k = 0; k < 2 + (i % 4); k++) {
      const day = new Date(Date.UTC(2026, (i + 3 * k) % 11, 1 + ((7 * i + 5 * k) % 27))).toISOString().slice(0, 10);
      await opened.call('orders:create', { customerId: other.id, orderDate: day, amount: `${100 + 10 * i}.00`, currency: 'CNY' });
    }
  }
  await opened.call('segments:recompute', {});
  return customer.id;
}

/** The gaps in days between consecutive distinct order days of a customer's live sales, in plain SQL. */
function sqlGaps(opened: TestApp, customerId: string): number[] {
  return opened.db.$client
    .prepare(
      `SELECT julianday(day) - julianday(LAG(day) OVER (ORDER BY day)) AS gap
         FROM (SELECT DISTINCT order_date AS day FROM orders WHERE customer_id = ? AND kind = 'sale' AND deleted_at IS NULL)`,
    )
    .pluck()
    .all(customerId)
    .filter((gap): gap is number => gap !== null);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

describe('the two order rhythms of a customer file', () => {
  it('the prediction states the mean gap and the explanation the median gap, each named, in both languages', async () => {
    app = openTestApp(TODAY);
    const id = await book(app);
    const gaps = sqlGaps(app, id);
    // 6 order days: gaps 2, 2, 30, 119, 120 → mean 54.6, median 30.
    expect(gaps).toEqual([2, 2, 30, 119, 120]);

    const { rows } = await app.call('prediction:customers', { customerId: id, storedOnly: true, limit: 1 });
    const row = rows[0]!;
    expect(row.purchases).toBe(gaps.length + 1);
    expect(row.typicalGapDays).toBeCloseTo(mean(gaps), 9);

    const explain = await app.call('segments:explain', { customerId: id });
    const lifecycle = explain.schemes.lifecycle!.explanation as unknown as { medianGapDays: number };
    expect(lifecycle.medianGapDays).toBe(median(gaps));

    const say = (language: 'zh-CN' | 'en') => sayWhy((key, values) => ts[language](`prediction:${key}`, values), whySentence(row));
    const gapFact = (language: 'zh-CN' | 'en') => explanationFacts(ts[language], 'lifecycle', explain.schemes.lifecycle!.explanation, { language, currency: 'CNY' }).find((f) => f.key === 'medianGapDays')!;
    const meanDays = Math.round(mean(gaps));
    expect(say('en')).toContain(`on average every ${meanDays} days`);
    expect(say('zh-CN')).toContain(`平均每${meanDays}天一次`);
    expect(gapFact('en')).toMatchObject({ label: 'Median gap between order days (days)', text: String(median(gaps)) });
    expect(gapFact('zh-CN')).toMatchObject({ label: '下单日间隔中位数（天）', text: String(median(gaps)) });
  });
});
