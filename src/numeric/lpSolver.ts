/**
 * The linear-programming solver: HiGHS (Huangfu & Hall 2018, "Parallelizing the dual revised
 * simplex method", Math. Prog. Comp. 10) compiled to WebAssembly (npm `highs`). Loading it is
 * asynchronous and costs ~0.1 s, so it is imported lazily, once per process or worker thread,
 * by {@link loadLpSolver} (called from the strategy's prepare step, strategy/prepareSolvers.ts);
 * solving is synchronous, as the allocator contract requires.
 */
import type { Highs } from 'highs';

let runtime: Highs | null = null;
let loading: Promise<Highs> | null = null;

/** Loads HiGHS once; later calls return at once. */
export async function loadLpSolver(): Promise<void> {
  if (runtime !== null) return;
  // The package's types are CommonJS-shaped; its ESM build's default export is the loader.
  loading ??= import('highs').then((m) => (m as unknown as { default: () => Promise<Highs> }).default());
  runtime = await loading;
}

/** Whether {@link loadLpSolver} has completed in this thread. */
export function lpSolverLoaded(): boolean {
  return runtime !== null;
}

/**
 * minimise cᵀx subject to rowLower ≤ Ax ≤ rowUpper and colLower ≤ x ≤ colUpper, with A given
 * row by row (CSR). ±Infinity marks a missing bound.
 */
export interface LinearProgram {
  readonly numCols: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** CSR: row r holds entries rowStarts[r]..rowStarts[r+1]−1 of (columns, values). */
  readonly rowStarts: Int32Array;
  readonly columns: Int32Array;
  readonly values: Float64Array;
  /**
   * Optional convex quadratic term ½ xᵀQx on the first `dimension` columns (Q dense, row-major,
   * symmetric positive semidefinite): the program is then a QP, solved by HiGHS's active-set
   * QP solver.
   */
  readonly quadratic?: { readonly dimension: number; readonly values: Float64Array };
}

/**
 * An optimal solution with its certificate: HiGHS's duals, with the convention (minimisation)
 * colDual = c − Aᵀ rowDual, so that at an optimum the dual objective
 * Σ_r rowDual_r · (active bound of row r) + Σ_j colDual_j · (active bound of column j) equals
 * the primal objective (strong duality).
 */
export type LinearProgramResult =
  | { readonly ok: true; readonly x: Float64Array; readonly objective: number; readonly rowDual: Float64Array; readonly colDual: Float64Array }
  | { readonly ok: false; readonly reason: string };

const STATUS: Record<number, string> = {
  8: 'infeasible',
  9: 'unbounded or infeasible',
  10: 'unbounded',
  13: 'time limit reached',
  14: 'iteration limit reached',
};

/** Solves an LP with HiGHS (dual simplex, deterministic). Throws if the solver was not loaded: a bug, not bad input. */
export function solveLinearProgram(lp: LinearProgram): LinearProgramResult {
  const highs = runtime;
  if (highs === null) throw new Error('the LP solver was not loaded before the run (await prepareSolvers(spec) first)');
  const numRows = lp.rowLower.length;
  const inf = highs.infinity;
  const bound = (a: Float64Array) => Float64Array.from(a, (v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
  const model = highs.createModel();
  try {
    model.options.set({ presolve: 'off', time_limit: 60 });
    model.passModel({
      numCols: lp.numCols,
      numRows,
      colCost: lp.colCost,
      colLower: bound(lp.colLower),
      colUpper: bound(lp.colUpper),
      rowLower: bound(lp.rowLower),
      rowUpper: bound(lp.rowUpper),
      matrix: { format: 'csr', numRows, numCols: lp.numCols, starts: lp.rowStarts, indices: lp.columns, values: lp.values },
      ...(lp.quadratic ? { hessian: lowerTriangle(lp.quadratic.values, lp.quadratic.dimension, lp.numCols) } : {}),
    });
    const { modelStatus } = model.run();
    if (modelStatus !== 7) return { ok: false, reason: `LP ${STATUS[modelStatus] ?? `not solved (HiGHS status ${modelStatus})`}` };
    const s = model.getSolution();
    return { ok: true, x: s.colValue, objective: model.getObjectiveValue(), rowDual: s.rowDual, colDual: s.colDual };
  } catch (e) {
    return { ok: false, reason: `LP solver error: ${(e as Error).message.split('\n')[0]}` };
  } finally {
    model.dispose();
  }
}

/** The lower triangle of a dense row-major k×k matrix in compressed columns, padded to n columns. */
function lowerTriangle(q: Float64Array, k: number, n: number): { format: 'triangular'; dimension: number; starts: Int32Array; indices: Int32Array; values: Float64Array } {
  const starts = new Int32Array(n + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let j = 0; j < n; j++) {
    if (j < k) {
      for (let i = j; i < k; i++) {
        const v = q[i * k + j] as number;
        if (v !== 0) {
          indices.push(i);
          values.push(v);
        }
      }
    }
    starts[j + 1] = indices.length;
  }
  return { format: 'triangular', dimension: n, starts, indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

/** Builds the constraint rows of a {@link LinearProgram} one at a time. */
export class LinearRows {
  private readonly starts: number[] = [0];
  private readonly cols: number[] = [];
  private readonly vals: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];

  /** Adds lower ≤ Σ values[e] · x[columns[e]] ≤ upper (zero coefficients skipped). */
  add(columns: readonly number[], values: readonly number[], lower: number, upper: number): void {
    columns.forEach((c, e) => {
      const v = values[e] as number;
      if (v !== 0) {
        this.cols.push(c);
        this.vals.push(v);
      }
    });
    this.starts.push(this.cols.length);
    this.lower.push(lower);
    this.upper.push(upper);
  }

  /** The LP with these rows (a QP with `quadratic`). */
  program(colCost: Float64Array, colLower: Float64Array, colUpper: Float64Array, quadratic?: LinearProgram['quadratic']): LinearProgram {
    return {
      ...(quadratic ? { quadratic } : {}),
      numCols: colCost.length,
      colCost,
      colLower,
      colUpper,
      rowLower: Float64Array.from(this.lower),
      rowUpper: Float64Array.from(this.upper),
      rowStarts: Int32Array.from(this.starts),
      columns: Int32Array.from(this.cols),
      values: Float64Array.from(this.vals),
    };
  }
}
