import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { autoMapHeaders, fromSavedMapping, headerSignature, mappingMismatch, toSavedMapping } from '../../../shared/import/header-map';
import { SYNONYMS } from '../../../shared/import/fields';
import { TRADITIONAL_FORMS } from '../../../shared/import/synonyms-traditional';

describe('autoMapHeaders', () => {
  it.each([
    ['客户名称', 'name'],
    ['客户', 'name'],
    ['姓名', 'name'],
    ['公司名称', 'company'],
    ['单位', 'company'],
    ['联系电话', 'phone'],
    ['手机号', 'phone'],
    ['微信号', 'wechat'],
    ['国家/地区', 'country'],
    ['地区', 'country'],
    ['省份', 'region'],
    ['城市', 'city'],
    ['电子邮件', 'email'],
    ['客户编号', 'code'],
    ['客户等级', 'manualLevel'],
    ['E-Mail', 'email'],
    ['  Phone Number ', 'phone'],
    ['ＷｅＣｈａｔ', 'wechat'],
    ['Company Name', 'company'],
    ['*客户名称', 'name'],
    ['Customer_Type', 'type'],
    ['WhatsApp', 'whatsapp'],
    ['客户电话', 'phone'],
    ['Tags', 'tags'],
  ])('customers: %j → %s', (header, field) => {
    expect(autoMapHeaders([header], 'customers').mapping).toEqual([field]);
  });

  it.each([
    ['金额', 'amount'],
    ['订单金额', 'amount'],
    ['日期', 'date'],
    ['下单日期', 'date'],
    ['订单日期', 'date'],
    ['币种', 'currency'],
    ['货币', 'currency'],
    ['汇率', 'fxRate'],
    ['客户', 'customerName'],
    ['Order Date', 'date'],
    ['Exchange Rate', 'fxRate'],
  ])('orders: %j → %s', (header, field) => {
    expect(autoMapHeaders([header], 'orders').mapping).toEqual([field]);
  });

  it('maps a whole follow-up header row', () => {
    const m = autoMapHeaders(['客户名称', '跟进时间', '跟进方式', '跟进内容', '结果', '意向', '满意度', '下次联系日期'], 'followups');
    expect(m.mapping).toEqual(['customerName', 'occurredAt', 'channel', 'content', 'outcome', 'intent', 'satisfaction', 'nextContactDate']);
    expect(m.missing).toEqual({ all: [], anyOf: [] });
    expect(m.confidence).toBe(1);
  });

  it('gives each field one column, except multi-column ones, and lists the rest as unmapped', () => {
    const m = autoMapHeaders(['姓名', '客户名称', '手机', '座机', '产品编号'], 'customers');
    expect(m.mapping).toEqual(['name', null, 'phone', 'phone', null]);
    expect(m.unmapped).toEqual(['客户名称', '产品编号']);
  });

  it('reports missing required fields', () => {
    expect(autoMapHeaders(['备注'], 'orders').missing).toEqual({ all: ['date', 'amount'], anyOf: ['customerCode', 'customerName', 'customerPhone', 'customerCompany'] });
    expect(autoMapHeaders(['Foo'], 'customers')).toMatchObject({ confidence: 0, unmapped: ['Foo'], missing: { anyOf: ['name', 'company'] } });
  });

  it('reads a currency from the amount header', () => {
    expect(autoMapHeaders(['金额（美元）'], 'orders')).toMatchObject({ mapping: ['amount'], currencyHint: 'USD' });
    expect(autoMapHeaders(['Amount EUR'], 'orders')).toMatchObject({ mapping: ['amount'], currencyHint: 'EUR' });
    expect(autoMapHeaders(['金额(元)'], 'orders').currencyHint).toBe('CNY');
    expect(autoMapHeaders(['金额'], 'orders').currencyHint).toBeNull();
  });
});

describe('headerSignature and saved mappings', () => {
  it('ignores order, case and spacing but not content', () => {
    expect(headerSignature(['Name', 'Phone'])).toBe(headerSignature(['phone ', 'NAME']));
    expect(headerSignature(['Name', 'Phone'])).not.toBe(headerSignature(['Name', 'Email']));
  });

  it('re-applies a remembered mapping to reordered columns', () => {
    const saved = toSavedMapping(['编号', 'Foo'], ['code', 'notes']);
    const m = fromSavedMapping(['FOO', '姓名', '编号'], 'customers', saved);
    expect(m.mapping).toEqual(['notes', 'name', 'code']);
  });

  it('a remembered field this kind does not have (a typo, a field since renamed) is mapped as if never remembered; a column left out stays out', () => {
    const m = fromSavedMapping(['客户名称', '手机', '备注'], 'customers', { 客户名称: 'name', 手机: 'phnoe', 备注: null });
    expect(m.mapping).toEqual(['name', 'phone', null]);
  });

  it('finds what a given mapping names that is not there: unknown fields and headers the file lacks, compared folded', () => {
    const headers = ['客户名称', '手机', 'E-Mail'];
    expect(mappingMismatch(headers, 'customers', { 手机: 'phnoe', ' e-mail ': 'email', 电话: 'phone', 客户名称: null })).toEqual({
      unknownFields: [{ header: '手机', field: 'phnoe' }],
      unknownHeaders: ['电话'],
    });
    // Fields of another kind are unknown here: an orders file has no "notes".
    expect(mappingMismatch(['金额', '备注'], 'orders', { 备注: 'notes' })).toEqual({ unknownFields: [{ header: '备注', field: 'notes' }], unknownHeaders: [] });
    expect(mappingMismatch(headers, 'customers', { 手机: 'phone', 'e-mail': 'email', 客户名称: '' })).toBeNull();
  });
});

describe('Traditional Chinese headers (files from Taiwan and Hong Kong)', () => {
  it('map like their Simplified forms, for every kind', () => {
    expect(autoMapHeaders(['客戶名稱', '手機', '公司名稱', '電子郵件', '備註', '客戶標籤', '負責人', '聯絡電話'], 'customers').mapping).toEqual(['name', 'phone', 'company', 'email', 'notes', 'tags', 'owner', 'phone']);
    expect(autoMapHeaders(['訂單編號', '客戶名稱', '下單日期', '金額', '幣別', '匯率', '數量', '單價', '貨號', '退貨'], 'orders').mapping).toEqual([
      'orderNumber', 'customerName', 'date', 'amount', 'currency', 'fxRate', 'quantity', 'unitPrice', 'sku', 'isReturn',
    ]);
    expect(autoMapHeaders(['客戶編號', '跟進時間', '跟進內容', '滿意度', '下次聯絡日期'], 'followups').mapping).toEqual(['customerCode', 'occurredAt', 'content', 'satisfaction', 'nextContactDate']);
  });

  it('each Traditional form belongs to a header word of fields.ts, is written with Big5 characters, and differs from it in script only', () => {
    const words = new Set(Object.values(SYNONYMS).flatMap((fields) => Object.values(fields).flatMap((s) => [...s.strong, ...(s.weak ?? [])])));
    for (const [simplified, forms] of Object.entries(TRADITIONAL_FORMS)) {
      expect(words.has(simplified), simplified).toBe(true);
      for (const form of forms) {
        expect(form, simplified).not.toBe(simplified);
        expect(form.length, form).toBe(simplified.length);
        expect(iconv.decode(iconv.encode(form, 'big5'), 'big5'), form).toBe(form);
        expect(words.has(form), form).toBe(true);
      }
    }
  });
});
