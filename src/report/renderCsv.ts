/**
 * CSV renderers of a run's daily series. Numbers are written with full precision (shortest
 * round-trip form); an empty cell means no value. Header names go through csvCell (RFC 4180,
 * formula injection neutralised).
 *
 * Speed: numbers are formatted by JSON.stringify, a whole row (weights) or column (returns) at
 * a time, not one String(x) per cell: JSON writes a finite number exactly as String(x) does
 * (ECMA-262 SerializeJSONProperty: ToString of a finite Number) and anything else as `null`,
 * which becomes the empty cell. A 200-asset run has 1.26 million weight cells; this keeps them
 * out of the JavaScript heap as separate strings.
 */
import { csvCell } from './csvCell.js';
import type { ReportSeries } from './reportTypes.js';

/**
 * returns.csv (date, portfolio[, benchmark]; the start row has no return) and weights.csv
 * (date, one column per asset, cash).
 */
export function seriesCsv(series: ReportSeries): { returns: string; weights: string } {
  const n = series.dates.length;
  const portfolio = csvCells(series.returns);
  const bench = series.benchmarkReturns === null ? null : csvCells(series.benchmarkReturns);
  const returnLines = [bench ? 'date,portfolio,benchmark' : 'date,portfolio'];
  for (let t = 0; t < n; t++) {
    const r = t === 0 ? '' : cellAt(portfolio, t);
    returnLines.push(bench ? `${series.dates[t]},${r},${cellAt(bench, t)}` : `${series.dates[t]},${r}`);
  }
  const assets = Object.keys(series.weights);
  const columns = assets.map((a) => series.weights[a]!);
  const weightLines = [['date', ...assets, 'cash'].map(csvCell).join(',')];
  // One row of numbers (assets, then cash), reused: JSON.stringify(row) is the row's cells.
  const row = new Array<number | null>(columns.length + 1);
  for (let t = 0; t < n; t++) {
    for (let a = 0; a < columns.length; a++) row[a] = columns[a]![t] ?? null;
    row[columns.length] = series.cash[t] ?? null;
    weightLines.push(`${series.dates[t]},${cellsOf(JSON.stringify(row))}`);
  }
  return { returns: `${returnLines.join('\n')}\n`, weights: `${weightLines.join('\n')}\n` };
}

/** The CSV cells of a column: String(x) for a finite number, '' for anything else. */
export function csvCells(values: readonly (number | null | undefined)[]): string[] {
  if (values.length === 0) return [];
  return cellsOf(JSON.stringify(values)).split(',');
}

/** The JSON text of an array of numbers as CSV cells: brackets off, each `null` an empty cell. */
function cellsOf(json: string): string {
  const inner = json.slice(1, -1);
  // `null` is only ever a whole cell here: no number's text contains it.
  return inner.includes('null') ? inner.replace(/null/g, '') : inner;
}

/** Row t of a column (a column shorter than the dates has empty cells past its end). */
function cellAt(cells: readonly string[], t: number): string {
  return t < cells.length ? cells[t]! : '';
}
