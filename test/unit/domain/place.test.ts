import { describe, expect, it } from 'vitest';
import { CHINA_PLACES } from '../../../shared/domain/china-places';
import { countryOfPhone, findCity, findRegion, inferPlace } from '../../../shared/domain/place';

describe('countries and provinces the record leaves out', () => {
  it('reads the country of an E.164 phone', () => {
    expect(['+8613800138000', '+85291234567', '+85362123456', '+886912345678', '+12125550100', '+4915112345678', '+819012345678'].map(countryOfPhone)).toEqual(['CN', 'HK', 'MO', 'TW', 'US', 'DE', 'JP']);
    expect(countryOfPhone('+999123')).toBeNull();
  });

  it('finds provinces and cities by Chinese or pinyin name, with or without 省/市/Province', () => {
    for (const text of ['广东', '广东省', 'Guangdong', 'guangdong province', ' ＧＵＡＮＧＤＯＮＧ ']) expect(findRegion(text)).toEqual({ country: 'CN', region: '广东' });
    expect(findRegion('广西壮族自治区')).toEqual({ country: 'CN', region: '广西' });
    expect(findRegion('香港特别行政区')).toEqual({ country: 'HK', region: '香港' });
    expect(findCity('深圳市')).toEqual({ country: 'CN', region: '广东', city: '深圳' });
    expect(findCity("Xi'an")).toEqual({ country: 'CN', region: '陕西', city: '西安' });
    expect(findCity('Paris')).toBeNull();
  });

  it('has the 31 mainland provincial-level divisions, each with its capital, plus Hong Kong, Macao and Taiwan', () => {
    const mainland = CHINA_PLACES.filter((p) => p.country === 'CN');
    expect(mainland).toHaveLength(31);
    expect(new Set(mainland.map((p) => p.region)).size).toBe(31);
    expect(CHINA_PLACES.filter((p) => p.country !== 'CN').map((p) => p.country).sort()).toEqual(['HK', 'MO', 'TW']);
    for (const p of CHINA_PLACES) expect(p.cities.length).toBeGreaterThan(0);
  });

  it('names first, then phones; never replaces what is given', () => {
    expect(inferPlace({ country: null, region: '广东省', city: null }, ['+4915112345678'])).toEqual({ country: 'CN', region: '广东省', city: null, inferred: { country: 'region', region: null } });
    expect(inferPlace({ country: null, region: null, city: 'Shenzhen' }, [])).toEqual({ country: 'CN', region: '广东', city: 'Shenzhen', inferred: { country: 'city', region: 'city' } });
    expect(inferPlace({ country: null, region: null, city: null }, ['+4915112345678'])).toEqual({ country: 'DE', region: null, city: null, inferred: { country: 'phone', region: null } });
    expect(inferPlace({ country: 'US', region: null, city: '广州' }, ['+8613800138000'])).toEqual({ country: 'US', region: null, city: '广州', inferred: { country: null, region: null } });
    expect(inferPlace({ country: 'CN', region: null, city: '广州' }, [])).toMatchObject({ region: '广东', inferred: { country: null, region: 'city' } });
    expect(inferPlace({ country: null, region: null, city: 'Paris' }, [])).toEqual({ country: null, region: null, city: 'Paris', inferred: { country: null, region: null } });
  });
});
