/**
 * The sample covariance (divisor T − 1) of some price columns' simple returns over a window of
 * rows that slides forward from one decision to the next, updated incrementally: the rows that
 * enter are added to, and the rows that leave are removed from, shifted co-moment sums
 *
 *   S_ij = Σ_r (r_i,r − c_i)(r_j,r − c_j),   s_i = Σ_r (r_i,r − c_i)   over the window's T rows,
 *   cov_ij = (S_ij − s_i s_j / T) / (T − 1),
 *
 * with the shift c the window mean at the last anchor (so s stays small and the subtraction
 * loses nothing: the "shifted data" form, Chan, Golub & LeVeque 1983, "Algorithms for computing
 * the sample variance", §2–3). An update of m entering and m leaving rows costs 2m·k(k+1)/2
 * multiply-adds instead of T·k(k+1)/2 for a recomputation.
 *
 * Re-anchoring: each added or removed row rounds every S_ij once (error ≤ ε·|S_ij| plus
 * ε·|y_i y_j|, ε = 2⁻⁵³), so after u updates |ΔS_ij| ≲ u·ε·√(S_ii S_jj) (Cauchy–Schwarz bounds
 * |S_ij| and Σ|y_i y_j| over the window). The sums are therefore recomputed from scratch by the
 * two-pass method (mean, then the cross products of the centered rows, as
 * numeric/covarianceKernel.ts computes them) whenever more than R = 2048 rows have entered since
 * the last anchor: u ≤ 2R = 4096 updates bound the relative error by 4096 · 1.11e-16 ≈ 4.5e-13
 * < 1e-12 in the worst case (random rounding gives ~√u·ε; the tests measure ≤ 1e-14 over
 * 5,000 rows), and an anchor (one two-pass covariance, T·k(k+1)/2 multiply-adds) adds
 * T / 2R ≈ 6% to the cost of the slides over R rows (2R·k(k+1)/2) for T = 252. The shift drifts from the
 * window mean by at most the change of the mean over R rows, which only adds T·Δ² to S_ii
 * before the s s/T correction removes it (no cancellation for daily returns, whose means are
 * small against their volatility).
 * A step that replaces at least half of the window is done as an anchor too (it is cheaper).
 *
 * Missing data: the window must be complete (every return finite for every column); `update`
 * returns false otherwise and forgets its sums, and the caller takes the exact two-pass path
 * with listwise deletion for that window (numeric/covarianceKernel.ts), so the semantics never
 * change. Returns are p_s / p_{s−1} − 1 exactly as core/simpleReturns.ts computes them.
 */
import { addCrossProducts } from './crossProducts.js';
import { ESTIMATOR_BASE, estimatorKernels, estimatorView } from './estimatorKernels.js';
/**
 * Column-major scratch of returns (series c at block[c * rows + r]) and its signed copy, of every
 * instance, used within one call (the class is synchronous and not re-entrant):
 * shared so that a run, which makes its own instances, does not write fresh pages for it.
 */
let scratch = { block: new Float64Array(0), signed: new Float64Array(0) };

export class SlidingCovariance {
  private k = 0;
  private columns = new Int32Array(0);
  /** The complete rows first..last the sums cover (first −1: no sums). */
  private first = -1;
  private last = -1;
  /** The window start asked for at the last update: rows requested..first−1 are all incomplete. */
  private requested = -1;
  private sinceAnchor = 0;
  /** Whether this update's co-moment sums are also at ESTIMATOR_BASE in the kernels' memory. */
  private inKernel = false;
  private shift = new Float64Array(0);
  private sum = new Float64Array(0);
  /** Per column, Σ entering − Σ leaving of the shifted returns of one slide (in row order). */
  private change = new Float64Array(0);
  private cross = new Float64Array(0);
  /** Anchors and slides done by this instance, and slides by all (for tests and measurements). */
  anchors = 0;
  slides = 0;
  static slidesDone = 0;

  constructor(private readonly reanchorRows: number) {}

  /** The re-anchor interval: R = 2048 entering rows, whatever the lookback (see the file comment). */
  static intervalFor(_lookback: number): number {
    return 2048;
  }

