/**
 * The terminal summary of one report. Reads only the report; colour only when asked (the CLI
 * decides: a TTY and no NO_COLOR).
 */
import pc from 'picocolors';
import { describeCoverage } from './describeCoverage.js';
import { num, pct, textTable } from './format.js';
import { hedgeLines } from './hedgeLines.js';
import { attributionLines } from './renderAttributionTerminal.js';
import type { Report } from './reportTypes.js';

export function renderTerminal(report: Report, options: { color: boolean; folder?: string }): string {
  const c = options.color ? pc : pc.createColors(false);
  const m = report.metrics;
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
  const row = (label: string, key: string, f: (x: number | null | undefined) => string) => [label, f(m[key]), ...(b ? [f(b.metrics[key])] : [])];
  out.push(
    textTable([
      head.map((h) => c.dim(h)),
      row('total return', 'totalReturn', (x) => pct(x, 1)),
      row('CAGR', 'cagr', pct),
      row('volatility', 'annualizedVolatility', pct),
      row('Sharpe', 'sharpe', num),
      row('Sortino', 'sortino', num),
      row('max drawdown', 'maxDrawdown', pct),
      row('Calmar', 'calmar', num),
      row('VaR 95% (1 period)', 'var95', pct),
    ]),
  );
  if (b) {
    const r = b.relative;
    out.push(c.dim(`vs ${b.ticker}${b.periods !== undefined && b.periods !== report.period.periods ? ` (${b.periods} common periods)` : ''}: beta ${num(r['beta'])}, alpha ${pct(r['alpha'])}, tracking error ${pct(r['trackingError'])}, information ratio ${num(r['informationRatio'])}`));
  }
  const ext = report.tables.extremes;
  if (ext.bestYear && ext.worstYear) {
    out.push(c.dim(`best year ${ext.bestYear.year} ${pct(ext.bestYear.return, 1)}, worst year ${ext.worstYear.year} ${pct(ext.worstYear.return, 1)} (first and last years may be partial)`));
  }
  out.push('');
  out.push(...concentrationLines(report));
  out.push(...attributionLines(report));
  const hedges = hedgeLines(report);
  if (hedges.length > 0) out.push('', ...hedges, '');
  const sleeves = Object.entries(report.final.sleeves).map(([name, w]) => `${name} ${pct(w, 1)}`);
  out.push(`sleeve weights at ${report.final.date}: ${sleeves.join(' · ')}${report.final.cash > 5e-4 ? ` · cash ${pct(report.final.cash, 1)}` : ''}`);
  const trades = report.rebalances.length;
  out.push(`rebalances ${trades}, turnover ${pct(report.costs.annualizedTurnover, 1)}/year, costs ${pct(report.costs.total, 2)} of initial equity (CAGR drag ${pct(report.costs.cagrDrag, 2)})`);
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
  const conc = report.concentration as Record<string, Record<string, unknown> | undefined>;
  const lines: string[] = [];
  const maxWeight = conc['maxWeight'];
  if (maxWeight) {
    lines.push(`largest single-name weight ${pct(maxWeight['max'] as number | null, 1)}${maxWeight['asset'] ? ` (${String(maxWeight['asset'])} on ${String(maxWeight['date'])})` : ''}, mean ${pct(maxWeight['mean'] as number | null, 1)}`);
  }
  const eff = conc['effectiveHoldings'];
  const bets = conc['effectiveBets'];
  if (eff) {
    lines.push(`effective holdings ${num(eff['mean'] as number | null, 1)} on average (min ${num(eff['min'] as number | null, 1)})${bets ? `, effective bets ${num(bets['mean'] as number | null, 1)}` : ''}`);
  }
  const window = report.concentration.riskWindow;
  if (bets && window) lines.push(`effective bets and risk contributions over a trailing ${window.rows}-row covariance (${window.source})`);
  const top = conc['topContributorsShare'];
  if (typeof top === 'number') lines.push(`top ${report.strategy.spec.reporting.topK} contributors' share of positive return ${pct(top, 1)}`);
  return lines;
}

/** A difference with its sign, scaled (100 for percentage points), e.g. "+1.23%" or "−0.05"; "–" when undefined. */
function signed(x: number | null, scale: number, unit: string): string {
  if (x === null) return '–';
  const v = x * scale;
  return `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(2)}${unit}`;
}
