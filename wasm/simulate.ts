// The simulation loop (execution/simulateWasm.ts); see kernels.ts.

/**
 * The simulation kernel's loop (execution/simulateKernel.ts) for a run without drift bands, cash
 * returns or recorded weights, with every decision's targets given in advance (D × m f64 at
 * `targets`, in row order: the decisions of the calendar rows t with t + lag < n). The same IEEE
 * operations in the same order as the TypeScript loop and its steps (value, execute, tradeCost,
 * turnoverAt), so the same bits (tested).
 * F: filled prices, row-major (period row t at entry (fOffset + t) · fStride + cols[a]).
 * Scratch `s` (simScratchBytes): units, held entries and units, the row's prices, the pending
 * targets ((lag + 1) × m) and their slots' flags, decisions and rules.
 * Out: equity and cash (n f64), the trades (row, decision row, rule as i32; turnover and cost as
 * f64, room for D), the skipped count at `skipped` (i32); returns the number of trades.
 */
export function simulate(F: usize, fStride: i32, fOffset: i32, cols: usize, m: i32, n: i32, calendar: usize, lag: i32, costRate: f64, minTurnover: f64, targets: usize, s: usize, equity: usize, cashOut: usize, tRow: usize, tDecision: usize, tRule: usize, tTurnover: usize, tCost: usize, skipped: usize): i32 {
  const mb = (<usize>m) << 3;
  const slots = lag + 1;
  const units = s;
  const heldUnits = units + mb;
  const px = heldUnits + mb;
  const pending = px + mb;
  const heldCol = pending + (<usize>slots) * mb;
  const flag = heldCol + ((<usize>m) << 2);
  const decision = flag + ((<usize>slots) << 2);
  const rule = decision + ((<usize>slots) << 2);
  for (let a: i32 = 0; a < m; a++) store<f64>(units + ((<usize>a) << 3), 0);
  for (let k: i32 = 0; k < slots; k++) store<i32>(flag + ((<usize>k) << 2), 0);
  let held: i32 = 0;
  // The held entries' first entry in a row when they are consecutive (−1: gather them).
  let heldFrom: i32 = -1;
  let cash: f64 = 1;
  let count: i32 = 0;
  let skips: i32 = 0;
  let d: i32 = 0;
  let slot: i32 = 0;
  for (let t: i32 = 0; t < n; t++) {
    // Prices column-major (fStride 1): a stretch of rows without a decision or a due trade is
    // valued asset by asset over its rows (stretchValues), the same sums as row by row.
    if (fStride == 1 && held > 0 && load<u8>(calendar + <usize>t) != 1 && !(lag > 0 && load<i32>(flag + ((<usize>slot) << 2)) == 1)) {
      let e = t + 1;
      while (e < n && e - t < STRETCH && load<u8>(calendar + <usize>e) != 1 && !(lag > 0 && load<i32>(flag + ((<usize>(e % slots)) << 2)) == 1)) e++;
      stretchValues(F + ((<usize>(fOffset + t)) << 3), heldCol, heldUnits, held, cash, e - t, equity + ((<usize>t) << 3), cashOut + ((<usize>t) << 3));
      slot = e % slots;
      t = e - 1;
      continue;
    }
    const rowAt = F + ((<usize>((fOffset + t) * fStride)) << 3);
    // Value: cash + Σ_j u_j p̃_j in four partial sums (holdingsValue.ts): over a contiguous
    // stretch of the row as denseRows does it (two f64x2), else gathered one by one.
    let s0: f64 = 0;
    let s1: f64 = 0;
    let s2: f64 = 0;
    let s3: f64 = 0;
    let j: i32 = 0;
    if (heldFrom >= 0) {
      const at = rowAt + ((<usize>heldFrom) << 3);
      let A = f64x2.splat(0);
      let B = f64x2.splat(0);
      for (; j + 3 < held; j += 4) {
        const o = (<usize>j) << 3;
        A = f64x2.add(A, f64x2.mul(v128.load(heldUnits + o), v128.load(at + o)));
        B = f64x2.add(B, f64x2.mul(v128.load(heldUnits + o, 16), v128.load(at + o, 16)));
      }
      s0 = f64x2.extract_lane(A, 0);
      s1 = f64x2.extract_lane(A, 1);
      s2 = f64x2.extract_lane(B, 0);
      s3 = f64x2.extract_lane(B, 1);
      for (; j < held; j++) s0 += load<f64>(heldUnits + ((<usize>j) << 3)) * load<f64>(at + ((<usize>j) << 3));
    }
    for (; j + 3 < held; j += 4) {
      const o = (<usize>j) << 3;
      const c = heldCol + ((<usize>j) << 2);
      s0 += load<f64>(heldUnits + o) * load<f64>(rowAt + ((<usize>load<i32>(c)) << 3));
      s1 += load<f64>(heldUnits + o, 8) * load<f64>(rowAt + ((<usize>load<i32>(c, 4)) << 3));
      s2 += load<f64>(heldUnits + o, 16) * load<f64>(rowAt + ((<usize>load<i32>(c, 8)) << 3));
      s3 += load<f64>(heldUnits + o, 24) * load<f64>(rowAt + ((<usize>load<i32>(c, 12)) << 3));
    }
    for (; j < held; j++) s0 += load<f64>(heldUnits + ((<usize>j) << 3)) * load<f64>(rowAt + ((<usize>load<i32>(heldCol + ((<usize>j) << 2))) << 3));
    let value = cash + (s0 + s1 + (s2 + s3));
    let due = -1;
    if (lag > 0 && load<i32>(flag + ((<usize>slot) << 2)) == 1) due = slot;
    let ruleNow = -1;
    if (load<u8>(calendar + <usize>t) == 1) ruleNow = t == 0 ? 0 : 1;
    for (let pass: i32 = 0; pass < 2; pass++) {
      if (pass == 1) {
        // The decision of this close (after a due trade; traded at once when lag is 0).
        if (ruleNow < 0 || t + lag >= n) break;
        const target = (t + lag) % slots;
        memory.copy(pending + (<usize>target) * mb, targets + (<usize>d) * mb, mb);
        d++;
        store<i32>(flag + ((<usize>target) << 2), 1);
        store<i32>(decision + ((<usize>target) << 2), t);
        store<i32>(rule + ((<usize>target) << 2), ruleNow);
        if (lag != 0) break;
        due = target;
      }
      if (due < 0) continue;
      // execute(t, due, value)
      const base = pending + (<usize>due) * mb;
      for (let a: i32 = 0; a < m; a++) store<f64>(px + ((<usize>a) << 3), load<f64>(rowAt + ((<usize>load<i32>(cols + ((<usize>a) << 2))) << 3)));
      store<i32>(flag + ((<usize>due) << 2), 0);
      const free = costRate == 0 && !(minTurnover > 0 && count > 0);
      let cost: f64 = 0;
      let traded: f64 = 0;
      let skip = false;
      if (!free) {
        for (let a: i32 = 0; a < m; a++) if (!(load<f64>(px + ((<usize>a) << 3)) > 0)) store<f64>(base + ((<usize>a) << 3), 0);
        if (minTurnover > 0 && count > 0) {
          let tr: f64 = 0;
          for (let a: i32 = 0; a < m; a++) {
            const o = (<usize>a) << 3;
            const u = load<f64>(units + o);
            tr += abs<f64>(load<f64>(base + o) * value - (u == 0 ? 0 : u * load<f64>(px + o)));
          }
          if (tr / (2 * value) < minTurnover) {
            skips++;
            skip = true;
          }
        }
        if (!skip) {
          for (let iter: i32 = 0; iter < 50; iter++) {
            const post = value - cost;
            let sum: f64 = 0;
            for (let a: i32 = 0; a < m; a++) {
              const o = (<usize>a) << 3;
              const u = load<f64>(units + o);
              const h = u == 0 ? 0 : u * load<f64>(px + o);
              sum += abs<f64>(load<f64>(base + o) * post - h);
            }
            traded = sum;
            const next = costRate * sum;
            const done = abs<f64>(next - cost) <= 1e-16 * value;
            cost = next;
            if (done) break;
          }
        }
      }
      if (skip) continue;
      const post = value - cost;
      let invested: f64 = 0;
      let sum: f64 = 0;
      let h: i32 = 0;
      let from: i32 = -1;
      for (let a: i32 = 0; a < m; a++) {
        const o = (<usize>a) << 3;
        const price = load<f64>(px + o);
        const w = price > 0 ? load<f64>(base + o) : 0;
        if (free) {
          const before = load<f64>(units + o);
          sum += abs<f64>(w * post - (before == 0 ? 0 : before * price));
        }
        const u = w == 0 ? 0 : (w * post) / price;
        store<f64>(units + o, u);
        invested += w * post;
        if (u != 0) {
          const col = load<i32>(cols + ((<usize>a) << 2));
          if (h == 0) from = col;
          else if (from >= 0 && col != from + h) from = -1;
          store<i32>(heldCol + ((<usize>h) << 2), col);
          store<f64>(heldUnits + ((<usize>h) << 3), u);
          h++;
        }
      }
      if (free) traded = sum;
      held = h;
      heldFrom = from;
      cash = post - invested;
      const k = <usize>count;
      store<i32>(tRow + (k << 2), t);
      store<i32>(tDecision + (k << 2), load<i32>(decision + ((<usize>due) << 2)));
      store<i32>(tRule + (k << 2), load<i32>(rule + ((<usize>due) << 2)));
      store<f64>(tTurnover + (k << 3), traded / (2 * value));
      store<f64>(tCost + (k << 3), cost);
      count++;
      value = post;
      due = -1;
    }
    store<f64>(equity + ((<usize>t) << 3), value);
    store<f64>(cashOut + ((<usize>t) << 3), cash);
    slot = slot + 1 == slots ? 0 : slot + 1;
  }
  store<i32>(skipped, skips);
  return count;
}

