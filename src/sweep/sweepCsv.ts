/**
 * variants.csv: one row per variant, in ascending variant index:
 *   variant, <each grid path>, cagr, annualizedVolatility, sharpe, sortino, maxDrawdown, calmar,
 *   totalReturn, turnoverPerYear, periods, skewness, excessKurtosis, periodSharpe
 * Numbers are written in JavaScript's shortest round-trip form (String(x)), so reading a row
 * back gives the exact same doubles; an undefined value is an empty cell. Text cells holding a
 * comma, quote or line break are quoted with doubled quotes (RFC 4180); text that a spreadsheet
 * would run as a formula gets a leading ' (report/csvCell.ts; uncsvCell reads it back).
 */
import { csvCell } from '../report/csvCell.js';
import { variantValues, type GridParam } from './parseGrid.js';
import { SWEEP_METRICS, SWEEP_STATS, type VariantResult } from './variantMetrics.js';

export function sweepCsvHeader(grid: readonly GridParam[]): string {
  return `${['variant', ...grid.map((p) => p.path), ...SWEEP_METRICS, ...SWEEP_STATS].map(csvCell).join(',')}\n`;
}

export function sweepCsvRow(grid: readonly GridParam[], result: VariantResult): string {
  const params = variantValues(grid, result.index).map((v) => csvCell(String(v)));
  const values = result.values.map((v) => (v === null ? '' : String(v)));
  return `${[String(result.index), ...params, ...values].join(',')}\n`;
}

export { csvCell };

/** Splits one CSV line into cells (quoted cells may hold commas and doubled quotes). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let cell = '';
      i++;
      for (;;) {
        const j = line.indexOf('"', i);
        if (j < 0) throw new Error('unterminated quoted cell');
        cell += line.slice(i, j);
        if (line[j + 1] === '"') {
          cell += '"';
          i = j + 2;
        } else {
          i = j + 1;
          break;
        }
      }
      cells.push(cell);
    } else {
      const j = line.indexOf(',', i);
      cells.push(line.slice(i, j < 0 ? line.length : j));
      i = j < 0 ? line.length : j;
    }
    if (i >= line.length) return cells;
    if (line[i] !== ',') throw new Error(`expected a comma at character ${i + 1}`);
    i++;
    if (i === line.length) {
      cells.push('');
      return cells;
    }
  }
}

/** A data row of variants.csv back to its index and values (the grid tells how many params). */
export function parseSweepCsvRow(line: string, nParams: number): VariantResult {
  const cells = splitCsvLine(line);
  const expected = 1 + nParams + SWEEP_METRICS.length + SWEEP_STATS.length;
  if (cells.length !== expected) throw new Error(`expected ${expected} cells, got ${cells.length}`);
  const index = Number(cells[0]);
  if (!Number.isSafeInteger(index) || index < 0) throw new Error(`"${cells[0]}" is not a variant index`);
  const values = cells.slice(1 + nParams).map((c) => {
    if (c === '') return null;
    const x = Number(c);
    if (!Number.isFinite(x)) throw new Error(`"${c}" is not a number`);
    return x;
  });
  return { index, values, nullCount: values.filter((v) => v === null).length };
}
