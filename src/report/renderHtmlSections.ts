/**
 * The text parts of the HTML report: header (strategy, period, data, convention, timing,
 * costs, the synthetic-data banner), the metrics, relative, drawdown, yearly, concentration
 * and rebalance tables, and the warnings. Every string from the report is escaped; numbers
 * cells carry their exact JSON value in `data-value`.
 */
import { describeAllocation } from './describeAllocation.js';
import { describeCoverage } from './describeCoverage.js';
import { num, pct } from './format.js';
import { escapeHtml } from './html/escapeHtml.js';
import { dataValue, htmlTable, type Cell } from './html/htmlTable.js';
import { formatMetric, metricLabel } from './html/metricLabels.js';
import type { Report } from './reportTypes.js';

/** A run id of the form 2026-11-24T071530Z as a date and time, or null when it is not one. */
function runDate(runId: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})Z/.exec(runId);
  return m ? `${m[1]} ${m[2]}:${m[3]}:${m[4]} UTC` : null;
}

export function headerHtml(report: Report, runId?: string): string {
  const s = report.strategy;
  const files = report.data.files;
  const columns = [...new Set(files.map((f) => f.priceColumn))].join(' and ');
  const costs = `${report.costs.bps} bps${report.costs.slippageBps ? ` + ${report.costs.slippageBps} bps slippage` : ''} of traded value; total ${pct(report.costs.total)} of initial equity, CAGR drag ${pct(report.costs.cagrDrag)}, turnover ${pct(report.costs.annualizedTurnover, 1)} per year`;
  const meta: [string, string][] = [
    ...(runId && runDate(runId) ? [['run', `${runId} (${runDate(runId)})`] as [string, string]] : []),
    ['period', `${report.period.start} → ${report.period.end} (${report.period.periods} periods, ${report.period.periodsPerYear} per year)`],
    ['data', `${report.data.directory} (${files.length} files, prices from ${columns || 'no files'})`],
    ['convention', `${report.convention.name} (${report.convention.definitions})`],
    ['risk-free rate', report.convention.riskFree ?? '0% a year'],
    ['cash', report.convention.cash ?? 'earns nothing'],
    ['timing', `lag ${report.timing.lag}: ${report.timing.description}`],
    ['costs', costs],
    ['coverage', describeCoverage(report) ?? 'every asset and the benchmark priced on every row of the period'],
    ...viewRows(report),
    ['benchmark', report.benchmark ? `${report.benchmark.ticker}${report.benchmark.periods !== undefined ? ` (relative figures on ${report.benchmark.periods} common periods)` : ''}` : 'none'],
    ['sleeves', s.sleeves.map((sl) => `${sl.name}: ${sl.assets.join(', ')}`).join(' · ')],
    ...describeAllocation(report),
    ['strategy file', s.file ?? '(none)'],
    ['engine', `sleeves ${report.engineVersion}, report schema ${report.schemaVersion}`],
  ];
  const banner = report.data.synthetic
    ? `<div class="banner" role="alert">SYNTHETIC DATA: ${escapeHtml(report.data.directory)} holds generated sample prices, not market data. These figures say nothing about real markets.</div>`
    : '';
  return (
    `<header><h1>${escapeHtml(s.name)}</h1>` +
    (s.description ? `<p class="lede">${escapeHtml(s.description)}</p>` : '') +
    banner +
    `<dl class="meta">${meta.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl></header>`
  );
}

function valueCell(key: string, x: number | null | undefined): Cell {
  return { text: formatMetric(x ?? null, metricLabel(key).format), attrs: `data-key="${escapeHtml(key)}" ${dataValue(x)}` };
}

/** Every key of report.metrics, with the benchmark's value beside it when there is one. */
export function metricsTableHtml(report: Report): string {
  const b = report.benchmark;
  const head = ['metric', 'strategy', ...(b ? [b.ticker] : [])];
  const rows = Object.entries(report.metrics).map(([key, v]) => [
    metricLabel(key).label,
    valueCell(key, v),
    ...(b ? [valueCell(key, b.metrics[key])] : []),
  ]);
  return htmlTable(head, rows, 'class="metrics" id="metrics-table"');
}

export function relativeTableHtml(report: Report): string {
  const b = report.benchmark;
  if (!b) return '<p class="note">No benchmark: relative figures are not computed.</p>';
  const rows = Object.entries(b.relative).map(([key, v]) => [metricLabel(key).label, valueCell(key, v)]);
  return htmlTable(['relative to ' + b.ticker, 'value'], rows, 'class="relative" id="relative-table"');
}

export function drawdownTableHtml(report: Report): string {
  if (report.drawdowns.length === 0) return '<p class="note">No drawdown: wealth never fell below a previous peak.</p>';
  const rows = report.drawdowns.map((d, k) => [
    String(k + 1),
    { text: pct(d.depth), attrs: dataValue(d.depth) },
    d.peak,
    d.trough,
    d.recovery ?? 'not recovered',
    String(d.periodsToTrough),
    d.periodsToRecovery === null ? '–' : String(d.periodsToRecovery),
    String(d.periodsUnderwater),
  ]);
  return htmlTable(['#', 'depth', 'peak', 'trough', 'recovery', 'periods to trough', 'to recovery', 'under water'], rows, 'class="drawdowns" id="drawdown-table"');
}

