/**
 * What the general decider (decideTargets.ts) hands an allocator at a decision close: the causal
 * window of some assets (eligibility at the close, the window's moments from a prepared panel's
 * prefix sums, the return window built only when read), and the sleeve index returns of the
 * across level. Every window is copied from rows at or before the decision row.
 */
import { simpleReturnsInto } from '../core/simpleReturns.js';
import type { AllocationInput, WindowMoments } from '../allocation/types.js';
import { WindowAllocationInput } from '../allocation/windowAllocationInput.js';
import type { PreparedPanel } from './preparePanel.js';
import type { StrategyLayout } from './strategyLayout.js';

export interface Prepared {
  readonly data: PreparedPanel;
  readonly columns: readonly number[];
}

/**
 * Reusable moment buffers, one set per candidate count. Typed arrays over 64 bytes live off the
 * V8 heap and cost microseconds each to allocate here, more than the moments themselves; the
 * moments are read only during the allocator call that receives them, so one set per size is
 * safe to overwrite at the next decision.
 */
export class MomentBuffers {
  private readonly bySize = new Map<number, WindowMoments>();

  get(k: number): WindowMoments {
    let m = this.bySize.get(k);
    if (m === undefined) {
      m = { count: new Int32Array(k), sum: new Float64Array(k), sumSq: new Float64Array(k) };
      this.bySize.set(k, m);
    }
    return m;
  }
}

/** The strategy's price columns as the decider reads them. */
export interface Columns {
  readonly prices: Float64Array;
  readonly nRows: number;
  readonly assets: readonly string[];
  readonly prepared?: Prepared | undefined;
  readonly moments: MomentBuffers;
}

/**
 * The causal window of some assets: `lookback` return rows ending at `row` (fewer early on).
 * With a prepared panel the input carries the window's moments and builds the return window
 * only when an allocator reads `returns`.
 */
export function windowInput(cols: Columns, assetIdx: readonly number[], names: readonly string[], row: number, lookback: number, eligible: Uint8Array, out?: Float64Array): AllocationInput {
  const first = Math.max(0, row - lookback + 1);
  const length = lookback > 0 ? row - first + 1 : 0;
  const k = assetIdx.length;
  const prepared = cols.prepared;
  if (prepared === undefined) for (let i = 0; i < k; i++) eligible[i] = (cols.prices[assetIdx[i]! * cols.nRows + row] as number) > 0 ? 1 : 0;
  else {
    // A column without holes has a price exactly on the rows of its priced span: no price read.
    const { firstPriced, lastPriced, holes } = prepared.data;
    const { columns } = prepared;
    const { prices, nRows } = cols;
    for (let i = 0; i < k; i++) {
      const a = assetIdx[i]!;
      const c = columns[a]!;
      eligible[i] = holes[c] === 0 ? (firstPriced[c]! <= row && row <= lastPriced[c]! ? 1 : 0) : prices[a * nRows + row]! > 0 ? 1 : 0;
    }
  }
  const moments = cols.prepared && length > 0 ? windowMoments(cols.prepared, cols.moments.get(k), assetIdx, first, row + 1) : undefined;
  return new WindowAllocationInput(k, names, length, eligible, moments, out, { prices: cols.prices, nRows: cols.nRows, assetIdx, first });
}

/** Moments of the assets' finite returns on rows from..to−1, from the prepared prefix sums, written into `into`. */
function windowMoments(prepared: Prepared, into: WindowMoments, assetIdx: readonly number[], from: number, to: number): WindowMoments {
  const { data, columns } = prepared;
  const k = assetIdx.length;
  const { count, sum, sumSq } = into as { count: Int32Array; sum: Float64Array; sumSq: Float64Array };
  const pc = data.count;
  const ps = data.sum;
  const pq = data.sumSq;
  const hi = to * data.nAssets;
  const lo = from * data.nAssets;
  for (let i = 0; i < k; i++) {
    const c = columns[assetIdx[i]!]!;
    count[i] = pc[hi + c]! - pc[lo + c]!;
    sum[i] = ps[hi + c]! - ps[lo + c]!;
    sumSq[i] = pq[hi + c]! - pq[lo + c]!;
  }
  return into;
}

/** Simple returns r_s = p_s / p_{s−1} − 1 of asset a for rows first..first+length−1 (NaN when a price is missing). */
function returnsInto(cols: Columns, a: number, first: number, length: number, out: Float64Array, at: number): void {
  simpleReturnsInto(cols.prices, a * cols.nRows, first, length, out, at);
}

/** The return window of an input with no rows (shared: nothing writes into an empty array). */
const NO_ROWS = new Float64Array(0);

/** Sleeve index returns over `lookback` rows ending at `row` (see the file comment). */
export function acrossInput(cols: Columns, layout: StrategyLayout, names: readonly string[], row: number, lookback: number, withinWeights: Float64Array[], eligible: Uint8Array, out: Float64Array): AllocationInput {
  const nSleeves = layout.sleeves.length;
  const first = Math.max(0, row - lookback + 1);
  const length = row - first + 1;
  if (lookback === 0) return new WindowAllocationInput(nSleeves, names, 0, eligible, undefined, out, null, NO_ROWS);
  const window = new Float64Array(nSleeves * length);
  const memberReturns = new Map<number, Float64Array>();
  layout.sleeves.forEach((sleeve, s) => {
    // A sleeve wholly in cash is indexed on its members equally (its across weight stays in cash).
    const within = withinWeights[s]!;
    const ws = within.some((x) => x > 0) ? within : new Float64Array(within.length).fill(1);
    const sums = new Float64Array(length);
    const held = new Float64Array(length);
    sleeve.members.forEach((m, i) => {
      const w = ws[i] as number;
      if (!(w > 0)) return;
      let r = memberReturns.get(m.asset);
      if (!r) {
        r = new Float64Array(length);
        returnsInto(cols, m.asset, first, length, r, 0);
        memberReturns.set(m.asset, r);
      }
      for (let k = 0; k < length; k++) {
        const x = r[k] as number;
        if (!Number.isNaN(x)) {
          sums[k] = (sums[k] as number) + w * x;
          held[k] = (held[k] as number) + w;
        }
      }
    });
    for (let k = 0; k < length; k++) window[s * length + k] = (held[k] as number) > 0 ? (sums[k] as number) / (held[k] as number) : Number.NaN;
  });
  return new WindowAllocationInput(nSleeves, names, length, eligible, undefined, out, null, window);
}
