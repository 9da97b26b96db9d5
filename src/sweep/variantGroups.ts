/**
 * Sweep variants grouped by the panel they need: variants with the same tickers (assets and
 * benchmark), currency settings and period end load the same prices, aligned on the same
 * calendar, so one loaded panel serves the group. A grid that changes the tickers (sleeve
 * members, the benchmark) gives several groups, each loaded as `sleeves run` loads that
 * variant alone: the union calendar of other variants' tickers never enters a variant's run.
 */
import { strategyLayout } from '../engine/strategyLayout.js';
import type { StrategySpec } from '../strategy/schema.js';

/** The key of the panel a spec needs: its sorted tickers, currency settings, period end (rows are loaded up to it) and cash (a proxy ticker or a rate file is loaded with it). */
export function variantGroupKey(spec: StrategySpec): string {
  const tickers = new Set(strategyLayout(spec).assets);
  if (spec.benchmark) tickers.add(spec.benchmark);
  if (spec.cash && 'ticker' in spec.cash) tickers.add(spec.cash.ticker);
  return JSON.stringify([[...tickers].sort(), spec.currency, spec.period.to ?? null, spec.cash ?? null]);
}
