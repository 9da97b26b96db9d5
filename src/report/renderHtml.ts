/**
 * The self-contained HTML report of one run: header, metrics, charts as inline SVG (rendered
 * in Node by Observable Plot on a linkedom document), drawdown, yearly, concentration and
 * rebalance tables, and warnings. Reads only the report and its daily series; when the series
 * are missing (a report.json without series.json) the daily charts are replaced by a note.
 */
import { chartFigure, downsampleNote, missingChart } from './html/chartFigure.js';
import { contributionBars } from './html/contributionBars.js';
import { attributionSectionHtml, linkedContributionValues } from './html/attributionSection.js';
import { escapeHtml } from './html/escapeHtml.js';
import { htmlPage } from './html/htmlPage.js';
import { hedgesHtml } from './hedgesHtml.js';
import { monthlyHeatmap } from './html/monthlyHeatmap.js';
import { loadPlotKit, type PlotKit } from './html/plotKit.js';
import { stackedWeightsChart } from './html/stackedWeightsChart.js';
import { timeLinesChart } from './html/timeLinesChart.js';
import { underwaterChart } from './html/underwaterChart.js';
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

export async function renderHtml(report: Report, series: ReportSeries | null = report.series ?? null): Promise<string> {
  const kit = await loadPlotKit();
  const body = [
    headerHtml(report),
    '<section id="metrics"><h2>Returns and risk</h2>',
    `<div class="tables">${metricsTableHtml(report)}${relativeTableHtml(report)}</div></section>`,
    '<section id="equity-section"><h2>Growth and drawdowns</h2>',
    ...dailyCharts(kit, report, series, 'top'),
    '<h3>Deepest drawdowns</h3>',
    drawdownTableHtml(report),
    '</section>',
    '<section id="exposure"><h2>Concentration exposure</h2>',
    ...dailyCharts(kit, report, series, 'exposure'),
    concentrationTableHtml(report),
    contributionCharts(kit, report),
    '</section>',
    attributionSectionHtml(kit, report, series),
    hedgesHtml(kit, report),
    '<section id="periods"><h2>Monthly and yearly returns</h2>',
    chartFigure('monthly', 'Monthly returns (%)', 'Each cell is the compounded return of that calendar month.', monthlyHeatmap(kit, report.tables.monthly)),
    yearlyTableHtml(report),
    '</section>',
    '<section id="rebalancing"><h2>Rebalancing</h2>',
    rebalancesHtml(report),
    '</section>',
    `<section id="warnings-section"><h2>Warnings (${report.warnings.length})</h2>`,
    warningsHtml(report.warnings),
    '</section>',
    `<footer>Written by sleeves ${escapeHtml(report.engineVersion)} from report.json (schema ${report.schemaVersion}); every figure is defined in docs/conventions.md under the ${escapeHtml(report.convention.name)} profile. Charts are static SVG; this file needs no network.</footer>`,
  ];
  return htmlPage(`sleeves · ${report.strategy.name}`, body.join('\n'));
}