export function yearlyTableHtml(report: Report): string {
  const hasB = report.benchmark !== null;
  const rows = report.tables.yearly.map((y) => [String(y.year), { text: pct(y.return, 1), attrs: dataValue(y.return) }, ...(hasB ? [{ text: pct(y.benchmark, 1), attrs: dataValue(y.benchmark) }] : [])]);
  return htmlTable(['year', 'strategy', ...(hasB ? [report.benchmark!.ticker] : [])], rows, 'class="yearly" id="yearly-table"');
}

type Summary = Record<string, unknown> | undefined;

export function concentrationTableHtml(report: Report): string {
  const conc = report.concentration as Record<string, Summary | number>;
  const rows: (Cell | string)[][] = [];
  const summaryRow = (key: string, label: string, f: (x: number | null) => string) => {
    const s = conc[key];
    if (!s || typeof s !== 'object') return;
    const get = (field: string) => (typeof s[field] === 'number' ? (s[field] as number) : null);
    const where = typeof s['asset'] === 'string' ? `${String(s['asset'])} on ${String(s['date'] ?? '')}` : '';
    rows.push([label, ...['mean', 'min', 'max', 'last'].map((field) => ({ text: f(get(field)), attrs: `data-key="${escapeHtml(`${key}.${field}`)}" ${dataValue(get(field))}` })), where]);
  };
  summaryRow('hhi', 'HHI', (x) => num(x, 3));
  summaryRow('effectiveHoldings', 'effective holdings', (x) => num(x, 1));
  summaryRow('maxWeight', 'largest weight', (x) => pct(x, 1));
  summaryRow('topKShare', `top ${String(conc['topK'] ?? '')} share`, (x) => pct(x, 1));
  summaryRow('sleeveHhi', 'sleeve HHI', (x) => num(x, 3));
  summaryRow('effectiveBets', 'effective bets', (x) => num(x, 2));
  summaryRow('cashWeight', 'cash', (x) => pct(x, 1));
  const table = htmlTable(['measure', 'mean', 'min', 'max', 'last', 'largest at'], rows, 'class="concentration" id="concentration-table"');
  const sleeves = conc['sleeveWeights'];
  const sleeveRows: (Cell | string)[][] = [];
  if (sleeves && typeof sleeves === 'object') {
    for (const [name, s] of Object.entries(sleeves)) {
      const o = s as Record<string, number | null>;
      sleeveRows.push([name, ...['mean', 'min', 'max', 'last'].map((f) => ({ text: pct(o[f] ?? null, 1), attrs: dataValue(o[f]) }))]);
    }
  }
  const extras: string[] = [];
  const top = conc['topContributorsShare'];
  if (typeof top === 'number') extras.push(`top ${String(conc['topK'] ?? '')} contributors' share of the positive return: ${pct(top, 1)}`);
  const window = report.concentration.riskWindow;
  if (window) extras.push(`effective bets and risk contributions: covariance of the trailing ${window.rows} rows at each rebalance (${window.source})`);
  const creep = conc['driftCreep'] as Summary;
  if (creep && typeof creep['value'] === 'number') extras.push(`drift creep: HHI rose by up to ${num(creep['value'] as number, 3)} between rebalances (${String(creep['date'] ?? '')}, after the rebalance of ${String(creep['rebalanceDate'] ?? '')})`);
  return (
    `<div class="tables">${table}${sleeveRows.length ? htmlTable(['sleeve weight', 'mean', 'min', 'max', 'last'], sleeveRows, 'class="sleeves"') : ''}</div>` +
    extras.map((e) => `<p class="note">${escapeHtml(e)}</p>`).join('')
  );
}

export function rebalancesHtml(report: Report): string {
  const rows = report.rebalances.map((r) => [
    r.decisionDate,
    r.tradeDate,
    r.rule,
    { text: pct(r.turnover, 2), attrs: dataValue(r.turnover) },
    { text: pct(r.cost, 3), attrs: dataValue(r.cost) },
    r.fallbacks && r.fallbacks.length ? JSON.stringify(r.fallbacks) : '',
  ]);
  return `<details><summary>${report.rebalances.length} rebalances (every one listed)</summary>${htmlTable(['decided', 'traded', 'rule', 'turnover', 'cost', 'fallbacks'], rows, 'class="rebalances"')}</details>`;
}

export function warningsHtml(warnings: readonly string[]): string {
  if (warnings.length === 0) return '<p class="note">No warnings.</p>';
  return `<ul class="warnings" id="warnings">${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`;
}

/** Black–Litterman: what the views added, against the run without views (and each view alone). */
function viewRows(report: Report): [string, string][] {
  const v = report.viewAttribution;
  if (!v) return [];
  const d = (x: number | null, scale: number, unit: string) => (x === null ? '–' : `${x >= 0 ? '+' : '−'}${Math.abs(x * scale).toFixed(2)}${unit}`);
  const added = (f: typeof v.added) => `CAGR ${d(f.cagr, 100, '%')}, Sharpe ${d(f.sharpe, 1, '')}, max drawdown ${d(f.maxDrawdown, 100, '%')}`;
  return [
    ['views added', `${added(v.added)} against the prior without views (CAGR ${pct(v.prior.cagr)}, Sharpe ${v.prior.sharpe === null ? '–' : v.prior.sharpe.toFixed(2)})`],
    ...v.perView.map((p): [string, string] => [p.view, `alone: ${added(p.added)}`]),
  ];
}
