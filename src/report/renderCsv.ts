/**
 * CSV renderers of a run's daily series. Numbers are written with full precision (shortest
 * round-trip form); an empty cell means no value. Header names go through csvCell (RFC 4180,
 * formula injection neutralised).
 *
 * Speed: each column's numbers are formatted once, by JSON.stringify of the whole column
 * (ColumnTexts), and its cells are read off that text: JSON writes a finite number exactly as
 * String(x) does (ECMA-262 SerializeJSONProperty: ToString of a finite Number) and anything else
 * as `null`, which becomes the empty cell. The same texts are series.json's for those columns
 * (streamJson), so a weight is formatted once for both files. The files are written in blocks of
 * rows (TextContent pieces), never as one string: a 500-asset run has 3 million weight cells.
 */
import type { TextContent } from '../core/writeTextFile.js';
import { csvCell } from './csvCell.js';
import type { ReportSeries } from './reportTypes.js';

/** The JSON text of each column, by the column array: made once, shared by the CSV files and series.json. */
export type ColumnTexts = Map<readonly unknown[], string>;

/** Rows per written piece. */
const BLOCK = 512;

/** JSON.stringify(values), made once per column. */
export function columnText(texts: ColumnTexts, values: readonly unknown[]): string {
  let text = texts.get(values);
  if (text === undefined) texts.set(values, (text = JSON.stringify(values)));
  return text;
}

/**
 * returns.csv (date, portfolio[, benchmark]; the start row has no return) and weights.csv
 * (date, one column per asset, cash), as writers of their text in pieces.
 */
export function seriesCsvFiles(series: ReportSeries, texts: ColumnTexts = new Map()): { returns: TextContent; weights: TextContent } {
  const returns = [series.returns, ...(series.benchmarkReturns === null ? [] : [series.benchmarkReturns])];
  const assets = Object.keys(series.weights);
  return {
    returns: (write) => {
      write(`${series.benchmarkReturns === null ? 'date,portfolio' : 'date,portfolio,benchmark'}\n`);
      // The start row has no return: its portfolio cell is read and left empty.
      writeRows(series.dates, returns, texts, write, (row) => (row[1] = ''));
    },
    weights: (write) => {
      write(`${['date', ...assets, 'cash'].map(csvCell).join(',')}\n`);
      writeRows(series.dates, [...assets.map((a) => series.weights[a]!), series.cash], texts, write);
    },
  };
}

/** The two files as strings (seriesCsvFiles' pieces joined). */
export function seriesCsv(series: ReportSeries): { returns: string; weights: string } {
  const files = seriesCsvFiles(series);
  const text = (content: TextContent): string => {
    const pieces: string[] = [];
    if (typeof content === 'string') return content;
    content((p) => pieces.push(p));
    return pieces.join('');
  };
  return { returns: text(files.returns), weights: text(files.weights) };
}

/** Row t: dates[t], then cell t of each column; `atStart` may change the first row's cells. */
function writeRows(
  dates: readonly string[],
  columns: readonly (readonly (number | null)[])[],
  texts: ColumnTexts,
  write: (piece: string) => void,
  atStart?: (row: string[]) => void,
): void {
  const cursors = columns.map((c) => new CellCursor(columnText(texts, c)));
  const row = new Array<string>(columns.length + 1);
  let lines: string[] = [];
  for (let t = 0; t < dates.length; t++) {
    row[0] = dates[t]!;
    for (let k = 0; k < cursors.length; k++) row[k + 1] = cursors[k]!.next();
    if (t === 0) atStart?.(row);
    lines.push(row.join(','));
    if (lines.length === BLOCK) {
      write(`${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) write(`${lines.join('\n')}\n`);
}

/** The cells of a column one after the other, read off its JSON text; '' past its end. */
class CellCursor {
  private at = 1;

  constructor(private readonly json: string) {}

  next(): string {
    const last = this.json.length - 1;
    if (this.at >= last) return '';
    let end = this.json.indexOf(',', this.at);
    if (end === -1) end = last;
    const cell = this.json.slice(this.at, end);
    this.at = end + 1;
    // `null` (NaN, ±Infinity, null, undefined) is only ever a whole cell: no number's text contains it.
    return cell === 'null' ? '' : cell;
  }
}

/** The CSV cells of a column: String(x) for a finite number, '' for anything else. */
export function csvCells(values: readonly (number | null | undefined)[]): string[] {
  if (values.length === 0) return [];
  const cursor = new CellCursor(JSON.stringify(values));
  return Array.from({ length: values.length }, () => cursor.next());
}
