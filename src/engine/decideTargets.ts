/**
 * Two-level allocation at a decision close, in this order:
 *  1. within each sleeve: the sleeve's method over its members, then the sleeve's `constraints`
 *     (applyConstraints: maxHoldings, minWeight, cashFloor, maxWeight; fractions of the sleeve);
 *  2. across sleeves: the across method over the sleeve index series;
 *  3. trend filter at sleeve level (allocation.trendFilter, level sleeve): a sleeve whose index
 *     is below its N-row SMA hands its weight to the safe sleeves (or cash);
 *  4. `acrossConstraints` on the sleeve weights;
 *  5. product: asset target = Σ over sleeves of sleeveWeight · withinWeight;
 *  6. trend filter at asset level (level asset): per asset on its own price index, safe tickers
 *     receive the weight;
 *  7. `assetConstraints` on the asset targets (caps last, so they always hold).
 *
 * Causality: every window is copied from rows ≤ the decision row; later rows are not in it. An
 * asset is eligible when it has a price at the decision close (a forward-filled price within the
 * fill limit counts) and, for a dated member, the decision date is inside one of its spans. Windows are long enough for both the methods and the trend period.
 *
 * Sleeve index returns over the across-level window use the sleeve's current within weights:
 * r_s,k = Σ_i w_i r_i,k / Σ_i w_i over members with a return on row k (NaN when none has one).
 *
 * A sleeve is eligible at the across level when at least one member has a price at the close.
 * When its within weights are all 0 (its method put the whole sleeve in cash, e.g. every
 * momentum winner below `absoluteThreshold`, or a within trend filter to cash), it stays eligible
 * and its across weight is held in cash; its index then weighs its members equally (w_i = 1).
 */
import { applyConstraints, type ConstraintsSpec } from '../allocation/applyConstraints.js';
import type { AllocationFallback, AllocationResult } from '../allocation/types.js';
import { applyTrendFilter } from '../signals/trendFilter.js';
import { allocateStage, stageLookback } from '../strategy/allocateStage.js';
import type { MethodSpec } from '../strategy/methodSchema.js';
import { missingShare } from './missingShare.js';
import type { StrategyLayout } from './strategyLayout.js';
import { acrossInput, MomentBuffers, windowInput, type Columns, type Prepared } from './windowInput.js';

export interface DecisionContext {
  readonly layout: StrategyLayout;
  readonly across: MethodSpec;
  /** Column-major prices of the strategy's assets (asset a at row r: prices[a * nRows + r]; NaN = no price). */
  readonly prices: Float64Array;
  /** Rows per column of `prices` (the full panel). */
  readonly nRows: number;
  /**
   * Returns and prefix sums prepared once for the panel, with the panel column of each strategy
   * asset: windows then carry their moments (O(1) per candidate), and the return window is built
   * only if an allocator reads it.
   */
  readonly prepared?: Prepared | undefined;
  /** Dates of the panel rows: a dated member (layout windows) is a candidate only on rows inside its spans. */
  readonly dates?: Int32Array | undefined;
  /** `data.lateStart`: with `cash`, candidates without a price keep their slot in cash (missingShare). */
  readonly lateStart?: 'refuse' | 'cash' | 'redistribute' | undefined;
}

/** What a decision did beyond its weights (recorded only when one of the lists is non-empty). */
export interface DecisionRecord {
  readonly row: number;
  readonly fallbacks: (AllocationFallback & { level: string })[];
  /** Allocator and constraint warnings, each prefixed with its level ("sleeve gold: ..."), deduplicated. */
  readonly warnings: readonly string[];
  /** Sleeves (level sleeve) or tickers (level asset) the trend filter switched off at this decision. */
  readonly brokenTrends: readonly string[];
}

/**
 * Collects a decision's fallbacks, warnings (deduplicated) and broken trends. One instance per
 * decider, cleared at each decision; a decision with notes gets copies in its record.
 */
class DecisionNotes {
  readonly fallbacks: DecisionRecord['fallbacks'] = [];
  readonly warnings: string[] = [];
  readonly brokenTrends: string[] = [];

  clear(): void {
    // Setting an array's length is a slow builtin call: only when there is something to drop.
    if (this.fallbacks.length > 0) this.fallbacks.length = 0;
    if (this.warnings.length > 0) this.warnings.length = 0;
    if (this.brokenTrends.length > 0) this.brokenTrends.length = 0;
  }

