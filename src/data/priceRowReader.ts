import { dayFromYmd, formatIsoDate, parseIsoDate } from '../core/dates.js';
import type { PriceField } from './detectPriceFormat.js';
import { NOT_A_NUMBER, parseDecimal } from './parseDecimal.js';
import type { PriceProblem } from './priceProblem.js';
import { quoteCell } from '../core/terminalText.js';

/** Columns whose numbers are kept with `read: 'all'` (volume is never read). */
const STORED: readonly PriceField[] = ['open', 'high', 'low', 'close', 'adj_close'];
const PRICE_CANDIDATES: readonly PriceField[] = ['close', 'adj_close'];

/**
 * Reads the data rows of a price CSV one line at a time into columns, keeping only rows that
 * pass every check (field count, date, numbers, price present and > 0, ascending date), and
 * reporting the others in line order. Cells are offsets into the text; nothing is split.
 * The price column is decided on the first well-formed row (see parsePriceTable).
 */
export class PriceRowReader {
  readonly columns = new Map<PriceField, Float64Array>();
  readonly dates: Int32Array;
  readonly prices: Float64Array;
  readonly lines: Int32Array;
  n = 0;
  nullRows = 0;
  priceCol = -1;
  adjEmpty = false;

  private readonly ncols: number;
  private readonly dateCol: number;
  private readonly adjCol: number;
  private readonly closeCol: number;
  private readonly cellStart: Int32Array;
  private readonly cellEnd: Int32Array;
  private parsedCols: number[];
  private parsedTargets: Float64Array[];
  private priceTarget: Float64Array;
  private lastDate = Number.NaN;
  private lastLine = 0;
  private lineNo = 0;

  constructor(
    private readonly text: string,
    private readonly fileLabel: string,
    private readonly fields: readonly PriceField[],
    capacity: number,
    private readonly read: 'price' | 'all',
    private readonly onProblem: (p: PriceProblem) => void,
  ) {
    this.ncols = fields.length;
    this.dateCol = fields.indexOf('date');
    this.adjCol = fields.indexOf('adj_close');
    this.closeCol = fields.indexOf('close');
    for (const f of read === 'all' ? STORED : PRICE_CANDIDATES) if (fields.includes(f)) this.columns.set(f, new Float64Array(capacity));
    this.dates = new Int32Array(capacity);
    this.prices = new Float64Array(capacity);
    this.lines = new Int32Array(capacity);
    this.cellStart = new Int32Array(this.ncols);
    this.cellEnd = new Int32Array(this.ncols);
    this.parsedCols = fields.flatMap((f, k) => (this.columns.has(f) ? [k] : []));
    this.parsedTargets = this.parsedCols.map((k) => this.columns.get(fields[k] as PriceField) as Float64Array);
    this.priceTarget = this.prices;
  }

  /** Reads the line text[start, lineEnd) (no line break), file line `lineNo`. */
  readLine(start: number, lineEnd: number, lineNo: number): void {
    this.lineNo = lineNo;
    if (!this.split(start, lineEnd)) return;
    const day = this.date();
    if (Number.isNaN(day)) return;
    if (this.priceCol === -1) this.choosePriceColumn();
    if (this.unquoted(this.priceCol) === 'null') {
      this.nullRows++;
      return;
    }
    if (!this.numbers() || !this.price() || !this.order(day)) return;
    const n = this.n;
    this.dates[n] = day;
    this.prices[n] = this.priceTarget[n] as number;
    this.lines[n] = lineNo;
    this.lastDate = day;
    this.lastLine = lineNo;
    this.n = n + 1;
  }

  private report(kind: PriceProblem['kind'], what: string): void {
    this.onProblem({ kind, line: this.lineNo, message: `${this.fileLabel}:${this.lineNo}: ${what}` });
  }

  private cell(k: number): string {
    return this.text.slice(this.cellStart[k] as number, this.cellEnd[k] as number);
  }

  private unquoted(k: number): string {
    return unquote(this.cell(k));
  }

  /** Records the cells' offsets; false (reported) when the field count is wrong. */
  private split(start: number, lineEnd: number): boolean {
    const text = this.text;
    let count = 0;
    for (let p = start; ; ) {
      let c = text.indexOf(',', p);
      if (c === -1 || c > lineEnd) c = lineEnd;
      if (count < this.ncols) {
        this.cellStart[count] = p;
        this.cellEnd[count] = c;
      }
      count++;
      if (c === lineEnd) break;
      p = c + 1;
    }
    if (count === this.ncols) return true;
    const line = text.slice(start, lineEnd);
    if (count === 1 && line.trim() === '') return false; // whitespace-only line
    const hint = count === 1 && line.includes(';') ? ' (separated by semicolons?)' : '';
    this.report('fieldCount', `${count} field${count === 1 ? '' : 's'}${hint}, expected ${this.ncols} (${this.fields.join(',')})`);
    return false;
  }

