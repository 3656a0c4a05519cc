/**
 * Tiers ranked by predicted value (Settings → tier basis 'predicted') on a book where no prediction can be made yet
 * (nobody has bought on a second day): every customer is in the pyramid's 'none', and the explanation drawer called
 * them "No orders in the last 12 months" although twelve of them ordered today. It now says they are not ranked for
 * want of a predicted value, and why there is none, as the Predictions screen does, in both languages. The counts
 * asserted are worked out in SQL here; the explanation and the prediction status are the app's own answers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate } from '../../renderer/components/format';
import { explainedClass, ranksByPrediction } from '../../renderer/features/tiers/explained-class';
import { bothTranslators } from '../support/both-languages';
import { openTestApp, type TestApp } from '../support/test-app';

const TODAY = '2026-11-23';
const ts = bothTranslators();
let app: TestApp | undefined;
afterEach(() => {
  app?.cleanup();
  app = undefined;
});

/** Twelve customers who bought today (two of them twice), four who bought once 200 days ago, one who never bought. */
async function oneDayBook(opened: TestApp): Promise<{ today: string; longAgo: string; never: string }> {
  const ids: string[] = [];
  for (let i = 0; i < 16; i++) {
    const { customer } = await opened.call('customers:create', { name: `一天客户${i + 1}` });
    ids.push(customer.id);
    for (let k = 0; k < (i < 2 ? 2 : 1); k++) await opened.call('orders:create', { customerId: customer.id, orderDate: i < 12 ? TODAY : '2026-05-07', amount: '128.00', currency: 'CNY' });
  }
  const { customer: never } = await opened.call('customers:create', { name: '未下单客户' });
  return { today: ids[0]!, longAgo: ids[15]!, never: never.id };
}

async function rankByPrediction(opened: TestApp) {
  const { effective } = await opened.call('segments:config:get', {});
  const { pyramid, value } = effective as { pyramid: Record<string, unknown>; value: Record<string, unknown> };
  await opened.call('segments:config:set', { overrides: { pyramid: { ...pyramid, basis: 'predicted' }, value: { ...value, basis: 'predicted' } } });
  await opened.call('segments:recompute', {});
}

/** The drawer's words for a customer's pyramid and value classes, read as the drawer reads them. */
async function drawerWords(opened: TestApp, customerId: string, language: 'en' | 'zh-CN') {
  const explain = await opened.call('segments:explain', { customerId });
  const prediction = await opened.call('prediction:customers', { customerId, storedOnly: true, limit: 1 });
  const env = { language, currency: 'CNY', window: { kind: 'days', days: 365 } as const, day: explain.asOf, prediction };
  const words = (scheme: string) => {
    const { classKey, explanation } = explain.schemes[scheme]!;
    expect(ranksByPrediction(scheme, explanation)).toBe(true);
    return { classKey, ...explainedClass(ts[language], scheme, classKey, explanation, env) };
  };
  return { pyramid: words('pyramid'), value: words('value'), explain };
}

const sqlCount = (opened: TestApp, query: string, ...params: unknown[]) => opened.db.$client.prepare(query).pluck().get(...params) as number;

