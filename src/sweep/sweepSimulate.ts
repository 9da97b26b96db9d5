/**
 * The sweep's simulation loop: execution/simulateKernel.ts's rules for the specs the sweep fast
 * path takes (calendar or every-N-days decisions, lag, proportional costs, minimum trade, cash
 * returns; no drift bands, no tranches), keeping only what the sweep's figures read: the daily
 * returns and the summed turnover of the non-initial trades. Same timing and arithmetic as the
 * kernel, so the returns agree with it (tested to 1e-12 against runBacktest):
 *   weights decided at the close of row t trade at the close of t + lag; holdings are units that
 *   drift with prices (a missing price carries the last one); cash compounds at the cash return;
 *   at a trade V' = V − cost, T_a = w_a · V', cost = c · Σ|T_a − h_a| by fixed-point iteration;
 *   an asset without any price at the trade close is not bought (its target goes to cash).
 * Prices are read row-major from `fill` (last price at or before each row, 0 before the first),
 * so a row is one contiguous read; targets are read in place from the decision table (no copy per trade).
 */

export interface SweepSimInput {
  /** Period rows lo..lo+n−1 of the full panel. */
  readonly lo: number;
  readonly n: number;
  readonly m: number;
  /** fill[row · m + a]: asset a's last price at or before full-panel row `row` (0: none yet). */
  readonly fill: Float64Array;
  /** 1 / fill (0 where fill is 0): units = w · V' · (1/p), a multiplication per asset and trade instead of a division. */
  readonly recip: Float64Array;
  /** 1 on period rows where the calendar rule decides. */
  readonly calendar: Uint8Array;
  readonly lag: number;
  readonly costRate: number;
  readonly minTurnover: number;
  /** Cash return per period row (entry 0 unused), or null. */
  readonly cashReturns: Float64Array | null;
  /** Offset into `targets` of the decision at full-panel row `row`. */
  readonly decide: (row: number) => number;
  readonly targets: Float64Array;
}

/** Scratch reused across variants (grown when needed). */
export class SweepScratch {
  units = new Float64Array(0);
  returns = new Float64Array(0);
  pending = new Int32Array(0);
  pendingDecision = new Int32Array(0);
  /** A trade's outputs: cash after it, its turnover. */
  readonly state = new Float64Array(2);

  fit(n: number, m: number, slots: number): void {
    if (this.units.length < m) this.units = new Float64Array(m);
    if (this.returns.length < n) this.returns = new Float64Array(n);
    if (this.pending.length < slots) {
      this.pending = new Int32Array(slots);
      this.pendingDecision = new Int32Array(slots);
    }
  }
}

/** Simulates one variant; its returns are in scratch.returns[0..n) (row 0 is 0). Returns Σ turnover of the non-initial trades. */
export function sweepSimulate(s: SweepSimInput, scratch: SweepScratch): number {
  const { lo, n, m, fill, recip, calendar, lag, costRate, minTurnover, cashReturns, targets } = s;
  const slots = lag + 1;
  scratch.fit(n, m, slots);
  const { units, returns, pending, pendingDecision, state } = scratch;
  units.fill(0, 0, m);
  pending.fill(-1, 0, slots);
  let cash = 1;
  let prev = 1;
  let trades = 0;
  let turnoverSum = 0;
  for (let t = 0; t < n; t++) {
    const base = (lo + t) * m;
    if (cashReturns !== null && t > 0) cash *= 1 + cashReturns[t]!;
    let value = cash + holdingsValue(units, fill, base, m);
    const slot = t % slots;
    let off = -1;
    let initial = false;
    if (lag > 0 && pending[slot]! >= 0) {
      off = pending[slot]!;
      initial = pendingDecision[slot] === 0;
      pending[slot] = -1;
    }
    if (calendar[t] === 1 && t + lag < n) {
      const decided = s.decide(lo + t);
      if (lag === 0) {
        off = decided;
        initial = t === 0;
      } else {
        const target = (t + lag) % slots;
        pending[target] = decided;
        pendingDecision[target] = t;
      }
    }
    if (off >= 0 && !(minTurnover > 0 && trades > 0 && turnoverOf(units, fill, targets, base, off, m, value) < minTurnover)) {
      value = costRate === 0 ? tradeFree(units, fill, recip, targets, base, off, m, value, state) : tradeWithCost(units, fill, recip, targets, base, off, m, value, costRate, state);
      cash = state[0]!;
      if (!initial) turnoverSum += state[1]!;
      trades++;
    }
    returns[t] = t === 0 ? 0 : t === 1 ? value - 1 : value / prev - 1;
    prev = value;
  }
  return turnoverSum;
}

