import { createInstance } from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resources } from '../../renderer/i18n/resources';
import { constraintError } from '../../core/sqlite-errors';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A number refused as already used names the order holding it — whose it is, its date and the number as typed
 * there — so the user can find it and tell one invoice entered twice from two invoices numbered alike. Only live
 * orders hold numbers: a deleted order is never the one named.
 */
let app: TestApp;
let wang: string;
let li: string;
beforeEach(async () => {
  app = openTestApp();
  wang = (await app.call('customers:create', { name: '王芳' })).customer.id;
  li = (await app.call('customers:create', { name: 'Li & Sons' })).customer.id;
});
afterEach(() => app.cleanup());

const sale = (customerId: string, orderDate: string, orderNumber: string) => ({ customerId, orderDate, currency: 'CNY', amount: '100', orderNumber });

/** The refusal's issue as the app receives it, and its text in each language as the order form shows it. */
async function refusal(result: Promise<unknown>) {
  const body = (await result) as { ok: boolean; error?: { message: string; issues: { key: string; params?: Record<string, string> }[] } };
  expect(body.ok).toBe(false);
  const issue = body.error!.issues[0]!;
  const t = async (lng: string) => {
    const i18n = createInstance();
    await i18n.init({ lng, resources: { [lng]: { errors: resources.errors[lng as 'en'] } }, interpolation: { escapeValue: false } });
    return i18n.t(`errors:issue.${issue.key}`, issue.params);
  };
  return { issue, message: body.error!.message, en: await t('en'), zh: await t('zh-CN') };
}

describe('a number refused as already used', () => {
  it('names the customer, the date and the number as typed on the order holding it, in both languages', async () => {
    await app.call('orders:create', sale(wang, '2026-10-05', 'INV-1'));
    const refused = await refusal(app.dispatch('orders:create', sale(li, '2026-11-01', 'inv\u200B-1')));
    expect(refused.issue).toEqual({ path: ['orderNumber'], key: 'order_number_taken', params: { value: 'inv\u200B-1', customer: '王芳', date: '2026-10-05', number: 'INV-1' } });
    expect(refused.message).toBe('orderNumber is already used by the order of 王芳 dated 2026-10-05 (entered there as INV-1)');
    expect(refused.en).toBe('This order number is already used by the order of 王芳 dated 2026-10-05 (entered there as INV-1)');
    expect(refused.zh).toBe('该单号已被客户“王芳”2026-10-05 的订单使用（该订单上写作 INV-1）');
  });

  it('names the holder on an edit, a return and a restore, never a deleted order', async () => {
    const first = await app.call('orders:create', sale(wang, '2026-10-05', 'SO-9'));
    await app.call('orders:delete', { id: first.id });
    // The deleted order holds nothing: the number is free, and what the deleted order was is named nowhere.
    const second = await app.call('orders:create', sale(li, '2026-11-02', 'ｓｏ－９'));
    const held = { customer: 'Li & Sons', date: '2026-11-02', number: 'ｓｏ－９' };
    const other = await app.call('orders:create', sale(wang, '2026-11-03', 'SO-10'));
    for (const attempt of [
      app.dispatch('orders:create', sale(wang, '2026-11-04', 'SO-9')),
      app.dispatch('orders:update', { id: other.id, order: sale(wang, '2026-11-03', 'so-9') }),
      app.dispatch('orders:return', { orderId: other.id, amount: '1', orderNumber: 'SO-9' }),
      app.dispatch('orders:restore', { id: first.id }),
    ]) {
      const refused = await refusal(attempt);
      expect(refused.issue.params).toMatchObject(held);
      expect(refused.en).not.toContain('王芳');
      expect(refused.en).not.toContain('2026-10-05');
    }
    expect(second.orderNumber).toBe('ｓｏ－９');
  });

  it("says the number is used, naming no order, where only the database's index refused it", async () => {
    await app.call('orders:create', sale(wang, '2026-10-05', 'INV-1'));
    const other = await app.call('orders:create', sale(li, '2026-11-01', 'INV-2'));
    // A writer that skipped the handlers' check: SQLite's error names the index, not the order holding the number.
    let thrown: unknown;
    try {
      app.db.$client.prepare(`UPDATE orders SET order_number = 'inv-1', order_number_key = 'inv-1' WHERE id = ?`).run(other.id);
    } catch (error) {
      thrown = error;
    }
    const refused = constraintError(thrown)!;
    expect(refused.issues).toEqual([{ path: ['orderNumber'], key: 'order_number_in_use' }]);
    expect(refused.message).toBe('Rejected by the database: orderNumber is already used by another order (orders_number_key_live)');
    for (const language of ['en', 'zh-CN'] as const) expect(resources.errors[language].issue.order_number_in_use).not.toContain('{{');
  });
});
