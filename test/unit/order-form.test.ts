import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { formAmountMinor, linesTotalMinor, paidAmountProblem, toOrderInput } from '../../renderer/features/customer-file/order-form';
import { parseAmount } from '../../shared/domain/money';

describe('the order form', () => {
  it('totals the lines as the handler will: round(quantity × unit price) per line', () => {
    expect(linesTotalMinor([{ name: 'a', quantity: 3, unitPrice: '88.50' }, { name: 'b', quantity: 0.333, unitPrice: '10.01' }], 'CNY')).toBe(26550 + 333);
    expect(linesTotalMinor([{ name: 'a', quantity: 2, unitPrice: '1,000' }], 'JPY')).toBe(2000);
    // An incomplete line: no total yet; a row without a name is not a line.
    expect(linesTotalMinor([{ name: 'a', quantity: 2, unitPrice: '' }], 'CNY')).toBeNull();
    expect(linesTotalMinor([{ name: '', quantity: 2, unitPrice: '5' }], 'CNY')).toBeNull();
    expect(linesTotalMinor([], 'CNY')).toBeNull();
  });

  it('sends the lines instead of an amount, and payment fields only where they mean something', () => {
    const base = { orderDate: dayjs('2026-11-02'), currency: 'CNY', amount: '999', orderNumber: ' ', cost: '1,200', dueDate: dayjs('2026-11-30') };
    const withLines = toOrderInput('c1', { ...base, lines: [{ sku: ' ', name: ' 龙井 ', quantity: 2, unitPrice: '88' }, { name: '' }], paymentStatus: 'part', paid: '50' });
    expect(withLines).toMatchObject({ amount: undefined, orderNumber: null, cost: '1200', lines: [{ sku: null, name: '龙井', quantity: 2, unitPrice: '88' }], payment: { status: 'part', paid: '50', dueDate: '2026-11-30' } });
    const paid = toOrderInput('c1', { ...base, lines: [], paymentStatus: 'paid', paid: '50' });
    expect(paid).toMatchObject({ amount: '999', lines: [], payment: { status: 'paid', paid: null, dueDate: null } });
  });

  it('takes amounts as a Chinese input method types them: full-width digits and the full stop 。 for the point', () => {
    const input = toOrderInput('c1', {
      orderDate: dayjs('2026-11-02'),
      currency: 'CNY',
      amount: '１，２３４。５０',
      cost: '８００．５',
      lines: [],
      paymentStatus: 'part',
      paid: ' ５００ ',
      dueDate: dayjs('2026-11-30'),
    });
    expect(input).toMatchObject({ amount: '1234.50', cost: '800.5', payment: { paid: '500' } });
    expect(linesTotalMinor([{ name: 'a', quantity: 2, unitPrice: '８８。５' }], 'CNY')).toBe(17700);
  });

  it('drops only commas that group thousands: a decimal comma is refused, never read as a grouping one', () => {
    const amountOf = (amount: string, currency = 'CNY') => toOrderInput('c1', { orderDate: dayjs('2026-11-02'), currency, amount, lines: [], paymentStatus: 'paid' }).amount;
    expect(amountOf('1,234,567.89')).toBe('1234567.89');
    expect(amountOf('-1,234')).toBe('-1234');
    expect(amountOf('1,234', 'JPY')).toBe('1234');
    // 12,50 is twelve and a half on a European invoice: as 1250 it would be a hundred times the sale.
    for (const typed of ['12,50', '1.234,56', '1,5', '1,23,456', ',500', '1,2345']) {
      expect(parseAmount(amountOf(typed)!, 'CNY').ok, typed).toBe(false);
      expect(linesTotalMinor([{ name: 'a', quantity: 1, unitPrice: typed }], 'CNY'), typed).toBeNull();
    }
    expect(parseAmount(amountOf('0,500', 'KWD')!, 'KWD').ok).toBe(false);
  });
});

describe('the paid part of a part payment, checked as typed', () => {
  const amountOf = (amount: string, currency = 'CNY', lines: { name: string; quantity: number; unitPrice: string }[] = []) => formAmountMinor({ amount, currency, lines });

  it('reads the order amount as the form holds it: the lines’ total with lines, else what was typed', () => {
    expect(amountOf('3,000.00')).toBe(300000);
    expect(amountOf('３０００')).toBe(300000);
    // Lines: 3 × 88.50 + 2 × 10.00 = 285.50, whatever the amount field still holds.
    expect(amountOf('9999', 'CNY', [{ name: 'a', quantity: 3, unitPrice: '88.50' }, { name: 'b', quantity: 2, unitPrice: '10' }])).toBe(3 * 8850 + 2 * 1000);
    expect(amountOf('1000', 'JPY')).toBe(1000);
    expect(amountOf('')).toBeNull();
    expect(amountOf('abc')).toBeNull();
    expect(amountOf('-5')).toBeNull();
  });

  it('is past the amount only when its minor units are more than the order’s, however it is typed', () => {
    const amount = amountOf('3000')!;
    expect(paidAmountProblem('3000', amount, 'CNY')).toBeNull();
    expect(paidAmountProblem('1500', amount, 'CNY')).toBeNull();
    expect(paidAmountProblem('3000.01', amount, 'CNY')).toBe('past');
    expect(paidAmountProblem('３，０００。０１', amount, 'CNY')).toBe('past');
    expect(paidAmountProblem('30000', amount, 'CNY')).toBe('past');
    expect(paidAmountProblem('0', amount, 'CNY')).toBeNull();
    expect(paidAmountProblem('-1', amount, 'CNY')).toBe('negative');
    // Yen have no minor digits.
    expect(paidAmountProblem('1001', amountOf('1000', 'JPY'), 'JPY')).toBe('past');
    expect(paidAmountProblem('1000', amountOf('1000', 'JPY'), 'JPY')).toBeNull();
  });

  it('leaves text that is no amount, and an order amount not typed yet, to the Save’s checks', () => {
    expect(paidAmountProblem('', 300000, 'CNY')).toBeNull();
    expect(paidAmountProblem('abc', 300000, 'CNY')).toBeNull();
    expect(paidAmountProblem('1.001', 300000, 'CNY')).toBeNull();
    expect(paidAmountProblem('99999', null, 'CNY')).toBeNull();
  });
});
