/**
 * Seeded simulation of BG/NBD and Gamma-Gamma customers, written from the models' stories (not from the
 * likelihoods the fit uses), so recovering the parameters tests the fit against an independent account.
 */
import { createRandom } from '../../../core/demo/random';
import type { BgNbdParams, GammaGammaParams, Recency } from '../../../shared/prediction';

type Rng = ReturnType<typeof createRandom>;

function normal(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-300);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** Gamma(shape, rate) by Marsaglia & Tsang, with the U^(1/shape) boost for shape < 1. */
export function gammaSample(rng: Rng, shape: number, rate: number): number {
  if (shape < 1) return gammaSample(rng, shape + 1, rate) * Math.max(rng.next(), 1e-300) ** (1 / shape);
  const d = shape - 1 / 3, c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(rng);
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    const u = rng.next();
    if (Math.log(Math.max(u, 1e-300)) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

export function simulateBgNbd(seed: number, n: number, p: BgNbdParams, ages: readonly [number, number]): Recency[] {
  const rng = createRandom(seed);
  const rows: Recency[] = [];
  for (let i = 0; i < n; i++) {
    const T = ages[0] + rng.next() * (ages[1] - ages[0]);
    const lambda = gammaSample(rng, p.r, p.alpha);
    const g1 = gammaSample(rng, p.a, 1), g2 = gammaSample(rng, p.b, 1);
    const dropout = g1 / (g1 + g2);
    let t = 0, x = 0, tx = 0;
    for (;;) {
      t += -Math.log(Math.max(rng.next(), 1e-300)) / lambda;
      if (t > T) break;
      x++;
      tx = t;
      if (rng.next() < dropout) break;
    }
    rows.push({ x, tx, T });
  }
  return rows;
}

export function simulateSpend(seed: number, xs: readonly number[], p: GammaGammaParams): { x: number; mean: number }[] {
  const rng = createRandom(seed);
  return xs.map((x) => {
    const nu = gammaSample(rng, p.q, p.gamma);
    let sum = 0;
    for (let k = 0; k < x; k++) sum += gammaSample(rng, p.p, nu);
    return { x, mean: x > 0 ? sum / x : 0 };
  });
}

/** Standard errors of the log-parameters from a central-difference Hessian of the log-likelihood. */
export function logParamStandardErrors(ll: (v: number[]) => number, at: readonly number[], h = 1e-3): number[] {
  const n = at.length;
  const H: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const f = (d: number[]) => ll(at.map((v, i) => v + d[i]!));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const e = (a: number, b: number) => { const d = new Array<number>(n).fill(0); d[i]! += a; d[j]! += b; return f(d); };
      H[i]![j] = -(e(h, h) - e(h, -h) - e(-h, h) + e(-h, -h)) / (4 * h * h);
    }
  }
  return invert(H).map((row, i) => Math.sqrt(row[i]!));
}

function invert(m: number[][]): number[][] {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    const d = a[c]![c]!;
    for (let k = 0; k < 2 * n; k++) a[c]![k]! /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]!;
      for (let k = 0; k < 2 * n; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  return a.map((row) => row.slice(n));
}
