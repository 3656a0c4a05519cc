import { describe, expect, it } from 'vitest';
import { autoMapHeaders, validateRows, type SourceRow } from '../../../shared/import';
import { parseQuantity, parseYesNo } from '../../../shared/import/order-record';
import { lineAmountMinor } from '../../../shared/domain/order-lines';

const rows = (lines: string[][]): SourceRow[] => lines.map((cells, i) => ({ row: i + 2, line: i + 2, cells }));
const options = { homeCountry: 'CN', defaultCurrency: 'CNY' };

describe('order-lines headers', () => {
  it('maps the Online Retail columns and their Chinese counterparts', () => {
    const retail = autoMapHeaders(['', 'InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'], 'orders');
    expect(retail.mapping).toEqual([null, 'orderNumber', 'sku', 'product', 'quantity', 'date', 'unitPrice', 'customerCode', null]);
    expect(retail.missing).toEqual({ all: [], anyOf: [] });
    const chinese = autoMapHeaders(['订单号', '客户', '日期', '品名', '货号', '数量', '单价', '成本', '已付', '到期', '退货'], 'orders');
    expect(chinese.mapping).toEqual(['orderNumber', 'customerName', 'date', 'product', 'sku', 'quantity', 'unitPrice', 'cost', 'paid', 'dueDate', 'isReturn']);
  });

  it('a unit price stands in for the amount column; neither is missing the amount', () => {
    expect(autoMapHeaders(['客户', '日期', '商品', '数量'], 'orders').missing.all).toEqual(['amount']);
    expect(autoMapHeaders(['客户', '日期', '商品', '数量', '单价'], 'orders').missing.all).toEqual([]);
  });
});

describe('order-lines rows', () => {
  it('a line: quantity × unit price, a negative quantity is a returned line with a negative amount and cost', () => {
    const headers = ['单号', '客户', '日期', '商品', '数量', '单价', '成本'];
    const v = validateRows('orders', headers, rows([['A1', '张三', '2025-01-02', '茶', '3', '12.50', '20'], ['R1', '张三', '2025-01-03', '茶', '-1', '12.50', '7']]), autoMapHeaders(headers, 'orders').mapping, options);
    expect(v.errors).toEqual([]);
    expect(v.records.map((r) => [r.record.orderNumber, r.record.isReturn, r.record.amountMinor, r.record.line])).toEqual([
      ['A1', false, 3750, { sku: null, name: '茶', quantity: 3, unitPriceMinor: 1250, amountMinor: 3750, costMinor: 2000 }],
      ['R1', true, -1250, { sku: null, name: '茶', quantity: -1, unitPriceMinor: 1250, amountMinor: -1250, costMinor: -700 }],
    ]);
  });

  it('a product column beside an amount stays a whole-order file, the product kept in the note', () => {
    const headers = ['Customer', 'Date', 'Amount', 'Description', 'Note'];
    const v = validateRows('orders', headers, rows([['Ann', '2025-01-02', '40', 'Spring samples', 'urgent']]), autoMapHeaders(headers, 'orders').mapping, options);
    expect(v.records[0]!.record).toMatchObject({ line: null, amountMinor: 4000, note: 'Spring samples\nurgent' });
  });

  it('refuses a zero quantity, a negative unit price and a paid amount above a whole order', () => {
    const lineHeaders = ['Customer', 'Date', 'Product', 'Quantity', 'Unit price'];
    const lines = validateRows('orders', lineHeaders, rows([['Ann', '2025-01-02', 'Tea', '0', '4'], ['Ann', '2025-01-02', 'Tea', '1', '-4']]), autoMapHeaders(lineHeaders, 'orders').mapping, options);
    expect(lines.errors.map((e) => [e.row, e.header, e.reason])).toEqual([[2, 'Quantity', 'invalid_quantity'], [3, 'Unit price', 'negative_amount']]);
    const orderHeaders = ['Customer', 'Date', 'Amount', 'Paid'];
    const orders = validateRows('orders', orderHeaders, rows([['Ann', '2025-01-02', '40', '41']]), autoMapHeaders(orderHeaders, 'orders').mapping, options);
    expect(orders.errors.map((e) => [e.header, e.reason])).toEqual([['Paid', 'paid_out_of_range']]);
  });
});

describe('quantity and yes/no cells', () => {
  it.each([
    ['12', 12],
    ['-3', -3],
    ['−2', -2],
    ['1,200', 1200],
    ['2.5', 2.5],
    [7, 7],
  ] as const)('%s is the quantity %s', (cell, value) => expect(parseQuantity(cell)).toEqual({ ok: true, value }));
  it.each(['0', 'abc', '2000000000', ''])('%s is not a quantity', (cell) => expect(parseQuantity(cell)).toEqual({ ok: false, reason: 'invalid_quantity' }));
  it('reads yes and no in both languages', () => {
    expect(['是', 'Y', 'yes', '1', '退货'].map((c) => parseYesNo(c))).toEqual(Array(5).fill({ ok: true, value: true }));
    expect(['否', 'n', 'No', '0'].map((c) => parseYesNo(c))).toEqual(Array(4).fill({ ok: true, value: false }));
    expect(parseYesNo('maybe')).toEqual({ ok: false, reason: 'invalid_yes_no' });
  });
});

describe('line amounts round as the app does', () => {
  it('a sale of 1.5 × 3.33 and its return of −1.5 are 5.00 and −5.00 (4.995 rounds away from zero both ways), netting to 0', () => {
    const headers = ['单号', '客户', '日期', '商品', '数量', '单价'];
    const v = validateRows('orders', headers, rows([['S1', '张三', '2025-01-02', '茶', '1.5', '3.33'], ['R1', '张三', '2025-01-03', '茶', '-1.5', '3.33']]), autoMapHeaders(headers, 'orders').mapping, options);
    expect(v.errors).toEqual([]);
    // 1.5 × 333 fen = 499.5 fen: half away from zero is 500 for the sale and −500 for the return, as the order form and orders:create give.
    expect(v.records.map((r) => r.record.amountMinor)).toEqual([500, -500]);
    expect(v.records.map((r) => lineAmountMinor(r.record.line!.quantity, r.record.line!.unitPriceMinor))).toEqual([500, -500]);
  });
});
