import { describe, expect, it } from 'vitest';
import { parseRateFlag } from '../../../core/cli/commands-orders';
import { UsageError } from '../../../core/cli/args';
import { ALL_COMMANDS } from '../../../core/cli/registry';

/** The rate `orders add` and `orders return` send for a typed --fx-rate (a refusal throws before anything is sent). */
async function sentRate(words: string, rate: string): Promise<unknown> {
  const command = ALL_COMMANDS.find((c) => c.words.join(' ') === words)!;
  let sent: unknown;
  const call = (async (_channel: string, input: { fxRate?: unknown }) => {
    sent = input.fxRate;
    return {};
  }) as never;
  await command.run({ customer: 'c1', date: '2026-01-05', currency: 'USD', amount: '10', 'fx-rate': rate }, call, {} as never);
  return sent;
}

describe('--fx-rate of orders add and orders return', () => {
  it('takes a rate written as a decimal, with an exponent, or as a Chinese input method types it', () => {
    expect(parseRateFlag('7.1234')).toBe(7.1234);
    expect(parseRateFlag(' 7 ')).toBe(7);
    expect(parseRateFlag('.5')).toBe(0.5);
    expect(parseRateFlag('1e-7')).toBe(0.0000001);
    expect(parseRateFlag('2.5E3')).toBe(2500);
    expect(parseRateFlag('７．１')).toBe(7.1);
  });

  it('sends the rate as typed from both commands, and refuses 0x10 (which Number() reads as 16) before anything is sent', async () => {
    for (const words of ['orders add', 'orders return']) {
      expect(await sentRate(words, '７．１２３４')).toBe(7.1234);
      await expect(sentRate(words, '0x10')).rejects.toThrow(UsageError);
      await expect(sentRate(words, '0b11')).rejects.toThrow(UsageError);
    }
  });

  it('refuses what only JavaScript reads as a number: hex, binary, octal, Infinity, and no rate at all', () => {
    for (const text of ['0x10', '0b11', '0o7', 'Infinity', 'NaN', '', ' ', '0', '0.0', '-1', '7,1', '1_000', '+7', '7e', 'e3']) {
      expect(() => parseRateFlag(text), text).toThrow(UsageError);
    }
  });
});
