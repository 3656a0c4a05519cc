import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoMapHeaders } from '../../../shared/import/header-map';
import { parseMoney } from '../../../shared/import/parse-amount';

const minorOf = (cell: string | number, decimal?: '.' | ',') => {
  const r = parseMoney(cell, { defaultCurrency: 'USD', decimal });
  return r.ok ? r.value.minor : `!${r.reason}`;
};

describe('amounts with binary floating-point noise', () => {
  it.each([
    ['22.200000000000003', 2220],
    ['19.999999999999996', 2000],
    ['0.30000000000000004', 30],
    ['1234.5600000000002', 123456],
    ['$22.200000000000003', 2220],
  ])('%j is read as the amount a person typed (%i minor)', (text, minor) => {
    expect(minorOf(text, '.')).toBe(minor);
  });

  it.each([
    ['100.40000000000001', 10040],
    ['1.1000000000000001', 110],
    ['2.4500000000000002', 245],
    ['0.10000000000000001', 10],
    ['1234.0999999999999', 123410],
  ])('%j, a float written with 17 significant digits (as printf and some converters write it), is read as typed (%i minor)', (text, minor) => {
    expect(minorOf(text, '.')).toBe(minor);
  });

  it('reads any cents amount written with 17 significant digits as the amount (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 90_000_000_000 }), (cents) => {
        const printed = (cents / 100).toPrecision(17).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
        expect(minorOf(printed, '.')).toBe(cents);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps an exact amount of 16 digits, trailing zero and all', () => {
    expect(minorOf('90071992547409.91', '.')).toBe(9007199254740991);
    expect(minorOf('90071992547409.910', '.')).toBe(9007199254740991);
    expect(minorOf('12345678901234.56', '.')).toBe(1234567890123456);
  });

  it('still refuses a genuine third decimal', () => {
    expect(minorOf('22.205', '.')).toBe('!too_many_decimals');
    expect(minorOf('22.2051', '.')).toBe('!too_many_decimals');
    // 15 significant digits is precise enough to be meant: not noise.
    expect(minorOf('1234567890.12345', '.')).toBe('!too_many_decimals');
  });

  it('reads any sum of two cents amounts as a spreadsheet prints it, noise and all (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000_000_000 }), fc.integer({ min: 0, max: 50_000_000_000 }), (a, b) => {
        // 0.1 + 0.2 prints as 0.30000000000000004: the float sum, written with every digit JavaScript keeps.
        const printed = String(a / 100 + b / 100);
        expect(minorOf(printed, '.')).toBe(a + b);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('order date headers from real exports', () => {
  it.each(['InvoiceDate', 'Invoice Date', 'invoice_date', '订单日期', '下单时间', '日期', '交易时间', '付款时间', 'Transaction Date', 'Order Time', 'Purchase Date', '开票日期'])(
    '%j maps to the order date',
    (header) => {
      expect(autoMapHeaders([header, 'Amount', 'Customer'], 'orders').mapping[0]).toBe('date');
    },
  );

  it('an invoice number is still not the order date', () => {
    const m = autoMapHeaders(['InvoiceNo', 'InvoiceDate', 'UnitPrice', 'CustomerID'], 'orders');
    expect(m.mapping[1]).toBe('date');
    expect(m.mapping[0]).not.toBe('date');
  });
});
