import { describe, expect, it } from 'vitest';
import { classKeysOf, CONTINENTS, COUNTRY_CODES, textKey } from '../../../shared/segmentation';
import { assignment, customer, run } from './fixtures';

describe('attribute schemes', () => {
  it('maps profile fields to stable keys', () => {
    const result = run(
      [
        customer('a', { locality: 'overseas', country: 'CN', type: 'distributor', industry: '  Retail   Trade ', incomeBand: '1M-5M', sizeBand: 'ＳＭＥ', needs: 'solution' }),
        customer('b', { country: ' us ', industry: '零售', incomeBand: '  ', needs: null }),
        customer('c', { country: 'XX', industry: null }),
      ],
      [],
    );
    expect(result.classKeys.locality).toEqual(['overseas', 'unknown', 'unknown']);
    expect(result.classKeys.country).toEqual(['cn', 'us', 'unknown']);
    expect(result.classKeys.continent).toEqual(['asia', 'north_america', 'unknown']);
    expect(result.classKeys.type).toEqual(['distributor', 'enterprise', 'enterprise']);
    expect(result.classKeys.industry).toEqual(['retail trade', '零售', 'unknown']);
    expect(result.classKeys.income).toEqual(['1m-5m', 'unknown', 'unknown']);
    expect(result.classKeys.size).toEqual(['sme', 'unknown', 'unknown']);
    expect(result.classKeys.needs).toEqual(['solution', 'unknown', 'unknown']);
    expect(assignment(result, 'a', 'industry')).toEqual({ classKey: 'retail trade', explanation: { kind: 'attribute', value: '  Retail   Trade ', moves: [] } });
    expect(result.schemes.industry!.counts).toEqual({ 'retail trade': 1, 零售: 1, unknown: 1 });
  });

  it('normalises free text: NFKC, trimmed, whitespace collapsed, lower case', () => {
    expect(textKey('ＲＥＴＡＩＬ')).toBe('retail');
    expect(textKey(' Food\t& Drink ')).toBe('food & drink');
    expect(textKey('')).toBe('unknown');
    expect(textKey(null)).toBe('unknown');
  });

  it('places countries on continents as UN M49 does, the Americas split', () => {
    const continentOf = (country: string) => run([customer('x', { country })], []).classKeys.continent![0];
    expect(['CN', 'RU', 'EG', 'BR', 'MX', 'PA', 'AU', 'AQ', 'TR', 'CY'].map(continentOf)).toEqual([
      'asia',
      'europe',
      'africa',
      'south_america',
      'north_america',
      'north_america',
      'oceania',
      'antarctica',
      'asia',
      'asia',
    ]);
  });

  it('covers all 249 assigned ISO 3166-1 codes, each a real region name', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const code of COUNTRY_CODES) expect(names.of(code), code).not.toBe(code);
    expect(classKeysOf('country')).toHaveLength(250);
    expect(classKeysOf('continent')).toEqual([...CONTINENTS, 'unknown']);
  });
});
