/**
 * The strategy's assets and sleeves as indexes: the order of assets is the order in which the
 * sleeves list them (first appearance). Pure: from the resolved spec alone.
 */
import type { MethodSpec } from '../strategy/methodSchema.js';
import type { StrategySpec } from '../strategy/schema.js';
import { sleeveMembers } from '../strategy/sleeveMembers.js';

export interface SleeveLayout {
  readonly name: string;
  /** Members: index into `assets`, and the fraction of the asset that belongs to this sleeve. */
  readonly members: readonly { readonly asset: number; readonly fraction: number }[];
  readonly within: MethodSpec;
}

export interface StrategyLayout {
  readonly assets: readonly string[];
  readonly sleeves: readonly SleeveLayout[];
}

export function strategyLayout(spec: StrategySpec): StrategyLayout {
  const assets: string[] = [];
  const sleeves: SleeveLayout[] = [];
  for (const [name, sleeve] of Object.entries(spec.sleeves)) {
    const members = sleeveMembers(sleeve).map(({ ticker, fraction }) => {
      let a = assets.indexOf(ticker);
      if (a < 0) a = assets.push(ticker) - 1;
      return { asset: a, fraction };
    });
    sleeves.push({ name, members, within: sleeve.within ?? spec.allocation.within });
  }
  return { assets, sleeves };
}
