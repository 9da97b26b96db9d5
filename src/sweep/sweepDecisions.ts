/**
 * The target weights of one decision key (engine/decisionMemo.ts: sleeves, allocation,
 * data.lateStart) on one panel, computed at most once per row and kept for every variant of a
 * sweep that shares the key: all rebalance spacings, lags, costs and periods of one lookback read
 * the same rows. A decision at row t reads only prices and returns up to t (decideTargets.ts), so
 * computing the daily decisions of a lookback once and sub-sampling them by spacing is exact.
 *
 * Native decisions: for the simplest strategy (one sleeve, across `equal`, within `inverseVol`
 * whose fallback chain is empty or starts with `equal`, or within `equal`; no constraints, trend
 * filter, dated members or lateStart cash) every row is decided here, as decideTargets.ts and the
 * allocators decide it (allocation/inverseVol.ts, equalWeight.ts, registry.ts `allocate`):
 *   a member is eligible when priced at the close; inverseVol: usable when eligible with at least
 *   max(2, min(minObservations, lookback)) finite returns in the last `lookback` rows and σ > 0,
 *   σ_i from the prepared window moments (count, Σr, Σr²), w_i = (1/σ_i) / Σ_j (1/σ_j) over the
 *   usable ones; none usable → the fallback: equal (1/e over the e eligible) or cash; the one
 *   sleeve gets 1 when a member is eligible (equal across), else everything is cash.
 * Every other strategy goes to the general decider (makeDecider, loaded only then), once per row.
 * Nothing is allocated per decision.
 */
import type { PricePanel } from '../core/panel.js';
import type { DecisionContext, DecisionRecord } from '../engine/decideTargets.js';
import type { PreparedPanel } from '../engine/preparePanel.js';
import type { StrategyLayout } from '../engine/strategyLayout.js';
import type { StrategySpec } from '../strategy/schema.js';
import type { SweepThread } from './sweepMemory.js';

/** Rows the kernel decides per call (a table read every 252 rows wastes little). */
const KERNEL_BLOCK = 16;

type Native = { readonly kind: 'inverseVol'; readonly lookback: number; readonly need: number; readonly fallbackEqual: boolean } | { readonly kind: 'equal' };

/** engine/decideTargets.ts's makeDecider, passed in so that the fast path loads it only when a strategy needs it. */
export type MakeDecider = (ctx: DecisionContext, log: DecisionRecord[]) => (row: number, out: Float64Array) => void;

/** The native decision of a spec, or null when its rows go to the general decider. */
export function nativeDecision(spec: StrategySpec, layout: StrategyLayout): Native | null {
  const a = spec.allocation;
  if (layout.sleeves.length !== 1 || a.across.method !== 'equal' || a.trendFilter || a.acrossConstraints || a.assetConstraints) return null;
  if (spec.data.lateStart === 'cash') return null;
  const sleeve = layout.sleeves[0]!;
  if (sleeve.constraints || sleeve.members.some((m) => m.windows !== undefined)) return null;
  const w = sleeve.within;
  if (w.method === 'equal') return { kind: 'equal' };
  if (w.method === 'inverseVol' && (w.fallback.length === 0 || w.fallback[0] === 'equal')) {
    return { kind: 'inverseVol', lookback: w.lookback, need: Math.max(2, Math.min(w.minObservations, w.lookback)), fallbackEqual: w.fallback.length > 0 };
  }
  return null;
}

export class SweepDecisions {
  /** targets[row · m + a]: the weights decided at the close of full-panel row `row`. */
  readonly targets: Float64Array;
  private readonly done: Uint8Array;
  private readonly row: Float64Array;
  private general: ((row: number, out: Float64Array) => void) | null = null;
  private readonly log: DecisionRecord[] = [];
  /** Rows decided natively here (not those the kernel decides) and by the general decider (tests). */
  nativeRows = 0;
  generalRows = 0;
  /** The thread's kernels when this table lives in their memory (the simulation then runs there too). */
  readonly kernelThread: SweepThread | null;

  constructor(
    readonly key: string,
    /** The spec the table was made for (its sleeves, allocation and data give the key). */
    readonly spec: StrategySpec,
    readonly layoutOf: StrategyLayout,
    private readonly panel: PricePanel,
    private readonly prepared: PreparedPanel,
    /** Panel column of each strategy asset. */
    readonly columns: Int32Array,
    /** Column-major prices of the strategy's assets (the decider's `prices`, N rows each). */
    private readonly prices: Float64Array,
    private readonly native: Native | null,
    /** The general decider's factory; needed when `native` is null. */
    private readonly makeDecider: MakeDecider | null,
    /** 1 on full-panel rows where every strategy asset has a price (eligibility needs no look-up there). */
    private readonly allPriced: Uint8Array,
    /** A table of the same size whose buffers this one takes over (fresh memory is slow to touch). */
    reuse: SweepDecisions | null = null,
    /**
     * This thread's sweep kernels, for a table over the panel's own columns in order: the table
     * then lives in the thread's region of the shared memory, and native inverse-vol rows where
     * every column is priced are decided by the kernel (the same arithmetic, tested bit for bit).
     */
    kernel: SweepThread | null = null,
  ) {
    const m = columns.length;
    const N = panel.dates.length;
    if (kernel !== null && (reuse === null || reuse.kernelThread !== kernel)) {
      const buffer = kernel.buffer;
      this.targets = new Float64Array(buffer, kernel.slot.targets, N * m);
      this.done = new Uint8Array(buffer, kernel.slot.done, N);
      this.row = new Float64Array(m);
      this.done.fill(0);
    } else if (reuse !== null && reuse.targets.length === panel.dates.length * m && reuse.kernelThread === kernel) {
      this.targets = reuse.targets;
      this.done = reuse.done;
      this.row = reuse.row;
      this.done.fill(0);
    } else {
      this.targets = new Float64Array(panel.dates.length * m);
      this.done = new Uint8Array(panel.dates.length);
      this.row = new Float64Array(m);
    }
    this.kernelThread = kernel;
  }

