import { z } from 'zod';
import { cleanText } from '../domain/clean-text';
import { countrySchema, currencySchema, enumOf, fxRateValueSchema, idSchema, isoDateSchema, optionalText, requiredText, timestampsSchema } from './common';
import { LANGUAGES } from './enums';
import { boundedArray } from './limits';
import { timeOfDaySchema } from './reminders';

/** Bounds of the CLV settings (the settings table's CHECKs say the same). */
export const CLV_DISCOUNT_PERCENT_MAX = 10;
export const CLV_HORIZON_MONTHS_MAX = 120;

export const settingsSchema = z.object({
  businessName: z.string(),
  homeCountry: z.string(),
  homeRegion: z.string().nullable(),
  baseCurrency: z.string(),
  language: enumOf(LANGUAGES).nullable(),
  sources: z.array(z.string()),
  onboarded: z.boolean(),
  /** Desktop reminders: a daily summary at `reminderTime` (local "HH:MM") and timed follow-up reminders. */
  remindersEnabled: z.boolean(),
  reminderTime: z.string(),
  /** Customer lifetime value: monthly discount rate in percent and horizon in months (docs/prediction.md). */
  clvDiscountPercent: z.number(),
  clvHorizonMonths: z.number().int(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsInputSchema = z.object({
  businessName: z.string().overwrite(cleanText).max(120, 'too_long').optional(),
  homeCountry: countrySchema.optional(),
  homeRegion: optionalText(80).optional(),
  baseCurrency: currencySchema.optional(),
  language: enumOf(LANGUAGES).nullable().optional(),
  sources: boundedArray(requiredText(60), 100).optional(),
  remindersEnabled: z.boolean({ error: 'invalid_value' }).optional(),
  reminderTime: timeOfDaySchema.optional(),
  clvDiscountPercent: z.number({ error: 'clv_discount_range' }).finite('clv_discount_range').min(0, 'clv_discount_range').max(CLV_DISCOUNT_PERCENT_MAX, 'clv_discount_range').optional(),
  clvHorizonMonths: z.number({ error: 'clv_horizon_range' }).int('clv_horizon_range').min(1, 'clv_horizon_range').max(CLV_HORIZON_MONTHS_MAX, 'clv_horizon_range').optional(),
});

export const fxRateSchema = z.object({ ...timestampsSchema, currency: z.string(), rateDate: z.string(), rate: z.number() });
export type FxRate = z.infer<typeof fxRateSchema>;

export const settingsContract = {
  'settings:get': { input: z.object({}).default({}), output: settingsSchema },
  'settings:update': { input: settingsInputSchema, output: settingsSchema },
  'fx:list': { input: z.object({ currency: currencySchema.optional() }).default({}), output: z.object({ rates: z.array(fxRateSchema) }) },
  'fx:upsert': {
    input: z.object({ currency: currencySchema, rateDate: isoDateSchema, rate: fxRateValueSchema }),
    output: fxRateSchema,
  },
  'fx:delete': { input: z.object({ id: idSchema }), output: z.object({ id: z.string() }) },
  'fx:lookup': {
    input: z.object({ currency: currencySchema, date: isoDateSchema }),
    output: z.object({ rate: z.number().nullable(), rateDate: z.string().nullable() }),
  },
} as const;
