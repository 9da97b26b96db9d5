/**
 * report.html of a walk-forward folder: one self-contained page (inline CSS and SVG, no scripts)
 * with the stitched out-of-sample equity, the chosen parameters of each fold and the in-sample
 * vs out-of-sample Sharpe ratio per fold. Reads only the report and the stitched series.
 */
import { num, pct } from '../report/format.js';
import { chartFigure, downsampleNote, missingChart } from '../report/html/chartFigure.js';
import { escapeHtml } from '../report/html/escapeHtml.js';
import { htmlPage } from '../report/html/htmlPage.js';
import { dataValue, htmlTable, type Cell } from '../report/html/htmlTable.js';
import { loadPlotKit, plotHtml, type PlotKit } from '../report/html/plotKit.js';
import { CHART_WIDTH } from '../report/html/chartFigure.js';
import { timeLinesChart } from '../report/html/timeLinesChart.js';
import type { StitchedSeries } from './stitchSegments.js';
import type { WalkForwardReport } from './walkForwardReport.js';

export async function renderWalkForwardHtml(report: WalkForwardReport, stitched: StitchedSeries): Promise<string> {
  const kit = await loadPlotKit();
  const m = report.outOfSample.metrics;
  const w = report.windows;
  const parts: string[] = [];
  parts.push(`<h1>Walk-forward · ${escapeHtml(report.strategy.name)}</h1>`);
  parts.push(`<p class="lede">Parameters chosen on each training window, then run on the following test window; the test segments stitched end to end are the out-of-sample record.</p>`);
  if (report.data.synthetic) parts.push(`<div class="banner">SYNTHETIC DATA: ${escapeHtml(report.data.directory)} holds generated sample prices, not market data.</div>`);
  parts.push(
    `<dl class="meta">` +
      meta('strategy file', report.strategy.file ?? '–') +
      meta('data', report.data.directory) +
      meta('grid', `${report.grid.map((p) => `${p.path} ∈ {${p.values.join(', ')}}`).join(' × ')} (${report.variants} variants)`) +
      meta('windows', `train ${w.train}${w.anchored ? ' (anchored at the start)' : ' (rolling)'}, test ${w.test}, ranked by ${w.rankBy}`) +
      meta('out of sample', `${report.outOfSample.period.start} → ${report.outOfSample.period.end} (${report.outOfSample.period.periods} periods)`) +
      meta('figures', `CAGR ${pct(m['cagr'])}, Sharpe ${num(m['sharpe'])}, max drawdown ${pct(m['maxDrawdown'])}, total return ${pct(m['totalReturn'])}`) +
      meta('degradation', `mean Sharpe ${num(report.degradation.sharpe.inSample)} in sample → ${num(report.degradation.sharpe.outOfSample)} out of sample; walk-forward efficiency ${num(report.degradation.efficiency)}`) +
      `</dl>`,
  );
  const eq = timeLinesChart(kit, [{ name: 'out of sample', dates: stitched.dates, values: Array.from(stitched.equity) }], { yLabel: 'growth of 1', log: true });
  parts.push(`<section id="equity"><h2>Stitched out-of-sample equity</h2>`);
  parts.push(chartFigure('equity', 'Growth of 1, test segments compounded', `Each segment is a fresh run of the chosen parameters over its test window.${downsampleNote(eq.drawn, eq.total)}`, eq.svg), `</section>`);
  // Parameters by their last path segment when those are unique (the full paths are in the header).
  const short = report.grid.map((p) => p.path.split('.').pop()!);
  const label = (path: string): string => (new Set(short).size === short.length ? path.split('.').pop()! : path);
  parts.push(`<section id="folds"><h2>Folds</h2>`);
  parts.push(
    htmlTable(
      ['fold', 'train', 'test', 'chosen', 'Sharpe in', 'Sharpe out', 'CAGR in', 'CAGR out', 'max DD out'],
      report.folds.map((f) => [
        String(f.fold),
        `${f.train.from} → ${f.train.to}`,
        `${f.test.from} → ${f.test.to}`,
        Object.entries(f.chosen).map(([k, v]) => `${label(k)}=${v}`).join(', '),
        cell(num(f.inSample.sharpe), f.inSample.sharpe),
        cell(num(f.outOfSample.sharpe), f.outOfSample.sharpe),
        cell(pct(f.inSample.cagr), f.inSample.cagr),
        cell(pct(f.outOfSample.cagr), f.outOfSample.cagr),
        cell(pct(f.outOfSample.maxDrawdown), f.outOfSample.maxDrawdown),
      ]),
      'data-table="folds"',
    ),
  );
  const sharpe = sharpeChart(kit, report);
  parts.push(sharpe ? chartFigure('sharpe', 'Sharpe ratio per fold: training window vs test window', 'A large, steady gap is the cost of choosing on the past.', sharpe) : missingChart('sharpe', 'Sharpe ratio per fold', 'no fold has a defined Sharpe ratio'));
  parts.push(`</section>`);
  if (report.warnings.length > 0) parts.push(`<h2>Warnings</h2><ul class="warnings">${report.warnings.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>`);
  parts.push(`<footer>sleeves walkforward · engine ${escapeHtml(report.engineVersion)}</footer>`);
  return htmlPage(`Walk-forward · ${report.strategy.name}`, parts.join('\n'));
}

function sharpeChart(kit: PlotKit, report: WalkForwardReport): string | null {
  const rows = report.folds.flatMap((f) => [
    ...(f.inSample.sharpe !== null ? [{ fold: f.fold, value: f.inSample.sharpe, sample: 'in sample (training)' }] : []),
    ...(f.outOfSample.sharpe !== null ? [{ fold: f.fold, value: f.outOfSample.sharpe, sample: 'out of sample (test)' }] : []),
  ]);
  if (rows.length === 0) return null;
  const { Plot } = kit;
  return plotHtml(kit, {
    width: CHART_WIDTH,
    height: 300,
    marginLeft: 56,
    style: { fontSize: '12px' },
    x: { label: 'fold', ticks: report.folds.map((f) => f.fold) },
    y: { grid: true, label: 'Sharpe ratio' },
    color: { legend: true, domain: ['in sample (training)', 'out of sample (test)'], range: ['#1f77b4', '#d62728'] },
    marks: [Plot.ruleY([0], { stroke: '#999' }), Plot.line(rows, { x: 'fold', y: 'value', stroke: 'sample' }), Plot.dot(rows, { x: 'fold', y: 'value', fill: 'sample' })],
  });
}

function meta(label: string, value: string): string {
  return `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`;
}

function cell(text: string, value: number | null | undefined): Cell {
  return { text, attrs: dataValue(value) };
}
