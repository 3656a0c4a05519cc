import { describe, expect, it } from 'vitest';
import { classesLine } from '../../../renderer/features/tiers/GroupSummary';

const named = (c: { classKey: string; count: number }) => `${c.classKey} (${c.count})`;
const more = (n: number) => `${n} more`;

describe("a tier group's line of classes", () => {
  it('names every held class of a short scheme, in its order', () => {
    const pyramid = [{ classKey: 'platinum', count: 3 }, { classKey: 'gold', count: 9 }, { classKey: 'iron', count: 0 }, { classKey: 'lead', count: 202 }, { classKey: 'none', count: 12 }];
    expect(classesLine(pyramid, named, more)).toBe('platinum (3) · gold (9) · lead (202) · none (12)');
  });

  it('names the largest of a long scheme and how many more, whose counts add up to the group', () => {
    const rfm = Array.from({ length: 40 }, (_, i) => ({ classKey: String(111 + i), count: (i * 7) % 13 }));
    const held = rfm.filter((c) => c.count > 0);
    const line = classesLine(rfm, named, more);
    const parts = line.split(' · ');
    expect(parts).toHaveLength(6);
    expect(parts.at(-1)).toBe(`${held.length - 5} more`);
    const shown = parts.slice(0, 5).map((p) => Number(/\((\d+)\)$/.exec(p)![1]));
    expect(shown).toEqual([...held.map((c) => c.count)].sort((a, b) => b - a).slice(0, 5));
  });
});