  add(level: string, result: Pick<AllocationResult, 'fallbacks' | 'warnings'>): void {
    for (let i = 0; i < result.fallbacks.length; i++) this.fallbacks.push({ ...result.fallbacks[i]!, level });
    const warnings = result.warnings;
    if (warnings === undefined) return;
    for (let i = 0; i < warnings.length; i++) {
      const w = `${level}: ${warnings[i]!}`;
      if (!this.warnings.includes(w)) this.warnings.push(w);
    }
  }

  record(row: number, log: DecisionRecord[]): void {
    if (this.fallbacks.length + this.warnings.length + this.brokenTrends.length === 0) return;
    log.push({ row, fallbacks: [...this.fallbacks], warnings: [...this.warnings], brokenTrends: [...this.brokenTrends] });
  }
}

/** Returns `decide(row, out)` writing the asset targets for a full-panel row. */
export function makeDecider(ctx: DecisionContext, log: DecisionRecord[]): (row: number, out: Float64Array) => void {
  const { layout } = ctx;
  const cols: Columns = { prices: ctx.prices, nRows: ctx.nRows, assets: layout.assets, prepared: ctx.prepared, moments: new MomentBuffers() };
  const nSleeves = layout.sleeves.length;
  const overlay = layout.trendFilter;
  const withinLookback = layout.sleeves.map((s) => stageLookback(s.within));
  const acrossLookback = Math.max(stageLookback(ctx.across), overlay?.level === 'sleeve' ? overlay.period : 0);
  const sleeveNames = layout.sleeves.map((s) => s.name);
  const allAssets = layout.assets.map((_, a) => a);
  // Per sleeve, once: member columns, their names and the level label of its notes.
  const memberIdx = layout.sleeves.map((s) => s.members.map((m) => m.asset));
  const memberNames = memberIdx.map((idx) => idx.map((a) => layout.assets[a]!));
  const levels = layout.sleeves.map((s) => `sleeve ${s.name}`);
  // Output buffers the allocators may fill instead of allocating (read before the next decision).
  const withinOut = memberIdx.map((idx) => new Float64Array(idx.length));
  const acrossOut = new Float64Array(nSleeves);
  const missingToCash = ctx.lateStart === 'cash';
  const dated = layout.sleeves.map((s) => s.members.some((m) => m.windows !== undefined));
  const sleeveMissing = new Uint8Array(nSleeves);
  // Eligibility buffers, overwritten at every decision and read only during it (allocators,
  // constraints and the trend filter keep no reference; user modules get a copy).
  const memberEligible = memberIdx.map((idx) => new Uint8Array(idx.length));
  const assetEligible = new Uint8Array(layout.assets.length);
  const sleeveEligible = new Uint8Array(nSleeves);
  // Per decision, overwritten: the notes and each sleeve's within weights.
  const notes = new DecisionNotes();
  const withinWeights: Float64Array[] = withinOut.slice();

  return (row, out) => {
    out.fill(0);
    notes.clear();
    sleeveEligible.fill(0);
    for (let s = 0; s < nSleeves; s++) {
      const sleeve = layout.sleeves[s]!;
      const input = windowInput(cols, memberIdx[s]!, memberNames[s]!, row, withinLookback[s]!, memberEligible[s]!, withinOut[s]!);
      // lateStart cash counts a slot for each member listed at this date without a price; a dated
      // member outside its dates is not listed (it holds no slot).
      const unpriced = missingToCash ? input.eligible.map((e) => 1 - e) : undefined;
      let listed: Uint8Array | undefined;
      if (dated[s] && ctx.dates) {
        outsideDates(sleeve, ctx.dates[row]!, input.eligible);
        if (unpriced) outsideDates(sleeve, ctx.dates[row]!, (listed = new Uint8Array(unpriced.length).fill(1)));
      }
      const level = levels[s]!;
      const result = allocateStage(sleeve.within, input);
      notes.add(level, result);
      let w = constrain(result.weights, input.names, input.eligible, sleeve.constraints, level, notes);
      if (unpriced) {
        // Over the listed members only (all of them unless dated).
        const keep = (_: unknown, i: number) => listed === undefined || listed[i] === 1;
        const names = input.names.filter(keep);
        const missing = unpriced.filter(keep);
        sleeveMissing[s] = missing.length > 0 && missing.every((x) => x === 1) ? 1 : 0;
        const share = missingShare(sleeve.within, names, missing);
        if (share > 0) w = w.map((x) => x * (1 - share));
      }
      withinWeights[s] = w;
      // A sleeve can be held when a member has a price at the close, even if its within method
      // put all of its weight in cash (e.g. every momentum winner below absoluteThreshold): its
      // across weight then stays in cash instead of passing to the other sleeves.
      sleeveEligible[s] = input.eligible.includes(1) ? 1 : 0;
    }
    const across = acrossInput(cols, layout, sleeveNames, row, acrossLookback, withinWeights, sleeveEligible, acrossOut);
    const result = allocateStage(ctx.across, across);
    notes.add('across sleeves', result);
    let sleeveWeights = result.weights;
    if (missingToCash) {
      const share = missingShare(ctx.across, sleeveNames, sleeveMissing);
      if (share > 0) sleeveWeights = sleeveWeights.map((x) => x * (1 - share));
    }
    if (overlay?.level === 'sleeve') {
      const filtered = applyTrendFilter(sleeveWeights, across, overlay);
      sleeveWeights = filtered.weights;
      notes.brokenTrends.push(...filtered.brokenTrends);
    }
    sleeveWeights = constrain(sleeveWeights, sleeveNames, sleeveEligible, layout.acrossConstraints, 'across sleeves', notes);
    for (let s = 0; s < nSleeves; s++) {
      const a = sleeveWeights[s]!;
      const ws = withinWeights[s]!;
      const idx = memberIdx[s]!;
      for (let i = 0; i < idx.length; i++) out[idx[i]!] = out[idx[i]!]! + a * ws[i]!;
    }
    if (overlay?.level === 'asset' || layout.assetConstraints) {
      const assetInput = windowInput(cols, allAssets, layout.assets, row, overlay?.level === 'asset' ? overlay.period : 0, assetEligible);
      if (overlay?.level === 'asset') {
        const filtered = applyTrendFilter(out, assetInput, overlay);
        out.set(filtered.weights);
        notes.brokenTrends.push(...filtered.brokenTrends);
      }
      out.set(constrain(out, layout.assets, assetInput.eligible, layout.assetConstraints, 'portfolio', notes));
    }
    notes.record(row, log);
  };
}

