/**
 * The simulation kernel: one pass over the period's rows, over typed arrays only, in small named
 * steps per row (value the holdings, execute a due trade, decide, record).
 *
 * Timing: weights decided from data up to the close of row t are traded at the close of row
 * t + lag. Holdings (units) drift with prices between trades; cash compounds at `cashReturns`
 * (cash_t = cash_{t−1} · (1 + c_t); nothing when omitted). At a trade the
 * proportional cost rate c (bps + slippage) is charged on the traded value and deducted from
 * equity, and post-trade weights equal the targets exactly relative to post-cost equity:
 *   V' = V − cost,  T_a = w_a · V',  cost = c · Σ_a |T_a − h_a|
 * solved by fixed-point iteration (a contraction with factor ≤ c).
 *
 * Layout and speed: holdings are valued from forward-filled prices stored row-major (a row's
 * cross-section contiguous; filledPrices.ts), the prepared panel's when given, else built once
 * here: equity_r = cash + Σ_a u_a p̃_{a,r} over the held assets only (a compact list rebuilt at
 * each trade), with p̃ the last price on or before r, so a missing price (NaN) values a holding
 * at its last price. The sum runs in four partial sums (its order differs from a left-to-right
 * sum by rounding only, ~1e-16 relative). Nothing is allocated per row; `decide` is called only
 * on decision rows.
 */
import { fillPrices } from './filledPrices.js';
import { denseRows, denseValue, heldValue } from './holdingsValue.js';
import { RULE_CALENDAR, RULE_BAND, RULE_INITIAL, type KernelInput, type KernelLedger } from './kernelInput.js';
import { simulateWasm } from './simulateWasm.js';
import { TradeLog } from './tradeLog.js';

export { RULE_BAND, RULE_CALENDAR, RULE_INITIAL, RULE_NAMES, type KernelInput, type KernelLedger } from './kernelInput.js';

