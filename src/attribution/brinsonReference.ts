/**
 * The reference portfolio the Brinson–Fachler attribution measures the strategy against, from
 * the strategy's own declared policy (so the effects say what the strategy's active choices —
 * drift, calendar, tactical sleeve weights, the within-sleeve method — added to its plan):
 *  - sleeve weights W_s: `allocation.across`'s fixed weights when the across method is `fixed`
 *    (the seed barbell's 30/30/20/20; a sleeve not named gets 0), else equal, 1/S each; the
 *    remainder 1 − Σ_s W_s is held in cash, earning what the strategy's cash earns;
 *  - within each sleeve: its members' declared fixed weights when the sleeve's within method is
 *    `fixed` (rescaled to sum to 1 over the members), else equal weights;
 *  - rebalanced to these weights every day (no drift), so the reference is the same fixed-weight
 *    index whatever the strategy's calendar.
 * Pure: from the resolved spec and the run's layout.
 */
import type { StrategyLayout } from '../engine/strategyLayout.js';
import type { StrategySpec } from '../strategy/schema.js';

export interface BrinsonReference {
  /** W_s, in layout.sleeves order. */
  readonly sleeveWeights: readonly number[];
  /** 1 − Σ W_s. */
  readonly cashWeight: number;
  /** Per sleeve, the within weights of its members (layout order), summing to 1. */
  readonly memberWeights: readonly (readonly number[])[];
  /** The reference in words, for the report. */
  readonly description: string;
}

export function brinsonReference(spec: StrategySpec, layout: StrategyLayout): BrinsonReference {
  const S = layout.sleeves.length;
  const across = spec.allocation.across;
  const fixedAcross = across.method === 'fixed' ? (across as { weights: Record<string, number> }).weights : null;
  const sleeveWeights = layout.sleeves.map((s) => (fixedAcross ? (fixedAcross[s.name] ?? 0) : 1 / S));
  const cashWeight = 1 - sleeveWeights.reduce((a, b) => a + b, 0);
  const fixedWithin: string[] = [];
  const memberWeights = layout.sleeves.map((s) => {
    const equal = s.members.map(() => 1 / s.members.length);
    if (s.within.method !== 'fixed') return equal;
    const declared = (s.within as { weights: Record<string, number> }).weights;
    const raw = s.members.map((m) => declared[layout.assets[m.asset]!] ?? 0);
    const sum = raw.reduce((a, b) => a + b, 0);
    if (!(sum > 0)) return equal;
    fixedWithin.push(s.name);
    return raw.map((w) => w / sum);
  });
  const pct = (x: number) => `${Number((100 * x).toPrecision(6))}%`;
  const sleevePart = fixedAcross
    ? `the strategy's fixed sleeve weights (${layout.sleeves.map((s, k) => `${s.name} ${pct(sleeveWeights[k]!)}`).join(', ')})`
    : `equal sleeve weights (${pct(1 / S)} each; the across method ${across.method} has no fixed target)`;
  const withinPart = fixedWithin.length > 0 ? `declared fixed weights within ${fixedWithin.join(', ')} (rescaled to sum to 1), equal weights within the other sleeves` : 'equal weights within each sleeve';
  const cashPart = Math.abs(cashWeight) > 1e-12 ? `, ${pct(cashWeight)} in cash` : '';
  return { sleeveWeights, cashWeight, memberWeights, description: `${sleevePart}${cashPart}, ${withinPart}, rebalanced daily` };
}
