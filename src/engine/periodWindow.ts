/**
 * The period a backtest runs over, and whether every ticker it needs has prices over it.
 *
 * Default start: the first date on which every strategy asset and the benchmark has a price
 * (a weights-file run starts at its first row instead). Default end: the last date on which
 * every one of them has a price; prices are never carried past a file's last row (alignment
 * stops there), so this is the last date on which each has a real price.
 *
 * Coverage: a ticker without a price on the period's first row starts late; one without a price
 * on its last row ends early. A late start is refused (UserError, one line per ticker with its
 * first and last price and the share of the period it covers) unless the strategy says what to
 * do with its weight (`data.lateStart: cash | redistribute`); an early end is always refused
 * (the run would hold a position with no price). Gaps inside the period beyond the fill limit are
 * run as before (the candidate is ineligible at decisions that fall in them) and reported.
 */
import { formatIsoDate, parseUserDate } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import { lowerBound, type PricePanel } from '../core/panel.js';
import { isoDay } from './isoDay.js';
import { panelColumnIndex } from './panelColumnIndex.js';
import type { StrategySpec } from '../strategy/schema.js';

export type LateStartPolicy = 'refuse' | 'cash' | 'redistribute';

export interface CoverageRow {
  readonly ticker: string;
  readonly role: 'asset' | 'benchmark';
  /** First and last dates with a price in the loaded data (null: none). */
  readonly firstPrice: string | null;
  readonly lastPrice: string | null;
  /** Share of the period's rows on which it has a price (a forward fill within the limit counts). */
  readonly coverage: number;
  /** What was done where it has no price: `complete`, `cash`, `redistribute`, `gaps` (ineligible at decisions in them), `commonPeriods` (benchmark). */
  readonly treatment: 'complete' | 'cash' | 'redistribute' | 'gaps' | 'commonPeriods';
}

export interface PeriodWindow {
  readonly lo: number;
  readonly hi: number;
  readonly coverage: readonly CoverageRow[];
  readonly warnings: readonly string[];
}

export interface WindowInput {
  readonly dates: Int32Array;
  /** Prices of each series, one column per ticker (row t: columns[k][t]; NaN or ≤ 0 = no price). */
  readonly columns: readonly Float64Array[];
  readonly tickers: readonly string[];
  /** Index of the benchmark among `tickers`, or −1. */
  readonly benchmark: number;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** First date of a weights schedule (day number): the default start of a weights-file run. */
  readonly scheduleStart?: number | undefined;
  readonly lateStart: LateStartPolicy;
  /** The price files' own spans, named in messages when the loaded rows hold no price. */
  readonly files?: readonly { readonly ticker: string; readonly start: string; readonly end: string }[] | undefined;
  /**
   * Per ticker (optional): true when it has a price on every row between its first and last
   * priced rows (a prepared panel knows), so its priced rows in the period are counted without
   * a scan.
   */
  readonly gapFree?: readonly boolean[] | undefined;
}

/**
 * Priced spans of panel columns known to the caller (a prepared panel's, or the one-shot route's
 * counts), by panel column: first and last priced rows (N and −1 when none) and the unpriced rows
 * between them (−1: not known, the column is then read).
 */
export interface KnownSpans {
  readonly first: ArrayLike<number>;
  readonly last: ArrayLike<number>;
  readonly holes: ArrayLike<number>;
}

/**
 * The period window of a strategy on a loaded panel: its assets (in layout order) and its
 * benchmark, its period, its weights schedule and `data.lateStart`. What `runBacktest` runs on,
 * and what `strategies validate --data` checks, so both give the same verdict. With `spans`, a
 * column known to have no holes is not read at all.
 */