/** A dated member outside its spans on `day` is not a candidate (as if it had no price). */
function outsideDates(sleeve: StrategyLayout['sleeves'][number], day: number, eligible: Uint8Array): void {
  sleeve.members.forEach((m, i) => {
    if (m.windows && !m.windows.some((w) => w.from <= day && day <= w.to)) eligible[i] = 0;
  });
}

/** Applies constraints when given, recording their warnings under `level`. */
function constrain(weights: Float64Array, names: readonly string[], eligible: Uint8Array, spec: ConstraintsSpec | undefined, level: string, notes: DecisionNotes): Float64Array {
  if (spec === undefined) return weights;
  const c = applyConstraints(weights, names, eligible, spec);
  notes.add(level, { fallbacks: [], warnings: c.warnings });
  return c.weights;
}

/**
 * The decisions' warnings deduplicated across decisions, for the report: each distinct message
 * (compared with its numbers blanked out) once, as first seen, with the number of decisions
 * that gave it and the first and last decision dates when there were several.
 */
export function summarizeDecisionWarnings(log: readonly DecisionRecord[], dateOf: (row: number) => string): string[] {
  const groups = new Map<string, { text: string; count: number; first: number; last: number }>();
  for (const d of log) {
    for (const w of d.warnings) {
      const key = w.replace(/-?\d+(\.\d+)?(e[-+]?\d+)?/gi, '#');
      const g = groups.get(key);
      if (g) {
        g.count++;
        g.last = d.row;
      } else groups.set(key, { text: w, count: 1, first: d.row, last: d.row });
    }
  }
  return [...groups.values()].map((g) =>
    g.count === 1 ? `${g.text} (decision of ${dateOf(g.first)})` : `${g.text} (at ${g.count} decisions, ${dateOf(g.first)} to ${dateOf(g.last)}; figures of the first)`,
  );
}
