import { and, asc, desc, eq, isNull, lte } from 'drizzle-orm';
import type { Db } from '../open';
import { fxRates, settings } from '../schema';
import type { Settings } from '../../shared/contract/settings';

export function readSettings(db: Db): Settings {
  const row = db.select().from(settings).where(eq(settings.id, 1)).get();
  if (!row) throw new Error('The settings row is missing; the database was not opened through openDatabase.');
  return {
    businessName: row.businessName,
    homeCountry: row.homeCountry,
    homeRegion: row.homeRegion,
    baseCurrency: row.baseCurrency,
    language: row.language,
    sources: JSON.parse(row.sources) as string[],
    onboarded: row.onboardedAt !== null,
    remindersEnabled: row.remindersEnabled,
    reminderTime: row.reminderTime,
    clvDiscountPercent: row.clvDiscountPercent,
    clvHorizonMonths: row.clvHorizonMonths,
  };
}

export function writeSettings(db: Db, patch: Partial<typeof settings.$inferInsert>): void {
  db.update(settings).set(patch).where(eq(settings.id, 1)).run();
}

export type FxRateRecord = typeof fxRates.$inferSelect;

export function listFxRates(db: Db, currency?: string): FxRateRecord[] {
  return db
    .select()
    .from(fxRates)
    .where(and(isNull(fxRates.deletedAt), currency ? eq(fxRates.currency, currency) : undefined))
    .orderBy(asc(fxRates.currency), desc(fxRates.rateDate))
    .all();
}

/** The rate in force on a date: the latest one dated on or before it. */
export function fxRateOn(db: Db, currency: string, date: string): FxRateRecord | undefined {
  return db
    .select()
    .from(fxRates)
    .where(and(isNull(fxRates.deletedAt), eq(fxRates.currency, currency), lte(fxRates.rateDate, date)))
    .orderBy(desc(fxRates.rateDate))
    .limit(1)
    .get();
}

export function findFxRate(db: Db, currency: string, date: string): FxRateRecord | undefined {
  return db.select().from(fxRates).where(and(isNull(fxRates.deletedAt), eq(fxRates.currency, currency), eq(fxRates.rateDate, date))).get();
}
