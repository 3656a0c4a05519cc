import { z } from 'zod';
import { isIsoDate, isIsoInstant } from '../domain/dates';
import { cleanText } from '../domain/clean-text';
import { isFxRateInRange } from '../domain/money';
import { parseCountry } from '../import/parse-country';
import { COUNTRY_CODES } from '../segmentation/continents';

/** Schemas used across domains. Messages are issue keys (see errors.ts), never prose. */
export const idSchema = z.string().min(1, 'required').max(64, 'too_long');
export const isoDateSchema = z.string().refine(isIsoDate, 'invalid_date');

/** Both dates given, in order: a report or a migration reads the days between them, ends included. */
export const datesInOrder = (i: { from: string; to: string }): boolean => i.from <= i.to;
/** The issue when they are not: the end date is the one to change. */
export const datesReversed = { message: 'report_range_reversed', path: ['to'] };
export const isoInstantSchema = z.string().refine(isIsoInstant, 'invalid_instant');
export const currencySchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine((s) => /^[A-Z]{3}$/.test(s), 'invalid_currency');
/**
 * An ISO 3166 alpha-2 code the country and continent schemes know: a code in any case, or a name or alias the
 * import reads ("UK", "英国", "United Kingdom" → GB). Two letters that name no country (a typo, ZZ) are
 * refused: the customer would sit in the country scheme's "unknown" while counting as overseas.
 */
export const countrySchema = z
  .string()
  .transform((s) => {
    const parsed = parseCountry(s);
    return parsed.ok ? parsed.value : s.trim().toUpperCase();
  })
  .refine((s) => COUNTRY_CODES.includes(s), 'invalid_country');
/** Base-currency units per one unit of a currency: positive, and inside the range real rates live in. */
export const fxRateValueSchema = z.number({ error: 'invalid_rate' }).superRefine((rate, ctx) => {
  if (!(rate > 0) || !Number.isFinite(rate)) ctx.addIssue({ code: 'custom', message: 'invalid_rate' });
  else if (!isFxRateInRange(rate)) ctx.addIssue({ code: 'custom', message: 'rate_out_of_range' });
});
/** Required text, its invisible characters and end spaces dropped (shared/domain/clean-text.ts) before it is checked. */
export const requiredText = (max = 200) => z.string().overwrite(cleanText).min(1, 'required').max(max, 'too_long');
/** Optional free text: blank becomes null so "cleared" and "never set" look the same. */
export const optionalText = (max = 200) =>
  z
    .string()
    .max(max, 'too_long')
    .nullish()
    .transform((s) => {
      const text = s == null ? '' : cleanText(s);
      return text === '' ? null : text;
    });
export const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'invalid_choice' });

export const timestampsSchema = {
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
