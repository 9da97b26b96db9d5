/**
 * The HTML page of a comparison: which runs, the fairness warnings, one metrics table with the
 * best value of each row marked, the equity curves (log scale) and underwater curves overlaid,
 * the effective number of holdings and the largest weight overlaid, each strategy's key
 * tearsheet charts (equity vs its benchmark, underwater, end-of-year bars, rolling Sharpe; the
 * same figure functions as report.html, ids suffixed `-<column>`), and each strategy's sleeve
 * weights and return contribution by sleeve side by side. Reads only the reports and series.
 */
import { chartFigure, downsampleNote, missingChart } from './html/chartFigure.js';
import type { CompareEntry, Comparison } from './compareReports.js';
import { contributionBars } from './html/contributionBars.js';
import { escapeHtml } from './html/escapeHtml.js';
import { htmlPage } from './html/htmlPage.js';
import { dataValue, htmlTable } from './html/htmlTable.js';
import { formatMetric } from './html/metricLabels.js';
import { loadPlotKit, type PlotKit } from './html/plotKit.js';
import { eoyFigure } from './html/tearsheetStaticFigures.js';
import { equityFigure, rollingSharpeFigure, sleeveWeightsFigure, underwaterFigure } from './html/tearsheetTimeFigures.js';
import { timeLinesChart, type TimeLine } from './html/timeLinesChart.js';
import type { ReportSeries } from './reportTypes.js';

export async function renderCompareHtml(comparison: Comparison, entries: readonly CompareEntry[]): Promise<string> {
  const kit = await loadPlotKit();
  const runs = htmlTable(
    ['run', 'source', 'period', 'convention', 'lag', 'costs', 'data'],
    entries.map((e) => [
      e.label,
      e.source,
      `${e.report.period.start} → ${e.report.period.end}`,
      e.report.convention.name,
      String(e.report.timing.lag),
      `${e.report.costs.bps} bps${e.report.costs.slippageBps ? ` + ${e.report.costs.slippageBps}` : ''}`,
      `${e.report.data.directory}${e.report.data.synthetic ? ' (SYNTHETIC)' : ''}`,
    ]),
    'class="runs"',
  );
  const synthetic = entries.filter((e) => e.report.data.synthetic).map((e) => e.label);
  const banner = synthetic.length
    ? `<div class="banner" role="alert">SYNTHETIC DATA in ${escapeHtml(synthetic.join(', '))}: generated sample prices, not market data.</div>`
    : '';
  const warnings = comparison.warnings.length
    ? `<div class="banner" role="alert" id="fairness">These runs differ in ways that make the comparison unfair:<ul class="warnings">${comparison.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></div>`
    : '<p class="note">Same period, data, costs, lag and convention profile: a like-for-like comparison.</p>';
  const body = [
    `<header><h1>Comparison of ${entries.length} runs</h1><p class="lede">${escapeHtml(entries.map((e) => e.label).join(' · '))}</p>${banner}</header>`,
    `<section id="runs"><h2>Runs</h2>${runs}${warnings}</section>`,
    `<section id="metrics"><h2>Figures side by side</h2>${metricsTable(comparison)}<p class="note">* best in its row (↑ higher is better, ↓ lower is better; rows without an arrow are not ranked).</p></section>`,
    `<section id="curves"><h2>Growth and drawdowns</h2>${overlays(kit, entries)}</section>`,
    `<section id="tearsheets"><h2>Each strategy</h2>${entries.map((e, i) => tearsheet(e, i)).join('\n')}</section>`,
    `<section id="exposure"><h2>Concentration exposure</h2>${concentrationOverlays(kit, entries)}<div class="runs-grid">${entries.map((e, i) => sideBySide(e, i)).join('\n')}</div></section>`,
    `<footer>Written by sleeves from ${entries.length} reports. Time charts are drawn in the page by uPlot (inlined); the other charts are static SVG; this file needs no network.</footer>`,
  ];
  return htmlPage(`sleeves · compare ${entries.map((e) => e.label).join(' vs ')}`, body.join('\n'));
}

function metricsTable(comparison: Comparison): string {
  const rows = comparison.rows.map((row) => [
    row.label + (row.better === null ? '' : row.better === 'higher' ? ' ↑' : ' ↓'),
    ...row.values.map((v, i) => ({
      text: formatMetric(v, row.format),
      attrs: `data-key="${escapeHtml(row.key)}" data-column="${i}" ${dataValue(v)}`,
      ...(row.best.includes(i) ? { className: 'best' } : {}),
    })),
  ]);
  return htmlTable(['', ...comparison.columns.map((c) => c.label)], rows, 'class="metrics" id="metrics-table"');
}

function withSeries(entries: readonly CompareEntry[]): { label: string; series: ReportSeries }[] {
  return entries.flatMap((e) => (e.series ? [{ label: e.label, series: e.series }] : []));
}

