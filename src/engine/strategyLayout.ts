/**
 * The strategy's assets and sleeves as indexes: the order of assets is the order in which the
 * sleeves list them (first appearance). It also carries what a decision needs beyond the
 * methods: constraints at each level, the trend-filter overlay, and the spans of dated members. Pure: from the resolved spec
 * alone (the method specs are the spec's own objects, so modules attached to them are kept).
 * Remembered per spec object: a resolved spec is not changed once parsed (a variant is a new
 * object), and every run of a bench, sweep or robustness job asks again for the same spec.
 */
import type { ConstraintsSpec } from '../allocation/applyConstraints.js';
import type { MethodSpec } from '../strategy/methodSchema.js';
import type { StrategySpec } from '../strategy/schema.js';
import { parseIsoDate } from '../core/dates.js';
import { sleeveMembers } from '../strategy/sleeveMembers.js';

export interface SleeveLayout {
  readonly name: string;
  /** Members: index into `assets`, and the fraction of the asset that belongs to this sleeve. */
  readonly members: readonly { readonly asset: number; readonly fraction: number; readonly windows?: readonly DayWindow[] | undefined }[];
  readonly within: MethodSpec;
  /** Constraints on the within-sleeve weights (undefined: none). */
  readonly constraints?: ConstraintsSpec | undefined;
}

/** A dated member's span as day numbers, inclusive (open ends: ∓Infinity). */
export interface DayWindow {
  readonly from: number;
  readonly to: number;
}

export type TrendOverlaySpec = NonNullable<StrategySpec['allocation']['trendFilter']>;

export interface StrategyLayout {
  readonly assets: readonly string[];
  readonly sleeves: readonly SleeveLayout[];
  /** Constraints on sleeve weights after the across allocation (and the sleeve trend filter). */
  readonly acrossConstraints?: ConstraintsSpec | undefined;
  /** Trend-filter overlay (sleeve or asset level). */
  readonly trendFilter?: TrendOverlaySpec | undefined;
  /** Constraints on each asset's portfolio weight, applied last. */
  readonly assetConstraints?: ConstraintsSpec | undefined;
}

const layouts = new WeakMap<StrategySpec, StrategyLayout>();

export function strategyLayout(spec: StrategySpec): StrategyLayout {
  let layout = layouts.get(spec);
  if (layout === undefined) layouts.set(spec, (layout = layoutOf(spec)));
  return layout;
}

function layoutOf(spec: StrategySpec): StrategyLayout {
  const assets: string[] = [];
  const position = new Map<string, number>();
  const sleeves: SleeveLayout[] = [];
  for (const [name, sleeve] of Object.entries(spec.sleeves)) {
    const members = sleeveMembers(sleeve).map(({ ticker, fraction, windows }) => {
      let a = position.get(ticker);
      if (a === undefined) position.set(ticker, (a = assets.push(ticker) - 1));
      if (!windows) return { asset: a, fraction };
      const days = windows.map((w) => ({ from: w.from ? parseIsoDate(w.from) : -Infinity, to: w.to ? parseIsoDate(w.to) : Infinity }));
      return { asset: a, fraction, windows: days };
    });
    sleeves.push({ name, members, within: sleeve.within ?? spec.allocation.within, constraints: sleeve.constraints });
  }
  const { acrossConstraints, trendFilter, assetConstraints } = spec.allocation;
  return { assets, sleeves, acrossConstraints, trendFilter, assetConstraints };
}
