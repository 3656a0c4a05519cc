import { describe, expect, it } from 'vitest';
import { settingsInputSchema } from '../../../shared/contract/settings';
import { clv } from '../../../renderer/i18n/resources/clv';
import { toFormValues, toSettingsInput } from '../../../renderer/features/settings/settings-form';

const settings = { businessName: '', homeCountry: 'CN', homeRegion: null, baseCurrency: 'CNY', language: null, sources: [], onboarded: true, remindersEnabled: true, reminderTime: '09:00', clvDiscountPercent: 1, clvHorizonMonths: 12 };

describe('the CLV fields of the settings form', () => {
  it('shows the saved horizon and rate and sends back what the user typed, which the contract accepts', () => {
    const values = toFormValues(settings);
    expect([values.clvHorizonMonths, values.clvDiscountPercent]).toEqual([12, 1]);
    const input = toSettingsInput({ ...values, clvHorizonMonths: 24, clvDiscountPercent: 1.5 });
    expect(input).toMatchObject({ clvHorizonMonths: 24, clvDiscountPercent: 1.5 });
    expect(settingsInputSchema.safeParse(input).success).toBe(true);
  });

  it('a cleared field is not sent, so the saved value stays', () => {
    const input = toSettingsInput({ ...toFormValues(settings), clvHorizonMonths: null, clvDiscountPercent: null });
    expect('clvHorizonMonths' in input || 'clvDiscountPercent' in input).toBe(false);
  });

  it('the prediction page sentence names the horizon and the rate in both languages', () => {
    for (const text of [clv['zh-CN'].basis, clv.en.basis]) {
      expect(text).toContain('{{months}}');
      expect(text).toContain('{{rate}}');
    }
    expect(Object.keys(clv['zh-CN']).sort()).toEqual(Object.keys(clv.en).sort());
  });
});
