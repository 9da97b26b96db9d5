/**
 * Two-level allocation at a decision close: within each sleeve over its assets, then across
 * sleeves over sleeve index series, and the product gives each asset's target weight.
 *
 * Causality: the allocators see return rows up to and including the decision row only (the
 * window is copied from rows ≤ t; later rows are not in it). An asset is eligible when it has a
 * price at the decision close (a forward-filled price within the fill limit counts).
 *
 * Sleeve index returns over the across-level window use the sleeve's current within weights:
 * r_s,k = Σ_i w_i r_i,k / Σ_i w_i over members with a return on row k (NaN when none has one).
 */
import { allocate, lookbackOf } from '../allocation/registry.js';
import type { AllocationFallback, AllocationInput } from '../allocation/types.js';
import type { MethodSpec } from '../strategy/methodSchema.js';
import type { StrategyLayout } from './strategyLayout.js';

export interface DecisionContext {
  readonly layout: StrategyLayout;
  readonly across: MethodSpec;
  /** Column-major prices of the strategy's assets (asset a at row r: prices[a * nRows + r]; NaN = no price). */
  readonly prices: Float64Array;
  /** Rows per column of `prices` (the full panel). */
  readonly nRows: number;
}

export interface DecisionRecord {
  readonly row: number;
  readonly fallbacks: (AllocationFallback & { level: string })[];
}

/** Returns `decide(row, out)` writing the asset targets for a full-panel row. */
export function makeDecider(ctx: DecisionContext, log: DecisionRecord[]): (row: number, out: Float64Array) => void {
  const { layout, nRows, prices } = ctx;
  // Sleeve members' returns, filled per decision (rows ≤ the decision row only).
  const memberReturns = new Map<number, Float64Array>();
  const nSleeves = layout.sleeves.length;
  const withinLookback = layout.sleeves.map((s) => lookbackOf(s.within));
  const acrossLookback = lookbackOf(ctx.across);
  const sleeveNames = layout.sleeves.map((s) => s.name);

  return (row, out) => {
    out.fill(0);
    const fallbacks: DecisionRecord['fallbacks'] = [];
    const withinWeights: Float64Array[] = [];
    const sleeveEligible = new Uint8Array(nSleeves);
    layout.sleeves.forEach((sleeve, s) => {
      const idx = sleeve.members.map((m) => m.asset);
      const input = windowInput(idx, sleeve.members.map((m) => ctx.layout.assets[m.asset]!), row, withinLookback[s]!);
      const result = allocate(sleeve.within, input);
      for (const f of result.fallbacks) fallbacks.push({ ...f, level: `sleeve ${sleeve.name}` });
      withinWeights.push(result.weights);
      let sum = 0;
      for (const w of result.weights) sum += w;
      sleeveEligible[s] = sum > 0 ? 1 : 0;
    });
    const across = acrossInput(row, withinWeights, sleeveEligible);
    const result = allocate(ctx.across, across);
    for (const f of result.fallbacks) fallbacks.push({ ...f, level: 'across sleeves' });
    layout.sleeves.forEach((sleeve, s) => {
      const a = result.weights[s]!;
      const ws = withinWeights[s]!;
      sleeve.members.forEach((m, i) => {
        out[m.asset] = (out[m.asset] as number) + a * (ws[i] as number);
      });
    });
    if (fallbacks.length > 0) log.push({ row, fallbacks });
  };

  function windowInput(assetIdx: number[], names: string[], row: number, lookback: number): AllocationInput {
    const first = Math.max(0, row - lookback + 1);
    const length = row - first + 1;
    const k = assetIdx.length;
    const window = new Float64Array(k * length);
    const eligible = new Uint8Array(k);
    assetIdx.forEach((a, i) => {
      returnsInto(a, first, length, window, i * length);
      eligible[i] = (prices[a * nRows + row] as number) > 0 ? 1 : 0;
    });
    return { n: k, names, returns: window, length, eligible };
  }

  /** Simple returns r_s = p_s / p_{s−1} − 1 of asset a for rows first..first+length−1 (NaN when a price is missing). */
  function returnsInto(a: number, first: number, length: number, out: Float64Array, at: number): void {
    const base = a * nRows;
    for (let k = 0; k < length; k++) {
      const s = first + k;
      out[at + k] = s > 0 ? (prices[base + s] as number) / (prices[base + s - 1] as number) - 1 : Number.NaN;
    }
  }

  function acrossInput(row: number, withinWeights: Float64Array[], eligible: Uint8Array): AllocationInput {
    const first = Math.max(0, row - acrossLookback + 1);
    const length = row - first + 1;
    const window = new Float64Array(nSleeves * length);
    if (acrossLookback === 0) return { n: nSleeves, names: sleeveNames, returns: window, length: 0, eligible };
    memberReturns.clear();
    layout.sleeves.forEach((sleeve, s) => {
      const ws = withinWeights[s]!;
      const sums = new Float64Array(length);
      const held = new Float64Array(length);
      sleeve.members.forEach((m, i) => {
        const w = ws[i] as number;
        if (!(w > 0)) return;
        let r = memberReturns.get(m.asset);
        if (!r) {
          r = new Float64Array(length);
          returnsInto(m.asset, first, length, r, 0);
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
    return { n: nSleeves, names: sleeveNames, returns: window, length, eligible };
  }
}
