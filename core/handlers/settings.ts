import { eq, isNull, sql } from 'drizzle-orm';
import { invalidInput, notFound } from '../../shared/contract';
import { deriveLocality } from '../../shared/domain/locality';
import { isCurrencyCode } from '../../shared/domain/money';
import { COUNTRY_CODES } from '../../shared/segmentation/continents';
import { customersWithDerivedLocality, updateCustomerRecord } from '../../db/repos/customers';
import { findFxRate, fxRateOn, listFxRates, readSettings, writeSettings } from '../../db/repos/settings';
import { fxRates, orders } from '../../db/schema';
import type { HandlerContext } from '../context';
import { newId } from '../ids';
import type { HandlerMap } from './types';

export function settingsHandlers(ctx: HandlerContext): HandlerMap<'settings' | 'fx'> {
  const { db } = ctx;
  return {
    'settings:get': () => readSettings(db),

    'settings:update': (input) =>
      db.transaction(() => {
        const current = readSettings(db);
        // Locality is derived from home: an unknown code would make every customer "overseas".
        if (input.homeCountry !== undefined && !COUNTRY_CODES.includes(input.homeCountry)) throw invalidInput([{ path: ['homeCountry'], key: 'invalid_country' }]);
        if (input.baseCurrency !== undefined && input.baseCurrency !== current.baseCurrency) {
          if (!isCurrencyCode(input.baseCurrency)) throw invalidInput([{ path: ['baseCurrency'], key: 'invalid_currency' }]);
          const hasOrders = db.select({ n: sql<number>`count(*)` }).from(orders).where(isNull(orders.deletedAt)).get()!.n > 0;
          if (hasOrders) throw invalidInput([{ path: ['baseCurrency'], key: 'base_currency_locked' }]);
          // A rate is units of the base per unit of its currency: under another base it would price every order wrong.
          const rates = db.select({ n: sql<number>`count(*)` }).from(fxRates).where(isNull(fxRates.deletedAt)).get()!.n;
          if (rates > 0) throw invalidInput([{ path: ['baseCurrency'], key: 'base_currency_has_rates', params: { rates, base: current.baseCurrency } }]);
        }
        writeSettings(db, {
          ...(input.businessName !== undefined ? { businessName: input.businessName } : {}),
          ...(input.homeCountry !== undefined ? { homeCountry: input.homeCountry } : {}),
          ...(input.homeRegion !== undefined ? { homeRegion: input.homeRegion } : {}),
          ...(input.baseCurrency !== undefined ? { baseCurrency: input.baseCurrency } : {}),
          ...(input.language !== undefined ? { language: input.language } : {}),
          ...(input.sources !== undefined ? { sources: JSON.stringify([...new Set(input.sources)]) } : {}),
          ...(input.remindersEnabled !== undefined ? { remindersEnabled: input.remindersEnabled } : {}),
          ...(input.reminderTime !== undefined ? { reminderTime: input.reminderTime } : {}),
          ...(input.clvDiscountPercent !== undefined ? { clvDiscountPercent: input.clvDiscountPercent } : {}),
          ...(input.clvHorizonMonths !== undefined ? { clvHorizonMonths: input.clvHorizonMonths } : {}),
          updatedAt: ctx.clock.now().toISOString(),
        });
        const next = readSettings(db);
        if (next.homeCountry !== current.homeCountry || next.homeRegion !== current.homeRegion) {
          // Locality is derived from home; re-derive it for every customer the user has not overridden.
          for (const c of customersWithDerivedLocality(db)) {
            const locality = deriveLocality(c, next);
            if (locality !== c.locality) updateCustomerRecord(db, c.id, { locality });
          }
        }
        return next;
      }),

    'fx:list': ({ currency }) => ({ rates: listFxRates(db, currency) }),

    'fx:upsert': ({ currency, rateDate, rate }) => {
      if (!isCurrencyCode(currency)) throw invalidInput([{ path: ['currency'], key: 'invalid_currency' }]);
      // The base is worth 1 of itself on every day: a stored rate for it would never be read.
      if (currency === readSettings(db).baseCurrency) throw invalidInput([{ path: ['currency'], key: 'fx_rate_of_base', params: { base: currency } }]);
      const now = ctx.clock.now().toISOString();
      const existing = findFxRate(db, currency, rateDate);
      if (existing) {
        db.update(fxRates).set({ rate, updatedAt: now }).where(eq(fxRates.id, existing.id)).run();
        return { ...existing, rate, updatedAt: now };
      }
      const row = { id: newId(), currency, rateDate, rate, createdAt: now, updatedAt: now, deletedAt: null };
      db.insert(fxRates).values(row).run();
      return row;
    },

    'fx:delete': ({ id }) => {
      const now = ctx.clock.now().toISOString();
      const changed = db.update(fxRates).set({ deletedAt: now, updatedAt: now }).where(eq(fxRates.id, id)).run().changes;
      if (changed === 0) throw notFound('FX rate', id);
      return { id };
    },

    'fx:lookup': ({ currency, date }) => {
      if (currency === readSettings(db).baseCurrency) return { rate: 1, rateDate: date };
      const found = fxRateOn(db, currency, date);
      return { rate: found?.rate ?? null, rateDate: found?.rateDate ?? null };
    },
  };
}
