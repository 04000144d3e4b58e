/**
 * Limited-memory BFGS (Nocedal & Wright, Numerical Optimization, 2nd ed., Alg. 7.4 and 7.5):
 * each step goes along −H·g, where H, an estimate of the inverse Hessian, is built from the
 * last `memory` steps and gradient changes by the two-loop recursion; the step length is
 * found by backtracking (quadratic interpolation) until the Armijo condition holds. Full batch and deterministic, which
 * suits a convex loss over a few thousand pixels: a few dozen steps reach the minimum, where
 * plain gradient descent needs thousands.
 *
 * Written as a generator that yields after every step, so a worker can report progress and
 * notice a cancel between steps.
 */

/** f(x) with its gradient written to `grad`. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  readonly maxIterations: number;
  /** Step/gradient pairs kept (default 10). */
  readonly memory?: number | undefined;
  /** Stop when ‖g‖∞ falls below this (default 1e-7). */
  readonly gradientTolerance?: number | undefined;
}

export interface LbfgsStep {
  readonly iteration: number;
  readonly loss: number;
  /** Objective evaluations so far (line-search trials included). */
  readonly evaluations: number;
}

export interface LbfgsResult extends LbfgsStep {
  /** Why it stopped: converged (small gradient or no further progress) or out of iterations. */
  readonly converged: boolean;
}

const ARMIJO = 1e-4;

/** Minimises `f` from `x` (updated in place), yielding after each step. */
export function* lbfgsSteps(f: Objective, x: Float64Array, options: LbfgsOptions): Generator<LbfgsStep, LbfgsResult, void> {
  const n = x.length, m = options.memory ?? 10, tol = options.gradientTolerance ?? 1e-7;
  const g = new Float64Array(n), gNext = new Float64Array(n), dir = new Float64Array(n), xNext = new Float64Array(n);
  const s: Float64Array[] = [], y: Float64Array[] = [], rho: number[] = [];
  const alpha = new Float64Array(m);
  let loss = f(x, g), evaluations = 1, iteration = 0;
  while (iteration < options.maxIterations) {
    if (maxAbs(g) < tol) return { iteration, loss, evaluations, converged: true };
    // Two-loop recursion: dir = −H·g.
    dir.set(g);
    for (let j = s.length - 1; j >= 0; j--) {
      alpha[j] = rho[j]! * dot(s[j]!, dir);
      axpy(-alpha[j]!, y[j]!, dir);
    }
    // The initial H is γI with γ = sᵀy/yᵀy from the newest pair; before any pair, a step of
    // length 1 in the largest coordinate, so the first trial cannot overshoot wildly.
    const gamma = s.length > 0 ? 1 / (rho[s.length - 1]! * dot(y[s.length - 1]!, y[s.length - 1]!)) : 1 / Math.max(maxAbs(g), 1e-12);
    for (let i = 0; i < n; i++) dir[i] = dir[i]! * gamma;
    for (let j = 0; j < s.length; j++) axpy(alpha[j]! - rho[j]! * dot(y[j]!, dir), s[j]!, dir);
    for (let i = 0; i < n; i++) dir[i] = -dir[i]!;
    let slope = dot(g, dir);
    if (!(slope < 0)) {
      // Not a descent direction (rounding): forget the curvature and go down the gradient.
      s.length = 0; y.length = 0; rho.length = 0;
      for (let i = 0; i < n; i++) dir[i] = -g[i]! / Math.max(maxAbs(g), 1e-12);
      slope = dot(g, dir);
    }
    // Backtracking line search (Armijo; N&W §3.5): after a rejected trial the next step is the
    // minimiser of the parabola through f(0), f'(0) and the trial, kept within [0.1, 0.5] of
    // it. On this loss the unit step is accepted almost always; where it is not (the first
    // step, whose length is a guess), the parabola lands close in one trial where halving
    // took up to seven (issue #30's notes).
    let step = 1, next = NaN, accepted = false;
    for (let trial = 0; trial < 40; trial++) {
      for (let i = 0; i < n; i++) xNext[i] = x[i]! + step * dir[i]!;
      next = f(xNext, gNext);
      evaluations++;
      if (Number.isFinite(next) && next <= loss + ARMIJO * step * slope) {
        accepted = true;
        break;
      }
      const curvature = next - loss - slope * step;
      const parabola = Number.isFinite(next) && curvature > 0 ? (-slope * step * step) / (2 * curvature) : 0.5 * step;
      step = Math.min(0.5 * step, Math.max(0.1 * step, parabola));
    }
    if (!accepted) return { iteration, loss, evaluations, converged: true };
    const sNew = new Float64Array(n), yNew = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sNew[i] = xNext[i]! - x[i]!;
      yNew[i] = gNext[i]! - g[i]!;
    }
    const sy = dot(sNew, yNew);
    // Keep the pair only when it shows positive curvature (always, for a convex loss, up to rounding).
    if (sy > 1e-12 * Math.sqrt(dot(yNew, yNew) * dot(sNew, sNew))) {
      if (s.length === m) { s.shift(); y.shift(); rho.shift(); }
      s.push(sNew); y.push(yNew); rho.push(1 / sy);
    }
    const improvement = loss - next;
    x.set(xNext);
    g.set(gNext);
    loss = next;
    iteration++;
    yield { iteration, loss, evaluations };
    if (improvement <= 1e-15 * Math.max(1, Math.abs(loss))) return { iteration, loss, evaluations, converged: true };
  }
  return { iteration, loss, evaluations, converged: maxAbs(g) < tol };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] = y[i]! + a * x[i]!;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}