export function simulateKernel(input: KernelInput): KernelLedger {
  const { nDates: n, nAssets: m, calendar, lag, costRate, bandAbsolute, bandRelative } = input;
  const record = input.recordWeights ?? true;
  const bandsOn = bandAbsolute > 0 || bandRelative > 0;
  const filled = input.filled ?? fillPrices(input.prices, m, n, input.stride ?? n, input.offset ?? 0);
  // Decisions on calendar rows only and nothing recorded per row: the loop in WebAssembly when
  // the prices live in a kernel memory (simulateWasm.ts; the same bits).
  if (!record && !bandsOn && input.cashReturns === undefined) {
    const ledger = simulateWasm(input, filled);
    if (ledger !== null) return ledger;
  }
  const F = filled.values;
  const fStride = filled.stride;
  const fCols = filled.columns;
  const equity = new Float64Array(n);
  const cashSeries = new Float64Array(n);
  const weights = new Float64Array(record ? n * m : 0);
  const log = new TradeLog(calendarCount(calendar) + 1);
  let skipped = 0;
  const minTurnover = input.minTurnover ?? 0;

  const units = new Float64Array(m);
  // The held assets (units ≠ 0): their entries in a row of F and their units, in asset order.
  const heldCol = new Int32Array(m);
  const heldUnits = new Float64Array(m);
  const heldAsset = new Int32Array(m);
  let held = 0;
  // When the held entries are consecutive in a row (the usual case), their first entry: the
  // value is then a plain dot product over a contiguous stretch of the row (−1: gather).
  let heldFrom = -1;
  const slots = lag + 1;
  const pending = new Float64Array(slots * m);
  const pendingView: Float64Array[] = [];
  for (let k = 0; k < slots; k++) pendingView.push(pending.subarray(k * m, (k + 1) * m));
  const pendingFlag = new Uint8Array(slots);
  const pendingDecision = new Int32Array(slots);
  const pendingRule = new Uint8Array(slots);
  const inForce = new Float64Array(m);
  let hasTarget = false;
  /** Σ|T − h| of the last tradeCost call. */
  let traded = 0;
  let waiting = 0;
  let cash = 1;
  const cashReturns = input.cashReturns;
  // The prices of the row in hand, read from F when a step needs them per asset.
  const px = new Float64Array(m);
  let pxRow = -1;

  // Rows that hold no event need only their value: without weights to record, cash returns or a
  // band to watch, a stretch of them is valued in one tight loop (the same sums as row by row).
  const stretches = !record && cashReturns === undefined;
  // slot = t mod (lag + 1): where a decision taken lag rows ago waits.
  for (let t = 0, slot = 0; t < n; t++, slot = slot + 1 === slots ? 0 : slot + 1) {
    if (stretches && heldFrom >= 0 && !(bandsOn && hasTarget) && calendar[t] !== 1 && !(waiting > 0 && pendingFlag[slot] === 1)) {
      let end = t + 1;
      let next = slot + 1 === slots ? 0 : slot + 1;
      while (end < n && calendar[end] !== 1 && !(waiting > 0 && pendingFlag[next] === 1)) {
        end++;
        next = next + 1 === slots ? 0 : next + 1;
      }
      denseRows(F, filled.offset * fStride + heldFrom, fStride, heldUnits, held, cash, equity, cashSeries, t, end);
      // Resume at the last row of the stretch (the loop's step moves on to `end`).
      t = end - 1;
      slot = next === 0 ? slots - 1 : next - 1;
      continue;
    }
    if (cashReturns !== undefined && t > 0) cash *= 1 + cashReturns[t]!;
    const rowBase = (filled.offset + t) * fStride;
    let value = heldFrom >= 0 ? denseValue(F, rowBase + heldFrom, heldUnits, held, cash) : heldValue(F, rowBase, heldCol, heldUnits, held, cash);
    if (lag > 0 && pendingFlag[slot] === 1) value = execute(t, slot, value);
    let rule = -1;
    if (calendar[t] === 1) rule = t === 0 ? RULE_INITIAL : RULE_CALENDAR;
    else if (bandsOn && hasTarget && waiting === 0 && outsideBand(t, value)) rule = RULE_BAND;
    if (rule >= 0 && t + lag < n) {
      const target = (t + lag) % slots;
      input.decide(t, pendingView[target]!);
      pendingFlag[target] = 1;
      pendingDecision[target] = t;
      pendingRule[target] = rule;
      waiting++;
      if (lag === 0) value = execute(t, target, value);
    }
    equity[t] = value;
    cashSeries[t] = cash;
    if (record) recordWeights(t, value);
  }

  /** Prices of row t for every asset (the last price on or before t; NaN before the first). */
  function rowPrices(t: number): Float64Array {
    if (pxRow !== t) {
      const rowBase = (filled.offset + t) * fStride;
      for (let a = 0; a < m; a++) px[a] = F[rowBase + fCols[a]!]!;
      pxRow = t;
    }
    return px;
  }

  /** w_a = u_a · p̃_a / V for the held assets (one division per row); the others stay 0. */
  function recordWeights(t: number, value: number): void {
    const rowBase = (filled.offset + t) * fStride;
    const inv = 1 / value;
    for (let j = 0; j < held; j++) weights[heldAsset[j]! * n + t] = heldUnits[j]! * F[rowBase + heldCol[j]!]! * inv;
  }

  function outside(w: number, target: number): boolean {
    const gap = Math.abs(w - target);
    return (bandAbsolute > 0 && gap > bandAbsolute) || (bandRelative > 0 && target > 0 && gap / target > bandRelative);
  }

  /** Whether any weight at row t has left its band around the target in force. */
  function outsideBand(t: number, value: number): boolean {
    const p = rowPrices(t);
    for (let a = 0; a < m; a++) {
      const u = units[a]!;
      if (outside(u === 0 ? 0 : (u * p[a]!) / value, inForce[a]!)) return true;
    }
    return false;
  }

  /** Σ|w·V − h| / 2V: the turnover of trading to the pending target in `base` before costs. */
  function turnoverAt(p: Float64Array, base: number, value: number): number {
    let traded = 0;
    for (let a = 0; a < m; a++) {
      const u = units[a]!;
      traded += Math.abs(pending[base + a]! * value - (u === 0 ? 0 : u * p[a]!));
    }
    return traded / (2 * value);
  }

  /** The proportional cost c · Σ|T − h| of trading to the target in `base`, by fixed-point iteration. */
  function tradeCost(p: Float64Array, base: number, value: number): number {
    let cost = 0;
    for (let iter = 0; iter < 50; iter++) {
      const post = value - cost;
      let sum = 0;
      for (let a = 0; a < m; a++) {
        const u = units[a]!;
        const h = u === 0 ? 0 : u * p[a]!;
        sum += Math.abs(pending[base + a]! * post - h);
      }
      traded = sum;
      const next = costRate * sum;
      const done = Math.abs(next - cost) <= 1e-16 * value;
      cost = next;
      if (done) break;
    }
    return cost;
  }

  /** Trades to the pending target in `slot` at the close of t (pre-trade equity `value`); returns post-trade equity. */
  function execute(t: number, slot: number, value: number): number {
    const base = slot * m;
    const p = rowPrices(t);
    pendingFlag[slot] = 0;
    waiting--;
    // Without costs or a minimum trade the turnover is summed in the same pass as the new units.
    const free = costRate === 0 && !(minTurnover > 0 && log.count > 0);
    let cost = 0;
    if (!free) {
      // Assets with no price at the trade close cannot be bought: their target becomes cash.
      for (let a = 0; a < m; a++) if (!(p[a]! > 0)) pending[base + a] = 0;
      if (minTurnover > 0 && log.count > 0 && turnoverAt(p, base, value) < minTurnover) {
        skipped++;
        return value;
      }
      cost = tradeCost(p, base, value);
    } else traded = 0;
    const post = value - cost;
    let invested = 0;
    let sum = 0;
    // The new held list (h entries; from: their first entry in a row when consecutive, else −1).
    let h = 0;
    let from = -1;
    for (let a = 0; a < m; a++) {
      const price = p[a]!;
      const w = price > 0 ? pending[base + a]! : 0;
      if (free) {
        const before = units[a]!;
        sum += Math.abs(w * post - (before === 0 ? 0 : before * price));
      }
      inForce[a] = w;
      const u = w === 0 ? 0 : (w * post) / price;
      units[a] = u;
      invested += w * post;
      if (u !== 0) {
        const col = fCols[a]!;
        if (h === 0) from = col;
        else if (from >= 0 && col !== from + h) from = -1;
        heldCol[h] = col;
        heldAsset[h] = a;
        heldUnits[h++] = u;
      }
    }
    if (free) traded = sum;
    held = h;
    heldFrom = from;
    cash = post - invested;
    log.add(t, pendingDecision[slot]!, pendingRule[slot]!, traded / (2 * value), cost);
    hasTarget = true;
    return post;
  }


  const returns = new Float64Array(n);
  // Row 0 is the start: the first period is measured from the initial capital 1, so a trade at
  // the start close (lag 0) charges its cost to the first period instead of losing it.
  returns[0] = 0;
  if (n > 1) returns[1] = equity[1]! - 1;
  for (let r = 2; r < n; r++) returns[r] = equity[r]! / equity[r - 1]! - 1;

  return { nDates: n, nAssets: m, equity, cash: cashSeries, returns, weights, skippedTrades: skipped, trades: log.done() };
}

function calendarCount(calendar: Uint8Array): number {
  let k = 0;
  for (let t = 0; t < calendar.length; t++) k += calendar[t]!;
  return k;
}
