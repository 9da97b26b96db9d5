/**
 * A strategy spec and its loaded data → the backtest result and its report. When the strategy
 * has costs, the same strategy is also run without them to state the cost drag on CAGR.
 */
import { buildReport } from '../report/buildReport.js';
import type { Report } from '../report/reportTypes.js';
import type { StrategySpec } from '../strategy/schema.js';
import type { RunInputs } from './loadRunData.js';
import { preparePanel } from './preparePanel.js';
import { runBacktest, type BacktestResult } from './runBacktest.js';
import { viewAttribution } from './viewAttribution.js';
import { inferPeriodsPerYear } from '../metrics/periodsPerYear.js';

export interface BacktestOutput {
  result: BacktestResult;
  report: Report;
}

export function backtestToReport(
  spec: StrategySpec,
  data: RunInputs,
  options: { strategyFile: string | null; includeSeries?: boolean },
): BacktestOutput {
  // One prepared panel for the run and its cost-free twin.
  const inputs = { ...data, prepared: preparePanel(data.panel) };
  const result = runBacktest(spec, inputs);
  const hasCosts = spec.costs.bps + spec.costs.slippageBps > 0;
  const gross = hasCosts ? runBacktest({ ...spec, costs: { bps: 0, slippageBps: 0 } }, inputs).ledger.returns : null;
  const report = buildReport({
    result,
    strategyFile: options.strategyFile,
    data: {
      directory: data.directory,
      synthetic: data.synthetic,
      files: data.files,
      filled: data.filled,
      droppedDates: data.droppedDates,
      warnings: data.warnings,
      currency: data.currency,
    },
    grossReturns: gross,
    includeSeries: options.includeSeries ?? false,
    // Black–Litterman: the strategy again without its views, and with each view alone.
    viewAttribution: viewAttribution(spec, inputs, result, {
      periodsPerYear: spec.reporting.periodsPerYear ?? inferPeriodsPerYear(result.dates),
      convention: spec.reporting.convention,
      riskFreeRate: spec.reporting.riskFreeRate,
      mar: spec.reporting.mar,
    }),
  });
  return { result, report };
}
