/**
 * The target weights of one decision key (engine/decisionMemo.ts: sleeves, allocation,
 * data.lateStart) on one panel, computed at most once per row and kept for every variant of a
 * sweep that shares the key: all rebalance spacings, lags, costs and periods of one lookback read
 * the same rows. A decision at row t reads only prices and returns up to t (decideTargets.ts), so
 * computing the daily decisions of a lookback once and sub-sampling them by spacing is exact.
 *
 * Native rows: for the simplest strategy (one sleeve, across `equal`, within `inverseVol` or
 * `equal`, no constraints, trend filter, dated members or lateStart cash), a row where every
 * member is priced and usable is decided here, with the allocators' own arithmetic:
 *   inverseVol: σ_i from the prepared window moments (count, Σr, Σr² over the last `lookback`
 *   rows), w_i = (1/σ_i) / Σ_j (1/σ_j); equal: w_i = 1/m; the one sleeve gets 1 (equal across).
 * Any other row (a member unpriced, too few returns, zero volatility) and every other strategy
 * goes to the general decider (makeDecider), once per row. Nothing is allocated per decision.
 */
import type { PricePanel } from '../core/panel.js';
import { makeDecider, type DecisionRecord } from '../engine/decideTargets.js';
import type { PreparedPanel } from '../engine/preparePanel.js';
import type { StrategyLayout } from '../engine/strategyLayout.js';
import type { StrategySpec } from '../strategy/schema.js';

type Native = { readonly kind: 'inverseVol'; readonly lookback: number; readonly need: number } | { readonly kind: 'equal' };

/** The native decision of a spec, or null when its rows go to the general decider. */
export function nativeDecision(spec: StrategySpec, layout: StrategyLayout): Native | null {
  const a = spec.allocation;
  if (layout.sleeves.length !== 1 || a.across.method !== 'equal' || a.trendFilter || a.acrossConstraints || a.assetConstraints) return null;
  if (spec.data.lateStart === 'cash') return null;
  const sleeve = layout.sleeves[0]!;
  if (sleeve.constraints || sleeve.members.some((m) => m.windows !== undefined)) return null;
  const w = sleeve.within;
  if (w.method === 'equal') return { kind: 'equal' };
  if (w.method === 'inverseVol') return { kind: 'inverseVol', lookback: w.lookback, need: Math.max(2, Math.min(w.minObservations, w.lookback)) };
  return null;
}

export class SweepDecisions {
  /** targets[row · m + a]: the weights decided at the close of full-panel row `row`. */
  readonly targets: Float64Array;
  private readonly done: Uint8Array;
  private readonly row: Float64Array;
  private general: ((row: number, out: Float64Array) => void) | null = null;
  private readonly log: DecisionRecord[] = [];
  /** Rows decided natively and by the general decider (tests, the manifest's counts). */
  nativeRows = 0;
  generalRows = 0;

  constructor(
    readonly key: string,
    private readonly spec: StrategySpec,
    readonly layoutOf: StrategyLayout,
    private readonly panel: PricePanel,
    private readonly prepared: PreparedPanel,
    /** Panel column of each strategy asset. */
    readonly columns: Int32Array,
    /** Column-major prices of the strategy's assets (the decider's `prices`, N rows each). */
    private readonly prices: Float64Array,
    private readonly native: Native | null,
    /** A table of the same size whose buffers this one takes over (fresh memory is slow to touch). */
    reuse: SweepDecisions | null = null,
  ) {
    const m = columns.length;
    if (reuse !== null && reuse.targets.length === panel.dates.length * m) {
      this.targets = reuse.targets;
      this.done = reuse.done;
      this.row = reuse.row;
      this.done.fill(0);
    } else {
      this.targets = new Float64Array(panel.dates.length * m);
      this.done = new Uint8Array(panel.dates.length);
      this.row = new Float64Array(m);
    }
  }

  /** Offset into `targets` of the decision at full-panel row `row`, deciding it on first use. */
  at(row: number): number {
    const m = this.columns.length;
    const at = row * m;
    if (this.done[row] === 1) return at;
    if (this.native === null || !this.decideNative(row, at)) {
      this.general ??= makeDecider(
        { layout: this.layoutOf, across: this.spec.allocation.across, nRows: this.panel.dates.length, prices: this.prices, prepared: { data: this.prepared, columns: Array.from(this.columns) }, dates: this.panel.dates, lateStart: this.spec.data.lateStart },
        this.log,
      );
      this.general(row, this.row);
      this.log.length = 0;
      this.targets.set(this.row, at);
      this.generalRows++;
    } else this.nativeRows++;
    this.done[row] = 1;
    return at;
  }

  /** The native decision at `row` into targets[at..], or false when a member is not priced or not usable. */
  private decideNative(row: number, at: number): boolean {
    const native = this.native!;
    const { columns, prices, targets } = this;
    const m = columns.length;
    const N = this.panel.dates.length;
    for (let i = 0; i < m; i++) if (!(prices[i * N + row]! > 0)) return false;
    if (native.kind === 'equal') {
      for (let i = 0; i < m; i++) targets[at + i] = 1 / m;
      return true;
    }
    const { count, sum, sumSq, nAssets } = this.prepared;
    const first = Math.max(0, row - native.lookback + 1);
    const hi = (row + 1) * nAssets;
    const lo = first * nAssets;
    let total = 0;
    for (let i = 0; i < m; i++) {
      const c = columns[i]!;
      const k = count[hi + c]! - count[lo + c]!;
      if (k < native.need) return false;
      const s1 = sum[hi + c]! - sum[lo + c]!;
      const s2 = sumSq[hi + c]! - sumSq[lo + c]!;
      const centred = s2 - (s1 * s1) / k;
      const sd = centred > 1e-12 * s2 ? Math.sqrt(centred / (k - 1)) : 0;
      if (!(sd > 0) || !Number.isFinite(sd)) return false;
      const inv = 1 / sd;
      targets[at + i] = inv;
      total += inv;
    }
    for (let i = 0; i < m; i++) targets[at + i] = targets[at + i]! / total;
    return true;
  }
}
