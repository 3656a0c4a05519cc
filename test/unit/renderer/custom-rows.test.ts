import { describe, expect, it } from 'vitest';
import { firstRowWithoutValue, type Row } from '../../../renderer/features/tiers/custom-rows';

/**
 * The segment editor asks for a value a condition lacks before saving. A figure left empty was saved as
 * "≥ 0" (everyone), a text field left empty as "equals nothing" (no one), and an empty tag or class list
 * came back only as "Required", naming no condition.
 */
describe('the first condition without a value', () => {
  const good: Row[] = [
    { kind: 'metric', metric: 'revenue', op: 'gte', value: 0 },
    { kind: 'tag', op: 'has', value: 'vip' },
    { kind: 'field', field: 'city', op: 'equals', value: '广州' },
    { kind: 'field', field: 'locality', op: 'in', values: ['local'] },
    { kind: 'field', field: 'city', op: 'is_empty' },
    { kind: 'in_scheme', scheme: 'pyramid', classes: ['gold'] },
  ];

  it('is none when every condition has what it needs (0 is a value; "is empty" needs none)', () => {
    expect(firstRowWithoutValue(good)).toBe(-1);
  });

  it.each([
    ['a figure', { kind: 'metric', metric: 'revenue', op: 'gte' }],
    ['a figure cleared', { kind: 'metric', metric: 'orderCount', op: 'gt', value: null as unknown as number }],
    ['a tag of spaces', { kind: 'tag', op: 'has', value: '  ' }],
    ['a text field', { kind: 'field', field: 'city', op: 'contains', value: '' }],
    ['a choice of none', { kind: 'field', field: 'locality', op: 'in', values: [] }],
    ['classes of none', { kind: 'in_scheme', scheme: 'pyramid', classes: [] }],
  ] as [string, Row][])('is found for %s, by its place in the list', (_, row) => {
    expect(firstRowWithoutValue([...good, row])).toBe(good.length);
    expect(firstRowWithoutValue([row, ...good])).toBe(0);
  });
});
