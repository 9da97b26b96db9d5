/**
 * The page around a report: one self-contained HTML file with its CSS inline, no scripts, no
 * fonts or images from elsewhere (a strict Content-Security-Policy says so to the browser),
 * readable on a laptop screen and printable (print CSS: no shadows, charts kept whole).
 * `title` is plain text; `body` is markup built by the renderers.
 */
import { escapeHtml } from './escapeHtml.js';

export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<main>
${body}
</main>
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
footer { margin-top: 36px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
@media print {
  @page { size: A4; margin: 14mm; }
  body { font-size: 11px; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table, .chart, dl.meta, .banner { break-inside: avoid; page-break-inside: avoid; }
  details > *:not(summary) { display: revert; }
  .banner { border: 2px solid #000; }
}
`;