export function strategyPeriodWindow(
  spec: Pick<StrategySpec, 'benchmark' | 'period' | 'data'>,
  assets: readonly string[],
  data: {
    readonly panel: PricePanel;
    readonly schedule?: { readonly dates: Int32Array } | undefined;
    readonly files?: WindowInput['files'];
    /** The priced spans of the panel's columns, when known. */
    readonly spans?: KnownSpans | undefined;
    /** The panel column of each of `assets`, when the caller has looked them up. */
    readonly columns?: ArrayLike<number> | undefined;
  },
): PeriodWindow {
  const { panel } = data;
  const N = panel.dates.length;
  const index = panelColumnIndex(panel.assets);
  const m = assets.length;
  const k = spec.benchmark ? m + 1 : m;
  const tickers = new Array<string>(k);
  const at = new Array<number>(k);
  for (let i = 0; i < k; i++) {
    const t = i < m ? assets[i]! : spec.benchmark!;
    const a = i < m && data.columns !== undefined ? data.columns[i] : index.get(t);
    if (a === undefined) throw new UserError(`${t === spec.benchmark && !assets.includes(t) ? 'benchmark' : 'strategy asset'} ${t} is not in the loaded data`);
    tickers[i] = t;
    at[i] = a;
  }
  const spans = data.spans;
  let known: Spans | undefined;
  if (spans !== undefined) {
    known = { first: new Array<number>(k), last: new Array<number>(k), gapFree: new Array<number>(k) };
    for (let i = 0; i < k; i++) {
      const a = at[i]!;
      if (spans.holes[a]! < 0) scanSpan(panel.values.subarray(a * N, (a + 1) * N), N, known, i);
      else {
        known.first[i] = spans.first[a]!;
        known.last[i] = spans.last[a]!;
        known.gapFree[i] = spans.holes[a] === 0 ? 1 : 0;
      }
    }
  }
  const window: Omit<WindowInput, 'columns'> = {
    dates: panel.dates,
    tickers,
    benchmark: spec.benchmark ? m : -1,
    from: spec.period.from,
    to: spec.period.to,
    scheduleStart: data.schedule?.dates[0],
    lateStart: spec.data.lateStart,
    files: data.files,
  };
  // Every column known and gap-free: the window depends on the spans alone, and a run repeated
  // on one panel (a bench, robustness jobs) gets the one computed last.
  const fromSpans = known !== undefined && known.gapFree.every((g) => g === 1);
  if (fromSpans && last !== undefined && sameWindowInput(last, assets, window, known!)) return last.window;
  const result = windowOf(window, (i) => panel.values.subarray(at[i]! * N, (at[i]! + 1) * N), known);
  last = fromSpans ? { assets, input: window, spans: known!, window: result } : undefined;
  return result;
}

/** The last window strategyPeriodWindow computed from gap-free spans, with its inputs. */
let last: { readonly assets: readonly string[]; readonly input: Omit<WindowInput, 'columns'>; readonly spans: Spans; readonly window: PeriodWindow } | undefined;

function sameWindowInput(l: NonNullable<typeof last>, assets: readonly string[], input: Omit<WindowInput, 'columns'>, spans: Spans): boolean {
  const a = l.input;
  if (l.assets !== assets || a.dates !== input.dates || a.benchmark !== input.benchmark || a.tickers[a.tickers.length - 1] !== input.tickers[input.tickers.length - 1]) return false;
  if (a.from !== input.from || a.to !== input.to || a.scheduleStart !== input.scheduleStart || a.lateStart !== input.lateStart || a.files !== input.files) return false;
  for (let k = 0; k < spans.first.length; k++) if (l.spans.first[k] !== spans.first[k] || l.spans.last[k] !== spans.last[k]) return false;
  return true;
}

export function periodWindow(input: WindowInput): PeriodWindow {
  const { columns, gapFree } = input;
  return windowOf(input, (k) => columns[k]!, undefined, gapFree);
}

/**
 * Per ticker: first and last priced rows, and 1 where it has a price on every row between
 * (its column is then never read: a row t is priced exactly when first ≤ t ≤ last).
 */
interface Spans {
  readonly first: number[];
  readonly last: number[];
  readonly gapFree: number[];
}

