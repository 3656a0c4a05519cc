/**
 * BFGS with an Armijo backtracking line search, for smooth objectives with an analytic gradient. On
 * the BG/NBD likelihood it needs a few dozen gradient evaluations where Nelder–Mead needs hundreds of
 * function evaluations, which is what makes a 100k-customer fit fast. Returns converged: false (and the
 * best point seen) when the gradient does not vanish within the iteration budget; callers fall back.
 */

import { runSteps, type Steps } from '../domain/steps';

export interface BfgsResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

type Objective = (x: number[]) => { f: number; g: number[] };
type BfgsOptions = { gradientTolerance?: number; maxIterations?: number };

export function bfgs(fg: Objective, x0: readonly number[], options: BfgsOptions = {}): BfgsResult {
  return runSteps(bfgsInSteps(fg, x0, options));
}

/** bfgs, yielding between evaluations of the objective (each a pass over every customer group: ~10–20 ms at 100k customers). */
export function* bfgsInSteps(fg: Objective, x0: readonly number[], options: BfgsOptions = {}): Steps<BfgsResult> {
  const n = x0.length;
  const gtol = options.gradientTolerance ?? 1e-7;
  const maxIterations = options.maxIterations ?? 200;
  let x = x0.slice();
  let { f, g } = fg(x);
  if (!Number.isFinite(f) || g.some((v) => !Number.isFinite(v))) return { x, value: f, iterations: 0, converged: false };
  // Inverse Hessian approximation, starting as the identity.
  let H: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let it = 0; it < maxIterations; it++) {
    if (it > 0) yield;
    const gmax = Math.max(...g.map(Math.abs));
    if (gmax <= gtol * Math.max(1, Math.abs(f))) return { x, value: f, iterations: it, converged: true };
    let d = H.map((row) => -row.reduce((s, h, j) => s + h * g[j]!, 0));
    let slope = d.reduce((s, v, i) => s + v * g[i]!, 0);
    if (!(slope < 0)) {
      // Not a descent direction (H lost positive definiteness): restart from steepest descent.
      H = H.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
      d = g.map((v) => -v);
      slope = -g.reduce((s, v) => s + v * v, 0);
    }
    // Steps in log-parameters beyond ~3 (a factor of 20) are never sensible here: cap the first try.
    const dmax = Math.max(...d.map(Math.abs));
    let step = dmax > 3 ? 3 / dmax : 1;
    let next: { f: number; g: number[] } | null = null;
    let xNext = x;
    for (let k = 0; k < 60; k++) {
      if (k > 0) yield;
      xNext = x.map((v, i) => v + step * d[i]!);
      const trial = fg(xNext);
      if (Number.isFinite(trial.f) && trial.f <= f + 1e-4 * step * slope && trial.g.every(Number.isFinite)) {
        next = trial;
        break;
      }
      step *= 0.5;
    }
    if (!next) return { x, value: f, iterations: it, converged: false };
    const s = xNext.map((v, i) => v - x[i]!);
    const y = next.g.map((v, i) => v - g[i]!);
    const sy = s.reduce((acc, v, i) => acc + v * y[i]!, 0);
    x = xNext;
    const improvement = f - next.f;
    f = next.f;
    g = next.g;
    if (sy > 1e-12) {
      const Hy = H.map((row) => row.reduce((acc, h, j) => acc + h * y[j]!, 0));
      const yHy = y.reduce((acc, v, i) => acc + v * Hy[i]!, 0);
      H = H.map((row, i) => row.map((h, j) => h + ((sy + yHy) * s[i]! * s[j]!) / (sy * sy) - (Hy[i]! * s[j]! + s[i]! * Hy[j]!) / sy));
    }
    // Converged in value when a full step no longer moves the objective measurably.
    if (improvement >= 0 && improvement <= 1e-14 * Math.max(1, Math.abs(f)) && Math.max(...s.map(Math.abs)) < 1e-9) return { x, value: f, iterations: it + 1, converged: true };
  }
  return { x, value: f, iterations: maxIterations, converged: false };
}
