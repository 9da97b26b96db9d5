/**
 * The terminal rendering of a robustness report: a headline, then the leave-one-out, start-date,
 * bootstrap, stress-window and yearly concentration tables. Reads only the report.
 */
import pc from 'picocolors';
import { num, pct, textTable } from '../report/format.js';
import type { RobustReport } from './robustReport.js';
import type { LeaveOneOutRow } from './leaveOneOut.js';
import type { StressWindowResult, WindowFigures } from './stressWindows.js';
import { timingLuckLines } from './timingLuckSection.js';

type Colors = ReturnType<typeof pc.createColors>;

export function renderRobustTerminal(report: RobustReport, options: { color: boolean; folder?: string }): string {
  const c = options.color ? pc : pc.createColors(false);
  const out: string[] = [];
  const f = report.full;
  out.push(c.bold(`sleeves robust · ${report.strategy.name}`) + c.dim(`  (${report.convention} convention, ${report.period.periodsPerYear} periods/year)`));
  if (report.data.synthetic) out.push(c.yellow(c.bold(`SYNTHETIC DATA: ${report.data.directory} holds generated sample prices, not market data. Use --data DIR for real prices.`)));
  out.push(`period   ${report.period.start} → ${report.period.end}  (${report.period.periods} periods)`);
  if (report.method['riskFree']) out.push(c.dim(report.method['riskFree']));
  out.push(`full run CAGR ${pct(f.cagr)}, Sharpe ${num(f.sharpe)}, max drawdown ${pct(f.maxDrawdown)}` + (report.benchmark && f.benchmark ? c.dim(`  (${report.benchmark}: CAGR ${pct(f.benchmark.cagr)}, Sharpe ${num(f.benchmark.sharpe)}, max drawdown ${pct(f.benchmark.maxDrawdown)})`) : ''));
  out.push('', ...leaveOneOutSection(report, c));
  out.push('', ...startDateSection(report, c));
  out.push('', ...bootstrapSection(report, c));
  out.push('', ...stressSection(report, c));
  out.push('', ...concentrationSection(report, c));
  if (report.timingLuck) out.push('', ...timingLuckLines(report.timingLuck));
  if (report.warnings.length > 0) out.push('', c.yellow(`warnings (${report.warnings.length}):`), ...report.warnings.map((w) => c.yellow(`  - ${w}`)));
  if (options.folder) out.push('', c.dim(`written to ${options.folder}/ (robust.json, robust.html)`));
  return `${out.join('\n')}\n`;
}

/** "without NVDA the CAGR falls from 24.1% to 13.0%" for the most influential row. */
export function leaveOneOutHeadline(report: RobustReport): string | null {
  const top = report.leaveOneOut.find((r) => r.delta.cagr !== null);
  if (!top || !top.figures || report.full.cagr === null) return null;
  const verb = (top.delta.cagr as number) < 0 ? 'falls' : 'rises';
  return `without ${top.kind === 'sleeve' ? `the ${top.name} sleeve` : top.name} the CAGR ${verb} from ${pct(report.full.cagr, 1)} to ${pct(top.figures.cagr, 1)}`;
}

function leaveOneOutSection(report: RobustReport, c: Colors): string[] {
  const lines = [c.bold('Leave one out') + c.dim('  (rerun without each asset and each sleeve; Δ = without − full; sorted by |Δ CAGR|)')];
  const headline = leaveOneOutHeadline(report);
  if (headline) lines.push(headline);
  const rows = report.leaveOneOut.map((r: LeaveOneOutRow) => [
    `${r.kind === 'sleeve' ? 'sleeve ' : ''}${r.name}`,
    pct(r.figures?.cagr),
    signedPct(r.delta.cagr),
    num(r.figures?.sharpe),
    signed(r.delta.sharpe),
    pct(r.figures?.maxDrawdown),
    signedPct(r.delta.maxDrawdown),
  ]);
  lines.push(textTable([['without', 'CAGR', 'Δ CAGR', 'Sharpe', 'Δ Sharpe', 'max DD', 'Δ max DD'].map((h) => c.dim(h)), ...rows]));
  const notes = [...new Set(report.leaveOneOut.flatMap((r) => r.notes))];
  for (const n of notes) lines.push(c.dim(`  note: ${n}`));
  return lines;
}