/** The window from each ticker's column (read only where its span is not known). */
function windowOf(input: Omit<WindowInput, 'columns'>, column: (k: number) => Float64Array, known: Spans | undefined, gapFree?: readonly boolean[]): PeriodWindow {
  const { dates, tickers } = input;
  const N = dates.length;
  const K = tickers.length;
  const spans: Spans = known ?? { first: new Array<number>(K), last: new Array<number>(K), gapFree: new Array<number>(K) };
  const read: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(K);
  const col = (k: number): Float64Array => (read[k] ??= column(k));
  if (known === undefined) {
    for (let k = 0; k < K; k++) {
      scanSpan(col(k), N, spans, k);
      spans.gapFree[k] = gapFree?.[k] === true ? 1 : 0;
    }
  }
  const priced = (k: number, t: number): boolean => (spans.gapFree[k] === 1 ? spans.first[k]! <= t && t <= spans.last[k]! : (col(k)[t] as number) > 0);
  let commonStart = 0;
  let commonEnd = N - 1;
  for (let k = 0; k < K; k++) {
    if (spans.first[k]! > commonStart) commonStart = spans.first[k]!;
    if (spans.last[k]! < commonEnd) commonEnd = spans.last[k]!;
  }
  const from = input.from !== undefined ? parseUserDate(input.from, 'period.from') : undefined;
  const to = input.to !== undefined ? parseUserDate(input.to, 'period.to') : undefined;
  const lo = from !== undefined ? lowerBound(dates, from) : input.scheduleStart !== undefined ? lowerBound(dates, input.scheduleStart) : commonStart;
  const hi = to !== undefined ? lowerBound(dates, to + 1) : commonEnd + 1;
  const iso = (t: number): string => isoDay(dates[t]!);
  if (N === 0 || hi - lo < 2) {
    const span = N > 0 ? `${iso(0)} to ${iso(N - 1)}` : 'no dates';
    const common = commonStart <= commonEnd ? `${iso(commonStart)} to ${iso(commonEnd)}` : 'on no common date';
    throw new UserError(`period ${input.from ?? 'start'} to ${input.to ?? 'end'} holds fewer than 2 trading days of the data (data span ${span}; every ticker priced ${common})`);
  }
  const warnings: string[] = [];
  if (from === undefined && input.scheduleStart === undefined && commonStart > 0) warnings.push(`period starts ${iso(lo)}, the first date on which every asset and the benchmark has a price`);
  if (to === undefined && commonEnd < N - 1) warnings.push(`period ends ${iso(hi - 1)}, the last date on which every asset and the benchmark has a price`);

  const rows = hi - lo;
  const coverage: CoverageRow[] = [];
  const refused: string[] = [];
  tickers.forEach((ticker, k) => {
    const first = spans.first[k]!;
    const last = spans.last[k]!;
    const count = spans.gapFree[k] === 1 ? Math.max(0, Math.min(hi - 1, last) - Math.max(lo, first) + 1) : pricedRows(col(k), lo, hi);
    const lateStart = !priced(k, lo);
    const endsEarly = !priced(k, hi - 1);
    const role = k === input.benchmark ? 'benchmark' : 'asset';
    const row: CoverageRow = {
      ticker,
      role,
      firstPrice: first < N ? iso(first) : null,
      lastPrice: last >= 0 ? iso(last) : null,
      coverage: count / rows,
      treatment: count === rows ? 'complete' : role === 'benchmark' ? 'commonPeriods' : lateStart && input.lateStart !== 'refuse' ? input.lateStart : 'gaps',
    };
    coverage.push(row);
    // A fully covered ticker is neither refused nor warned about: no message to build.
    if (row.treatment === 'complete' && !endsEarly && !lateStart) return;
    const file = input.files?.find((f) => f.ticker === ticker);
    const span = row.firstPrice !== null ? `prices from ${row.firstPrice} to ${row.lastPrice}` : file ? `its file has prices from ${file.start} to ${file.end}` : 'no price';
    const described = `${ticker}${role === 'benchmark' ? ' (benchmark)' : ''}: ${span}, covers ${(100 * row.coverage).toFixed(1)}% of the period`;
    if (endsEarly || (lateStart && input.lateStart === 'refuse')) refused.push(described);
    else if (row.treatment === 'cash' || row.treatment === 'redistribute') {
      warnings.push(`${described}; until its first price its weight is ${row.treatment === 'cash' ? 'held in cash' : 'shared by the other candidates'} (data.lateStart: ${row.treatment})`);
    } else if (row.treatment === 'commonPeriods') warnings.push(`${described}; benchmark-relative figures use the periods where both have a return`);
    else if (row.treatment === 'gaps') warnings.push(`${described}; it is not traded at decisions that fall in its gaps beyond the fill limit`);
  });
  if (refused.length > 0) {
    const late = coverage.some((_, k) => !priced(k, lo));
    const fix = [
      late ? 'set data.lateStart: cash or redistribute in the strategy file (or --set data.lateStart=cash) to run anyway' : '',
      commonStart > commonEnd ? commonFileSpan(input.files, tickers) : commonStart !== lo || commonEnd !== hi - 1 ? `run from ${iso(commonStart)} to ${iso(commonEnd)}, between the latest first price and the earliest last price` : '',
    ].filter((s) => s !== '');
    const hint = fix.length > 0 ? ` (${fix.join('; or ')})` : ' (a ticker without a price on the last row stopped trading or has a gap longer than data.maxFillDays there: end the period earlier)';
    throw new UserError(`period ${iso(lo)} to ${iso(hi - 1)}: ${refused.length} of ${tickers.length} tickers have no price over part of it${hint}:\n  ${refused.join('\n  ')}`);
  }
  return { lo, hi, coverage, warnings };
}

/** "choose a period inside A to B, where every file has prices" from the files' spans, or "". */
function commonFileSpan(files: WindowInput['files'], tickers: readonly string[]): string {
  const spans = tickers.map((t) => files?.find((f) => f.ticker === t));
  if (spans.some((f) => f === undefined)) return '';
  const start = spans.reduce((a, f) => (f!.start > a ? f!.start : a), '');
  const end = spans.reduce((a, f) => (f!.end < a ? f!.end : a), '9999-12-31');
  return start <= end ? `choose a period inside ${start} to ${end}, where every file has prices` : 'no date has prices in every file';
}

/** Ticker k's first and last priced rows (N and −1 when none) from its column, and gapFree 0 (not known). */
function scanSpan(c: Float64Array, N: number, spans: Spans, k: number): void {
  let first = 0;
  while (first < N && !((c[first] as number) > 0)) first++;
  let last = N - 1;
  while (last >= 0 && !((c[last] as number) > 0)) last--;
  spans.first[k] = first;
  spans.last[k] = last;
  spans.gapFree[k] = 0;
}

/** Rows t in lo..hi−1 with a price (> 0), in one pass over the column (no per-row closure). */
function pricedRows(col: Float64Array, lo: number, hi: number): number {
  let count = 0;
  for (let t = lo; t < hi; t++) if ((col[t] as number) > 0) count++;
  return count;
}
