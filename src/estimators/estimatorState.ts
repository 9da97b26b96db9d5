/**
 * What the covariance allocators keep from one decision to the next of a run: the sliding
 * covariance of each lookback and each method's previous solution (the warm starts of
 * numeric/solveRiskParity.ts and numeric/solveMinVarianceQp.ts).
 *
 * The state belongs to one run and one group of candidates: it is found from the input's window
 * source (allocation/windowAllocationInput.ts), keyed by the run's price array and the group's
 * column list (both created per run by the decider), so two runs never share it and a run's
 * decisions depend only on its own earlier decisions (causal, and the same whatever ran before
 * in the process). A window that moves backwards (another run on the same arrays) starts afresh.
 * Inputs without a source (sleeve index series, user modules, derived inputs) have no state and
 * take the cold path.
 */
import { WindowAllocationInput, type WindowSource } from '../allocation/windowAllocationInput.js';
import type { AllocationInput } from '../allocation/types.js';
import { SlidingCovariance } from './slidingCovariance.js';

/** A method's previous solution over the same candidate columns. */
export interface WarmStart {
  /** Panel-price columns of the candidates it was solved over. */
  columns: Int32Array;
  /** Its weights (riskParity) or working set (minVariance, maxDiversification). */
  weights: Float64Array;
  status: Uint8Array;
  count: number;
}

export class EstimatorState {
  /** Warm starts handed out by all states (for tests and measurements). */
  static warmStarts = 0;
  lastRow = -1;
  readonly covariances = new Map<number, SlidingCovariance>();
  readonly warm = new Map<string, WarmStart>();
  private scratch = new Float64Array(0);
  private readonly slots: Float64Array[] = [];
  private columnScratch = new Int32Array(0);

  /** Scratch number `slot` of exactly `size` entries, reused from decision to decision (contents undefined). */
  floats(slot: number, size: number): Float64Array {
    let f = this.slots[slot];
    if (f === undefined || f.length !== size) this.slots[slot] = f = new Float64Array(size);
    return f;
  }

  /** A reused buffer for the candidates' price columns (see estimators/usableWindow.ts sourceColumns). */
  columns(size: number): Int32Array {
    if (this.columnScratch.length !== size) this.columnScratch = new Int32Array(size);
    return this.columnScratch;
  }

  /** A buffer of at least `size` entries, reused from decision to decision (contents undefined). */
  buffer(size: number): Float64Array {
    if (this.scratch.length < size) this.scratch = new Float64Array(size);
    return this.scratch.length === size ? this.scratch : this.scratch.subarray(0, size);
  }

  sliding(lookback: number): SlidingCovariance {
    let s = this.covariances.get(lookback);
    if (s === undefined) {
      s = new SlidingCovariance(SlidingCovariance.intervalFor(lookback));
      this.covariances.set(lookback, s);
    }
    return s;
  }

  /** The previous solution of `method` when it was over exactly these columns, else undefined. */
  warmStart(method: string, columns: ArrayLike<number>): WarmStart | undefined {
    const w = this.warm.get(method);
    if (w === undefined || w.count !== columns.length) return undefined;
    for (let c = 0; c < w.count; c++) if (w.columns[c] !== columns[c]) return undefined;
    EstimatorState.warmStarts++;
    return w;
  }

  /** Records a solution (weights and/or working set) of `method` over these columns. */
  remember(method: string, columns: ArrayLike<number>, weights: Float64Array | null, status: Uint8Array | null): void {
    const k = columns.length;
    let w = this.warm.get(method);
    if (w === undefined || w.columns.length < k) {
      w = { columns: new Int32Array(k), weights: new Float64Array(k), status: new Uint8Array(k), count: 0 };
      this.warm.set(method, w);
    }
    w.count = k;
    for (let c = 0; c < k; c++) w.columns[c] = columns[c]!;
    if (weights) w.weights.set(weights.subarray(0, k));
    if (status) w.status.set(status.subarray(0, k));
  }
}

const states = new WeakMap<Float64Array, WeakMap<readonly number[], EstimatorState>>();
let stateless = 0;

/** The window source of a decider's input, or null (always null inside {@link withoutEstimatorState}). */
export function windowSourceOf(input: AllocationInput): WindowSource | null {
  return stateless === 0 && input instanceof WindowAllocationInput ? input.source : null;
}

/**
 * Runs `fn` with every allocator on its cold path (two-pass covariance, cold-start solvers), the
 * reference the equivalence tests compare the stateful path with.
 */
export function withoutEstimatorState<T>(fn: () => T): T {
  stateless++;
  try {
    return fn();
  } finally {
    stateless--;
  }
}

/**
 * The run state behind an input and the absolute row of its decision, or null without a source.
 * A decision at or before the state's last one (a window moving backwards) resets the state.
 */
export function estimatorStateOf(input: AllocationInput, source: WindowSource): EstimatorState {
  let byColumns = states.get(source.prices);
  if (byColumns === undefined) {
    byColumns = new WeakMap();
    states.set(source.prices, byColumns);
  }
  let state = byColumns.get(source.assetIdx);
  const row = source.first + input.length - 1;
  if (state === undefined || row < state.lastRow) {
    state = new EstimatorState();
    byColumns.set(source.assetIdx, state);
  }
  state.lastRow = row;
  return state;
}
