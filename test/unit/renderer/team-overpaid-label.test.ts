import { describe, expect, it } from 'vitest';
import { conflictFieldLabel } from '../../../renderer/features/team/conflict-field-label';
import { bothTranslators } from '../../support/both-languages';

const ts = bothTranslators();
const field = 'orders:0193a2c4-0000-7000-8000-000000000001.payments';

/**
 * An order paid past what it owed is listed on the Team screen and in the customer's history. Its name said only that
 * two laptops each recorded a payment, though a return recorded after the payments is the usual cause, and the value
 * passed is what was owed after returns: both are said, in both languages.
 */
describe("the Team screen's name for an order paid past what it owed", () => {
  it('names a return after the payments as a cause, and what was owed after returns, in Chinese', () => {
    const label = conflictFieldLabel(ts['zh-CN'], field);
    expect(label).toContain('退货');
    expect(label).toContain('两台电脑');
    expect(label).toContain('扣除退货后的欠款');
  });

  it('names a return after the payments as a cause, and what was owed after returns, in English', () => {
    const label = conflictFieldLabel(ts.en, field);
    expect(label).toMatch(/return/i);
    expect(label).toContain('two laptops');
    expect(label).toContain('what was owed after returns');
  });
});
