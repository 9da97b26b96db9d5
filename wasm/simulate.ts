// The simulation loop (execution/simulateWasm.ts); see kernels.ts.
import { denseRows, denseValue } from './denseRows';
import { gatheredRows, gatheredValue, stretchValues } from './stretchValues';
import { stretchEnd, unitsEnd } from './rowEvents';
import { consecutiveFrom, heldList, newUnits, pricedHoldings, tradedOut, tradedSum } from './tradeSteps';

/**
 * The simulation kernel's loop (execution/simulateKernel.ts) for a run without drift bands, cash
 * returns or recorded weights, with every decision's targets given in advance (D × m f64 at
 * `targets`, in row order: the decisions of the calendar rows t with t + lag < n). The same IEEE
 * operations in the same order as the TypeScript loop and its steps (value, execute, tradeCost,
 * turnoverAt), so the same bits (tested).
 * The units change only at a trade, so every row from t up to the next trade (rowEvents.ts's
 * unitsEnd: a pending trade, or the first decision's lag rows later) is valued in one call with
 * the units held, the event rows among them included (their value is read back before they
 * decide or trade), and the rows between events are passed over at once (stretchEnd). A trade's
 * steps run two assets per f64x2 with each sum still added asset by asset (tradeSteps.ts). On
 * the bench's 50 × 5,040 monthly run (medians of 200 cold runs, each after a numpy run, on a
 * shared machine): 151 → 121 µs on a prepared panel (row-major prices), 170 → 129 µs from
 * prices (column-major); warm 136 → 86 and 149 → 109 µs.
 * F: filled prices, row-major (period row t at entry (fOffset + t) · fStride + cols[a]).
 * Scratch `s` (simScratchBytes): units, held entries and units, the row's prices, the pending
 * decisions ((lag + 1) slots of m f64, of which each slot's first i32 holds its decision's index
 * in targets) and their slots' flags, decision rows and rules. The targets are consumed: a
 * trade sets those of assets without a price to 0 in place (the loop's copy of them).
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
  // The assets' entries' first when they are consecutive (prices read in place at a trade).
  const colsFrom = consecutiveFrom(cols, m);
  let held: i32 = 0;
  // The held entries' first entry in a row when they are consecutive (−1: gather them).
  let heldFrom: i32 = -1;
  let cash: f64 = 1;
  let count: i32 = 0;
  let skips: i32 = 0;
  let d: i32 = 0;
  let slot: i32 = 0;
  // Rows up to `valued` have their value before any trade in equity (the units held then).
  let valued: i32 = -1;
  for (let t: i32 = 0; t < n; t++) {
    // The values of the rows up to the next trade, all with the units held now, in one call
    // (denseRows or gatheredRows row-major, stretchValues column-major): the same sums in the
    // same order as row by row, so the same bits.
    if (held > 0 && t > valued) {
      valued = unitsEnd(calendar, t, n, lag, flag, slot, slots);
      const out = equity + ((<usize>t) << 3);
      const cashAt = cashOut + ((<usize>t) << 3);
      const L = valued + 1 - t;
      if (fStride == 1) stretchValues(F + ((<usize>(fOffset + t)) << 3), heldCol, heldUnits, held, cash, L, out, cashAt);
      else {
        if (heldFrom >= 0) denseRows(F, fOffset * fStride + heldFrom, fStride, heldUnits, held, cash, out, t, valued + 1);
        else gatheredRows(F, fOffset * fStride, fStride, heldCol, heldUnits, held, cash, out, t, valued + 1);
        for (let r: i32 = 0; r < L; r++) store<f64>(cashAt + ((<usize>r) << 3), cash);
      }
    }
    // Rows without a decision or a due trade, up to the next event row: already done.
    if (t <= valued && load<u8>(calendar + <usize>t) != 1 && !(lag > 0 && load<i32>(flag + ((<usize>slot) << 2)) == 1)) {
      const e = stretchEnd(calendar, t, n, flag, slot, slots);
      slot = (slot + (e - t)) % slots;
      t = e - 1;
      continue;
    }
    // Value: cash + Σ_j u_j p̃_j in four partial sums (holdingsValue.ts), valued above, else (no
    // holdings) over a contiguous stretch of the row (denseValue, two f64x2) or gathered.
    const rowAt = F + ((<usize>((fOffset + t) * fStride)) << 3);
    let value = t <= valued ? load<f64>(equity + ((<usize>t) << 3)) : heldFrom >= 0 ? denseValue(rowAt + ((<usize>heldFrom) << 3), heldUnits, held, cash) : gatheredValue(rowAt, heldCol, heldUnits, held, cash);
    let due = -1;
    if (lag > 0 && load<i32>(flag + ((<usize>slot) << 2)) == 1) due = slot;
    let ruleNow = -1;
    if (load<u8>(calendar + <usize>t) == 1) ruleNow = t == 0 ? 0 : 1;
    for (let pass: i32 = 0; pass < 2; pass++) {
      if (pass == 1) {
        // The decision of this close (after a due trade; traded at once when lag is 0).
        if (ruleNow < 0 || t + lag >= n) break;
        const target = (t + lag) % slots;
        store<i32>(pending + ((<usize>target) << 2), d);
        d++;
        store<i32>(flag + ((<usize>target) << 2), 1);
        store<i32>(decision + ((<usize>target) << 2), t);
        store<i32>(rule + ((<usize>target) << 2), ruleNow);
        if (lag != 0) break;
        due = target;
      }
      if (due < 0) continue;
      // execute(t, due, value): the row's prices, unpriced targets to cash, the holdings' values
      // before (in heldUnits, rebuilt at the end), then turnoverAt, tradeCost and the new units.
      const base = targets + (<usize>load<i32>(pending + ((<usize>due) << 2))) * mb;
      store<i32>(flag + ((<usize>due) << 2), 0);
      const prices = pricedHoldings(rowAt, cols, colsFrom, base, px, units, heldUnits, m);
      if (minTurnover > 0 && count > 0 && tradedSum(base, heldUnits, value, m) / (2 * value) < minTurnover) {
        skips++;
        // No trade: the held list as it was (its units were overwritten by the holdings' values).
        heldList(units, cols, m, heldCol, heldUnits);
        continue;
      }
      let cost: f64 = 0;
      let traded: f64 = 0;
      // With costs, tradeCost's fixed point; without, the cost is 0 and the turnover the sum at
      // post-trade equity value − 0, taken in the pass of the new units.
      if (costRate != 0) {
        for (let iter: i32 = 0; iter < 50; iter++) {
          const sum = tradedSum(base, heldUnits, value - cost, m);
          traded = sum;
          const next = costRate * sum;
          const done = abs<f64>(next - cost) <= 1e-16 * value;
          cost = next;
          if (done) break;
        }
      }
      const post = value - cost;
      const invested = newUnits(base, prices, heldUnits, units, post, m, costRate == 0);
      if (costRate == 0) traded = tradedOut;
      held = heldList(units, cols, m, heldCol, heldUnits);
      // With the columns consecutive, the held entries (ascending) are iff they span h entries.
      if (colsFrom >= 0) heldFrom = held > 0 && load<i32>(heldCol + ((<usize>(held - 1)) << 2)) - load<i32>(heldCol) == held - 1 ? load<i32>(heldCol) : -1;
      else heldFrom = consecutiveFrom(heldCol, held);
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
