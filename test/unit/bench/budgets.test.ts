import { describe, expect, it } from 'vitest';
import { Budgets } from '../../../bench/budgets';

/** The bench's verdict table: how a measured median meets its budget, and how a floor-relative budget reads. */
describe('bench budgets', () => {
  it('holds a median to "at most", "below" and "at least" with the edges as written', () => {
    const b = new Budgets();
    b.add('at the limit, at most', 300, 'ms', { atMost: 300 });
    b.add('at the limit, below', 20, 'ms', { below: 20 });
    b.add('just under, below', 19.99, 'ms', { below: 20 });
    b.add('under, at least', 199_999, 'rows/s', { atLeast: 200_000 });
    b.add('at the limit, at least', 200_000, 'rows/s', { atLeast: 200_000 });
    expect(b.rows.map((r) => [r.figure, r.result])).toEqual([
      ['at the limit, at most', 'pass'],
      ['at the limit, below', 'miss'],
      ['just under, below', 'pass'],
      ['under, at least', 'miss'],
      ['at the limit, at least', 'pass'],
    ]);
    expect(b.rows.map((r) => r.budget)).toEqual(['≤ 300 ms', '< 20 ms', '< 20 ms', '≥ 200000 rows/s', '≥ 200000 rows/s']);
  });

  it('resolves a floor-relative budget to the number it was held to', () => {
    const floor = 1234.567;
    const b = new Budgets();
    b.add('first snapshot', 2400, 'ms', { below: 2 * floor }, { limitText: '2× floor' });
    b.add('CLI recompute', 1300, 'ms', { atMost: floor }, { limitText: 'floor' });
    expect(b.rows[0]).toMatchObject({ budget: '< 2× floor (2469.13 ms)', limit: 2469.13, result: 'pass', measured: 2400 });
    expect(b.rows[1]).toMatchObject({ budget: '≤ floor (1234.57 ms)', limit: 1234.57, result: 'miss' });
  });

  it('reports a figure without a budget, and says when one could not be measured', () => {
    const b = new Budgets();
    b.add('floor', 39.281, 'ms', { report: true });
    b.add('no sample', Number.NaN, 'ms', { below: 30 });
    b.add('absent', null, 'ms', { below: 30 });
    b.missing('frames', 'ms', '≤ 17 ms', 'needs Chromium');
    expect(b.rows.map((r) => [r.measured, r.budget, r.result])).toEqual([
      [39.28, '—', 'report'],
      [null, '< 30 ms', 'not measured'],
      [null, '< 30 ms', 'not measured'],
      [null, '≤ 17 ms', 'not measured'],
    ]);
    expect(b.rows[3]!.note).toBe('needs Chromium');
  });
});
