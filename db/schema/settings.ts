import { sql } from 'drizzle-orm';
import { check, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { MAX_FX_RATE, MIN_FX_RATE } from '../../shared/domain/money';
import { isCalendarDate, isFxRateInRange, isTimeOfDay, rowIdentity } from './columns';

/** One row (id = 1): the business this database belongs to. */
export const settings = sqliteTable(
  'settings',
  {
    id: integer('id').primaryKey(),
    businessName: text('business_name').notNull().default(''),
    homeCountry: text('home_country').notNull().default('CN'),
    homeRegion: text('home_region'),
    baseCurrency: text('base_currency').notNull().default('CNY'),
    /** null: follow the operating system's language. */
    language: text('language', { enum: ['zh-CN', 'en'] }),
    /** JSON array of the editable list of customer sources. */
    sources: text('sources').notNull(),
    /** Set once the user has chosen "start empty" or "load demo" on the welcome screen. */
    onboardedAt: text('onboarded_at'),
    /** Desktop reminders: a daily summary at `reminderTime` (local "HH:MM") and timed follow-up reminders. */
    remindersEnabled: integer('reminders_enabled', { mode: 'boolean' }).notNull().default(true),
    reminderTime: text('reminder_time').notNull().default('09:00'),
    /** The local date the daily summary was last shown on, so a restart never shows it twice. */
    reminderSummaryShownOn: text('reminder_summary_shown_on'),
    /** Customer lifetime value: the monthly discount rate in percent (1 = 1 % a month) and the horizon in months. */
    clvDiscountPercent: real('clv_discount_percent').notNull().default(1),
    clvHorizonMonths: integer('clv_horizon_months').notNull().default(12),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    check('settings_single_row', sql`${t.id} = 1`),
    check('settings_home_country_iso', sql`length(${t.homeCountry}) = 2 AND ${t.homeCountry} = upper(${t.homeCountry})`),
    check('settings_base_currency_iso', sql`length(${t.baseCurrency}) = 3 AND ${t.baseCurrency} = upper(${t.baseCurrency})`),
    check('settings_language_valid', sql`${t.language} IS NULL OR ${t.language} IN ('zh-CN','en')`),
    check('settings_reminder_time_valid', isTimeOfDay('reminder_time')),
    check('settings_reminder_shown_valid', sql`reminder_summary_shown_on IS NULL OR ${isCalendarDate('reminder_summary_shown_on')}`),
    check('settings_clv_discount_range', sql`${t.clvDiscountPercent} BETWEEN 0 AND 10`),
    check('settings_clv_horizon_range', sql`${t.clvHorizonMonths} BETWEEN 1 AND 120 AND ${t.clvHorizonMonths} = CAST(${t.clvHorizonMonths} AS INTEGER)`),
    check('settings_sources_array', sql`json_valid(${t.sources}) AND json_type(${t.sources}) = 'array'`),
  ],
);

/** Rates to the base currency by date; an order takes the latest rate on or before its date. */
export const fxRates = sqliteTable(
  'fx_rates',
  {
    ...rowIdentity,
    currency: text('currency').notNull(),
    rateDate: text('rate_date').notNull(),
    /** Base-currency units per one unit of `currency`. */
    rate: real('rate').notNull(),
  },
  (t) => [
    check('fx_rates_currency_iso', sql`length(${t.currency}) = 3 AND ${t.currency} = upper(${t.currency})`),
    check('fx_rates_date_valid', isCalendarDate('rate_date')),
    check('fx_rates_rate_positive', sql`${t.rate} > 0`),
    check('fx_rates_rate_range', isFxRateInRange('rate', MIN_FX_RATE, MAX_FX_RATE)),
    uniqueIndex('fx_rates_currency_date').on(t.currency, t.rateDate).where(sql`deleted_at IS NULL`),
  ],
);
