/** A hand-scored population shared by the rfm, value and loyalty tests. */
import { customer, order } from './fixtures';

/*
 * asOf 2026-06-30, window 2025-07-01..2026-06-30. Five buyers and one customer whose only order is a day
 * before the window.            recency  F  M        R  F  M
 *   A 06-29, 06-01, 03-01          1    3  40000    5  4  3
 *   B 06-20                       10    1   5000    3  1  2
 *   C 05-31, 04-30                30    2  60000    2  3  5
 *   D 06-20, 01-01, 12-01, 08-01  10    4  40000    3  5  3
 *   E 2025-09-30                 273    1   1000    1  1  1
 *   F 2025-06-30 (outside)         –    0      0    none
 * R: -recency sorted [-273 -30 -10 -10 -1]: below A=4, B=D=2, C=1, E=0 → 5, 3, 3, 2, 1.
 * F sorted [1 1 2 3 4]: B=E=0, C=2, A=3, D=4 → 1, 1, 3, 4, 5.   M sorted [1000 5000 40000 40000 60000].
 */
export const customers = ['A', 'B', 'C', 'D', 'E', 'F'].map((id) => customer(id));
export const orders = [
  order('A', '2026-06-29', 20000),
  order('A', '2026-06-01', 10000),
  order('A', '2026-03-01', 10000),
  order('B', '2026-06-20', 5000),
  order('C', '2026-05-31', 30000),
  order('C', '2026-04-30', 30000),
  order('D', '2026-06-20', 10000),
  order('D', '2026-01-01', 10000),
  order('D', '2025-12-01', 10000),
  order('D', '2025-08-01', 10000),
  order('E', '2025-09-30', 1000),
  order('F', '2025-06-30', 99999),
];

