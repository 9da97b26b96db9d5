import { beforeAll, describe, expect, it } from 'vitest';
import { loadLpSolver, solveLinearProgram, type LinearProgram } from '../../../src/numeric/lpSolver.js';
import { cdarProgram, cvarProgram, type TailRiskInput } from '../../../src/numeric/tailRiskPrograms.js';
import { syntheticInput } from '../allocation/syntheticInput.js';

beforeAll(async () => {
  await loadLpSolver();
});

/**
 * CVaR_α of equally likely losses, by sorting (independent of the LP): with m = (1 − α)T, the
 * mean of the worst m losses, the ⌊m⌋ largest in full plus the fraction m − ⌊m⌋ of the next.
 */
function cvarBySorting(losses: number[], alpha: number): number {
  const sorted = [...losses].sort((a, b) => b - a);
  const m = (1 - alpha) * losses.length;
  const whole = Math.floor(m + 1e-12);
  let s = 0;
  for (let j = 0; j < whole; j++) s += sorted[j]!;
  if (m - whole > 1e-12) s += (m - whole) * sorted[whole]!;
  return s / m;
}

/** Portfolio daily returns of weights w on a column-major block. */
function portfolio(x: TailRiskInput, w: ArrayLike<number>): number[] {
  return Array.from({ length: x.rows }, (_, s) => {
    let r = 0;
    for (let i = 0; i < x.k; i++) r += (w[i] as number) * x.returns[i * x.rows + s]!;
    return r;
  });
}

/** Drawdowns of the uncompounded cumulative return starting from 0: D_s = max(0, max_{j≤s} y_j) − y_s. */
function drawdowns(r: number[]): number[] {
  let y = 0;
  let peak = 0;
  return r.map((v) => {
    y += v;
    peak = Math.max(peak, y);
    return peak - y;
  });
}

/** Every point of the simplex grid with step 1/steps on 3 assets. */
function* grid3(steps: number): Generator<[number, number, number]> {
  for (let a = 0; a <= steps; a++) for (let b = 0; b <= steps - a; b++) yield [a / steps, b / steps, (steps - a - b) / steps];
}

/**
 * The LP's certificate: the dual objective Σ_r y_r · (active row bound) + Σ_j d_j · (active
 * column bound), with HiGHS's duals (d = c − Aᵀy), equals the primal objective; and the duals
 * have the right signs (y_r > 0 only at a finite lower row bound, y_r < 0 only at a finite upper one).
 */
function dualObjective(lp: LinearProgram, rowDual: Float64Array, colDual: Float64Array): number {
  let z = 0;
  rowDual.forEach((y, r) => {
    if (Math.abs(y) < 1e-12) return;
    const b = y > 0 ? lp.rowLower[r]! : lp.rowUpper[r]!;
    expect(Number.isFinite(b), `row ${r} dual ${y} needs a finite bound`).toBe(true);
    z += y * b;
  });
  colDual.forEach((d, j) => {
    if (Math.abs(d) < 1e-12) return;
    const b = d > 0 ? lp.colLower[j]! : lp.colUpper[j]!;
    expect(Number.isFinite(b), `column ${j} reduced cost ${d} needs a finite bound`).toBe(true);
    z += d * b;
  });
  return z;
}

function threeAssets(seed: number, rows: number, alpha: number, upper = 1): TailRiskInput {
  const x = syntheticInput(seed, 3, rows);
  return { returns: x.returns, k: 3, rows, alpha, lower: new Float64Array(3), upper: new Float64Array(3).fill(upper) };
}

