/**
 * robust.html: one self-contained page (inline CSS and SVG, no scripts) with the robustness
 * tables and charts. Reads only the report; every text from a strategy or data file is escaped.
 */
import { num, pct } from '../report/format.js';
import { chartFigure, missingChart } from '../report/html/chartFigure.js';
import { escapeHtml } from '../report/html/escapeHtml.js';
import { htmlPage } from '../report/html/htmlPage.js';
import { dataValue, htmlTable, type Cell } from '../report/html/htmlTable.js';
import { loadPlotKit } from '../report/html/plotKit.js';
import { bootstrapChart, concentrationChart, leaveOneOutChart, startDateChart, stressChart } from './robustCharts.js';
import type { RobustReport } from './robustReport.js';
import { leaveOneOutHeadline } from './renderRobustTerminal.js';
import { timingLuckHtml } from './timingLuckSection.js';

export async function renderRobustHtml(report: RobustReport): Promise<string> {
  const kit = await loadPlotKit();
  const chart = (id: string, title: string, caption: string, svg: string | null) => (svg ? chartFigure(id, title, caption, svg) : missingChart(id, title, 'nothing to draw'));
  const f = report.full;
  const b = report.bootstrap;
  const parts: string[] = [];
  parts.push(`<h1>Robustness · ${escapeHtml(report.strategy.name)}</h1>`);
  parts.push(`<p class="lede">How much of the result is one name, one start date, one regime.</p>`);
  if (report.data.synthetic) parts.push(`<div class="banner">SYNTHETIC DATA: ${escapeHtml(report.data.directory)} holds generated sample prices, not market data.</div>`);
  parts.push(
    `<dl class="meta">` +
      meta('strategy file', report.strategy.file ?? '–') +
      meta('data', report.data.directory) +
      meta('period', `${report.period.start} → ${report.period.end} (${report.period.periods} periods, ${report.period.periodsPerYear}/year)`) +
      meta('convention', report.convention) +
      (report.method['riskFree'] ? meta('risk-free rate', report.method['riskFree']) : '') +
      meta('full run', `CAGR ${pct(f.cagr)}, Sharpe ${num(f.sharpe)}, max drawdown ${pct(f.maxDrawdown)}`) +
      (report.benchmark && f.benchmark ? meta(`benchmark ${report.benchmark}`, `CAGR ${pct(f.benchmark.cagr)}, Sharpe ${num(f.benchmark.sharpe)}, max drawdown ${pct(f.benchmark.maxDrawdown)}`) : '') +
      meta('bootstrap', `${b.paths} paths, mean block ${b.meanBlock} days, seed ${b.seed}`) +
      `</dl>`,
  );

  parts.push(`<section id="leave-one-out"><h2>Leave one out</h2>`);
  const headline = leaveOneOutHeadline(report);
  if (headline) parts.push(`<p><strong>${escapeHtml(headline[0]!.toUpperCase() + headline.slice(1))}.</strong></p>`);
  parts.push(
    htmlTable(
      ['without', 'CAGR', 'Δ CAGR', 'Sharpe', 'Δ Sharpe', 'max DD', 'Δ max DD'],
      report.leaveOneOut.map((r) => [
        `${r.kind === 'sleeve' ? 'sleeve ' : ''}${r.name}`,
        cell(pct(r.figures?.cagr), r.figures?.cagr),
        cell(pp(r.delta.cagr), r.delta.cagr),
        cell(num(r.figures?.sharpe), r.figures?.sharpe),
        cell(signed(r.delta.sharpe), r.delta.sharpe),
        cell(pct(r.figures?.maxDrawdown), r.figures?.maxDrawdown),
        cell(pp(r.delta.maxDrawdown), r.delta.maxDrawdown),
      ]),
      'data-table="leave-one-out"',
    ),
  );
  const notes = [...new Set(report.leaveOneOut.flatMap((r) => r.notes))];
  if (notes.length > 0) parts.push(`<ul class="note">${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`);
  parts.push(chart('leave-one-out', 'Δ CAGR without each asset and sleeve', report.method['leaveOneOut'] ?? '', leaveOneOutChart(kit, report)), `</section>`);

  parts.push(`<section id="start-dates"><h2>Start-date sensitivity</h2>`);
  parts.push(
    htmlTable(
      ['held', 'starts', 'figure', 'p5', 'p25', 'p50', 'p75', 'p95', 'worst start', 'best start'],
      report.startDates.flatMap((h) =>
        (['cagr', 'maxDrawdown'] as const).map((key) => [
          h.horizon,
          String(h.starts),
          key === 'cagr' ? 'CAGR' : 'max drawdown',
          ...['5', '25', '50', '75', '95'].map((p) => cell(pct(h[key].percentiles[p], 1), h[key].percentiles[p])),
          key === 'cagr' && h.worst ? `${h.worst.from} (${pct(h.worst.cagr, 1)})` : '',
          key === 'cagr' && h.best ? `${h.best.from} (${pct(h.best.cagr, 1)})` : '',
        ]),
      ),
      'data-table="start-dates"',
    ),
  );
  parts.push(
    `<div class="grid1">`,
    chart('start-cagr', 'CAGR by start date', report.method['startDates'] ?? '', startDateChart(kit, report, 'cagr')),
    chart('start-maxdd', 'Max drawdown by start date', 'Drawn below zero.', startDateChart(kit, report, 'maxDrawdown')),
    `</div></section>`,
  );

  parts.push(`<section id="bootstrap"><h2>Bootstrap</h2>`);
  const row = (label: string, key: 'cagr' | 'sharpe' | 'maxDrawdown', fmt: (x: number | null) => string): (string | Cell)[] => [
    label,
    cell(fmt(b[key].original), b[key].original),
    cell(fmt(b[key].p5), b[key].p5),
    cell(fmt(b[key].p50), b[key].p50),
    cell(fmt(b[key].p95), b[key].p95),
    ...(b.benchmark ? [`${fmt(b.benchmark[key].p5)} … ${fmt(b.benchmark[key].p95)}`] : []),
  ];
  parts.push(
    htmlTable(
      ['', 'real run', 'p5', 'median', 'p95', ...(b.benchmark ? [`${report.benchmark ?? ''} 5–95%`] : [])],
      [row('CAGR', 'cagr', (x) => pct(x, 1)), row('Sharpe', 'sharpe', (x) => num(x)), row('max drawdown', 'maxDrawdown', (x) => pct(x, 1))],
      'data-table="bootstrap"',
    ),
  );
  if (b.underperformProbability !== null) parts.push(`<p>Probability of underperforming ${escapeHtml(report.benchmark ?? '')} (total return on the same resampled days): <strong data-value="${b.underperformProbability}">${pct(b.underperformProbability, 1)}</strong></p>`);
  parts.push(chart('bootstrap', 'CAGR across bootstrap paths', report.method['bootstrap'] ?? '', bootstrapChart(kit, report)), `</section>`);

  parts.push(`<section id="stress"><h2>Stress windows</h2>`);
  const bm = report.benchmark;
  parts.push(
    htmlTable(
      ['window', 'dates', 'data', 'return', 'max DD', 'recovery', ...(bm ? [`${bm} return`, `${bm} max DD`, `${bm} recovery`] : [])],
      report.stressWindows.map((w) => [
        w.source === 'strategy file' ? `${w.name} (strategy file)` : w.name,
        `${w.from} → ${w.to}`,
        w.coverage === 'partial' && w.covered ? `partial: ${w.covered.from} → ${w.covered.to}` : w.coverage,
        cell(pct(w.strategy?.return, 1), w.strategy?.return),
        cell(pct(w.strategy?.maxDrawdown, 1), w.strategy?.maxDrawdown),
        recovery(w.strategy?.recovery),
        ...(bm ? [cell(pct(w.benchmark?.return, 1), w.benchmark?.return), cell(pct(w.benchmark?.maxDrawdown, 1), w.benchmark?.maxDrawdown), recovery(w.benchmark?.recovery)] : []),
      ]),
      'data-table="stress"',
    ),
  );
  const windowNotes = report.stressWindows.filter((w) => w.note);
  if (windowNotes.length > 0) parts.push(`<ul class="note">${windowNotes.map((w) => `<li>${escapeHtml(`${w.name}: ${w.note}`)}</li>`).join('')}</ul>`);
  parts.push(chart('stress', 'Return inside each stress window', report.method['stressWindows'] ?? '', stressChart(kit, report)), `</section>`);

  const k = report.concentrationByYear.topK;
  parts.push(`<section id="concentration"><h2>Concentration regime</h2>`);
  parts.push(
    htmlTable(
      ['year', `top-${k} share`, 'Σ contributions', 'top contributors'],
      report.concentrationByYear.years.map((y) => [String(y.year), cell(pct(y.topShare, 1), y.topShare), cell(pct(y.total, 1), y.total), y.top.map((t) => `${t.asset} ${pct(t.contribution, 1)}`).join(', ')]),
      'data-table="concentration"',
    ),
  );
  parts.push(chart('concentration', `Top-${k} share of each year's positive contributions`, report.method['concentrationByYear'] ?? '', concentrationChart(kit, report)), `</section>`);

  if (report.timingLuck) parts.push(timingLuckHtml(kit, report.timingLuck));
  if (report.warnings.length > 0) parts.push(`<h2>Warnings</h2><ul class="warnings">${report.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`);
  parts.push(`<footer>sleeves robust · ${escapeHtml(report.schemaVersion)}</footer>`);
  return htmlPage(`Robustness · ${report.strategy.name}`, parts.join('\n'));
}

function meta(label: string, value: string): string {
  return `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`;
}

function cell(text: string, value: number | null | undefined): Cell {
  return { text, attrs: dataValue(value) };
}

function pp(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)}pp`;
}

function signed(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;
}

function recovery(r: { status: string; date: string | null } | undefined): string {
  if (!r) return '–';
  return r.status === 'recovered' ? (r.date as string) : r.status;
}