  /** Decides the rows r0..r1−1 the kernel takes in one call (none without the kernel); at() decides the others. */
  decideSpan(r0: number, r1: number): void {
    const native = this.native;
    if (native === null || native.kind !== 'inverseVol' || this.kernelThread === null) return;
    const { kernels, mem, slot } = this.kernelThread;
    kernels.decideRows(r0, r1, this.columns.length, native.lookback, native.need, native.fallbackEqual ? 1 : 0, mem.count, mem.sum, mem.sumSq, mem.allPriced, slot.targets, slot.done);
  }

  /** Offset into `targets` of the decision at full-panel row `row`, deciding it on first use. */
  at(row: number): number {
    const m = this.columns.length;
    const at = row * m;
    if (this.done[row] === 1) return at;
    const native = this.native;
    if (native !== null && native.kind === 'inverseVol' && this.kernelThread !== null) {
      this.decideSpan(row, Math.min(row + KERNEL_BLOCK, this.panel.dates.length));
      if (this.done[row] === 1) return at;
    }
    if (this.native !== null) {
      this.decideNative(this.native, row, at);
      this.nativeRows++;
    } else {
      if (this.makeDecider === null) throw new Error('SweepDecisions: no general decider for a strategy the native decisions do not cover');
      this.general ??= this.makeDecider(
        { layout: this.layoutOf, across: this.spec.allocation.across, nRows: this.panel.dates.length, prices: this.prices, prepared: { data: this.prepared, columns: Array.from(this.columns) }, dates: this.panel.dates, lateStart: this.spec.data.lateStart },
        this.log,
      );
      this.general(row, this.row);
      this.log.length = 0;
      this.targets.set(this.row, at);
      this.generalRows++;
    }
    this.done[row] = 1;
    return at;
  }

  /** The native decision at `row` into targets[at..at+m). */
  private decideNative(native: Native, row: number, at: number): void {
    const { columns, prices, targets } = this;
    const m = columns.length;
    const N = this.panel.dates.length;
    const everyone = this.allPriced[row] === 1;
    let eligible = m;
    if (!everyone) {
      eligible = 0;
      for (let i = 0; i < m; i++) if (prices[i * N + row]! > 0) eligible++;
    }
    if (native.kind === 'equal' || eligible === 0) {
      // Equal over the eligible members; none eligible: the sleeve is not held (all cash).
      for (let i = 0; i < m; i++) targets[at + i] = prices[i * N + row]! > 0 ? 1 / eligible : 0;
      return;
    }
    const { count, sum, sumSq, nAssets } = this.prepared;
    const first = Math.max(0, row - native.lookback + 1);
    const hi = (row + 1) * nAssets;
    const lo = first * nAssets;
    // Reciprocals of k and k − 1, once per distinct count (usually one per row): one division
    // and one square root per member instead of four divisions (equal to the allocator's
    // arithmetic to a few ulps).
    let kSeen = -1;
    let invK = 0;
    let invK1 = 0;
    // Σ 1/σ in two interleaved partial sums (even and odd members), as the kernel's two lanes add them.
    let total0 = 0;
    let total1 = 0;
    for (let i = 0; i < m; i++) {
      targets[at + i] = 0;
      if (!everyone && !(prices[i * N + row]! > 0)) continue;
      const c = columns[i]!;
      const k = count[hi + c]! - count[lo + c]!;
      if (k < native.need) continue;
      if (k !== kSeen) {
        kSeen = k;
        invK = 1 / k;
        invK1 = 1 / (k - 1);
      }
      const s1 = sum[hi + c]! - sum[lo + c]!;
      const s2 = sumSq[hi + c]! - sumSq[lo + c]!;
      const centred = s2 - s1 * s1 * invK;
      // Below 1e-12 of the raw second moment the difference is rounding: a constant series (σ = 0).
      if (!(centred > 1e-12 * s2)) continue;
      const inv = 1 / Math.sqrt(centred * invK1);
      if (!(inv > 0) || !Number.isFinite(inv)) continue;
      targets[at + i] = inv;
      if ((i & 1) === 0) total0 += inv;
      else total1 += inv;
    }
    const total = total0 + total1;
    if (total === 0) {
      // inverseVol failed: its fallback equal (never fails), or cash.
      for (let i = 0; i < m; i++) targets[at + i] = native.fallbackEqual && prices[i * N + row]! > 0 ? 1 / eligible : 0;
      return;
    }
    const scale = 1 / total;
    for (let i = 0; i < m; i++) targets[at + i] = targets[at + i]! * scale;
  }
}
