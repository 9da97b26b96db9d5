/**
 * The simulation kernel: one pass over the period's rows, over typed arrays only.
 *
 * Timing: weights decided from data up to the close of row t are traded at the close of row
 * t + lag. Holdings (units) drift with prices between trades; cash compounds at `cashReturns`
 * (cash_t = cash_{t−1} · (1 + c_t); nothing when omitted). At a trade the
 * proportional cost rate c (bps + slippage) is charged on the traded value and deducted from
 * equity, and post-trade weights equal the targets exactly relative to post-cost equity:
 *   V' = V − cost,  T_a = w_a · V',  cost = c · Σ_a |T_a − h_a|
 * solved by fixed-point iteration (a contraction with factor ≤ c).
 *
 * Layout and speed: prices are column-major, so between events (decisions and trades) the rows
 * are processed column by column over contiguous memory: equity_r = cash + Σ_a u_a p_{a,r}, then
 * each held column's weights and, when drift bands are on, its first breach. Event rows are
 * processed one at a time. A missing price (NaN) values a holding at its last price. Nothing is
 * allocated per row; `decide` is called only on decision rows.
 */

export interface KernelInput {
  readonly nDates: number;
  readonly nAssets: number;
  /**
   * Prices, column-major: asset a on period row t is prices[a * stride + offset + t]
   * (stride defaults to nDates, offset to 0). NaN = no price.
   */
  readonly prices: Float64Array;
  readonly stride?: number;
  readonly offset?: number;
  /** 1 on rows where the calendar rule takes a decision at the close. */
  readonly calendar: Uint8Array;
  /** Drift bands (0 = off): decide when any |w − target| > absolute or |w − target| / target > relative. */
  readonly bandAbsolute: number;
  readonly bandRelative: number;
  readonly lag: number;
  /** (bps + slippageBps) / 10,000. */
  readonly costRate: number;
  /** Fills `out` (length nAssets) with the target weights decided at the close of row t. */
  readonly decide: (t: number, out: Float64Array) => void;
  /** Record end-of-day weights (default true; a sweep that needs only returns can skip them). */
  readonly recordWeights?: boolean;
  /**
   * Skip a rebalance (not the first trade) whose turnover Σ|T − h| / 2V would be below this
   * (default 0: never skip). Holdings then drift on, and the previous target stays in force.
   */
  readonly minTurnover?: number;
  /**
   * Simple return of cash from the close of period row t − 1 to the close of row t (entry 0
   * unused; length nDates), e.g. a money-market rate per period or a cash proxy's returns.
   * Omitted: cash earns nothing.
   */
  readonly cashReturns?: Float64Array;
}

export const RULE_INITIAL = 0;
export const RULE_CALENDAR = 1;
export const RULE_BAND = 2;
export const RULE_NAMES = ['initial', 'calendar', 'band'] as const;

export interface KernelLedger {
  readonly nDates: number;
  readonly nAssets: number;
  /** End-of-day equity; initial capital 1 before the first trade. */
  readonly equity: Float64Array;
  readonly cash: Float64Array;
  /**
   * Simple portfolio return of each row: row 0 (the start) is 0, row 1 is V_1 / 1 − 1 from the
   * initial capital (so the cost of a trade at the start close is in it), later rows V_t / V_{t−1} − 1.
   */
  readonly returns: Float64Array;
  /** End-of-day weights, column-major (weights[a * nDates + t]); empty if not recorded. */
  readonly weights: Float64Array;
  /** Rebalances skipped because their turnover was below minTurnover. */
  readonly skippedTrades: number;
  /** One entry per executed trade. */
  readonly trades: {
    readonly count: number;
    readonly row: Int32Array;
    readonly decisionRow: Int32Array;
    readonly rule: Uint8Array;
    /** Σ|T − h| / (2 V) with V the pre-trade equity. */
    readonly turnover: Float64Array;
    /** Cost as a fraction of initial capital. */
    readonly cost: Float64Array;
  };
}

