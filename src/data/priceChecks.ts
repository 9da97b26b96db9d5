import { formatIsoDate } from '../core/dates.js';
import type { PriceTable } from './parsePriceTable.js';
import type { PriceProblem } from './priceProblem.js';

/** Thresholds of the data-quality checks (see validatePriceFile). */
export interface PriceCheckLimits {
  /** Flag two consecutive rows more than this many calendar days apart (default 10). */
  readonly maxGapDays: number;
  /** Flag runs of at least this many identical closes (default 5). */
  readonly flatRunLength: number;
  /** Flag one-day price moves below this return (default −0.5) or above `jumpUp` (default +1). */
  readonly jumpDown: number;
  readonly jumpUp: number;
  /** A jump "reverses" when the price comes back within this many rows (default 5). */
  readonly reversalRows: number;
  /**
   * OHLC violations smaller than this fraction of the close are ignored (default 1e-4): Yahoo
   * stores bars as float32, so high and open can differ in the 7th digit when they are equal.
   */
  readonly ohlcTolerance: number;
}

export const DEFAULT_LIMITS: PriceCheckLimits = { maxGapDays: 10, flatRunLength: 5, jumpDown: -0.5, jumpUp: 1, reversalRows: 5, ohlcTolerance: 1e-4 };

/**
 * Quality checks on a parsed table (rows already sorted, prices positive), each problem
 * naming file and line:
 * - gap: dates[i] − dates[i−1] > maxGapDays calendar days;
 * - flatRun: ≥ flatRunLength consecutive rows with the same `close` (suspensions, stale feeds);
 * - jump: price[i]/price[i−1] − 1 < jumpDown or > jumpUp; it "reverses" when a later price
 *   within reversalRows rows is within a factor 1.5 of price[i−1] (a bad tick), otherwise it
 *   is reported as a likely unadjusted split with the ratio rounded (the return leg of a
 *   reversed jump is not reported again);
 * - ohlc: with open, high, low, close all present, high < max(open, close, low) − tol·close or
 *   low > min(open, close, high) + tol·close (tol = ohlcTolerance).
 */
export function checkPriceTable(table: PriceTable, fileLabel: string, limits: PriceCheckLimits, report: (p: PriceProblem) => void): void {
  checkGaps(table, fileLabel, limits, report);
  checkFlatRuns(table, fileLabel, limits, report);
  checkJumps(table, fileLabel, limits, report);
  checkOhlc(table, fileLabel, limits, report);
}

export type Check = (table: PriceTable, fileLabel: string, limits: PriceCheckLimits, report: (p: PriceProblem) => void) => void;

const checkGaps: Check = ({ dates, lines, n }, fileLabel, limits, report) => {
  for (let i = 1; i < n; i++) {
    const days = (dates[i] as number) - (dates[i - 1] as number);
    if (days <= limits.maxGapDays) continue;
    const line = lines[i] as number;
    report({
      kind: 'gap',
      line,
      message: `${fileLabel}:${line}: gap of ${days} days from ${formatIsoDate(dates[i - 1] as number)} to ${formatIsoDate(dates[i] as number)}, expected at most ${limits.maxGapDays}`,
    });
  }
};

const checkFlatRuns: Check = (table, fileLabel, limits, report) => {
  const { dates, lines, n } = table;
  const close = table.close ?? table.prices;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && close[j] === close[i]) j++;
    if (j - i >= limits.flatRunLength) {
      const line = lines[i] as number;
      report({
        kind: 'flatRun',
        line,
        message: `${fileLabel}:${line}: ${j - i} identical closes (${close[i] as number}) from ${formatIsoDate(dates[i] as number)} to ${formatIsoDate(dates[j - 1] as number)}, expected prices that move (suspended or stale?)`,
      });
    }
    i = j;
  }
};

export const checkJumps: Check = ({ dates, prices, lines, n }, fileLabel, limits, report) => {
  let skipUntil = 0; // the return leg of a reversed jump is not reported again
  for (let i = 1; i < n; i++) {
    if (i <= skipUntil) continue;
    const before = prices[i - 1] as number;
    const move = (prices[i] as number) / before - 1;
    if (move >= limits.jumpDown && move <= limits.jumpUp) continue;
    let back = -1;
    for (let k = i + 1; k < Math.min(n, i + 1 + limits.reversalRows); k++) {
      const r = (prices[k] as number) / before;
      if (r > 1 / 1.5 && r < 1.5) {
        back = k;
        break;
      }
    }
    if (back >= 0) skipUntil = back;
    const pct = `${move > 0 ? '+' : ''}${(move * 100).toFixed(1)}%`;
    const what =
      back >= 0
        ? `reverses on ${formatIsoDate(dates[back] as number)} (a bad tick?)`
        : `does not reverse: likely an unadjusted split of about ${splitRatio(move)}`;
    const line = lines[i] as number;
    report({
      kind: 'jump',
      line,
      message: `${fileLabel}:${line}: one-day move of ${pct} on ${formatIsoDate(dates[i] as number)} ${what}, expected moves within ${limits.jumpDown * 100}%..+${limits.jumpUp * 100}%`,
    });
  }
};

const checkOhlc: Check = ({ open, high, low, close, lines, n }, fileLabel, limits, report) => {
  if (open === null || high === null || low === null || close === null) return;
  for (let i = 0; i < n; i++) {
    const o = open[i] as number;
    const h = high[i] as number;
    const l = low[i] as number;
    const c = close[i] as number;
    if (Number.isNaN(o) || Number.isNaN(h) || Number.isNaN(l) || Number.isNaN(c)) continue;
    const tol = limits.ohlcTolerance * c;
    if (h >= Math.max(o, c, l) - tol && l <= Math.min(o, c, h) + tol) continue;
    const line = lines[i] as number;
    report({
      kind: 'ohlc',
      line,
      message: `${fileLabel}:${line}: open ${o}, high ${h}, low ${l}, close ${c} are inconsistent, expected low ≤ open, close ≤ high`,
    });
  }
};

function splitRatio(move: number): string {
  const r = 1 + move;
  return r < 1 ? `${Math.round(1 / r)}:1 (forward split)` : `1:${Math.round(r)} (reverse split)`;
}
