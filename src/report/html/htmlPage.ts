/**
 * The page around a report: one self-contained HTML file with its CSS inline, no fonts or
 * images from elsewhere (a strict Content-Security-Policy says so to the browser), readable
 * from a tablet (768 px) to a laptop screen and printable (print CSS: charts kept whole).
 * A page whose body holds interactive time charts (timeChart.ts) also carries uPlot and the
 * chart script inline, admitted by their sha256 hashes; any other script is refused.
 * `title` is plain text; `body` is markup built by the renderers.
 */
import { chartAssets } from './chartAssets.js';
import { escapeHtml } from './escapeHtml.js';
import { TIME_CHART_CLASS } from './timeChart.js';

export function htmlPage(title: string, body: string): string {
  const assets = body.includes(`class="${TIME_CHART_CLASS}"`) ? chartAssets() : null;
  const scriptSrc = assets ? `; script-src ${assets.hashes.join(' ')}` : '';
  const css = assets ? `${PAGE_CSS}${assets.css}\n${CHART_CSS}` : PAGE_CSS;
  const scripts = assets ? assets.scripts.map((s) => `<script>${s}</script>`).join('\n') : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:${scriptSrc}">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
<main>
${body}
</main>
${scripts}
</body>
</html>
`;
}

const PAGE_CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --line: #d9dce1; --bg: #fff; --panel: #f6f7f9; --good: #1e7b34; --warn: #8a5300; --warn-bg: #fff4df; --bad: #a32020; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 18px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 14px; margin: 0 0 6px; }
p.lede { color: var(--muted); margin: 0 0 14px; overflow-wrap: anywhere; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; background: var(--panel); padding: 12px 16px; border-radius: 6px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.banner { background: var(--warn-bg); color: var(--warn); border: 1px solid #f0c36d; padding: 10px 14px; border-radius: 6px; font-weight: 600; margin: 12px 0; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 6px 0 12px; }
table:not(.u-legend) { display: block; max-width: 100%; overflow-x: auto; }
th, td { padding: 3px 10px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
thead th { color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); }
td.best { color: var(--good); font-weight: 700; }
td.best::after { content: " *"; }
.tables { display: flex; flex-wrap: wrap; gap: 8px 40px; align-items: flex-start; }
.chart { margin: 14px 0 22px; break-inside: avoid; page-break-inside: avoid; }
.chart .plot svg { max-width: 100%; height: auto; }
.chart figcaption, .note { color: var(--muted); font-size: 12.5px; margin-top: 4px; }
.runs-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 4px 24px; }
.grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 4px 28px; }
ul.warnings { padding-left: 20px; color: var(--warn); }
ul.warnings li { margin: 2px 0; overflow-wrap: anywhere; }
details { margin: 8px 0; }
summary { cursor: pointer; color: var(--muted); }
@media (max-width: 820px) { main { padding: 16px 14px 40px; } .grid2 { grid-template-columns: 1fr; } }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
@media print {
  .tc-tools { display: none; }
  .uplot canvas { max-width: 100%; height: auto; }
  @page { size: A4; margin: 14mm; }
  body { font-size: 11px; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table, .chart, dl.meta, .banner { break-inside: avoid; page-break-inside: avoid; }
  details > *:not(summary) { display: revert; }
  .banner { border: 2px solid #000; }
}
`;

const CHART_CSS = `
.tc-tools { float: right; display: flex; gap: 4px; margin-top: -2px; }
.tc-tools button { font: inherit; font-size: 12px; padding: 1px 8px; border: 1px solid var(--line); background: #fff; border-radius: 4px; cursor: pointer; }
.tc-tools button[aria-pressed="true"] { background: var(--panel); border-color: #9aa0a6; font-weight: 600; }
.timechart { width: 100%; }
.timechart .tc-plot { width: 100%; min-height: 40px; }
.uplot { font-family: inherit; }
.uplot .u-legend { font-size: 12px; max-width: 100%; }
.uplot .u-legend .u-series { padding: 0 4px; }
.uplot .u-legend th, .uplot .u-legend td { border: 0; padding: 0 2px; text-align: left; font-variant-numeric: tabular-nums; }
.uplot .u-legend th { font-weight: 600; }
table.holdings td, table.holdings th { padding: 2px 6px; }
.scroll-y { max-height: 380px; overflow: auto; }
`;
