/**
 * Builds the report from a backtest result: every figure is computed here (by the metric
 * functions), so that renderers only read. Pure.
 */
import { formatIsoDate } from '../core/dates.js';
import type { PriceFileInfo } from '../data/priceSeries.js';
import type { CurrencyNote } from '../data/convertCurrency.js';
import type { BacktestResult } from '../engine/runBacktest.js';
import { riskFreeStatement } from './riskFreeStatement.js';
import type { ViewAttribution } from '../engine/viewAttribution.js';
import { periodAssetReturns } from '../engine/assetReturns.js';
import { attributionFigures, type FactorSeries } from '../attribution/attributionFigures.js';
import { carinoCoefficients } from '../attribution/carinoFactor.js';
import { ENGINE_VERSION, SCHEMA_VERSION } from '../engine/version.js';
import { computeConcentration } from '../metrics/computeConcentration.js';
import { computeMetrics } from '../metrics/computeMetrics.js';
import { returnContributions } from '../metrics/returnContribution.js';
import { computeRelativeMetrics } from '../metrics/computeRelativeMetrics.js';
import type { MetricContext } from '../metrics/convention.js';
import { drawdownEpisodes } from '../metrics/drawdownEpisodes.js';
import { periodExtremes, periodReturnTables } from '../metrics/periodTables.js';
import { inferPeriodsPerYear } from '../metrics/periodsPerYear.js';
import { hedgeChecks } from '../thesis/hedgeChecks.js';
import { buildSeries } from './buildSeries.js';
import { finalWeights } from './finalWeights.js';
import type { Report } from './reportTypes.js';
import { riskWindowOf } from './riskWindow.js';

export interface ReportInputs {
  result: BacktestResult;
  strategyFile: string | null;
  data: {
    directory: string;
    synthetic: boolean;
    files: PriceFileInfo[];
    filled: Record<string, number>;
    droppedDates: Record<string, string[]>;
    warnings: string[];
    currency?: CurrencyNote | null;
  };
  /** Returns of the same run without costs (for the cost drag), when costs are non-zero. */
  grossReturns?: Float64Array | null;
  includeSeries?: boolean;
  /** What a Black–Litterman strategy's views added (engine/viewAttribution.ts), when it has views. */
  viewAttribution?: ViewAttribution | null;
  /** Returns of `reporting.factors` on the run's rows (attribution/factorReturns.ts), when it names factors. */
  factors?: FactorSeries | null;
}

export const DEFINITIONS_VERSION = 'sleeves-conventions-1';