// The trades' sums keep the even and the odd assets apart and add them at the end (the odd last
// asset of an odd m goes to the even sum): the order of the kernel's two f64x2 lanes
// (wasm/sweepKernels.ts), a rounding-only difference from the kernel's single sum.

/** Σ|w·V − h| / 2V: the turnover of trading to the targets at `off` before costs. An asset without a price gets no target. */
function turnoverOf(units: Float64Array, fill: Float64Array, targets: Float64Array, base: number, off: number, m: number, value: number): number {
  let t0 = 0;
  let t1 = 0;
  for (let a = 0; a < m; a++) {
    const p = fill[base + a]!;
    const w = p > 0 ? targets[off + a]! : 0;
    const d = Math.abs(w * value - units[a]! * p);
    if ((a & 1) === 0) t0 += d;
    else t1 += d;
  }
  return (t0 + t1) / (2 * value);
}

/** A trade without costs in one pass: units to the targets, state = [cash, turnover]; returns equity (unchanged). */
function tradeFree(units: Float64Array, fill: Float64Array, recip: Float64Array, targets: Float64Array, base: number, off: number, m: number, value: number, state: Float64Array): number {
  let t0 = 0;
  let t1 = 0;
  let i0 = 0;
  let i1 = 0;
  for (let a = 0; a < m; a++) {
    const p = fill[base + a]!;
    const w = p > 0 ? targets[off + a]! : 0;
    const target = w * value;
    const d = Math.abs(target - units[a]! * p);
    units[a] = target * recip[base + a]!;
    if ((a & 1) === 0) {
      t0 += d;
      i0 += target;
    } else {
      t1 += d;
      i1 += target;
    }
  }
  state[0] = value - (i0 + i1);
  state[1] = (t0 + t1) / (2 * value);
  return value;
}

/** A trade with cost rate c: cost = c · Σ|w·(V − cost) − h| by fixed-point iteration, then units; state = [cash, turnover]; returns V − cost. */
function tradeWithCost(units: Float64Array, fill: Float64Array, recip: Float64Array, targets: Float64Array, base: number, off: number, m: number, value: number, costRate: number, state: Float64Array): number {
  let cost = 0;
  let traded = 0;
  for (let iter = 0; iter < 50; iter++) {
    const post = value - cost;
    let t0 = 0;
    let t1 = 0;
    for (let a = 0; a < m; a++) {
      const p = fill[base + a]!;
      const w = p > 0 ? targets[off + a]! : 0;
      const d = Math.abs(w * post - units[a]! * p);
      if ((a & 1) === 0) t0 += d;
      else t1 += d;
    }
    traded = t0 + t1;
    const next = costRate * traded;
    const done = Math.abs(next - cost) <= 1e-16 * value;
    cost = next;
    if (done) break;
  }
  const post = value - cost;
  let i0 = 0;
  let i1 = 0;
  for (let a = 0; a < m; a++) {
    const p = fill[base + a]!;
    const target = (p > 0 ? targets[off + a]! : 0) * post;
    units[a] = target * recip[base + a]!;
    if ((a & 1) === 0) i0 += target;
    else i1 += target;
  }
  state[0] = post - (i0 + i1);
  state[1] = traded / (2 * value);
  return post;
}

/**
 * Σ_a u_a · p_a over one row, in four interleaved partial sums (independent additions run in
 * parallel; the order differs from the kernel's by rounding only, ~1e-16 relative). A price is 0
 * only where the asset was never priced, and then it is not held (u = 0).
 */
function holdingsValue(units: Float64Array, fill: Float64Array, base: number, m: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let a = 0;
  for (; a + 3 < m; a += 4) {
    s0 += units[a]! * fill[base + a]!;
    s1 += units[a + 1]! * fill[base + a + 1]!;
    s2 += units[a + 2]! * fill[base + a + 2]!;
    s3 += units[a + 3]! * fill[base + a + 3]!;
  }
  for (; a < m; a++) s0 += units[a]! * fill[base + a]!;
  return s0 + s1 + (s2 + s3);
}
