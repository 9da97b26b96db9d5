/**
 * A prepared run → the backtest result and its report. When the strategy has costs, the report
 * states the cost drag on CAGR against the same strategy without them: returns taken from the
 * run's own ledger where that is exact, else a second run without costs on the same prepared
 * panel (costFreeReturns.ts).
 */
import { runBacktest, type BacktestResult } from '../engine/runBacktest.js';
import { viewAttribution } from '../engine/viewAttribution.js';
import { inferPeriodsPerYear } from '../metrics/periodsPerYear.js';
import { buildReport } from '../report/buildReport.js';
import { factorReturns } from '../attribution/factorReturns.js';
import type { Report } from '../report/reportTypes.js';
import { costFreeReturns } from './costFreeReturns.js';
import type { PreparedRun } from './prepareRun.js';

export interface BacktestOutput {
  result: BacktestResult;
  report: Report;
}

export function backtestToReport(run: PreparedRun, options: { includeSeries?: boolean } = {}): BacktestOutput {
  const { spec, inputs } = run;
  const data = { ...inputs, prepared: run.prepared };
  const result = runBacktest(spec, data);
  const hasCosts = spec.costs.bps + spec.costs.slippageBps > 0;
  const gross = hasCosts
    ? costFreeReturns(result, () => runBacktest({ ...spec, costs: { bps: 0, slippageBps: 0 } }, { ...data, recordWeights: false }).ledger.returns)
    : null;
  const report = buildReport({
    result,
    strategyFile: run.strategyFile,
    data: {
      directory: inputs.directory,
      synthetic: inputs.synthetic,
      files: inputs.files,
      filled: inputs.filled,
      droppedDates: inputs.droppedDates,
      warnings: inputs.warnings,
      currency: inputs.currency,
    },
    grossReturns: gross,
    factors: inputs.factors ? { tickers: inputs.factors.assets, returns: factorReturns(inputs.factors, result.dates) } : null,
    includeSeries: options.includeSeries ?? false,
    // Black–Litterman: the strategy again without its views, and with each view alone.
    viewAttribution: viewAttribution(spec, data, result, {
      periodsPerYear: spec.reporting.periodsPerYear ?? inferPeriodsPerYear(result.dates),
      convention: spec.reporting.convention,
      riskFreeRate: spec.reporting.riskFreeRate,
      mar: spec.reporting.mar,
    }),
  });
  return { result, report };
}
