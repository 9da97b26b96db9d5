/**
 * Decisions of a plain strategy, computed straight from window moments: one sleeve whose within
 * method is inverse vol or equal weight, `equal` across (so the one sleeve gets weight 1), no
 * constraints at any level, no trend filter, no dated members and no `data.lateStart: cash`.
 * For such a spec makeDecider (decideTargets.ts) does, at each decision: eligibility, the
 * window's moments, the method's weights, then 0 + 1 · w per asset, and records nothing unless a
 * method fails. plainWeights does the same arithmetic in the same order (inverseVol.ts's
 * fromMoments, equalWeight.ts; the targets are then the within weights themselves), without
 * inputs, results or notes per decision; when the method
 * would fail (no usable candidate, so a fallback with its record), it reports so and the caller
 * lets the general decider take that row.
 *
 * Two sources of moments: a prepared panel's prefix sums (plainDecider: the same differences as
 * the general decider, so the same bits), or block sums of a one-shot run (oneShotRoute.ts).
 */
import { INVERSE_VOL_FAILURE } from '../allocation/inverseVol.js';
import type { DecisionRecord } from './decideTargets.js';
import type { StrategySpec } from '../strategy/schema.js';
import { decisionArea, panelMemoryOf, wasmKernels, type WasmKernels } from '../wasm/wasmKernels.js';
import type { PreparedPanel } from './preparePanel.js';
import type { StrategyLayout } from './strategyLayout.js';

/** The within method; inverse vol with the fallback chain it may have here ([equal] or [], i.e. cash). */
export type PlainMethod = { readonly kind: 'equal' } | { readonly kind: 'inverseVol'; readonly lookback: number; readonly need: number; readonly fallback: 'equal' | 'cash' };

type Decide = (row: number, out: Float64Array) => void;

/** plainMethod's answer per spec, with the layout it was given. */
const methods = new WeakMap<StrategySpec, { readonly layout: StrategyLayout; readonly method: PlainMethod | null }>();

/** The spec's method when its decisions are plain (see the file comment), else null; remembered per spec and layout. */
export function plainMethod(spec: StrategySpec, layout: StrategyLayout): PlainMethod | null {
  const known = methods.get(spec);
  if (known !== undefined && known.layout === layout) return known.method;
  const method = methodOf(spec, layout);
  methods.set(spec, { layout, method });
  return method;
}

function methodOf(spec: StrategySpec, layout: StrategyLayout): PlainMethod | null {
  if (layout.sleeves.length !== 1 || spec.allocation.across.method !== 'equal') return null;
  if (layout.acrossConstraints !== undefined || layout.assetConstraints !== undefined || layout.trendFilter !== undefined) return null;
  if (spec.data.lateStart === 'cash') return null;
  const sleeve = layout.sleeves[0]!;
  // Members are the strategy's assets in order (asset i is member i), each listed once.
  if (sleeve.constraints !== undefined || sleeve.members.some((m, i) => m.windows !== undefined || m.asset !== i) || sleeve.members.length !== layout.assets.length) return null;
  const within = sleeve.within;
  if (within.method === 'equal') return { kind: 'equal' };
  // inverseVol.ts: usable with at least max(2, min(minObservations, lookback)) finite returns. A
  // fallback other than equal weight may read a longer window than the moments cover.
  if (within.method !== 'inverseVol' || within.fallback.length > 1 || (within.fallback.length === 1 && within.fallback[0] !== 'equal')) return null;
  const need = Math.max(2, Math.min(within.minObservations, within.lookback));
  return { kind: 'inverseVol', lookback: within.lookback, need, fallback: within.fallback.length === 1 ? 'equal' : 'cash' };
}

/**
 * The weights of n candidates into w (overwritten) from their eligibility and window moments
 * (candidate i's at `at` + i): false when the method fails (no candidate usable; w then all 0).
 */
export function plainWeights(method: PlainMethod, n: number, eligible: Uint8Array, count: Int32Array, s1s: Float64Array, s2s: Float64Array, at: number, w: Float64Array): boolean {
  if (method.kind === 'equal') {
    equalWeights(n, eligible, w);
    return true;
  }
  const need = method.need;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    w[i] = 0;
    if (eligible[i] !== 1) continue;
    const m = count[at + i]!;
    if (m < need) continue;
    const s1 = s1s[at + i]!;
    const s2 = s2s[at + i]!;
    const centred = s2 - (s1 * s1) / m;
    // As inverseVol.ts: below 1e-12 of the raw second moment the difference is rounding.
    const sd = centred > 1e-12 * s2 ? Math.sqrt(centred / (m - 1)) : 0;
    if (!(sd > 0) || !Number.isFinite(sd)) continue;
    w[i] = 1 / sd;
    sum += 1 / sd;
  }
  if (sum === 0) return false;
  for (let i = 0; i < n; i++) w[i] = w[i]! / sum;
  return true;
}

