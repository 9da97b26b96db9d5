/**
 * The trailing window of the report's risk contributions and effective bets: the longest
 * estimation lookback among the strategy's allocation stages (allocation.across and each
 * sleeve's within method), or 252 rows when no stage estimates from a return window (fixed,
 * equal) or the targets come from a weights file. Pure: from the resolved spec alone.
 *
 * A stage's estimation lookback is the return window its own method reads to set the weights:
 * `lookback` for inverseVol, riskParity, minVariance, maxDiversification and a module;
 * `lookback + skip` for momentumTopK; the satellite's for coreSatellite and the base method's
 * for the trendFilter method (a trend period is a signal, not an estimation window); 0 for
 * fixed and equal. Fallback methods are not counted: they run only when the primary fails.
 */
import { allocators } from '../allocation/registry.js';
import type { MethodSpec } from '../strategy/methodSchema.js';
import type { StrategySpec } from '../strategy/schema.js';

export const DEFAULT_RISK_WINDOW = 252;

export interface RiskWindow {
  /** Trailing return rows of the covariance at each rebalance. */
  readonly rows: number;
  /** Where the number comes from, for the report. */
  readonly source: string;
}

export function riskWindowOf(spec: StrategySpec): RiskWindow {
  if (spec.weightsFile !== undefined) {
    return { rows: DEFAULT_RISK_WINDOW, source: `default ${DEFAULT_RISK_WINDOW} rows: the targets come from a weights file` };
  }
  const stages: { where: string; stage: MethodSpec }[] = [{ where: 'allocation.across', stage: spec.allocation.across }];
  for (const [name, sleeve] of Object.entries(spec.sleeves)) {
    stages.push({ where: sleeve.within ? `sleeves.${name}.within` : `allocation.within (sleeve ${name})`, stage: sleeve.within ?? spec.allocation.within });
  }
  let best: { where: string; method: string; rows: number } | null = null;
  for (const { where, stage } of stages) {
    const rows = estimationLookback(stage);
    if (rows > 0 && (best === null || rows > best.rows)) best = { where, method: stage.method, rows };
  }
  if (best === null) {
    return { rows: DEFAULT_RISK_WINDOW, source: `default ${DEFAULT_RISK_WINDOW} rows: no allocation method of the strategy estimates from a return window` };
  }
  return { rows: best.rows, source: `the strategy's longest allocation lookback: ${best.where} (${best.method}, ${best.rows} rows)` };
}

/** Return rows a stage's own method estimates from (0 for fixed and equal); see the file comment. */
export function estimationLookback(stage: MethodSpec): number {
  switch (stage.method) {
    case 'fixed':
    case 'equal':
      return 0;
    case 'module':
      return stage.lookback;
    case 'coreSatellite':
      return estimationLookback(stage.satellite);
    case 'trendFilter':
      return estimationLookback(stage.base);
    default: {
      const entry = allocators[stage.method] as { lookback: (params: never) => number };
      return entry.lookback(stage as never);
    }
  }
}
