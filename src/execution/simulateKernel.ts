/**
 * The simulation kernel: one loop over the period's rows, over typed arrays only.
 *
 * Timing: weights decided from data up to the close of row t are traded at the close of row
 * t + lag. Holdings (units) drift with prices between trades; cash earns nothing. At a trade the
 * proportional cost rate c (bps + slippage) is charged on the traded value and deducted from
 * equity, and post-trade weights equal the targets exactly relative to post-cost equity:
 *   V' = V − cost,  T_a = w_a · V',  cost = c · Σ_a |T_a − h_a|
 * solved by fixed-point iteration (a contraction with factor ≤ c).
 *
 * The loop allocates nothing per row; `decide` is called only on decision rows and writes the
 * target weights into the buffer it is given.
 */

export interface KernelInput {
  readonly nDates: number;
  readonly nAssets: number;
  /** Valuation prices, column-major (prices[a * nDates + t]); NaN before an asset's first price. */
  readonly prices: Float64Array;
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
  /** Simple portfolio return of each row (row 0 is 0). */
  readonly returns: Float64Array;
  /** End-of-day weights, column-major (weights[a * nDates + t]). */
  readonly weights: Float64Array;
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
  const equity = new Float64Array(n);
  const cashSeries = new Float64Array(n);
  const returns = new Float64Array(n);
  const weights = new Float64Array(n * m);
  const tradeRow = new Int32Array(n);
  const tradeDecision = new Int32Array(n);
  const tradeRule = new Uint8Array(n);
  const tradeTurnover = new Float64Array(n);
  const tradeCost = new Float64Array(n);
  let trades = 0;

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
  let prevEquity = 1;

  for (let t = 0; t < n; t++) {
    let value = cash;
    for (let a = 0; a < m; a++) {
      const u = units[a]!;
      if (u !== 0) value += u * prices[a * n + t]!;
    }
    const slot = t % slots;
    if (lag > 0 && pendingFlag[slot] === 1) {
      const r = execute(t, slot);
      value = r;
    }
    // Decision at the close of t: the calendar, or a drift band once a target is in force.
    let rule = -1;
    if (calendar[t] === 1) rule = t === 0 ? RULE_INITIAL : RULE_CALENDAR;
    else if (hasTarget && waiting === 0 && (bandAbsolute > 0 || bandRelative > 0) && outsideBand(t, value)) rule = RULE_BAND;
    if (rule >= 0 && t + lag < n) {
      const target = (t + lag) % slots;
      const out = pending.subarray(target * m, (target + 1) * m);
      input.decide(t, out);
      pendingFlag[target] = 1;
      pendingDecision[target] = t;
      pendingRule[target] = rule;
      waiting++;
      if (lag === 0) value = execute(t, target);
    }
    equity[t] = value;
    cashSeries[t] = cash;
    returns[t] = t === 0 ? value - 1 : value / prevEquity - 1;
    prevEquity = value;
    for (let a = 0; a < m; a++) {
      const u = units[a]!;
      weights[a * n + t] = u === 0 ? 0 : (u * prices[a * n + t]!) / value;
    }
  }

  function outsideBand(t: number, value: number): boolean {
    for (let a = 0; a < m; a++) {
      const u = units[a]!;
      const w = u === 0 ? 0 : (u * prices[a * n + t]!) / value;
      const target = inForce[a]!;
      const gap = Math.abs(w - target);
      if (bandAbsolute > 0 && gap > bandAbsolute) return true;
      if (bandRelative > 0 && target > 0 && gap / target > bandRelative) return true;
    }
    return false;
  }

  /** Trades to the pending target in `slot` at the close of t; returns post-trade equity. */
  function execute(t: number, slot: number): number {
    const base = slot * m;
    let value = cash;
    for (let a = 0; a < m; a++) {
      const u = units[a]!;
      if (u !== 0) value += u * prices[a * n + t]!;
    }
    // Assets with no price at the trade close cannot be bought: their target becomes cash.
    for (let a = 0; a < m; a++) if (!(prices[a * n + t]! > 0)) pending[base + a] = 0;
    let cost = 0;
    let traded = 0;
    for (let iter = 0; iter < 50; iter++) {
      const post = value - cost;
      traded = 0;
      for (let a = 0; a < m; a++) {
        const u = units[a]!;
        const held = u === 0 ? 0 : u * prices[a * n + t]!;
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
      const p = prices[a * n + t]!;
      units[a] = w === 0 ? 0 : (w * post) / p;
      invested += w * post;
    }
    cash = post - invested;
    tradeRow[trades] = t;
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

  return {
    nDates: n,
    nAssets: m,
    equity,
    cash: cashSeries,
    returns,
    weights,
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