/** equalWeight.ts: 1/k for each of the k eligible candidates (all 0 when none is). */
function equalWeights(n: number, eligible: Uint8Array, w: Float64Array): void {
  let k = 0;
  for (let i = 0; i < n; i++) if (eligible[i] === 1) k++;
  for (let i = 0; i < n; i++) w[i] = k > 0 && eligible[i] === 1 ? 1 / k : 0;
}

/**
 * When inverse vol fails at a decision (no usable candidate): the weights of its fallback into w
 * (registry.ts's allocate: equal weight, or cash for an empty chain) and the record makeDecider
 * keeps of it.
 */
export function plainFallback(method: PlainMethod & { kind: 'inverseVol' }, sleeve: string, row: number, n: number, eligible: Uint8Array, w: Float64Array): DecisionRecord {
  if (method.fallback === 'equal') equalWeights(n, eligible, w);
  else w.fill(0);
  return { row, fallbacks: [{ from: 'inverseVol', to: method.fallback, reason: INVERSE_VOL_FAILURE, level: `sleeve ${sleeve}` }], warnings: [], brokenTrends: [] };
}

/** Decides every full-panel row of `rows` (ascending) into targets (row k's at k · m). */
export type DecideRows = (rows: Int32Array, targets: Float64Array) => void;

/**
 * `decide(row, out)` for a plain spec on a prepared panel: eligibility as windowInput reads it
 * (the priced span of a column without holes, else the price), the moments as differences of the
 * prefix sums, then plainWeights; a row where the method fails goes to `general`. On a panel in
 * a memory of its own, inverse vol runs in the kernel (inverseVolPrefix), and `decideRows`
 * decides many rows in one call (their memory reads overlap) when the targets live there too;
 * its rows where inverse vol fails take plainFallback, whose record goes to `log` (the one
 * makeDecider's `general` writes to), in row order.
 */
export function plainDecider(method: PlainMethod, layout: StrategyLayout, prices: Float64Array, nRows: number, prepared: { readonly data: PreparedPanel; readonly columns: readonly number[] }, general: Decide, log: DecisionRecord[]): { decide: Decide; decideRows?: DecideRows } {
  const n = layout.assets.length;
  const { cols, spanFirst, spanLast, withHoles, spanCounted, kernel } = panelSide(prepared.data, prepared.columns);
  const { firstPriced, lastPriced, holes, count: pc, sum: ps, sumSq: pq, nAssets } = prepared.data;
  const lookback = method.kind === 'inverseVol' ? method.lookback : 0;
  const eligibleInto = (row: number, into: Uint8Array, at: number): void => {
    for (let i = 0; i < n; i++) {
      const c = cols[i]!;
      into[at + i] = holes[c] === 0 ? (firstPriced[c]! <= row && row <= lastPriced[c]! ? 1 : 0) : prices[i * nRows + row]! > 0 ? 1 : 0;
    }
  };
  if (kernel !== null && method.kind === 'inverseVol') {
    const { kernels, area, c0 } = kernel;
    const sleeve = layout.sleeves[0]!.name;
    const buffer = prepared.data.filled.buffer;
    const ok = new Uint8Array(buffer, area.eligible, n);
    const weights = new Float64Array(buffer, area.weights, n);
    const decide: Decide = (row, out) => {
      eligibleInto(row, ok, 0);
      const lo = Math.max(0, row - lookback + 1);
      if (kernels.inverseVolPrefix(pc.byteOffset, ps.byteOffset, pq.byteOffset, nAssets, c0, n, row + 1, lo, area.eligible, method.need, area.weights) === 1) out.set(weights);
      else general(row, out);
    };
    const decideRows: DecideRows = (rows, targets) => {
      const D = rows.length;
      if (targets.buffer !== buffer || D > area.capacity) {
        for (let d = 0; d < D; d++) decide(rows[d]!, targets.subarray(d * n, (d + 1) * n));
        return;
      }
      const his = new Int32Array(buffer, area.his, D);
      const los = new Int32Array(buffer, area.los, D);
      const status = new Int32Array(buffer, area.status, D);
      const okAll = new Uint8Array(buffer, area.rowsEligible, D * n);
      for (let d = 0; d < D; d++) {
        his[d] = rows[d]! + 1;
        los[d] = Math.max(0, rows[d]! - lookback + 1);
      }
      // Eligibility from the priced spans in the kernel (the rows passed through the status
      // slots, which the weights kernel writes after), then from the prices for columns with holes.
      new Int32Array(buffer, area.first, n).set(spanFirst);
      new Int32Array(buffer, area.last, n).set(spanLast);
      const rowsAt = area.status;
      new Int32Array(buffer, rowsAt, D).set(rows);
      kernels.spanEligibility(area.first, area.last, n, rowsAt, D, area.rowsEligible);
      for (let k = 0; k < withHoles.length; k++) {
        const i = withHoles[k]!;
        for (let d = 0; d < D; d++) okAll[d * n + i] = prices[i * nRows + rows[d]!]! > 0 ? 1 : 0;
      }
      // Every column priced on exactly its span: the counts from the spans, no count row read.
      const spans = spanCounted ? 1 : 0;
      kernels.inverseVolPrefixRows(pc.byteOffset, ps.byteOffset, pq.byteOffset, nAssets, c0, n, D, area.his, area.los, area.rowsEligible, method.need, targets.byteOffset, area.status, spans * area.first, spans * area.last);
      // Rows where inverse vol failed, in order: its fallback and the record makeDecider keeps.
      for (let d = 0; d < D; d++) if (status[d] === 0) log.push(plainFallback(method, sleeve, rows[d]!, n, okAll.subarray(d * n, (d + 1) * n), targets.subarray(d * n, (d + 1) * n)));
    };
    return { decide, decideRows };
  }
  const eligible = new Uint8Array(n);
  const count = new Int32Array(n);
  const s1 = new Float64Array(n);
  const s2 = new Float64Array(n);
  const w = new Float64Array(n);
  const decide: Decide = (row, out) => {
    eligibleInto(row, eligible, 0);
    if (lookback > 0) {
      const hi = (row + 1) * nAssets;
      const lo = Math.max(0, row - lookback + 1) * nAssets;
      for (let i = 0; i < n; i++) {
        const c = cols[i]!;
        count[i] = pc[hi + c]! - pc[lo + c]!;
        s1[i] = ps[hi + c]! - ps[lo + c]!;
        s2[i] = pq[hi + c]! - pq[lo + c]!;
      }
    }
    // The targets are 0 + 1 · w_i (sleeve weight 1; w_i is never −0): w itself.
    if (plainWeights(method, n, eligible, count, s1, s2, 0, w)) out.set(w);
    else general(row, out);
  };
  return { decide };
}

