import { describe, expect, it } from 'vitest';
import { classKeysOf, classTone, CLASS_TONES, CLOSED_SCHEME_KEYS, RF_GRID } from '../../../shared/segmentation';

describe('class tones: one meaning per class, everywhere', () => {
  it('marks the classes the issue of trust names', () => {
    for (const [scheme, key] of [['rf_segment', 'champions'], ['pyramid', 'platinum'], ['pyramid', 'gold'], ['lifecycle', 'active'], ['loyalty', 'loyal'], ['value', 'high']]) expect(classTone(scheme!, key!)).toBe('good');
    for (const [scheme, key] of [['rf_segment', 'at_risk'], ['rf_segment', 'need_attention'], ['rf_segment', 'about_to_sleep'], ['lifecycle', 'at_risk']]) expect(classTone(scheme!, key!)).toBe('warning');
    for (const [scheme, key] of [['lifecycle', 'churned'], ['loyalty', 'churned'], ['rf_segment', 'hibernating'], ['rf_segment', 'cant_lose']]) expect(classTone(scheme!, key!)).toBe('bad');
    for (const [scheme, key] of [['pyramid', 'none'], ['locality', 'local'], ['country', 'cn'], ['industry', 'retail'], ['intent', 'unknown']]) expect(classTone(scheme!, key!)).toBe('neutral');
  });

  it('gives every RFM cell the tone of its R×F segment', () => {
    for (const cell of RF_GRID) {
      for (let r = cell.r[0]; r <= cell.r[1]; r++)
        for (let f = cell.f[0]; f <= cell.f[1]; f++) for (let m = 1; m <= 5; m++) expect(classTone('rfm', `${r}${f}${m}`)).toBe(classTone('rf_segment', cell.segment));
    }
    expect(classTone('rfm', '555')).toBe('good');
    expect(classTone('rfm', '111')).toBe('bad');
    expect(classTone('rfm', 'none')).toBe('neutral');
  });

  it('has a tone for every class of every closed scheme and for custom segments', () => {
    for (const scheme of CLOSED_SCHEME_KEYS) for (const key of classKeysOf(scheme)) expect(CLASS_TONES).toContain(classTone(scheme, key));
    expect(classTone('custom:abc', 'member')).toBe('good');
    expect(classTone('custom:abc', 'non_member')).toBe('neutral');
  });
});
