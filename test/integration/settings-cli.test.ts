import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-app';
import { cli } from '../support/cli';

const stored = (db: string) => {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare('SELECT home_country AS homeCountry, home_region AS homeRegion, base_currency AS baseCurrency FROM settings WHERE id = 1').get();
  } finally {
    raw.close();
  }
};

let db: string;
beforeAll(() => {
  db = join(tempDir(), 'shop.sqlite');
});

describe('settings on the command line', () => {
  it('sets the base currency, home country and region, and reads them back', () => {
    const set = cli('settings', 'set', '--db', db, '--base-currency', 'usd', '--home-country', 'de', '--region', 'Bayern', '--json');
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ baseCurrency: 'USD', homeCountry: 'DE', homeRegion: 'Bayern' });
    expect(stored(db)).toEqual({ homeCountry: 'DE', homeRegion: 'Bayern', baseCurrency: 'USD' });
    const get = cli('settings', 'get', '--db', db);
    expect(get.code).toBe(0);
    expect(get.stdout).toMatch(/home country\s+Germany \(DE\)/);
    expect(get.stdout).toMatch(/base currency\s+USD/);
  });

  it('refuses an unknown country and a base-currency change once orders exist, changing nothing', () => {
    const bad = cli('settings', 'set', '--db', db, '--home-country', 'XX');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: --home-country must be a country: its 2-letter code such as CN, US, GB or DE, or its name\n');
    cli('customers', 'add', '--db', db, '--name', 'Anna');
    const id = (JSON.parse(cli('customers', 'list', '--db', db, '--json').stdout) as { rows: Array<{ id: string }> }).rows[0]!.id;
    expect(cli('orders', 'add', '--db', db, '--customer', id, '--date', '2026-11-20', '--amount', '10', '--currency', 'USD').code).toBe(0);
    const locked = cli('settings', 'set', '--db', db, '--base-currency', 'EUR');
    expect(locked.code).toBe(2);
    expect(locked.stderr).toContain('cannot change once orders exist');
    expect(stored(db)).toEqual({ homeCountry: 'DE', homeRegion: 'Bayern', baseCurrency: 'USD' });
  });

  it('asks for at least one setting', () => {
    const none = cli('settings', 'set', '--db', db);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--base-currency');
  });
});

describe('the CLV settings on the command line', () => {
  const clvStored = (file: string) => {
    const raw = new Database(file, { readonly: true });
    try {
      return raw.prepare('SELECT clv_discount_percent AS discount, clv_horizon_months AS horizon FROM settings WHERE id = 1').get();
    } finally {
      raw.close();
    }
  };

  it('sets the monthly discount rate and horizon, reads them back, and refuses out-of-range values changing nothing', () => {
    const file = join(tempDir(), 'clv.sqlite');
    const set = cli('settings', 'set', '--db', file, '--clv-discount', '1.5', '--clv-horizon', '24', '--json');
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ clvDiscountPercent: 1.5, clvHorizonMonths: 24 });
    expect(clvStored(file)).toEqual({ discount: 1.5, horizon: 24 });
    const get = cli('settings', 'get', '--db', file);
    expect(get.code).toBe(0);
    expect(get.stdout).toMatch(/customer value\s+over 24 months, discounted 1\.5% a month/);
    const json = JSON.parse(cli('settings', 'get', '--db', file, '--json').stdout) as { clvDiscountPercent: number; clvHorizonMonths: number };
    expect([json.clvDiscountPercent, json.clvHorizonMonths]).toEqual([1.5, 24]);

    const tooHigh = cli('settings', 'set', '--db', file, '--clv-discount', '12');
    expect(tooHigh.code).toBe(2);
    expect(tooHigh.stderr).toContain('--clv-discount must be a monthly discount rate from 0 to 10');
    const fractional = cli('settings', 'set', '--db', file, '--clv-horizon', '6.5', '--clv-discount', '2');
    expect(fractional.code).toBe(2);
    expect(fractional.stderr).toContain('--clv-horizon must be a whole number of months from 1 to 120');
    const words = cli('settings', 'set', '--db', file, '--clv-discount', 'abc');
    expect(words.code).toBe(2);
    expect(words.stderr).toContain('--clv-discount must be a number');
    expect(clvStored(file)).toEqual({ discount: 1.5, horizon: 24 });
  });
});
