/**
 * CSV renderers of a run's daily series. Numbers are written with full precision (shortest
 * round-trip form); an empty cell means no value. Header names go through csvCell (RFC 4180,
 * formula injection neutralised).
 */
import { csvCell } from './csvCell.js';
import type { ReportSeries } from './reportTypes.js';

export function seriesCsv(series: ReportSeries): { returns: string; weights: string } {
  const bench = series.benchmarkReturns;
  const hasBenchmark = bench !== null;
  const returnLines = [hasBenchmark ? 'date,portfolio,benchmark' : 'date,portfolio'];
  for (let t = 0; t < series.dates.length; t++) {
    const r = t === 0 ? '' : cell(series.returns[t]!);
    let line = `${series.dates[t]},${r}`;
    if (bench) line += `,${cell(bench[t] ?? Number.NaN)}`;
    returnLines.push(line);
  }
  const assets = Object.keys(series.weights);
  const weightLines = [['date', ...assets, 'cash'].map(csvCell).join(',')];
  for (let t = 0; t < series.dates.length; t++) {
    const row = [series.dates[t]!, ...assets.map((a) => cell(series.weights[a]![t]!)), cell(series.cash[t]!)];
    weightLines.push(row.join(','));
  }
  return { returns: `${returnLines.join('\n')}\n`, weights: `${weightLines.join('\n')}\n` };
}

function cell(x: number): string {
  return Number.isFinite(x) ? String(x) : '';
}
