import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../shared/domain/clean-text';

describe('text as typed or pasted', () => {
  it('drops the invisible characters anywhere, and spaces and joiners at the ends', () => {
    expect(cleanText('王小明\u200b')).toBe('王小明');
    expect(cleanText('\ufeff 王\u200b小明 \u3000')).toBe('王小明');
    expect(cleanText('\u200b\u2060\u200b')).toBe('');
    expect(cleanText('\u200dAcme Ltd\u200c')).toBe('Acme Ltd');
  });

  it('drops the direction marks and controls pasted text carries, which would turn around the text after them', () => {
    expect(cleanText('\u202eAli\u202c')).toBe('Ali');
    expect(cleanText('\u200fمحمد\u200e علي\u2067')).toBe('محمد علي');
    expect(cleanText('\u202a\u2066\u2069\u202c')).toBe('');
  });

  it('keeps what the text says: inner spaces, and the joiners between letters and in emoji', () => {
    expect(cleanText('Wilson  Trading Inc.')).toBe('Wilson  Trading Inc.');
    expect(cleanText('می\u200cخواهم')).toBe('می\u200cخواهم');
    expect(cleanText('👨\u200d👩\u200d👧 shop')).toBe('👨\u200d👩\u200d👧 shop');
  });
});
