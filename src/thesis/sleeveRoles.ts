/**
 * Which sleeves are "growth" (the risk the hedges are measured against) and which are hedges.
 *
 * Growth: the sleeves declaring `role: growth`; when none does, the first sleeve (file order)
 * whose name has "ai" as a word or contains "leader" (ai_leaders, AI, china-ai, leaders); when
 * none is so named, the sleeve with the highest sample standard deviation of daily returns
 * (over the days it holds something; the first on ties). Hedges: the sleeves declaring
 * `role: hedge`; when none does, every sleeve that is not growth and not `role: core`.
 * Pure.
 */
import { sampleStdDev } from '../metrics/moments.js';

export type SleeveRole = 'growth' | 'hedge' | 'core';
export type GrowthRule = 'role' | 'name' | 'volatility';

export interface SleeveRoleInput {
  readonly name: string;
  readonly role?: SleeveRole | undefined;
  /** Daily returns (NaN on days the sleeve holds nothing). */
  readonly returns: Float64Array;
}

export interface SleeveRoles {
  readonly growth: readonly string[];
  readonly growthBy: GrowthRule;
  readonly hedges: readonly string[];
}

const GROWTH_NAME = /(^|[^a-z])ai([^a-z]|$)|leader/i;

export function sleeveRoles(sleeves: readonly SleeveRoleInput[]): SleeveRoles {
  let growth = sleeves.filter((s) => s.role === 'growth').map((s) => s.name);
  let growthBy: GrowthRule = 'role';
  if (growth.length === 0) {
    const named = sleeves.find((s) => GROWTH_NAME.test(s.name));
    if (named) {
      growth = [named.name];
      growthBy = 'name';
    } else {
      let best: string | null = null;
      let bestVol = -1;
      for (const s of sleeves) {
        const vol = sampleStdDev(s.returns.filter((r) => !Number.isNaN(r)));
        if (Number.isFinite(vol) && vol > bestVol) {
          bestVol = vol;
          best = s.name;
        }
      }
      growth = best === null ? [] : [best];
      growthBy = 'volatility';
    }
  }
  const declared = sleeves.filter((s) => s.role === 'hedge').map((s) => s.name);
  const hedges = declared.length > 0 ? declared : sleeves.filter((s) => !growth.includes(s.name) && s.role !== 'core').map((s) => s.name);
  return { growth, growthBy, hedges: hedges.filter((h) => !growth.includes(h)) };
}