describe('min-CVaR LP (Rockafellar–Uryasev) against a brute force over a weight grid', () => {
  for (const [seed, alpha, upper] of [
    [301, 0.95, 1],
    [302, 0.9, 1],
    [303, 0.95, 0.45],
  ] as const) {
    it(`3 assets, 250 days, alpha ${alpha}, caps ${upper}: no grid point beats the LP; its CVaR by sorting is the LP optimum`, () => {
      const x = threeAssets(seed, 250, alpha, upper);
      const lp = cvarProgram(x);
      const r = solveLinearProgram(lp);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const w = [...r.x.subarray(0, 3)];
      expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      w.forEach((v) => expect(v).toBeLessThanOrEqual(upper + 1e-9));
      const atOptimum = cvarBySorting(portfolio(x, w).map((v) => -v), alpha);
      expect(atOptimum).toBeCloseTo(r.objective, 9);
      let best = Infinity;
      for (const g of grid3(120)) {
        if (g.some((v) => v > upper + 1e-12)) continue;
        const c = cvarBySorting(portfolio(x, g).map((v) => -v), alpha);
        expect(c, `grid ${g}`).toBeGreaterThanOrEqual(r.objective - 1e-9);
        best = Math.min(best, c);
      }
      // The grid (step 1/120) comes within a hair of the optimum: CVaR is Lipschitz in w.
      expect(best - r.objective).toBeLessThan(5e-4 * Math.abs(r.objective) + 1e-6);
      expect(dualObjective(lp, r.rowDual, r.colDual)).toBeCloseTo(r.objective, 9);
    });
  }

  it('with a minimum mean: no feasible grid point beats it, and an unreachable mean is infeasible', () => {
    const base = threeAssets(304, 250, 0.95);
    const means = [0, 1, 2].map((i) => portfolio({ ...base, k: 1, returns: base.returns.subarray(i * 250, (i + 1) * 250) }, [1]).reduce((a, b) => a + b, 0) / 250);
    const target = (Math.max(...means) + Math.min(...means)) / 2;
    const x = { ...base, minMean: target };
    const lp = cvarProgram(x);
    const r = solveLinearProgram(lp);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const g of grid3(120)) {
      const mean = g.reduce((s, v, i) => s + v * means[i]!, 0);
      if (mean < target) continue;
      expect(cvarBySorting(portfolio(x, g).map((v) => -v), 0.95)).toBeGreaterThanOrEqual(r.objective - 1e-9);
    }
    expect(dualObjective(lp, r.rowDual, r.colDual)).toBeCloseTo(r.objective, 9);
    const out = solveLinearProgram(cvarProgram({ ...base, minMean: Math.max(...means) + 1e-4 }));
    expect(out).toEqual({ ok: false, reason: 'LP infeasible' });
  });
});

describe('min-CDaR LP (Chekhlov–Uryasev–Zabarankin) against a brute force over a weight grid', () => {
  it('3 assets, 200 days, alpha 0.9: no grid point has a lower CDaR; the optimum is the CDaR of its weights', () => {
    const x = threeAssets(311, 200, 0.9);
    const lp = cdarProgram(x);
    const r = solveLinearProgram(lp);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const w = [...r.x.subarray(0, 3)];
    expect(cvarBySorting(drawdowns(portfolio(x, w)), 0.9)).toBeCloseTo(r.objective, 9);
    let best = Infinity;
    for (const g of grid3(120)) {
      const c = cvarBySorting(drawdowns(portfolio(x, g)), 0.9);
      expect(c, `grid ${g}`).toBeGreaterThanOrEqual(r.objective - 1e-9);
      best = Math.min(best, c);
    }
    expect(best - r.objective).toBeLessThan(2e-3 * r.objective);
    expect(dualObjective(lp, r.rowDual, r.colDual)).toBeCloseTo(r.objective, 9);
  });

  it('a hand case: two mirror-image assets; 50/50 has no drawdown, 75/25 a CDaR of 0.005', () => {
    // A: +1%, −1%, +1%, ...; B: −1%, +1%, ... A mix a/(1−a) returns ±(2a − 1)·1% alternately,
    // so every mix but 50/50 has drawdowns of |2a − 1|·1% on half the days.
    const T = 40;
    const returns = Float64Array.from({ length: 2 * T }, (_, j) => ((j % T) % 2 === 0 ? 0.01 : -0.01) * (j < T ? 1 : -1));
    const x = { returns, k: 2, rows: T, alpha: 0.95, lower: new Float64Array(2), upper: new Float64Array(2).fill(1) };
    const r = solveLinearProgram(cdarProgram(x));
    expect(r.ok && [...r.x.subarray(0, 2)]).toEqual([expect.closeTo(0.5, 9), expect.closeTo(0.5, 9)]);
    expect(r.ok && r.objective).toBeCloseTo(0, 12);
    // Fixed at 75/25: drawdown 0.5·1% = 0.005 on the 20 falling days; the worst (1 − 0.95)·40 = 2 average 0.005.
    const fixed = solveLinearProgram(cdarProgram({ ...x, lower: Float64Array.from([0.75, 0.25]), upper: Float64Array.from([0.75, 0.25]) }));
    expect(fixed.ok && fixed.objective).toBeCloseTo(0.005, 12);
  });
});