export function buildReport(inputs: ReportInputs): Report {
  const { result } = inputs;
  const { spec, dates, ledger } = result;
  const warnings = [...inputs.data.warnings, ...result.warnings];
  const n = dates.length;
  const returns = ledger.returns.subarray(1);
  const endDates = dates.subarray(1);
  const periodsPerYear = spec.reporting.periodsPerYear ?? inferPeriodsPerYear(dates);
  // reporting.riskFree: cash → the cash series the run earned is the risk-free rate (and Sortino target).
  const rfSeries = spec.reporting.riskFree === 'cash' && result.cash ? result.cash.returns.subarray(1) : undefined;
  const ctx: MetricContext = {
    periodsPerYear,
    convention: spec.reporting.convention,
    riskFreeRate: spec.reporting.riskFreeRate,
    mar: spec.reporting.mar,
    ...(rfSeries ? { riskFreeSeries: rfSeries } : {}),
  };
  const core = computeMetrics(returns, ctx);
  warnings.push(...core.warnings.map((w) => `portfolio: ${w}`));

  let benchmark: Report['benchmark'] = null;
  let benchmarkYearly: Map<number, number> | null = null;
  if (result.benchmark) {
    const b = result.benchmark.returns.subarray(1);
    const rows = finiteRows(b);
    if (rows.length < b.length) warnings.push(`benchmark ${result.benchmark.ticker}: ${b.length - rows.length} periods without a benchmark price are left out of the benchmark and relative figures`);
    const bSel = pick(b, rows);
    const rSel = pick(returns, rows);
    const bCtx: MetricContext = rfSeries ? { ...ctx, riskFreeSeries: pick(rfSeries, rows) } : ctx;
    const bm = computeMetrics(bSel, bCtx);
    const rel = computeRelativeMetrics(rSel, bSel, bCtx);
    warnings.push(...bm.warnings.map((w) => `benchmark: ${w}`), ...rel.warnings.map((w) => `relative: ${w}`));
    benchmark = { ticker: result.benchmark.ticker, periods: rows.length, metrics: bm.metrics, relative: rel.metrics };
    benchmarkYearly = new Map(periodReturnTables(bSel, pickDates(endDates, rows)).yearly.map((y) => [y.year, y.return]));
  }

  const tables = periodReturnTables(returns, endDates);
  const riskWindow = riskWindowOf(spec);
  const assetReturns = periodAssetReturns(result);
  // The plain and the Cariño-linked contributions in one pass (concentration and attribution).
  const link = carinoCoefficients(ledger.returns);
  const contributions = returnContributions(ledger.weights, assetReturns, result.layout.assets.length, n, n > 0 ? ledger.equity[0]! : 1, link ? link.coefficients : null);
  const conc = computeConcentration({
    dates,
    assets: result.layout.assets,
    weights: ledger.weights,
    assetReturns,
    portfolioReturns: ledger.returns,
    sleeves: result.layout.sleeves.map((s) => ({ name: s.name, members: s.members.map((m) => ({ asset: m.asset, fraction: m.fraction })) })),
    rebalanceIndices: ledger.trades.row,
    costs: { tradeRows: ledger.trades.row, tradeCosts: ledger.trades.cost, equity: ledger.equity },
    riskWindow: riskWindow.rows,
    riskWindowSource: riskWindow.source,
    riskPrices: result.prices,
    topK: spec.reporting.topK,
    contributions: contributions.plain,
  });
  warnings.push(...conc.warnings);
  const hedges = hedgeChecks(result, assetReturns);
  warnings.push(...hedges.warnings);
  const attribution = attributionFigures(result, assetReturns, inputs.factors ?? null, periodsPerYear, { link, contributions: contributions.linked });
  warnings.push(...attribution.warnings);

  let totalCost = 0;
  let turnoverSum = 0;
  for (let k = 0; k < ledger.trades.count; k++) {
    totalCost += ledger.trades.cost[k]!;
    if (ledger.trades.rule[k] !== 0) turnoverSum += ledger.trades.turnover[k]!;
  }
  const years = (n - 1) / periodsPerYear;
  let cagrDrag: number | null = null;
  if (inputs.grossReturns) {
    // Only the CAGR of the cost-free returns is wanted (same code and value, no VaR sorts).
    const gross = computeMetrics(inputs.grossReturns.subarray(1), ctx, ['cagr']).metrics['cagr'];
    const net = core.metrics['cagr'];
    cagrDrag = gross !== null && gross !== undefined && net !== null && net !== undefined ? gross - net : null;
  } else if (totalCost === 0) cagrDrag = 0;

  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    engineVersion: ENGINE_VERSION,
    strategy: {
      name: spec.name,
      description: spec.description,
      file: inputs.strategyFile,
      sleeves: result.layout.sleeves.map((s) => ({ name: s.name, assets: s.members.map((m) => result.layout.assets[m.asset]!) })),
      spec,
    },
    data: {
      directory: inputs.data.directory,
      synthetic: inputs.data.synthetic,
      files: inputs.data.files,
      filled: inputs.data.filled,
      droppedDates: Object.fromEntries(Object.entries(inputs.data.droppedDates).map(([k, v]) => [k, v.length])),
      coverage: [...result.coverage],
      currency: inputs.data.currency ?? null,
    },
    period: { start: formatIsoDate(dates[0]!), end: formatIsoDate(dates[n - 1]!), periods: n - 1, periodsPerYear },
    convention: { name: spec.reporting.convention, definitions: DEFINITIONS_VERSION, riskFree: riskFreeStatement(spec, result.cash), cash: result.cash ? result.cash.description : 'earns nothing' },
    timing: {
      lag: spec.rebalance.lag,
      description: `weights decided at the close of day t trade at the close of day t+${spec.rebalance.lag}; returns are close to close`,
    },
    costs: {
      bps: spec.costs.bps,
      slippageBps: spec.costs.slippageBps,
      total: totalCost,
      cagrDrag,
      annualizedTurnover: years > 0 ? turnoverSum / years : null,
      skippedRebalances: ledger.skippedTrades,
    },
    metrics: core.metrics,
    benchmark,
    drawdowns: drawdownEpisodes(returns, endDates, dates[0]!, 10, spec.reporting.convention),
    tables: {
      monthly: tables.monthly,
      yearly: tables.yearly.map((y) => ({ ...y, benchmark: benchmarkYearly?.get(y.year) ?? null })),
      extremes: periodExtremes(tables),
    },
    concentration: conc.summary,
    hedges: hedges.hedges,
    final: finalWeights(result),
    rebalances: [...result.rebalances],
    warnings,
  };
  if (inputs.viewAttribution) report.viewAttribution = inputs.viewAttribution;
  Object.assign(report, { contributions: attribution.contributions, attribution: attribution.attribution }, attribution.factors ? { factors: attribution.factors } : {});
  if (inputs.includeSeries) report.series = buildSeries(result, conc.series, ctx);
  if (report.series && attribution.factorBetas) report.series.factorBetas = attribution.factorBetas;
  return report;
}

function finiteRows(x: Float64Array): number[] {
  const rows: number[] = [];
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]!)) rows.push(i);
  return rows;
}

function pick(x: Float64Array, rows: number[]): Float64Array {
  return rows.length === x.length ? x : Float64Array.from(rows, (i) => x[i]!);
}

function pickDates(x: Int32Array, rows: number[]): Int32Array {
  return rows.length === x.length ? x : Int32Array.from(rows, (i) => x[i]!);
}