  /**
   * Writes into `out` (row-major k×k) the sample covariance of the simple returns of price
   * columns `columns` (column c at prices[columns[c] · nRows + row]) over the complete rows of
   * rows first..last, and returns how many rows that is — when those complete rows are a suffix
   * of the window (every row before them incomplete: row 0, which has no return, or candidates
   * listed late). Otherwise (a gap among later rows), or with fewer than 2 complete rows, it
   * returns −1 and forgets its sums: the caller then takes the two-pass path with listwise
   * deletion.
   */
  update(prices: Float64Array, nRows: number, columns: ArrayLike<number>, first: number, last: number, out: Float64Array): number {
    if (last - first < 1 || first < 0) return this.reset();
    const k = columns.length;
    const same = this.sameColumns(columns);
    if (!same) this.resize(columns);
    const from = Math.max(first, this.first);
    const entering = last - this.last;
    const leaving = from - this.first;
    const canSlide =
      same && this.first >= 0 && first >= this.requested && entering >= 0 && from <= this.last && 2 * Math.max(entering, leaving) < last - from + 1 && this.sinceAnchor + entering <= this.reanchorRows;
    this.inKernel = false;
    if (!(canSlide && this.slide(prices, nRows, from, last)) && !this.anchor(prices, nRows, first, last)) return this.reset();
    this.requested = first;
    const { sum, cross } = this;
    const t = last - this.first + 1;
    if (this.inKernel) {
      // The sums are still in the kernel's memory (from ESTIMATOR_BASE): the covariance there too.
      const kk = k * k;
      const w = estimatorView(2 * kk + k);
      w.set(sum.length === k ? sum : sum.subarray(0, k), 2 * kk);
      estimatorKernels!.covariance(ESTIMATOR_BASE, ESTIMATOR_BASE + 16 * kk, k, t, ESTIMATOR_BASE + 8 * kk);
      out.set(w.subarray(kk, 2 * kk));
      return t;
    }
    const inverse = 1 / (t - 1);
    for (let i = 0; i < k; i++) {
      const si = sum[i]! / t;
      for (let j = i; j < k; j++) {
        const c = (cross[i * k + j]! - si * sum[j]!) * inverse;
        out[i * k + j] = c;
        out[j * k + i] = c;
      }
    }
    return t;
  }

  private reset(): -1 {
    this.first = -1;
    this.last = -1;
    this.requested = -1;
    return -1;
  }

  private sameColumns(columns: ArrayLike<number>): boolean {
    if (columns.length !== this.k) return false;
    for (let c = 0; c < this.k; c++) if (this.columns[c] !== columns[c]) return false;
    return true;
  }

  private resize(columns: ArrayLike<number>): void {
    const k = columns.length;
    if (this.columns.length < k) {
      this.columns = new Int32Array(k);
      this.shift = new Float64Array(k);
      this.sum = new Float64Array(k);
      this.change = new Float64Array(k);
      this.cross = new Float64Array(k * k);
    }
    this.k = k;
    for (let c = 0; c < k; c++) this.columns[c] = columns[c]!;
    this.reset();
  }

  /** The shared scratch with room for `size` entries. */
  private scratch(size: number): void {
    if (scratch.block.length < size) scratch = { block: new Float64Array(size), signed: new Float64Array(size) };
  }

  /**
   * Returns of rows from..to (inclusive, from ≥ 1) of every column c, minus the shift, into
   * block[at + c · colStride + (s − from) · rowStride], each also added to (entering) or
   * subtracted from (leaving) change[c] in row order; false when one is not finite.
   */
  private gatherShifted(prices: Float64Array, nRows: number, from: number, to: number, block: Float64Array, at: number, colStride: number, rowStride: number, entering: boolean): boolean {
    const { k, columns, shift, change } = this;
    for (let c = 0; c < k; c++) {
      const base = columns[c]! * nRows;
      let e = at + c * colStride;
      const sc = shift[c]!;
      let d = change[c]!;
      for (let s = from; s <= to; s++, e += rowStride) {
        const r = prices[base + s]! / prices[base + s - 1]! - 1;
        if (!(r - r === 0)) return false;
        const y = r - sc;
        block[e] = y;
        if (entering) d += y;
        else d -= y;
      }
      change[c] = d;
    }
    return true;
  }

