import { describe, expect, it } from 'vitest';
import { parseLineFlag } from '../../../core/cli/commands-orders';
import { UsageError } from '../../../core/cli/args';

describe('--line of orders add', () => {
  it('reads a quantity typed in full width, as the unit price beside it is read', () => {
    expect(parseLineFlag('LJ-250|龙井茶|１２|８８．５０')).toEqual({ sku: 'LJ-250', name: '龙井茶', quantity: 12, unitPrice: '88.50' });
    expect(parseLineFlag('|茶杯|－２|12.25')).toEqual({ sku: null, name: '茶杯', quantity: -2, unitPrice: '12.25' });
    expect(parseLineFlag('|茶杯|1.5|12.25').quantity).toBe(1.5);
  });

  it('still refuses a quantity that is no number, or 0, naming it as typed', () => {
    expect(() => parseLineFlag('|茶|abc|1')).toThrow(UsageError);
    expect(() => parseLineFlag('|茶|０|1')).toThrow(/０/);
    expect(() => parseLineFlag('|茶|0x10|1')).toThrow(UsageError);
  });
});
