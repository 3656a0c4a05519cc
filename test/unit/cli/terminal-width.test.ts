import { describe, expect, it } from 'vitest';
import { pad, width } from '../../../core/cli/commands';

/**
 * `customers list`, `followups due`, `today` and the tier lists pad names to a column. A name's columns were counted
 * a code point at a time: a Thai or Hindi name's marks each took a column and a family emoji fourteen, so the
 * company and phone after them came out of line.
 */
describe('the columns a name takes in a terminal', () => {
  it('counts what a terminal draws: marks on a letter take none, an emoji of any build two', () => {
    // Hand-counted columns: ส ม ช า ย, a space, ใ จ ด (ี sits on ด).
    expect(width('สมชาย ใจดี')).toBe(9);
    // श्री (श, the virama ् drawn on it, र, ी), न, ि, व, ा, स: nine code points, one of them a mark.
    expect(width('श्रीनिवास')).toBe(8);
    expect(width('👨‍👩‍👧‍👦')).toBe(2);
    expect(width('🇨🇳🇺🇸')).toBe(4);
    expect(width('👍🏽👋🏿')).toBe(4);
    expect(width('🏳️‍🌈 Rainbow')).toBe(10);
    expect(width('e\u0301')).toBe(1);
  });

  it('counts as before what it counted right: Latin, Arabic, Hebrew one each, CJK two', () => {
    expect(width('Ahmed Trading 123')).toBe(17);
    expect(width('محمد العلي')).toBe(10);
    expect(width('דוד כהן')).toBe(7);
    expect(width('广州大发批发')).toBe(12);
  });

  it('pads every kind of name to the same column', () => {
    // Hand-counted columns of each name, as a terminal draws it.
    const names: [string, number][] = [['Ahmed Khoury', 12], ['杨丹', 4], ['สมชาย ใจดี Somchai', 17], ['श्रीनिवास', 8], ['👨‍👩‍👧‍👦 Family 🇨🇳', 12], ['דוד כהן David', 13]];
    for (const [name, columns] of names) expect(pad(name, 24), name).toBe(name + ' '.repeat(24 - columns));
  });
});
