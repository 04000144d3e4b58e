/**
 * Limited-memory BFGS (Nocedal & Wright, Numerical Optimization, 2nd ed., Alg. 7.4 and 7.5):
 * each step goes along −H·g, where H, an estimate of the inverse Hessian, is built from the
 * last `memory` steps and gradient changes by the two-loop recursion; the step length is
 * found by backtracking (quadratic interpolation) until the Armijo condition holds. Full batch and deterministic, which
 * suits a convex loss over a few thousand pixels: a few dozen steps reach the minimum, where
 * plain gradient descent needs thousands.
 *
 * Written as a generator that asks its caller for what it needs (lbfgsAsk): the loss at a
 * trial point on the current line, and the gradient only where a step is accepted. A caller
 * whose loss is cheap along a line (a linear model: its scores at x + t·d are Z + t·(Xd), so
 * a trial costs no pass over the features) answers trials almost for free; lbfgsSteps answers
 * them with any plain objective. Between steps the caller can report progress and notice a
 * cancel.
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

/**
 * What lbfgsAsk asks, answered through the generator's next(answer):
 * - `start`: f at `x` with its gradient written to `grad` → the loss;
 * - `line`: the next trials lie on x + t·dir (x and dir stay unchanged until the next `line`) → nothing;
 * - `value`: f(x + t·dir) → the loss (no gradient needed);
 * - `accept`: x + t·dir is the new point (`t` the last trial): write its gradient to `grad` → nothing;
 * - `step`: a step was taken (progress; the new point is the x given) → nothing.
 */
export type LbfgsAsk =
  | { readonly kind: 'start'; readonly x: Float64Array; readonly grad: Float64Array }
  | { readonly kind: 'line'; readonly x: Float64Array; readonly dir: Float64Array }
  | { readonly kind: 'value'; readonly t: number }
  | { readonly kind: 'accept'; readonly t: number; readonly grad: Float64Array }
  | { readonly kind: 'step'; readonly step: LbfgsStep };

const ARMIJO = 1e-4;

/** Minimises from `x` (updated in place), asking its caller for losses and gradients (see LbfgsAsk). */
export function* lbfgsAsk(x: Float64Array, options: LbfgsOptions): Generator<LbfgsAsk, LbfgsResult, number | undefined> {
  const n = x.length, m = options.memory ?? 10, tol = options.gradientTolerance ?? 1e-7;
  const g = new Float64Array(n), gNext = new Float64Array(n), dir = new Float64Array(n), xNext = new Float64Array(n);
  const s: Float64Array[] = [], y: Float64Array[] = [], rho: number[] = [];
  const alpha = new Float64Array(m);
  let loss = (yield { kind: 'start', x, grad: g }) ?? NaN, evaluations = 1, iteration = 0;
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
    yield { kind: 'line', x, dir };
    // Backtracking line search (Armijo; N&W §3.5): after a rejected trial the next step is the
    // minimiser of the parabola through f(0), f'(0) and the trial, kept within [0.1, 0.5] of
    // it. On this loss the unit step is accepted almost always; where it is not (the first
    // step, whose length is a guess), the parabola lands close in one trial where halving
    // took up to seven (issue #30's notes).
    let step = 1, next = NaN, accepted = false;
    for (let trial = 0; trial < 40; trial++) {
      next = (yield { kind: 'value', t: step }) ?? NaN;
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
    yield { kind: 'accept', t: step, grad: gNext };
    for (let i = 0; i < n; i++) xNext[i] = x[i]! + step * dir[i]!;
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
    yield { kind: 'step', step: { iteration, loss, evaluations } };
    if (improvement <= 1e-15 * Math.max(1, Math.abs(loss))) return { iteration, loss, evaluations, converged: true };
  }
  return { iteration, loss, evaluations, converged: maxAbs(g) < tol };
}

/** Minimises `f` from `x` (updated in place), yielding after each step: lbfgsAsk answered by `f` at every trial. */
export function* lbfgsSteps(f: Objective, x: Float64Array, options: LbfgsOptions): Generator<LbfgsStep, LbfgsResult, void> {
  const n = x.length;
  const trial = new Float64Array(n), trialGrad = new Float64Array(n);
  let dir: Float64Array = trial;
  const asks = lbfgsAsk(x, options);
  let answer: number | undefined;
  for (;;) {
    const r = asks.next(answer);
    if (r.done) return r.value;
    const ask = r.value;
    answer = undefined;
    if (ask.kind === 'start') answer = f(ask.x, ask.grad);
    else if (ask.kind === 'line') dir = ask.dir;
    else if (ask.kind === 'value') {
      for (let i = 0; i < n; i++) trial[i] = x[i]! + ask.t * dir[i]!;
      answer = f(trial, trialGrad);
    } else if (ask.kind === 'accept') ask.grad.set(trialGrad); // the accepted point is always the last trial
    else yield ask.step;
  }
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
