/**
 * Loads the prices a strategy needs (its assets and its benchmark) from a data folder.
 * All rows up to the period end are kept, so lookback windows can use history before `from`.
 */
import { parseUserDate } from '../core/dates.js';
import { loadPanel, type LoadedPanel } from '../data/loadPanel.js';
import type { StrategySpec } from '../strategy/schema.js';
import { strategyLayout } from './strategyLayout.js';

export function loadRunData(spec: StrategySpec, dataDir: string): LoadedPanel {
  const tickers = [...strategyLayout(spec).assets];
  if (spec.benchmark && !tickers.includes(spec.benchmark)) tickers.push(spec.benchmark);
  return loadPanel(dataDir, {
    tickers,
    ...(spec.period.to !== undefined ? { to: parseUserDate(spec.period.to, 'period.to') } : {}),
    maxFillDays: spec.data.maxFillDays,
    calendar: spec.data.calendar,
  });
}