describe('the explanation of tiers ranked by predicted value, where no prediction can be made yet', () => {
  it('says the customer is not ranked, and why no prediction can be made, instead of "no orders lately"', async () => {
    app = openTestApp(TODAY);
    const ids = await oneDayBook(app);
    await rankByPrediction(app);
    const buyers = sqlCount(app, `SELECT COUNT(DISTINCT customer_id) FROM orders WHERE deleted_at IS NULL AND kind = 'sale' AND order_date <= ?`, TODAY);
    expect(buyers).toBe(16);
    expect(sqlCount(app, `SELECT COUNT(*) FROM orders WHERE customer_id = ? AND order_date = ?`, ids.today, TODAY)).toBe(2);

    const en = await drawerWords(app, ids.today, 'en');
    expect(en.pyramid.classKey).toBe('none');
    expect(en.pyramid.label).toBe('Not ranked: no predicted value');
    expect(en.pyramid.lines).toEqual([
      'Ranked by Predicted value (CLV)',
      `No prediction can be made yet, so no customer is ranked: as of ${formatDate(TODAY, 'en')}, none of the ${buyers} customers who have bought has bought on a second day. Predictions are learned from repeat purchases spread over time; once a customer buys again on another day, the next time the tiers are stored ranks customers by predicted value.`,
    ]);
    // Value still places the buyers, each M scored from 0: said so beside "Amount M is scored from: CN¥0.00".
    expect(en.value.classKey).not.toBe('none');
    expect(en.explain.schemes.value!.explanation.basisAmountMinor).toBe(0);
    expect(en.value.lines).toContain(
      `No prediction can be made yet, so the amount M is scored from counts as 0 for every customer: as of ${formatDate(TODAY, 'en')}, none of the ${buyers} customers who have bought has bought on a second day. Predictions are learned from repeat purchases spread over time; once a customer buys again on another day, the next time the tiers are stored scores M from predicted value.`,
    );

    const zh = await drawerWords(app, ids.today, 'zh-CN');
    expect(zh.pyramid.label).toBe('未排名：没有预测价值');
    expect(zh.pyramid.lines).toEqual([
      '排名依据：预测价值 (CLV)',
      `还无法预测客户价值，所以没有客户参与排名：截至 ${formatDate(TODAY, 'zh-CN')}，下过单的 ${buyers} 位客户都只在某一天买过，还没有人在另一天再次购买。预测要从分散在不同日子的回头购买中学习；有客户在另一天再次购买后，下次保存分级时就会按预测价值排名。`,
    ]);
    expect(zh.value.lines.some((line) => line.startsWith('还无法预测客户价值，所以每位客户价值分 M 的依据金额都按 0 计算'))).toBe(true);

    // Nothing in either language says the customer has had no orders: they ordered today.
    for (const words of [en, zh]) expect([words.pyramid.label, ...words.pyramid.lines].join('\n')).not.toMatch(/No orders|Never ordered|无订单|从未下单/);
  });

  it('once a prediction is made, a customer who has never bought is not ranked for that reason; buyers are ranked', async () => {
    app = openTestApp(TODAY);
    const ids = await oneDayBook(app);
    // The first customer to come back on another day lifts the refusal.
    await app.call('orders:create', { customerId: ids.longAgo, orderDate: '2026-10-15', amount: '230', currency: 'CNY' });
    await rankByPrediction(app);
    expect(sqlCount(app, `SELECT COUNT(*) FROM orders WHERE customer_id = ? AND deleted_at IS NULL`, ids.never)).toBe(0);

    for (const language of ['en', 'zh-CN'] as const) {
      const never = await drawerWords(app, ids.never, language);
      expect(never.pyramid.classKey).toBe('none');
      expect(never.pyramid.label).toBe(language === 'en' ? 'Not ranked: no predicted value' : '未排名：没有预测价值');
      expect(never.pyramid.lines[1]).toBe(
        language === 'en'
          ? `No predicted value for this customer, so they are not ranked: predictions are made for customers who have bought by ${formatDate(TODAY, 'en')}, and this customer has not.`
          : `这位客户没有预测价值，所以未参与排名：预测只为截至 ${formatDate(TODAY, 'zh-CN')} 买过东西的客户而做，这位客户还没有买过。`,
      );
      // A buyer is ranked by predicted value, with nothing added about predictions.
      const buyer = await drawerWords(app, ids.today, language);
      expect(buyer.pyramid.classKey).not.toBe('none');
      expect(buyer.pyramid.lines.join('\n')).not.toMatch(/No predicted value|No prediction|没有预测价值|还无法预测/);
      expect(buyer.value.lines.join('\n')).not.toMatch(/No prediction|还无法预测/);
    }
  });
});