/** What plainDecider reads of a prepared panel for the strategy's columns (panelSide). */
interface PanelSide {
  readonly cols: Int32Array;
  /** Per strategy column: first and last priced rows, and the strategy columns with holes. */
  readonly spanFirst: Int32Array;
  readonly spanLast: Int32Array;
  readonly withHoles: Int32Array;
  /**
   * Every column has a price on each row of its span [f, l] and a finite return on no row outside
   * f + 1..l (its total count is l − f): a window's count then follows from the span alone.
   */
  readonly spanCounted: boolean;
  readonly kernel: ReturnType<typeof kernelDecision>;
}

const sides = new WeakMap<PreparedPanel, { readonly columns: readonly number[]; readonly side: PanelSide }>();

/**
 * The prepared panel's side of plainDecider for the strategy's columns, remembered per panel for
 * the last columns array (a run's columns are the same array on every run of its spec).
 */
function panelSide(data: PreparedPanel, columns: readonly number[]): PanelSide {
  const known = sides.get(data);
  if (known !== undefined && known.columns === columns) return known.side;
  const n = columns.length;
  const cols = new Int32Array(n);
  // Plain loops: TypedArray.from with a map function or an iterator is slow to start.
  const spanFirst = new Int32Array(n);
  const spanLast = new Int32Array(n);
  const holed: number[] = [];
  const total = data.nRows * data.nAssets;
  let spanCounted = true;
  for (let i = 0; i < n; i++) {
    const c = (cols[i] = columns[i]!);
    spanFirst[i] = data.firstPriced[c]!;
    spanLast[i] = data.lastPriced[c]!;
    if (data.holes[c] !== 0) holed.push(i);
    if (data.holes[c] !== 0 || data.count[total + c] !== Math.max(0, spanLast[i]! - spanFirst[i]!)) spanCounted = false;
  }
  const side = { cols, spanFirst, spanLast, withHoles: Int32Array.from(holed), spanCounted, kernel: kernelDecision(data, cols) };
  sides.set(data, { columns, side });
  return side;
}

/**
 * The kernel and its memory's decision area, when the prepared panel lives in a panel memory
 * (prefixWasm.ts) and the strategy's columns are consecutive in it; else null.
 */
function kernelDecision(data: PreparedPanel, cols: Int32Array): { kernels: WasmKernels; area: ReturnType<typeof decisionArea>; c0: number } | null {
  const pm = wasmKernels === null ? undefined : panelMemoryOf(data.filled);
  if (pm === undefined || pm.count !== data.count || pm.sum !== data.sum || pm.sumSq !== data.sumSq) return null;
  const c0 = cols[0]!;
  for (let i = 0; i < cols.length; i++) if (cols[i] !== c0 + i) return null;
  return { kernels: pm.kernels, area: decisionArea(pm, data.nAssets), c0 };
}
