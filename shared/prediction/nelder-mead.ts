/**
 * Nelder–Mead simplex minimisation with the dimension-adaptive coefficients of Gao & Han (2012), which
 * behave better than the classic 1/2/0.5/0.5 beyond two dimensions. Derivative-free, so the likelihoods
 * need no gradients; the fits here have three or four parameters, where it is both fast and reliable.
 * A restart from the best vertex (the usual cure for a simplex that collapsed early) runs until two
 * consecutive runs agree.
 */

import { runSteps, type Steps } from '../domain/steps';

/** Simplex iterations between yields: each is one to n + 2 evaluations of the likelihood. */
const ITERATIONS_PER_STEP = 10;

export interface MinimizeOptions {
  /** Stop when the spread of function values across the simplex, relative to 1 + |best|, falls below this. */
  fTolerance?: number;
  /** ...and the simplex's largest coordinate distance from its best vertex falls below this. */
  xTolerance?: number;
  maxIterations?: number;
  /** Size of the first simplex's steps, in the units of x (log-parameters here). */
  step?: number;
  maxRestarts?: number;
}

export interface MinimizeResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

function simplexAround(x0: readonly number[], step: number): number[][] {
  const points = [x0.slice()];
  for (let i = 0; i < x0.length; i++) {
    const p = x0.slice();
    p[i] = p[i]! + step;
    points.push(p);
  }
  return points;
}

function* onceInSteps(f: (x: number[]) => number, x0: readonly number[], opts: Required<MinimizeOptions>): Steps<MinimizeResult> {
  const n = x0.length;
  const alpha = 1, beta = 1 + 2 / n, gamma = 0.75 - 1 / (2 * n), delta = 1 - 1 / n;
  const score = (x: number[]): number => {
    const v = f(x);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };
  const points = simplexAround(x0, opts.step);
  const values = points.map(score);
  const order = points.map((_, i) => i);
  let iterations = 0;
  let converged = false;
  const centroid = new Array<number>(n);
  const along = (coef: number, worst: number[]): number[] => centroid.map((c, i) => c + coef * (c - worst[i]!));

  while (iterations < opts.maxIterations) {
    order.sort((i, j) => values[i]! - values[j]!);
    const best = order[0]!, worst = order[n]!, second = order[n - 1]!;
    const spread = Math.abs(values[worst]! - values[best]!);
    let size = 0;
    for (const k of order) for (let i = 0; i < n; i++) size = Math.max(size, Math.abs(points[k]![i]! - points[best]![i]!));
    if (spread <= opts.fTolerance * (1 + Math.abs(values[best]!)) && size <= opts.xTolerance) {
      converged = true;
      break;
    }
    iterations++;
    if (iterations % ITERATIONS_PER_STEP === 0) yield;
    centroid.fill(0);
    for (const k of order.slice(0, n)) for (let i = 0; i < n; i++) centroid[i]! += points[k]![i]! / n;
    const reflected = along(alpha, points[worst]!);
    const fr = score(reflected);
    if (fr < values[best]!) {
      const expanded = along(beta, points[worst]!);
      const fe = score(expanded);
      if (fe < fr) [points[worst], values[worst]] = [expanded, fe];
      else [points[worst], values[worst]] = [reflected, fr];
      continue;
    }
    if (fr < values[second]!) {
      [points[worst], values[worst]] = [reflected, fr];
      continue;
    }
    const outside = fr < values[worst]!;
    const contracted = along(outside ? gamma : -gamma, points[worst]!);
    const fc = score(contracted);
    if (fc < (outside ? fr : values[worst]!)) {
      [points[worst], values[worst]] = [contracted, fc];
      continue;
    }
    for (const k of order.slice(1)) {
      points[k] = points[k]!.map((v, i) => points[best]![i]! + delta * (v - points[best]![i]!));
      values[k] = score(points[k]!);
    }
  }
  order.sort((i, j) => values[i]! - values[j]!);
  return { x: points[order[0]!]!, value: values[order[0]!]!, iterations, converged };
}

/** Minimises f from x0; restarts from the best point until a restart no longer improves it. */
export function minimize(f: (x: number[]) => number, x0: readonly number[], options: MinimizeOptions = {}): MinimizeResult {
  return runSteps(minimizeInSteps(f, x0, options));
}

/** minimize, yielding every few iterations. */
export function* minimizeInSteps(f: (x: number[]) => number, x0: readonly number[], options: MinimizeOptions = {}): Steps<MinimizeResult> {
  const opts: Required<MinimizeOptions> = {
    fTolerance: 1e-13,
    xTolerance: 1e-7,
    maxIterations: 4000,
    step: 0.5,
    maxRestarts: 4,
    ...options,
  };
  let result = yield* onceInSteps(f, x0, opts);
  let iterations = result.iterations;
  for (let i = 0; i < opts.maxRestarts; i++) {
    yield;
    const again = yield* onceInSteps(f, result.x, { ...opts, step: Math.min(opts.step, 0.1) });
    iterations += again.iterations;
    const improved = result.value - again.value > opts.fTolerance * 10 * (1 + Math.abs(result.value));
    result = again.value <= result.value ? again : result;
    if (!improved) return { ...result, iterations, converged: result.converged && again.converged };
  }
  return { ...result, iterations, converged: false };
}
