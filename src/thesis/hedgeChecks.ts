/**
 * The report's `hedges` section: each hedge sleeve checked against the growth sleeves
 * (src/thesis/sleeveRoles.ts says which are which; src/thesis/hedgeCheck.ts defines the
 * figures), from the run's end-of-day weights and asset returns (src/metrics/groupReturns.ts).
 * Stress windows: the built-in crisis windows and the strategy's own `stressWindows`. Pure.
 */
import type { BacktestResult } from '../engine/runBacktest.js';
import { groupReturns, type GroupMember } from '../metrics/groupReturns.js';
import { DEFAULT_STRESS_WINDOWS } from '../robust/stressWindows.js';
import { growthOrder, hedgeCheck, type HedgeFigures } from './hedgeCheck.js';
import { sleeveRoles, type GrowthRule } from './sleeveRoles.js';

export interface HedgeReport extends HedgeFigures {
  readonly sleeve: string;
  /** The sleeves whose combined daily return is "growth", and the rule that chose them. */
  readonly growth: readonly string[];
  readonly growthBy: GrowthRule;
}

export function hedgeChecks(result: Pick<BacktestResult, 'spec' | 'layout' | 'dates' | 'ledger'>, assetReturns: Float64Array): { hedges: HedgeReport[]; warnings: string[] } {
  const { spec, layout, dates, ledger } = result;
  const n = dates.length;
  if (ledger.weights.length < layout.assets.length * n || layout.sleeves.length < 2) return { hedges: [], warnings: [] };
  const returnsOf = (members: readonly GroupMember[]) => groupReturns(ledger.weights, assetReturns, n, members);
  const sleeves = layout.sleeves.map((s) => ({ name: s.name, role: spec.sleeves[s.name]?.role, members: s.members, returns: returnsOf(s.members) }));
  const roles = sleeveRoles(sleeves);
  if (roles.growth.length === 0) return { hedges: [], warnings: ['hedges: no sleeve ever held anything; no growth sleeve to check hedges against'] };
  const growth = returnsOf(sleeves.filter((s) => roles.growth.includes(s.name)).flatMap((s) => s.members));
  const windows = [...DEFAULT_STRESS_WINDOWS, ...(spec.stressWindows ?? [])];
  const warnings: string[] = [];
  const order = growthOrder(growth);
  const hedges = roles.hedges.map((name) => {
    const figures = hedgeCheck({ dates, growth, hedge: sleeves.find((s) => s.name === name)!.returns, stressWindows: windows, growthOrder: order });
    if (figures.correlation === null) warnings.push(`hedges: ${name}: correlation with growth is null (${figures.days} common days, or a constant series)`);
    if (figures.tailCorrelation === null) warnings.push(`hedges: ${name}: tail correlation is null (${figures.tailDays} worst-5% days, fewer than 3 or constant)`);
    if (figures.downCapture === null) warnings.push(`hedges: ${name}: down-capture is null (no day on which growth fell)`);
    return { sleeve: name, growth: roles.growth, growthBy: roles.growthBy, ...figures };
  });
  return { hedges, warnings };
}
