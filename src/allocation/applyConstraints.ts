import * as z from 'zod';
import { boundFor, perCandidateBoundSchema, weightSchema } from './commonParams.js';

export const constraintsSchema = z
  .object({
    maxWeight: perCandidateBoundSchema.default(1).describe('cap per candidate (number, or by name); weight above it is spread over the others'),
    minWeight: perCandidateBoundSchema
      .default(0)
      .describe('smallest position kept (number, or by name); smaller positions are dropped and their weight spread over the others'),
    maxHoldings: z.number().int().min(1).optional().describe('keep only the largest N positions'),
    cashFloor: weightSchema.default(0).describe('minimum cash at this level'),
  })
  .strict();

export type ConstraintsSpec = z.output<typeof constraintsSchema>;

/** Constrained weights, and what the constraints did that a report should say. */
export interface ConstrainedWeights {
  readonly weights: Float64Array;
  /** Weight the caps could not place (every held candidate at its cap) and left in cash. */
  readonly cashFromCaps: number;
  readonly warnings: readonly string[];
}

/**
 * Applies position constraints to target weights, in this order:
 *  1. ineligible, negative or non-finite weights → 0;
 *  2. `maxHoldings` N: keep the N largest (ties: earlier candidate), scale them up to the old total;
 *  3. `minWeight`: drop held positions below their floor, spread their weight pro rata over the rest
 *     (when it drops every held position, the weight goes to cash, with a warning naming minWeight);
 *  4. `cashFloor` c: if Σw > 1 − c, scale all down to 1 − c;
 *  5. `maxWeight`: water-filling to a fixed point: clip every weight above its cap and spread the
 *     excess over the held, uncapped candidates in proportion to their weights, until none exceeds
 *     its cap. When all held candidates are capped (e.g. n · maxWeight < Σw) the excess goes to
 *     cash, reported in `cashFromCaps` and a warning.
 * Pure: returns a new array. Σw never increases.
 */
export function applyConstraints(
  weights: Float64Array,
  names: readonly string[],
  eligible: Uint8Array,
  constraints: ConstraintsSpec,
): ConstrainedWeights {
  const n = weights.length;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = weights[i] as number;
    w[i] = eligible[i] === 1 && v > 0 && Number.isFinite(v) ? v : 0;
  }
  const warnings: string[] = [];
  if (constraints.maxHoldings !== undefined) keepLargest(w, constraints.maxHoldings);
  const largest = max(w);
  if (dropBelowFloor(w, names, constraints.minWeight)) {
    warnings.push(`minWeight drops every held position (the largest is ${largest.toPrecision(4)}, below its floor ${describeBound(constraints.minWeight)}): the weight goes to cash; lower minWeight`);
  }
  const total = sum(w);
  const ceiling = 1 - constraints.cashFloor;
  if (total > ceiling) scale(w, ceiling / total);
  const cashFromCaps = capByWaterFilling(w, names, constraints.maxWeight);
  if (cashFromCaps > 1e-12) {
    warnings.push(`caps leave ${cashFromCaps.toPrecision(4)} in cash: every held candidate is at its cap`);
  }
  return { weights: w, cashFromCaps, warnings };
}

function sum(w: Float64Array): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i] as number;
  return s;
}

function scale(w: Float64Array, factor: number): void {
  for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) * factor;
}

function keepLargest(w: Float64Array, k: number): void {
  const held: number[] = [];
  for (let i = 0; i < w.length; i++) if ((w[i] as number) > 0) held.push(i);
  if (held.length <= k) return;
  const before = sum(w);
  held.sort((a, b) => (w[b] as number) - (w[a] as number) || a - b);
  for (const i of held.slice(k)) w[i] = 0;
  scale(w, before / sum(w));
}

function max(w: Float64Array): number {
  let m = 0;
  for (let i = 0; i < w.length; i++) m = Math.max(m, w[i] as number);
  return m;
}

function describeBound(bound: ConstraintsSpec['minWeight']): string {
  return typeof bound === 'number' ? String(bound) : JSON.stringify(bound);
}

/** Drops held positions below their floor; true when it dropped every held position. */
function dropBelowFloor(w: Float64Array, names: readonly string[], floor: ConstraintsSpec['minWeight']): boolean {
  const before = sum(w);
  let dropped = false;
  for (let i = 0; i < w.length; i++) {
    const v = w[i] as number;
    if (v > 0 && v < boundFor(floor, names[i] as string, 0)) {
      w[i] = 0;
      dropped = true;
    }
  }
  const after = sum(w);
  if (dropped && after > 0) scale(w, before / after);
  return dropped && after === 0;
}

/** Clips to the caps, redistributing pro rata over held uncapped names; returns what went to cash. */
function capByWaterFilling(w: Float64Array, names: readonly string[], cap: ConstraintsSpec['maxWeight']): number {
  const n = w.length;
  const caps = new Float64Array(n);
  for (let i = 0; i < n; i++) caps[i] = boundFor(cap, names[i] as string, 1);
  for (let round = 0; round <= n; round++) {
    let excess = 0;
    let freeSum = 0;
    for (let i = 0; i < n; i++) {
      const v = w[i] as number;
      const c = caps[i] as number;
      if (v > c) {
        excess += v - c;
        w[i] = c;
      } else if (v > 0 && v < c) freeSum += v;
    }
    if (excess <= 0) return 0;
    if (freeSum <= 0) return excess;
    const factor = 1 + excess / freeSum;
    for (let i = 0; i < n; i++) {
      const v = w[i] as number;
      if (v > 0 && v < (caps[i] as number)) w[i] = v * factor;
    }
  }
  return 0;
}