function missingNote(entries: readonly CompareEntry[]): string {
  const missing = entries.filter((e) => !e.series).map((e) => e.label);
  return missing.length ? ` Not drawn (no daily series): ${missing.join(', ')}.` : '';
}

function overlayFigure(kit: PlotKit, entries: readonly CompareEntry[], id: string, title: string, caption: string, pick: (s: ReportSeries) => readonly (number | null)[], options: Parameters<typeof timeLinesChart>[2]): string {
  const lines: TimeLine[] = withSeries(entries).map(({ label, series }) => ({ name: label, dates: series.dates, values: pick(series) }));
  if (lines.length === 0) return missingChart(id, title, 'None of the compared runs has daily series.');
  const chart = timeLinesChart(kit, lines, options);
  return chartFigure(id, title, `${caption}${downsampleNote(chart.drawn, chart.total)}${missingNote(entries)}`, chart.svg);
}

function overlays(kit: PlotKit, entries: readonly CompareEntry[]): string {
  return [
    overlayFigure(kit, entries, 'equity', 'Equity (log scale)', 'Growth of 1 invested at each run\'s start, after costs.', (s) => s.equity, { yLabel: 'growth of 1 (log scale)', log: true }),
    overlayFigure(kit, entries, 'underwater', 'Underwater curves', 'Fall below the previous peak (1 − V/peak).', (s) => s.underwater, { yLabel: 'below previous peak', percent: true, keepPeaks: true, negate: true, height: 260 }),
  ].join('\n');
}

function concentrationOverlays(kit: PlotKit, entries: readonly CompareEntry[]): string {
  return [
    overlayFigure(kit, entries, 'effective-holdings', 'Effective number of holdings (1/HHI)', 'Of the invested part; days fully in cash are blank.', (s) => s.effectiveHoldings, { yLabel: 'effective holdings', height: 240 }),
    overlayFigure(kit, entries, 'max-weight', 'Largest single weight', 'Of the invested part; days fully in cash are blank.', (s) => s.maxWeight, { yLabel: 'largest weight', percent: true, height: 240 }),
  ].join('\n');
}

function sideBySide(entry: CompareEntry, index: number): string {
  const parts: string[] = [`<div class="run-column" data-run="${index}"><h3>${escapeHtml(entry.label)}</h3>`];
  if (entry.series) {
    parts.push(sleeveWeightsFigure(entry.series, { suffix: `-${index}`, height: 220 }));
  } else {
    parts.push(missingChart(`sleeve-weights-${index}`, 'Sleeve weights', 'No daily series for this run.'));
  }
  const ret = entry.report.concentration['returnContribution'] as { sleeves?: Record<string, number> } | undefined;
  if (ret?.sleeves && Object.keys(ret.sleeves).length > 0) {
    parts.push(chartFigure(`return-by-sleeve-${index}`, 'Return contribution by sleeve', 'Arithmetic sums of w·r.', contributionBars(ret.sleeves, { label: 'contribution to return', width: 340 })));
  }
  const conc = entry.report.concentration as Record<string, Record<string, number | null> | undefined>;
  const eff = conc['effectiveHoldings'];
  const max = conc['maxWeight'];
  parts.push(
    htmlTable(
      ['concentration', 'mean', 'max'],
      [
        ['effective holdings', { text: formatMetric(eff?.['mean'] ?? null, 'num'), attrs: dataValue(eff?.['mean']) }, { text: formatMetric(eff?.['max'] ?? null, 'num'), attrs: dataValue(eff?.['max']) }],
        ['largest weight', { text: formatMetric(max?.['mean'] ?? null, 'pct'), attrs: dataValue(max?.['mean']) }, { text: formatMetric(max?.['max'] ?? null, 'pct'), attrs: dataValue(max?.['max']) }],
      ],
    ),
  );
  parts.push('</div>');
  return parts.join('\n');
}

/** One strategy's key tearsheet charts (the report page's figure functions, ids suffixed -index). */
function tearsheet(entry: CompareEntry, index: number): string {
  const o = { suffix: `-${index}`, height: 220 };
  const s = entry.series;
  const why = 'No daily series for this run.';
  const charts = [
    s ? equityFigure(entry.report, s, o) : missingChart(`equity-${index}`, 'Cumulative return', why),
    s ? underwaterFigure(entry.report, s, o) : missingChart(`underwater-${index}`, 'Underwater', why),
    eoyFigure(entry.report, { suffix: `-${index}`, width: 480, height: 240 }),
    s ? rollingSharpeFigure(entry.report, s, o) : missingChart(`rolling-sharpe-${index}`, 'Rolling Sharpe ratio', why),
  ];
  return `<div class="run-tearsheet" data-run="${index}"><h3>${escapeHtml(entry.label)}</h3><div class="grid2">${charts.join('\n')}</div></div>`;
}
