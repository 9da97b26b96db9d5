/**
 * The HTML attribution section: linked return contributions (by sleeve with cash, costs and
 * the total they add up to; by asset), Brinson–Fachler effects per sleeve against the stated
 * reference (adding up to the active return), and, when the strategy names factors, the factor
 * regression table and the rolling one-year factor betas chart. Number cells carry their exact
 * JSON value in `data-value`; each block has a `data-figure` id (contribution-table, brinson,
 * factor-exposure, rolling-factor-betas). Reads only the report and its series.
 */
import { num, pct } from '../format.js';
import type { Report, ReportSeries } from '../reportTypes.js';
import { escapeHtml } from './escapeHtml.js';
import { dataValue, htmlTable, type Cell } from './htmlTable.js';
import { timeChart } from './timeChart.js';

const cell = (x: number | null | undefined, digits = 2, f = pct): Cell => ({ text: f(x ?? null, digits), attrs: dataValue(x) });

function block(id: string, title: string, inner: string, note: string): string {
  return `<div class="figure" data-figure="${escapeHtml(id)}"><h3>${escapeHtml(title)}</h3>${inner}${note ? `<p class="note">${escapeHtml(note)}</p>` : ''}</div>`;
}

/**
 * The linked contributions as bar values (sleeves or assets, plus cash and costs when not 0) for
 * the contributions chart, or null for a report without them.
 */
export function linkedContributionValues(report: Report): { sleeves: Record<string, number>; assets: Record<string, number>; costs: number; note: string } | null {
  const c = report.contributions;
  if (!c) return null;
  const cash: Record<string, number> = c.cash !== 0 ? { '(cash)': c.cash } : {};
  return {
    sleeves: { ...c.sleeves, ...cash },
    assets: { ...c.assets, ...cash },
    costs: c.costs,
    note: `Cariño-linked contributions: the bars (with costs${c.cash !== 0 ? ' and cash' : ''}) add up to the total return ${pct(c.total, 1)}.`,
  };
}

function contributionTables(report: Report): string {
  const c = report.contributions;
  if (!c) return '';
  const sleeveRows: (Cell | string)[][] = Object.entries(c.sleeves).map(([name, x]) => [name, cell(x)]);
  sleeveRows.push(['cash', cell(c.cash)], ['costs', cell(c.costs)], [{ text: 'total return', className: 'total' }, cell(c.total)]);
  const assetRows = Object.entries(c.assets).map(([name, x]) => [name, cell(x)]);
  const tables = `<div class="tables">${htmlTable(['sleeve', 'contribution'], sleeveRows, 'class="contributions" id="contribution-sleeves"')}${htmlTable(['asset', 'contribution'], assetRows, 'class="contributions" id="contribution-assets"')}</div>`;
  return block(
    'contribution-table',
    'Contributions to the total return',
    tables,
    'Each day w_{i,t−1}·r_{i,t} (start-of-day weight times the return), the cash earned and the cost drag, linked over time with Cariño’s coefficients k(r_t)/k(R), k(x) = ln(1+x)/x, so that the lines add up to the compounded total return exactly (Cariño 1999).',
  );
}

function brinsonTable(report: Report): string {
  const a = report.attribution;
  if (!a) return '';
  const rows: (Cell | string)[][] = Object.entries(a.sleeves).map(([name, e]) => [name, cell(e.allocation), cell(e.selection), cell(e.interaction), cell(e.allocation + e.selection + e.interaction)]);
  rows.push(['cash', cell(a.cash.allocation), cell(a.cash.selection), cell(a.cash.interaction), cell(a.cash.allocation + a.cash.selection + a.cash.interaction)]);
  rows.push(['costs', '', '', '', cell(a.costs)]);
  rows.push([{ text: 'active return', className: 'total' }, '', '', '', cell(a.active)]);
  return block(
    'brinson',
    'Brinson–Fachler attribution by sleeve',
    htmlTable(['sleeve', 'allocation', 'selection', 'interaction', 'total'], rows, 'class="brinson" id="brinson-table"'),
    `Against ${a.reference}: strategy ${pct(a.portfolioReturn, 1)}, reference ${pct(a.referenceReturn, 1)}. Daily allocation (w − W)(b − B), selection W(r − b), interaction (w − W)(r − b) (Brinson & Fachler 1985; Brinson, Hood & Beebower 1986), linked with Cariño’s coefficients; the effects and costs add up to the active return.`,
  );
}

function factorTable(report: Report): string {
  const f = report.factors;
  if (!f) return '';
  const rows: (Cell | string)[][] = f.tickers.map((t) => [t, cell(f.betas[t], 3, num), cell(f.tStats[t], 2, num)]);
  rows.push(['alpha (a year)', cell(f.alpha), cell(f.alphaTStat ?? null, 2, num)]);
  rows.push(['R²', cell(f.rSquared, 3, num), '']);
  return block(
    'factor-exposure',
    'Factor exposure',
    htmlTable(['factor', 'beta', 't-statistic'], rows, 'class="factors" id="factor-table"'),
    `OLS of the strategy’s daily returns on the factors’ daily returns with an intercept over ${f.periods} common periods; classical standard errors; ${f.alphaConvention}.`,
  );
}

function rollingBetasChart(report: Report, series: ReportSeries | null): string {
  const f = report.factors;
  if (!f) return '';
  const id = 'rolling-factor-betas';
  const title = 'Rolling one-year factor betas';
  const betas = series?.factorBetas;
  if (!betas) return block(id, title, '', 'Daily series are not available for this report (report.json without series.json beside it, or without --include-series).');
  return timeChart({
    id,
    title,
    caption: `OLS betas over the trailing ${report.period.periodsPerYear} periods (none before a full year).`,
    dates: series.dates,
    series: f.tickers.filter((t) => betas[t]).map((t) => ({ name: t, values: betas[t]! })),
    format: 'num',
    yLabel: 'beta',
    height: 260,
  });
}

/** The whole section; empty for a report without attribution figures (engines before them). */
export function attributionSectionHtml(report: Report, series: ReportSeries | null): string {
  const parts = [contributionTables(report), brinsonTable(report), factorTable(report), rollingBetasChart(report, series)].filter((p) => p !== '');
  if (parts.length === 0) return '';
  return `<section id="attribution"><h2>Attribution</h2>${parts.join('\n')}</section>`;
}