function startDateSection(report: RobustReport, c: Colors): string[] {
  const lines = [c.bold('Start-date sensitivity') + c.dim('  (started on the first trading day of each month; percentiles across starts)')];
  if (report.startDates.length === 0) return [...lines, 'no start leaves a year to the end of the period'];
  const rows: string[][] = [];
  for (const h of report.startDates) {
    for (const [label, d] of [['CAGR', h.cagr], ['max DD', h.maxDrawdown]] as const) {
      rows.push([label === 'CAGR' ? h.horizon : '', String(label === 'CAGR' ? h.starts : ''), label, ...['5', '25', '50', '75', '95'].map((p) => pct(d.percentiles[p], 1))]);
    }
  }
  lines.push(textTable([['held', 'starts', '', 'p5', 'p25', 'p50', 'p75', 'p95'].map((h) => c.dim(h)), ...rows]));
  for (const h of report.startDates) {
    if (h.worst && h.best) lines.push(c.dim(`  ${h.horizon}: worst start ${h.worst.from} (CAGR ${pct(h.worst.cagr, 1)}), best ${h.best.from} (CAGR ${pct(h.best.cagr, 1)})`));
  }
  return lines;
}

function bootstrapSection(report: RobustReport, c: Colors): string[] {
  const b = report.bootstrap;
  const lines = [c.bold('Bootstrap') + c.dim(`  (${b.paths} stationary-bootstrap paths, mean block ${b.meanBlock} days, seed ${b.seed}; 5–95% intervals)`)];
  const row = (label: string, key: 'cagr' | 'sharpe' | 'maxDrawdown', f: (x: number | null) => string) => {
    const i = b[key];
    const bi = b.benchmark?.[key];
    return [label, f(i.original), f(i.p5), f(i.p50), f(i.p95), ...(bi ? [`${f(bi.p5)} … ${f(bi.p95)}`] : [])];
  };
  lines.push(
    textTable([
      ['', 'real', 'p5', 'median', 'p95', ...(b.benchmark ? [`${report.benchmark} 5–95%`] : [])].map((h) => c.dim(h)),
      row('CAGR', 'cagr', (x) => pct(x, 1)),
      row('Sharpe', 'sharpe', (x) => num(x)),
      row('max drawdown', 'maxDrawdown', (x) => pct(x, 1)),
    ]),
  );
  if (b.underperformProbability !== null) lines.push(`probability of underperforming ${report.benchmark} (total return, same resampled days): ${pct(b.underperformProbability, 1)}`);
  return lines;
}

function stressSection(report: RobustReport, c: Colors): string[] {
  const lines = [c.bold('Stress windows') + c.dim('  (the full run restricted to each window; recovery = date the pre-window peak was regained)')];
  const bm = report.benchmark;
  const rows = report.stressWindows.map((w: StressWindowResult) => [
    w.name,
    `${w.from}..${w.to}`,
    coverage(w),
    ...figureCells(w.strategy),
    ...(bm ? [pct(w.benchmark?.return, 1), pct(w.benchmark?.maxDrawdown, 1)] : []),
  ]);
  lines.push(textTable([['window', 'dates', 'data', 'return', 'max DD', 'recovery', ...(bm ? [`${bm} return`, `${bm} max DD`] : [])].map((h) => c.dim(h)), ...rows]));
  for (const w of report.stressWindows) if (w.note) lines.push(c.dim(`  ${w.name}: ${w.note}`));
  return lines;
}

function coverage(w: StressWindowResult): string {
  if (w.coverage === 'no data') return 'no data';
  if (w.coverage === 'partial' && w.covered) return `partial ${w.covered.from}..${w.covered.to}`;
  return 'full';
}

function figureCells(f: WindowFigures | null): string[] {
  if (!f) return ['–', '–', '–'];
  const r = f.recovery;
  return [pct(f.return, 1), pct(f.maxDrawdown, 1), r.status === 'recovered' ? (r.date as string) : r.status];
}

function concentrationSection(report: RobustReport, c: Colors): string[] {
  const k = report.concentrationByYear.topK;
  const lines = [c.bold('Concentration regime') + c.dim(`  (share of each year's summed positive contributions from its top ${k}; Σ w_{i,t−1} r_{i,t})`)];
  const rows = report.concentrationByYear.years.map((y) => [String(y.year), pct(y.topShare, 1), pct(y.total, 1), y.top.map((t) => `${t.asset} ${pct(t.contribution, 1)}`).join(', ')]);
  lines.push(textTable([['year', `top-${k} share`, 'Σ contrib.', 'top contributors'].map((h) => c.dim(h)), ...rows]));
  return lines;
}

function signedPct(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)}pp`;
}

function signed(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;
}