export function simulateKernel(input: KernelInput): KernelLedger {
  const { nDates: n, nAssets: m, prices, calendar, lag, costRate, bandAbsolute, bandRelative } = input;
  const stride = input.stride ?? n;
  const offset = input.offset ?? 0;
  const record = input.recordWeights ?? true;
  const bandsOn = bandAbsolute > 0 || bandRelative > 0;
  const equity = new Float64Array(n);
  const cashSeries = new Float64Array(n);
  const weights = new Float64Array(record ? n * m : 0);
  const invEquity = new Float64Array(record ? n : 0);
  const tradeRow = new Int32Array(n);
  const tradeDecision = new Int32Array(n);
  const tradeRule = new Uint8Array(n);
  const tradeTurnover = new Float64Array(n);
  const tradeCost = new Float64Array(n);
  let trades = 0;
  let skipped = 0;
  const minTurnover = input.minTurnover ?? 0;

  const units = new Float64Array(m);
  const slots = lag + 1;
  const pending = new Float64Array(slots * m);
  const pendingFlag = new Uint8Array(slots);
  const pendingDecision = new Int32Array(slots);
  const pendingRule = new Uint8Array(slots);
  const inForce = new Float64Array(m);
  let hasTarget = false;
  let waiting = 0;
  let cash = 1;
  /** The row whose close `cash` is valued at (cash accrues row by row up to the row in hand). */
  let cashRow = 0;
  const cashReturns = input.cashReturns;

  /** Brings cash to the close of row t (t ≥ cashRow). */
  function accrueCash(t: number): void {
    if (cashReturns === undefined) return;
    while (cashRow < t) {
      cashRow++;
      cash *= 1 + cashReturns[cashRow]!;
    }
  }

  /** Price of asset a at row t, or its last price before t when t has none (NaN if never). */
  function priceAt(a: number, t: number): number {
    const base = a * stride + offset;
    for (let r = t; r >= -offset; r--) {
      const p = prices[base + r]!;
      if (p > 0) return p;
    }
    return Number.NaN;
  }

  // The prices of one event row, looked up once per row (carrying gaps back to the last price).
  const px = new Float64Array(m);
  let pxRow = -1;
  function rowPrices(t: number): Float64Array {
    if (pxRow !== t) {
      for (let a = 0; a < m; a++) px[a] = priceAt(a, t);
      pxRow = t;
    }
    return px;
  }

  function valueAt(t: number): number {
    const p = rowPrices(t);
    let value = cash;
    for (let a = 0; a < m; a++) {
      const u = units[a]!;
      if (u !== 0) value += u * p[a]!;
    }
    return value;
  }

  function isEvent(t: number): boolean {
    return calendar[t] === 1 || (waiting > 0 && pendingFlag[t % slots] === 1);
  }

  let t = 0;
  while (t < n) {
    if (isEvent(t)) {
      eventRow(t, false);
      t++;
      continue;
    }
    let end = t + 1;
    while (end < n && !isEvent(end)) end++;
    const breach = quietRows(t, end, hasTarget && waiting === 0 && bandsOn);
    if (breach < 0) t = end;
    else {
      eventRow(breach, true);
      t = breach + 1;
    }
  }

  /**
   * Rows lo..hi−1 hold no trade and no calendar decision: value and record them column-wise.
   * With bands on, returns the first row where a weight leaves its band (−1 if none); rows after
   * it are left for the caller to redo.
   */
  function quietRows(lo: number, hi: number, checkBands: boolean): number {
    if (cashReturns === undefined) equity.fill(cash, lo, hi);
    else {
      // Cash of each row, tentatively (rows after a band breach are redone from the breach row).
      let c = cash;
      for (let r = lo; r < hi; r++) {
        if (r > cashRow) c *= 1 + cashReturns[r]!;
        equity[r] = c;
        cashSeries[r] = c;
      }
    }
    for (let a = 0; a < m; a++) {
      const u = units[a]!;
      if (u !== 0) accumulateColumnKernel(prices, a * stride + offset, u, priceAt(a, lo), equity, lo, hi);
    }
    let stop = hi;
    if (checkBands) {
      for (let a = 0; a < m; a++) {
        const target = inForce[a]!;
        const u = units[a]!;
        if (u === 0) {
          if (outside(0, target)) stop = lo;
          continue;
        }
        const base = a * stride + offset;
        let last = priceAt(a, lo);
        for (let r = lo; r < stop; r++) {
          const p = prices[base + r]!;
          if (p > 0) last = p;
          if (outside((u * last) / equity[r]!, target)) {
            stop = r;
            break;
          }
        }
      }
    }
    const recordTo = stop < hi ? stop : hi;
    if (cashReturns === undefined) for (let r = lo; r < recordTo; r++) cashSeries[r] = cash;
    else if (recordTo > lo) {
      cash = cashSeries[recordTo - 1]!;
      cashRow = recordTo - 1;
    }
    if (record) {
      // One division per row instead of one per cell.
      for (let r = lo; r < recordTo; r++) invEquity[r] = 1 / equity[r]!;
      for (let a = 0; a < m; a++) {
        const u = units[a]!;
        if (u !== 0) weightColumnKernel(prices, a * stride + offset, u, priceAt(a, lo), invEquity, weights, a * n, lo, recordTo);
      }
    }
    return stop < hi ? stop : -1;
  }

  function outside(w: number, target: number): boolean {
    const gap = Math.abs(w - target);
    return (bandAbsolute > 0 && gap > bandAbsolute) || (bandRelative > 0 && target > 0 && gap / target > bandRelative);
  }

  /** One row with a trade and/or a decision (calendar, or a band breach found by quietRows). */
  function eventRow(r: number, bandBreach: boolean): void {
    accrueCash(r);
    let value = valueAt(r);
    const slot = r % slots;
    if (lag > 0 && pendingFlag[slot] === 1) value = execute(r, slot);
    let rule = -1;
    if (calendar[r] === 1) rule = r === 0 ? RULE_INITIAL : RULE_CALENDAR;
    else if (bandBreach || (hasTarget && waiting === 0 && bandsOn && outsideBand(r, value))) rule = RULE_BAND;
    if (rule >= 0 && r + lag < n) {
      const target = (r + lag) % slots;
      input.decide(r, pending.subarray(target * m, (target + 1) * m));
      pendingFlag[target] = 1;
      pendingDecision[target] = r;
      pendingRule[target] = rule;
      waiting++;
      if (lag === 0) value = execute(r, target);
    }
    equity[r] = value;
    cashSeries[r] = cash;
    if (record) {
      const p = rowPrices(r);
      for (let a = 0; a < m; a++) {
        const u = units[a]!;
        weights[a * n + r] = u === 0 ? 0 : (u * p[a]!) / value;
      }
    }
  }

  function outsideBand(r: number, value: number): boolean {
    const p = rowPrices(r);
    for (let a = 0; a < m; a++) {
      const u = units[a]!;
      if (outside(u === 0 ? 0 : (u * p[a]!) / value, inForce[a]!)) return true;
    }
    return false;
  }

  /** Σ|w·V − h| / 2V: the turnover of trading to the pending target in `base` before costs. */
  function turnoverAt(r: number, base: number, value: number): number {
    const p = rowPrices(r);
    let traded = 0;
    for (let a = 0; a < m; a++) {
      const u = units[a]!;
      traded += Math.abs(pending[base + a]! * value - (u === 0 ? 0 : u * p[a]!));
    }
    return traded / (2 * value);
  }

  /** Trades to the pending target in `slot` at the close of r; returns post-trade equity. */
  function execute(r: number, slot: number): number {
    const base = slot * m;
    const value = valueAt(r);
    const p = rowPrices(r);
    // Assets with no price at the trade close cannot be bought: their target becomes cash.
    for (let a = 0; a < m; a++) if (!(p[a]! > 0)) pending[base + a] = 0;
    if (minTurnover > 0 && trades > 0 && turnoverAt(r, base, value) < minTurnover) {
      skipped++;
      pendingFlag[slot] = 0;
      waiting--;
      return value;
    }
    let cost = 0;
    let traded = 0;
    for (let iter = 0; iter < 50; iter++) {
      const post = value - cost;
      traded = 0;
      for (let a = 0; a < m; a++) {
        const u = units[a]!;
        const held = u === 0 ? 0 : u * p[a]!;
        traded += Math.abs(pending[base + a]! * post - held);
      }
      const next = costRate * traded;
      const done = Math.abs(next - cost) <= 1e-16 * value;
      cost = next;
      if (done) break;
    }
    const post = value - cost;
    let invested = 0;
    for (let a = 0; a < m; a++) {
      const w = pending[base + a]!;
      inForce[a] = w;
      units[a] = w === 0 ? 0 : (w * post) / p[a]!;
      invested += w * post;
    }
    cash = post - invested;
    tradeRow[trades] = r;
    tradeDecision[trades] = pendingDecision[slot]!;
    tradeRule[trades] = pendingRule[slot]!;
    tradeTurnover[trades] = traded / (2 * value);
    tradeCost[trades] = cost;
    trades++;
    pendingFlag[slot] = 0;
    waiting--;
    hasTarget = true;
    return post;
  }

  const returns = new Float64Array(n);
  // Row 0 is the start: the first period is measured from the initial capital 1, so a trade at
  // the start close (lag 0) charges its cost to the first period instead of losing it.
  returns[0] = 0;
  if (n > 1) returns[1] = equity[1]! - 1;
  for (let r = 2; r < n; r++) returns[r] = equity[r]! / equity[r - 1]! - 1;

  return {
    nDates: n,
    nAssets: m,
    equity,
    cash: cashSeries,
    returns,
    weights,
    skippedTrades: skipped,
    trades: {
      count: trades,
      row: tradeRow.slice(0, trades),
      decisionRow: tradeDecision.slice(0, trades),
      rule: tradeRule.slice(0, trades),
      turnover: tradeTurnover.slice(0, trades),
      cost: tradeCost.slice(0, trades),
    },
  };
}

/** equity[r] += u · p_r over rows lo..hi−1 of one column, carrying the last price over gaps. */
function accumulateColumnKernel(prices: Float64Array, base: number, u: number, start: number, equity: Float64Array, lo: number, hi: number): void {
  let last = start;
  for (let r = lo; r < hi; r++) {
    const p = prices[base + r]!;
    if (p > 0) last = p;
    equity[r] = equity[r]! + u * last;
  }
}

/** weights[out + r] = u · p_r · (1 / equity_r) over rows lo..hi−1 of one column. */
function weightColumnKernel(
  prices: Float64Array,
  base: number,
  u: number,
  start: number,
  invEquity: Float64Array,
  weights: Float64Array,
  out: number,
  lo: number,
  hi: number,
): void {
  let last = start;
  for (let r = lo; r < hi; r++) {
    const p = prices[base + r]!;
    if (p > 0) last = p;
    weights[out + r] = u * last * invEquity[r]!;
  }
}
