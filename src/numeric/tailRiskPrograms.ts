import { LinearRows, type LinearProgram } from './lpSolver.js';

/**
 * The linear programs of the tail-risk allocators, over k assets and T equally likely
 * scenarios (a column-major block `r[i * T + s]` of daily simple returns, complete rows).
 * Columns: the weights w_0..w_{k−1} first, then ζ (the VaR, free), then the auxiliaries.
 * Every program has Σw = 1 and lower_i ≤ w_i ≤ upper_i; `minMean` adds Σ_i μ_i w_i ≥ minMean
 * with μ_i the mean of column i.
 */
export interface TailRiskInput {
  readonly returns: Float64Array;
  readonly k: number;
  readonly rows: number;
  readonly alpha: number;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly minMean?: number;
}

/**
 * Minimum CVaR (Rockafellar & Uryasev 2000, "Optimization of conditional value-at-risk",
 * J. Risk 2(3)): with the loss L_s = −wᵀr_s,
 *
 *   minimise ζ + 1/((1−α)T) Σ_s u_s   subject to u_s ≥ −wᵀr_s − ζ, u_s ≥ 0,
 *
 * whose optimum is the CVaR_α of the optimal portfolio's losses, ζ a VaR_α.
 * Columns: w (k), ζ, u (T).
 */
export function cvarProgram(input: TailRiskInput): LinearProgram {
  const { k, rows: T, alpha } = input;
  const n = k + 1 + T;
  const rows = budgetRows(input);
  const wCols = Array.from({ length: k }, (_, i) => i);
  for (let s = 0; s < T; s++) {
    rows.add([...wCols, k, k + 1 + s], [...wCols.map((i) => input.returns[i * T + s] as number), 1, 1], 0, Infinity);
  }
  return rows.program(tailCost(n, k, T, alpha), columnBounds(input, n, 0), columnBounds(input, n, Infinity));
}

/**
 * Minimum CDaR (Chekhlov, Uryasev & Zabarankin 2005, "Drawdown measure in portfolio
 * optimization", IJTAF 8(1)): on the uncompounded cumulative return y_s = Σ_{j≤s} wᵀr_j
 * (y before the first row is 0), drawdown D_s = max(0, max_{j≤s} y_j) − y_s, and
 *
 *   minimise ζ + 1/((1−α)T) Σ_s u_s   subject to u_s ≥ v_s − y_s − ζ, u_s ≥ 0,
 *                                       v_s ≥ y_s, v_s ≥ v_{s−1}, v_0 ≥ 0,
 *
 * where v_s stands for the running maximum (at the optimum v_s = max(0, max_{j≤s} y_j) where it
 * matters). The optimum is the CDaR_α: the mean of the worst (1−α) share of the drawdowns.
 * Columns: w (k), ζ, u (T), v (T).
 */
export function cdarProgram(input: TailRiskInput): LinearProgram {
  const { k, rows: T, alpha } = input;
  const n = k + 1 + 2 * T;
  const rows = budgetRows(input);
  const wCols = Array.from({ length: k }, (_, i) => i);
  const cumulative = new Float64Array(k);
  for (let s = 0; s < T; s++) {
    for (let i = 0; i < k; i++) cumulative[i] = (cumulative[i] as number) + (input.returns[i * T + s] as number);
    const y = [...cumulative];
    const u = k + 1 + s;
    const v = k + 1 + T + s;
    rows.add([...wCols, k, u, v], [...y, 1, 1, -1], 0, Infinity); // u_s − v_s + y_s + ζ ≥ 0
    rows.add([...wCols, v], [...y.map((c) => -c), 1], 0, Infinity); // v_s − y_s ≥ 0
    if (s > 0) rows.add([v, v - 1], [1, -1], 0, Infinity); // v_s − v_{s−1} ≥ 0
  }
  return rows.program(tailCost(n, k, T, alpha), columnBounds(input, n, 0), columnBounds(input, n, Infinity));
}

/** Σw = 1 and, with minMean, μᵀw ≥ minMean. */
function budgetRows(input: TailRiskInput): LinearRows {
  const { k, rows: T } = input;
  const rows = new LinearRows();
  const wCols = Array.from({ length: k }, (_, i) => i);
  rows.add(wCols, wCols.map(() => 1), 1, 1);
  if (input.minMean !== undefined) {
    const mu = wCols.map((i) => {
      let s = 0;
      for (let t = 0; t < T; t++) s += input.returns[i * T + t] as number;
      return s / T;
    });
    rows.add(wCols, mu, input.minMean, Infinity);
  }
  return rows;
}

/** Cost: 0 on w, 1 on ζ, 1/((1−α)T) on u (columns k+1..k+T), 0 after. */
function tailCost(n: number, k: number, T: number, alpha: number): Float64Array {
  const c = new Float64Array(n);
  c[k] = 1;
  for (let s = 0; s < T; s++) c[k + 1 + s] = 1 / ((1 - alpha) * T);
  return c;
}

/** Column bounds: w in [lower, upper], ζ free, the auxiliaries in [0, ∞). */
function columnBounds(input: TailRiskInput, n: number, auxiliary: number): Float64Array {
  const b = new Float64Array(n).fill(auxiliary);
  b.set(auxiliary === 0 ? input.lower : input.upper, 0);
  b[input.k] = auxiliary === 0 ? -Infinity : Infinity;
  return b;
}
