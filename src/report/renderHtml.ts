/**
 * The self-contained HTML tearsheet of one run: header (strategy, allocation spec, run, data
 * coverage, convention), metrics, then the figures, each in an element with `data-figure`:
 * equity vs benchmark, underwater, drawdowns; end-of-year bars, monthly heat map, return
 * histogram; rolling Sharpe, volatility and beta; asset weights, holdings, sleeve weights,
 * concentration and contributions; hedges, rebalances and warnings. Time charts are
 * interactive (timeChart.ts, uPlot inlined); the others are SVG written by hand (svgKit.ts),
 * so rendering loads no charting library in Node. Reads only the report and its daily series;
 * without series the daily figures are replaced by a note.
 */
import { chartFigure, missingChart } from './html/chartFigure.js';
import { contributionBars } from './html/contributionBars.js';
import { attributionSectionHtml, linkedContributionValues } from './html/attributionSection.js';
import { escapeHtml } from './html/escapeHtml.js';
import { holdingsTable } from './html/holdingsTable.js';
import { htmlPage } from './html/htmlPage.js';
import { eoyFigure, histogramFigure, monthlyHeatmapFigure } from './html/tearsheetStaticFigures.js';
import {
  assetWeightsFigure,
  concentrationFigures,
  equityFigure,
  rollingBetaFigure,
  rollingSharpeFigure,
  rollingVolatilityFigure,
  sleeveWeightsFigure,
  underwaterFigure,
} from './html/tearsheetTimeFigures.js';
import { hedgesHtml } from './hedgesHtml.js';
import {
  concentrationTableHtml,
  drawdownTableHtml,
  headerHtml,
  metricsTableHtml,
  rebalancesHtml,
  relativeTableHtml,
  warningsHtml,
  yearlyTableHtml,
} from './renderHtmlSections.js';
import type { Report, ReportSeries } from './reportTypes.js';

export interface HtmlRunInfo {
  /** The run folder's id (e.g. 2026-11-24T071530Z), when the page belongs to one. */
  runId?: string;
}

const NO_SERIES = 'Daily series are not available for this report (report.json without series.json beside it, or without --include-series).';

export async function renderHtml(report: Report, series: ReportSeries | null = report.series ?? null, run: HtmlRunInfo = {}): Promise<string> {
  const daily = (id: string, title: string, draw: (s: ReportSeries) => string) => (series ? draw(series) : missingChart(id, title, NO_SERIES));
  const body = [
    headerHtml(report, run.runId),
    '<section id="metrics"><h2>Returns and risk</h2>',
    `<div class="tables">${metricsTableHtml(report)}${relativeTableHtml(report)}</div></section>`,
    '<section id="equity-section"><h2>Growth and drawdowns</h2>',
    daily('equity', 'Cumulative return vs benchmark', (s) => equityFigure(report, s)),
    daily('underwater', 'Underwater', (s) => underwaterFigure(report, s)),
    `<div class="figure" data-figure="drawdowns"><h3>The ${report.drawdowns.length} deepest drawdowns</h3>${drawdownTableHtml(report)}</div>`,
    '</section>',
    '<section id="periods"><h2>Returns by period</h2>',
    eoyFigure(report),
    monthlyHeatmapFigure(report),
    series?.returnHistogram ? histogramFigure(series.returnHistogram, report) : missingChart('histogram', 'Distribution of returns', series ? 'Not in this report.' : NO_SERIES),
    yearlyTableHtml(report),
    '</section>',
    '<section id="rolling-section"><h2>Rolling risk</h2>',
    daily('rolling-sharpe', 'Rolling Sharpe ratio', (s) => rollingSharpeFigure(report, s)),
    daily('rolling-volatility', 'Rolling volatility', (s) => rollingVolatilityFigure(report, s)),
    daily('rolling-beta', 'Rolling beta', (s) => rollingBetaFigure(report, s)),
    '</section>',
    '<section id="exposure"><h2>Holdings and concentration</h2>',
    daily('asset-weights', 'Asset weights over time', (s) => assetWeightsFigure(s)),
    daily('holdings', 'Holdings at each rebalance', (s) => `<div class="figure" data-figure="holdings"><h3>Holdings at each rebalance</h3>${holdingsTable(report, s)}<p class="note">End-of-day weight of each asset on each trade date, just after trading (· is below 0.005%).</p></div>`),
    daily('sleeve-weights', 'Sleeve weights over time', (s) => sleeveWeightsFigure(s)),
    ...(series ? concentrationFigures(series) : [missingChart('concentration', 'Concentration', NO_SERIES)]),
    concentrationTableHtml(report),
    contributionCharts(report),
    '</section>',
    attributionSectionHtml(report, series),
    hedgesHtml(report),
    '<section id="rebalancing"><h2>Rebalancing</h2>',
    rebalancesHtml(report),
    '</section>',
    `<section id="warnings-section"><h2>Warnings (${report.warnings.length})</h2>`,
    warningsHtml(report.warnings),
    '</section>',
    `<footer>Written by sleeves ${escapeHtml(report.engineVersion)} from report.json (schema ${report.schemaVersion}); every figure is defined in docs/conventions.md and docs/reports.md under the ${escapeHtml(report.convention.name)} profile. Time charts are drawn in the page by uPlot (inlined); the other charts are static SVG; this file needs no network.</footer>`,
  ];
  return htmlPage(`sleeves · ${report.strategy.name}`, body.join('\n'));
}

function contributionCharts(report: Report): string {
  const conc = report.concentration as Record<string, { assets?: Record<string, number>; sleeves?: Record<string, number>; note?: string; costs?: number } | undefined>;
  const ret = linkedContributionValues(report) ?? conc['returnContribution'];
  // The costs term is a bar of its own beside the sleeves and the assets (Σ bars = Σ daily returns).
  const withCosts = (values: Record<string, number> | undefined) => (values && typeof ret?.costs === 'number' && ret.costs !== 0 ? { ...values, '(costs)': ret.costs } : values);
  const risk = conc['riskContribution'];
  const parts: string[] = [];
  const add = (id: string, title: string, caption: string, values: Record<string, number> | undefined, label: string) => {
    parts.push(values && Object.keys(values).length > 0 ? chartFigure(id, title, caption, contributionBars(values, { label })) : missingChart(id, title, 'Not in this report.'));
  };
  const retNote = ret?.note ?? 'arithmetic sums of w·r';
  const window = report.concentration.riskWindow;
  const riskNote = `Share of portfolio variance, mean over rebalances (${window ? `trailing ${window.rows}-row covariance: ${window.source}` : 'trailing covariance'}).`;
  add('return-by-sleeve', 'Return contribution by sleeve', retNote, withCosts(ret?.sleeves), 'contribution to return');
  add('risk-by-sleeve', 'Risk contribution by sleeve', riskNote, risk?.sleeves, 'share of risk');
  add('return-by-asset', 'Return contribution by asset', retNote, withCosts(ret?.assets), 'contribution to return');
  add('risk-by-asset', 'Risk contribution by asset', riskNote, risk?.assets, 'share of risk');
  return `<div class="grid2 figure" data-figure="contributions">${parts.join('\n')}</div>`;
}
