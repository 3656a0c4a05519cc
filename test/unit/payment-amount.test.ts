import { describe, expect, it } from 'vitest';
import { paysPastBalance } from '../../renderer/features/customer-file/payment-amount';

describe('a payment typed past what is owed', () => {
  it('is past the balance only when its minor units are more than it, however it is typed', () => {
    // Owed 70.00 CNY (7000 fen); 70.01 is one fen past it.
    expect(paysPastBalance('70', 7000, 'CNY')).toBe(false);
    expect(paysPastBalance('70.01', 7000, 'CNY')).toBe(true);
    expect(paysPastBalance('100', 7000, 'CNY')).toBe(true);
    expect(paysPastBalance('０．５', 7000, 'CNY')).toBe(false);
    expect(paysPastBalance('１００', 7000, 'CNY')).toBe(true);
    expect(paysPastBalance('1,000.00', 7000, 'CNY')).toBe(true);
    // Yen have no minor digits: 7000 owed is ¥7000.
    expect(paysPastBalance('7000', 7000, 'JPY')).toBe(false);
    expect(paysPastBalance('7001', 7000, 'JPY')).toBe(true);
  });

  it('leaves text that is no amount to the server, which names what is wrong with it', () => {
    expect(paysPastBalance('', 7000, 'CNY')).toBe(false);
    expect(paysPastBalance('abc', 7000, 'CNY')).toBe(false);
    expect(paysPastBalance('100.001', 7000, 'CNY')).toBe(false);
  });
});
