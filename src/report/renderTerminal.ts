/**
 * The terminal summary of one report. Reads only the report; colour only when asked (the CLI
 * decides: a TTY and no NO_COLOR).
 */
import pc from 'picocolors';
import { describeCoverage } from './describeCoverage.js';
import { figuresIn } from './figures/figureCatalogue.js';
import type { Figure } from './figures/figureTypes.js';
import { formatFigure } from './figures/formatFigure.js';
import { labelIn, readBenchmarkFigure, readFigure } from './figures/readFigure.js';
import { num, pct, textTable } from './format.js';
import { hedgeLines } from './hedgeLines.js';
import { attributionLines } from './renderAttributionTerminal.js';
import type { Report } from './reportTypes.js';

export function renderTerminal(report: Report, options: { color: boolean; folder?: string }): string {
  const c = options.color ? pc : pc.createColors(false);
  const b = report.benchmark;
  const out: string[] = [];
  out.push(c.bold(`sleeves · ${report.strategy.name}`) + c.dim(`  (${report.convention.name} convention, lag ${report.timing.lag}, ${report.costs.bps} bps costs${report.costs.slippageBps ? ` + ${report.costs.slippageBps} bps slippage` : ''})`));
  if (report.data.synthetic) {
    out.push(c.yellow(c.bold(`SYNTHETIC DATA: ${report.data.directory} holds generated sample prices, not market data. Use --data DIR for real prices.`)));
  }
  const columns = new Set(report.data.files.map((f) => f.priceColumn));
  out.push(`period   ${report.period.start} → ${report.period.end}  (${report.period.periods} periods, ${report.period.periodsPerYear}/year)`);
  out.push(`data     ${report.data.directory}  (${report.data.files.length} files, prices from ${[...columns].join(' and ')})`);
  out.push(`cash     ${report.convention.cash ?? 'earns nothing'}; risk-free rate ${report.convention.riskFree ?? '0% a year'}`);
  const coverage = describeCoverage(report);
  if (coverage) out.push(c.yellow(`coverage ${coverage}`));
  out.push('');
  const head = ['', 'strategy', ...(b ? [b.ticker] : [])];
  const summary = figuresIn('summary');
  const table = summary.filter((f) => f.scope === 'metrics').map((f) => [f.label, formatFigure(f, readFigure(report, f)), ...(b ? [formatFigure(f, readBenchmarkFigure(report, f))] : [])]);
  out.push(textTable([head.map((h) => c.dim(h)), ...table]));
  if (b) {
    const common = b.periods !== undefined && b.periods !== report.period.periods ? ` (${b.periods} common periods)` : '';
    out.push(c.dim(`vs ${b.ticker}${common}: ${figureList(report, summary.filter((f) => f.scope === 'relative'))}`));
  }
  const ext = report.tables.extremes;
  if (ext?.bestYear && ext.worstYear) {
    out.push(c.dim(`best year ${ext.bestYear.year} ${pct(ext.bestYear.return)}, worst year ${ext.worstYear.year} ${pct(ext.worstYear.return)} (first and last years may be partial)`));
  }
  out.push('');
  out.push(...concentrationLines(report));
  out.push(...attributionLines(report));
  const hedges = hedgeLines(report);
  if (hedges.length > 0) out.push('', ...hedges, '');
  const sleeves = Object.entries(report.final.sleeves).map(([name, w]) => `${name} ${pct(w, 1)}`);
  out.push(`sleeve weights at ${report.final.date}: ${sleeves.join(' · ')}${report.final.cash > 5e-4 ? ` · cash ${pct(report.final.cash, 1)}` : ''}`);
  out.push(`rebalances ${report.rebalances.length}, ${figureList(report, summary.filter((f) => f.scope === 'costs'))}`);
  const views = report.viewAttribution;
  if (views) {
    const added = (f: typeof views.added) => `CAGR ${signed(f.cagr, 100, '%')}, Sharpe ${signed(f.sharpe, 1, '')}, max drawdown ${signed(f.maxDrawdown, 100, '%')}`;
    out.push(`views added (vs the prior without views: CAGR ${pct(views.prior.cagr)}, Sharpe ${num(views.prior.sharpe)}): ${added(views.added)}`);
    for (const v of views.perView) out.push(c.dim(`  ${v.view} alone: ${added(v.added)}`));
  }
  if (report.warnings.length > 0) {
    out.push('');
    out.push(c.yellow(`warnings (${report.warnings.length}):`));
    for (const w of report.warnings.slice(0, 8)) out.push(c.yellow(`  - ${w}`));
    if (report.warnings.length > 8) out.push(c.yellow(`  … ${report.warnings.length - 8} more in report.json`));
  }
  if (options.folder) {
    out.push('');
    out.push(`written: ${options.folder}/`);
  }
  return `${out.join('\n')}\n`;
}

function concentrationLines(report: Report): string[] {
  const figures = figuresIn('summary').filter((f) => f.scope === 'concentration' && readFigure(report, f) !== null);
  const lines: string[] = [];
  for (let k = 0; k < figures.length; k += 3) lines.push(`${k === 0 ? 'concentration' : '             '}  ${figureList(report, figures.slice(k, k + 3))}`);
  const window = report.concentration.riskWindow;
  if (report.concentration.effectiveBets && window) lines.push(`effective bets and risk contributions over a trailing ${window.rows}-row covariance (${window.source})`);
  return lines;
}

/** "label value, label value": the figures' catalogue labels and formats (the largest weight with its asset and date). */
function figureList(report: Report, figures: readonly Figure[]): string {
  return figures
    .map((f) => {
      const text = `${labelIn(report, f)} ${formatFigure(f, readFigure(report, f))}`;
      const at = f.key === 'concentration.maxWeight.max' ? report.concentration.maxWeight : undefined;
      return at?.asset ? `${text} (${at.asset} on ${at.date})` : text;
    })
    .join(', ');
}

/** A difference with its sign, scaled (100 for percentage points), e.g. "+1.23%" or "−0.05"; "–" when undefined. */
function signed(x: number | null, scale: number, unit: string): string {
  if (x === null) return '–';
  const v = x * scale;
  return `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(2)}${unit}`;
}