/** Rows per stretch of simulate's column-major valuation at most. */
const STRETCH: i32 = 256;

/**
 * Values of L consecutive rows from prices stored column-major (asset entry col, row r at
 * at + (col + r) · 8): the four partial sums of holdingsValue.ts per row (asset j into partial
 * j mod 4 below the last multiple of four, else into the first, in ascending j, as the row-by-row
 * sums add them), two rows per f64x2 in four registers; then cash + ((s0 + s1) + (s2 + s3)) per
 * row into out, and cash into cashOut.
 */
function stretchValues(at: usize, heldCol: usize, heldUnits: usize, held: i32, cash: f64, L: i32, out: usize, cashOut: usize): void {
  const h4 = held & ~3;
  const zero = f64x2.splat(0);
  const c = f64x2.splat(cash);
  let r: i32 = 0;
  for (; r + 1 < L; r += 2) {
    const o = at + ((<usize>r) << 3);
    let A0 = zero;
    let A1 = zero;
    let A2 = zero;
    let A3 = zero;
    let j: i32 = 0;
    for (; j < h4; j += 4) {
      const u = heldUnits + ((<usize>j) << 3);
      const k = heldCol + ((<usize>j) << 2);
      A0 = f64x2.add(A0, f64x2.mul(v128.load64_splat(u), v128.load(o + ((<usize>load<i32>(k)) << 3))));
      A1 = f64x2.add(A1, f64x2.mul(v128.load64_splat(u, 8), v128.load(o + ((<usize>load<i32>(k, 4)) << 3))));
      A2 = f64x2.add(A2, f64x2.mul(v128.load64_splat(u, 16), v128.load(o + ((<usize>load<i32>(k, 8)) << 3))));
      A3 = f64x2.add(A3, f64x2.mul(v128.load64_splat(u, 24), v128.load(o + ((<usize>load<i32>(k, 12)) << 3))));
    }
    for (; j < held; j++) A0 = f64x2.add(A0, f64x2.mul(v128.load64_splat(heldUnits + ((<usize>j) << 3)), v128.load(o + ((<usize>load<i32>(heldCol + ((<usize>j) << 2))) << 3))));
    const w = (<usize>r) << 3;
    v128.store(out + w, f64x2.add(c, f64x2.add(f64x2.add(A0, A1), f64x2.add(A2, A3))));
    v128.store(cashOut + w, c);
  }
  if (r < L) {
    const o = at + ((<usize>r) << 3);
    let s0: f64 = 0;
    let s1: f64 = 0;
    let s2: f64 = 0;
    let s3: f64 = 0;
    let j: i32 = 0;
    for (; j < h4; j += 4) {
      const u = heldUnits + ((<usize>j) << 3);
      const k = heldCol + ((<usize>j) << 2);
      s0 += load<f64>(u) * load<f64>(o + ((<usize>load<i32>(k)) << 3));
      s1 += load<f64>(u, 8) * load<f64>(o + ((<usize>load<i32>(k, 4)) << 3));
      s2 += load<f64>(u, 16) * load<f64>(o + ((<usize>load<i32>(k, 8)) << 3));
      s3 += load<f64>(u, 24) * load<f64>(o + ((<usize>load<i32>(k, 12)) << 3));
    }
    for (; j < held; j++) s0 += load<f64>(heldUnits + ((<usize>j) << 3)) * load<f64>(o + ((<usize>load<i32>(heldCol + ((<usize>j) << 2))) << 3));
    const w = (<usize>r) << 3;
    store<f64>(out + w, cash + (s0 + s1 + (s2 + s3)));
    store<f64>(cashOut + w, cash);
  }
}

/**
 * The rows a run without drift bands decides on (execution/simulateWasm.ts): every row t with
 * calendar[t] = 1 (n u8) and t + lag < n, ascending, into `rows` (i32); returns their number.
 */
export function decisionRows(calendar: usize, n: i32, lag: i32, rows: usize): i32 {
  let d: i32 = 0;
  for (let t: i32 = 0; t + lag < n; t++) {
    if (load<u8>(calendar + <usize>t) == 1) {
      store<i32>(rows + ((<usize>d) << 2), t);
      d++;
    }
  }
  return d;
}

/**
 * A ledger's returns from its equity (n f64; execution/simulateKernel.ts): row 0 is 0, row 1
 * equity[1] − 1 (from the initial capital 1), later rows equity[r] / equity[r − 1] − 1.
 */
export function periodReturns(equity: usize, n: i32, out: usize): void {
  if (n > 0) store<f64>(out, 0);
  if (n > 1) store<f64>(out + 8, load<f64>(equity + 8) - 1);
  for (let r: i32 = 2; r < n; r++) {
    const o = (<usize>r) << 3;
    store<f64>(out + o, load<f64>(equity + o) / load<f64>(equity + o - 8) - 1);
  }
}