  /**
   * Two-pass recomputation: the returns of rows first..last, the complete suffix found (false
   * when a complete row precedes an incomplete one, or fewer than 2 rows are complete), then the
   * shift = its mean and the sums from the centered rows.
   */
  private anchor(prices: Float64Array, nRows: number, first: number, last: number): boolean {
    const { k, columns, shift, sum, cross } = this;
    const t = last - first + 1;
    this.scratch(k * t);
    const x = scratch.block;
    for (let c = 0; c < k; c++) {
      const base = columns[c]! * nRows;
      const at = c * t - first;
      for (let s = first; s <= last; s++) x[at + s] = s === 0 ? Number.NaN : prices[base + s]! / prices[base + s - 1]! - 1;
    }
    let from = last + 1;
    while (from > first && completeRow(x, k, t, from - 1 - first)) from--;
    if (last - from < 1) return false;
    for (let s = first; s < from - 1; s++) if (completeRow(x, k, t, s - first)) return false;
    const off = from - first;
    const m = last - from + 1;
    for (let c = 0; c < k; c++) {
      const b = c * t + off;
      let s = 0;
      for (let r = 0; r < m; r++) s += x[b + r]!;
      const mean = s / m;
      shift[c] = mean;
      let d = 0;
      for (let r = 0; r < m; r++) {
        const y = x[b + r]! - mean;
        x[b + r] = y;
        d += y;
      }
      sum[c] = d;
    }
    cross.fill(0, 0, k * k);
    const kernels = estimatorKernels;
    if (kernels !== null) {
      // The centered rows stacked row-major in the kernel's memory, all added (the slide's kernel).
      const kk = k * k;
      const w = estimatorView(kk + m * k);
      w.fill(0, 0, kk);
      for (let c = 0; c < k; c++) {
        const b = c * t + off;
        for (let r = 0, e = kk + c; r < m; r++, e += k) w[e] = x[b + r]!;
      }
      kernels.crossProducts(ESTIMATOR_BASE, k, ESTIMATOR_BASE + 8 * kk, m, m);
      cross.set(w.subarray(0, kk));
      this.inKernel = true;
    } else {
      if (off > 0) for (let c = 0; c < k; c++) x.copyWithin(c * m, c * t + off, c * t + off + m);
      addCrossProducts(cross, k, x, x, m);
    }
    this.first = from;
    this.last = last;
    this.sinceAnchor = 0;
    this.anchors++;
    return true;
  }

  /**
   * Adds rows this.last+1..last and removes rows this.first..first−1 in one pass:
   * S += Σ_entering y yᵀ − Σ_leaving y yᵀ as dot products of the stacked rows with the same rows
   * signed (+ entering, − leaving); in the WebAssembly SIMD kernel when it is loaded (rows
   * stacked row-major in its memory, the sums copied in and out), else in addCrossProducts
   * (column-major): the same operations in the same order per entry, so the same bits.
   */
  private slide(prices: Float64Array, nRows: number, first: number, last: number): boolean {
    const { k, sum, cross } = this;
    const entering = last - this.last;
    const leaving = first - this.first;
    const m = entering + leaving;
    if (m === 0) return true;
    const { change } = this;
    change.fill(0, 0, k);
    const kernels = estimatorKernels;
    if (kernels !== null) {
      const kk = k * k;
      const w = estimatorView(kk + m * k);
      if (entering > 0 && !this.gatherShifted(prices, nRows, this.last + 1, last, w, kk, 1, k, true)) return false;
      if (leaving > 0) this.gatherShifted(prices, nRows, this.first, first - 1, w, kk + entering * k, 1, k, false);
      w.set(cross.length === kk ? cross : cross.subarray(0, kk));
      kernels.crossProducts(ESTIMATOR_BASE, k, ESTIMATOR_BASE + 8 * kk, entering, m);
      cross.set(w.subarray(0, kk));
      this.inKernel = true;
    } else {
      this.scratch(k * m);
      const { block: p, signed: q } = scratch;
      if (entering > 0 && !this.gatherShifted(prices, nRows, this.last + 1, last, p, 0, m, 1, true)) return false;
      if (leaving > 0) this.gatherShifted(prices, nRows, this.first, first - 1, p, entering, m, 1, false);
      for (let c = 0; c < k; c++) {
        const b = c * m;
        for (let r = 0; r < entering; r++) q[b + r] = p[b + r]!;
        for (let r = entering; r < m; r++) q[b + r] = -p[b + r]!;
      }
      addCrossProducts(cross, k, q, p, m);
    }
    for (let c = 0; c < k; c++) sum[c] = sum[c]! + change[c]!;
    this.first = first;
    this.last = last;
    this.sinceAnchor += entering;
    this.slides++;
    SlidingCovariance.slidesDone++;
    return true;
  }
}

/** Whether row r of the column-major block (k series × t rows) is finite in every series. */
function completeRow(x: Float64Array, k: number, t: number, r: number): boolean {
  for (let c = 0; c < k; c++) {
    const v = x[c * t + r]!;
    if (!(v - v === 0)) return false;
  }
  return true;
}