  private date(): number {
    const k = this.dateCol;
    let day = isoDayAt(this.text, this.cellStart[k] as number, this.cellEnd[k] as number);
    if (Number.isNaN(day)) day = parseIsoDate(this.unquoted(k));
    if (Number.isNaN(day)) {
      const dateText = this.unquoted(k);
      const hint = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(dateText) ? ' (day-first or month-first dates are ambiguous)' : '';
      this.report('badDate', `unparseable date ${quoteCell(dateText)}${hint}, expected YYYY-MM-DD`);
    }
    return day;
  }

  private choosePriceColumn(): void {
    const adj = this.adjCol;
    this.priceCol = adj >= 0 && this.cell(adj).trim() !== '' ? adj : this.closeCol;
    this.adjEmpty = adj >= 0 && this.priceCol !== adj;
    this.priceTarget = this.columns.get(this.fields[this.priceCol] as PriceField) as Float64Array;
    if (this.read === 'price') {
      this.parsedCols = [this.priceCol];
      this.parsedTargets = [this.priceTarget];
    }
  }

  /** Parses the stored numeric cells into row n; false (reported) on a non-number. */
  private numbers(): boolean {
    let ok = true;
    for (let q = 0; q < this.parsedCols.length; q++) {
      const k = this.parsedCols[q] as number;
      let v = parseDecimal(this.text, this.cellStart[k] as number, this.cellEnd[k] as number);
      if (v === NOT_A_NUMBER) {
        this.report('nonNumeric', `${this.fields[k]} is ${quoteCell(this.cell(k))}, expected a number`);
        ok = false;
        v = Number.NaN;
      }
      (this.parsedTargets[q] as Float64Array)[this.n] = v;
    }
    return ok;
  }

  private price(): boolean {
    const price = this.priceTarget[this.n] as number;
    const name = this.fields[this.priceCol] as string;
    if (Number.isNaN(price)) {
      this.report(
        'missingPrice',
        this.priceCol === this.adjCol
          ? 'empty adj_close, expected a price on every row (the first row has one, so adj_close is the price column)'
          : `empty ${name}, expected a price`,
      );
      return false;
    }
    if (price <= 0) {
      this.report('nonPositive', `${name} is ${this.unquoted(this.priceCol)}, expected a price > 0`);
      return false;
    }
    if (this.adjEmpty && this.cell(this.adjCol).trim() !== '') {
      this.report('missingPrice', 'adj_close is filled here but empty on the first row, expected it on every row or on none');
      return false;
    }
    return true;
  }

  private order(day: number): boolean {
    if (!(day <= this.lastDate)) return true;
    const dateText = this.unquoted(this.dateCol);
    if (day === this.lastDate) {
      this.report('duplicate', `duplicate date ${dateText} (also on line ${this.lastLine}), expected each date once`);
    } else {
      const hint = this.n === 1 ? ' (the file looks newest-first: reverse it)' : '';
      this.report('unsorted', `date ${dateText} comes after ${formatIsoDate(this.lastDate)} (line ${this.lastLine}), expected dates in ascending order${hint}`);
    }
    return false;
  }
}

function unquote(s: string): string {
  const t = s.trim();
  return t.length >= 2 && t.charCodeAt(0) === 34 && t.charCodeAt(t.length - 1) === 34 ? t.slice(1, -1) : t;
}

/**
 * Fast path for an unquoted `YYYY-MM-DD` cell (optionally followed by `T…` or ` …`), read in
 * place; NaN for anything else (the caller then tries parseIsoDate on the trimmed text).
 */
export function isoDayAt(text: string, s: number, e: number): number {
  if (e - s < 10 || text.charCodeAt(s + 4) !== 45 || text.charCodeAt(s + 7) !== 45) return Number.NaN;
  if (e - s > 10) {
    const c = text.charCodeAt(s + 10);
    if (c !== 84 && c !== 32) return Number.NaN;
  }
  let y = 0;
  for (let i = s; i < s + 4; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    y = y * 10 + d;
  }
  const m1 = text.charCodeAt(s + 5) - 48;
  const m2 = text.charCodeAt(s + 6) - 48;
  const d1 = text.charCodeAt(s + 8) - 48;
  const d2 = text.charCodeAt(s + 9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return Number.NaN;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1) return Number.NaN;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const dim = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d > dim ? Number.NaN : dayFromYmd(y, m, d);
}
