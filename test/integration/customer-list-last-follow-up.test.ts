import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { columnLabel } from '../../renderer/features/customers/customer-columns';
import { EXPORT_COLUMNS } from '../../shared/export/columns';
import { autoMapHeaders } from '../../shared/import';
import { bothLanguages } from '../support/both-languages';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * The customer list's column of the last follow-up was called "最近联系 / Last contact", while Today counts an order
 * as contact and the customer file's header names "last order" and "last follow-up" apart: a customer who ordered
 * yesterday but was last called in spring read as out of touch since spring. The column shows the last follow-up,
 * so it is called that, on the screen and in the customers export alike.
 */
const instances = bothLanguages();
let app: TestApp;
beforeEach(() => {
  app = openTestApp('2026-11-23');
});
afterEach(() => app.cleanup());

describe('the customer list’s last follow-up column', () => {
  it('shows the last follow-up, not a later order', async () => {
    const customerId = (await app.call('customers:create', { name: '王芳' })).customer.id;
    for (const occurredAt of ['2026-04-02T02:00:00.000Z', '2026-05-06T03:30:00.000Z'])
      await app.call('followups:create', { customerId, occurredAt, content: 'call' });
    await app.call('orders:create', { customerId, orderDate: '2026-11-20', amount: '100', currency: 'CNY' });
    const lastFollowUp = app.db.$client.prepare('SELECT max(occurred_at) FROM follow_ups WHERE customer_id = ? AND deleted_at IS NULL').pluck().get(customerId);
    const row = (await app.call('customers:list', {})).rows.find((r) => r.id === customerId)!;
    expect(row.lastContactAt).toBe(lastFollowUp);
    expect(row.lastContactAt!.slice(0, 10)).not.toBe('2026-11-20');
  });

  it('is called the last follow-up in both languages, in the list and in the customers export', () => {
    const label = (language: 'zh-CN' | 'en') => columnLabel(instances[language].getFixedT(language), 'lastContactAt', undefined);
    expect(label('zh-CN')).toBe('最近跟进');
    expect(label('en')).toBe('Last follow-up');
    const exported = EXPORT_COLUMNS.customers.find((c) => c.key === 'lastContactAt')!;
    expect(exported.header).toEqual({ 'zh-CN': '最近跟进', en: 'Last follow-up (info)' });
  });

  it('stays a column the importer reads past, so an exported file still imports back as it did', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const headers = EXPORT_COLUMNS.customers.map((c) => c.header[language]);
      const mapping = autoMapHeaders(headers, 'customers');
      expect(mapping.mapping[EXPORT_COLUMNS.customers.findIndex((c) => c.key === 'lastContactAt')], language).toBeNull();
    }
  });
});