function dailyCharts(kit: PlotKit, report: Report, series: ReportSeries | null, part: 'top' | 'exposure'): string[] {
  const why = 'Daily series are not available for this report (report.json without series.json beside it, or without --include-series).';
  if (!series) {
    return part === 'top'
      ? [missingChart('equity', 'Equity', why), missingChart('underwater', 'Underwater curve', why)]
      : [missingChart('sleeve-weights', 'Sleeve weights', why), missingChart('concentration', 'Concentration', why)];
  }
  if (part === 'top') {
    const lines = [{ name: report.strategy.name, dates: series.dates, values: series.equity }];
    if (series.benchmarkEquity && report.benchmark) lines.push({ name: report.benchmark.ticker, dates: series.dates, values: series.benchmarkEquity });
    const eq = timeLinesChart(kit, lines, { yLabel: 'growth of 1 (log scale)', log: true });
    const uw = underwaterChart(kit, series.dates, series.underwater, report.drawdowns);
    const figures = [
      chartFigure('equity', 'Equity vs benchmark (log scale)', `Growth of 1 invested at the close of ${report.period.start}, after costs.${downsampleNote(eq.drawn, eq.total)}`, eq.svg),
      chartFigure('underwater', 'Underwater curve', `Fall below the previous peak (1 − V/peak); the ${report.drawdowns.length} deepest drawdowns are numbered as in the table below.${downsampleNote(uw.drawn, uw.total)}`, uw.svg),
    ];
    if (series.rollingReturn?.some((x) => x !== null)) {
      const roll = timeLinesChart(
        kit,
        [
          { name: 'rolling 1-year return', dates: series.dates, values: series.rollingReturn },
          { name: 'rolling 1-year volatility', dates: series.dates, values: series.rollingVolatility },
        ],
        { yLabel: 'trailing year', percent: true, height: 240 },
      );
      figures.push(chartFigure('rolling', 'Rolling one-year return and volatility', `Compounded return and annualised volatility of the trailing ${report.period.periodsPerYear} periods.${downsampleNote(roll.drawn, roll.total)}`, roll.svg));
    }
    return figures;
  }
  const layers: Record<string, readonly number[]> = { ...series.sleeveWeights, cash: series.cash };
  const sw = stackedWeightsChart(kit, series.dates, layers);
  const conc = timeLinesChart(
    kit,
    [
      { name: 'largest weight', dates: series.dates, values: series.maxWeight },
      { name: 'HHI', dates: series.dates, values: series.hhi },
    ],
    { yLabel: 'of invested part', percent: true, height: 240 },
  );
  const eff = timeLinesChart(kit, [{ name: 'effective holdings', dates: series.dates, values: series.effectiveHoldings }], { yLabel: 'effective holdings (1/HHI)', height: 220 });
  return [
    chartFigure('sleeve-weights', 'Sleeve weights over time', `End-of-day share of the whole portfolio per sleeve, and cash.${downsampleNote(sw.drawn, sw.total)}`, sw.svg),
    chartFigure('concentration', 'Largest single weight and HHI', `Of the invested part (weights normalised to sum to 1; days fully in cash are blank).${downsampleNote(conc.drawn, conc.total)}`, conc.svg),
    chartFigure('effective-holdings', 'Effective number of holdings', `1 / HHI: how many equal positions the portfolio is as concentrated as.${downsampleNote(eff.drawn, eff.total)}`, eff.svg),
  ];
}

function contributionCharts(kit: PlotKit, report: Report): string {
  const conc = report.concentration as Record<string, { assets?: Record<string, number>; sleeves?: Record<string, number>; note?: string; costs?: number } | undefined>;
  const ret = linkedContributionValues(report) ?? conc['returnContribution'];
  // The costs term is a bar of its own beside the sleeves and the assets (Σ bars = Σ daily returns).
  const withCosts = (values: Record<string, number> | undefined) => (values && typeof ret?.costs === 'number' && ret.costs !== 0 ? { ...values, '(costs)': ret.costs } : values);
  const risk = conc['riskContribution'];
  const parts: string[] = [];
  const add = (id: string, title: string, caption: string, values: Record<string, number> | undefined, label: string) => {
    parts.push(values && Object.keys(values).length > 0 ? chartFigure(id, title, caption, contributionBars(kit, values, { label })) : missingChart(id, title, 'Not in this report.'));
  };
  const retNote = ret?.note ?? 'arithmetic sums of w·r';
  const window = report.concentration.riskWindow;
  const riskNote = `Share of portfolio variance, mean over rebalances (${window ? `trailing ${window.rows}-row covariance: ${window.source}` : 'trailing covariance'}).`;
  add('return-by-sleeve', 'Return contribution by sleeve', retNote, withCosts(ret?.sleeves), 'contribution to return');
  add('risk-by-sleeve', 'Risk contribution by sleeve', riskNote, risk?.sleeves, 'share of risk');
  add('return-by-asset', 'Return contribution by asset', retNote, withCosts(ret?.assets), 'contribution to return');
  add('risk-by-asset', 'Risk contribution by asset', riskNote, risk?.assets, 'share of risk');
  return `<div class="grid2">${parts.join('\n')}</div>`;
}
