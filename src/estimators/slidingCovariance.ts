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
 * two-pass method (mean, then Σ (r − mean)(r − mean), the same dot products as
 * numeric/covarianceKernel.ts) whenever more than R = min(4·lookback, 2048) rows have entered
 * since the last anchor: u ≤ 2R ≤ 4096 updates bound the relative error by 4096 · 1.11e-16 ≈
 * 4.5e-13 < 1e-12 in the worst case (random rounding gives ~√u·ε, about 1e-14, which is what the
 * tests measure), and the anchor's cost (one two-pass covariance) is spread over R rows.
 * A step that replaces at least half of the window is done as an anchor too (it is cheaper).
 *
 * Missing data: the window must be complete (every return finite for every column); `update`
 * returns false otherwise and forgets its sums, and the caller takes the exact two-pass path
 * with listwise deletion for that window (numeric/covarianceKernel.ts), so the semantics never
 * change. Returns are p_s / p_{s−1} − 1 exactly as core/simpleReturns.ts computes them.
 */
import { dotProduct } from '../numeric/dotProduct.js';

export class SlidingCovariance {
  private k = 0;
  private columns = new Int32Array(0);
  private first = -1;
  private last = -1;
  private sinceAnchor = 0;
  private shift = new Float64Array(0);
  private sum = new Float64Array(0);
  private cross = new Float64Array(0);
  /** Column-major scratch of returns (series c at block[c * rows + r]). */
  private block = new Float64Array(0);
  private signed = new Float64Array(0);
  /** Anchors and slides done (for tests and measurements). */
  anchors = 0;
  slides = 0;

  constructor(private readonly reanchorRows: number) {}

  /** The re-anchor interval for a lookback: R = min(4 · lookback, 2048) rows (see the file comment). */
  static intervalFor(lookback: number): number {
    return Math.max(1, Math.min(4 * lookback, 2048));
  }

  /**
   * Writes into `out` (row-major k×k) the covariance of the simple returns of price columns
   * `columns` (column c at prices[columns[c] · nRows + row]) over rows first..last, and returns
   * true; returns false (and resets) when a return in the window is not finite or the window has
   * fewer than 2 rows.
   */
  update(prices: Float64Array, nRows: number, columns: ArrayLike<number>, first: number, last: number, out: Float64Array): boolean {
    const t = last - first + 1;
    if (first < 1 || t < 2) return this.reset();
    const k = columns.length;
    const entering = last - this.last;
    const same = this.sameColumns(columns);
    const canSlide = same && this.first >= 0 && first >= this.first && entering >= 0 && first <= this.last && 2 * Math.max(entering, first - this.first) < t && this.sinceAnchor + entering <= this.reanchorRows;
    if (!same) this.resize(columns);
    const ok = canSlide ? this.slide(prices, nRows, first, last) : this.anchor(prices, nRows, first, last);
    if (!ok) return this.reset();
    const { sum, cross } = this;
    const divisor = t - 1;
    for (let i = 0; i < k; i++) {
      const si = sum[i]! / t;
      for (let j = i; j < k; j++) {
        const c = (cross[i * k + j]! - si * sum[j]!) / divisor;
        out[i * k + j] = c;
        out[j * k + i] = c;
      }
    }
    return true;
  }

  private reset(): false {
    this.first = -1;
    this.last = -1;
    return false;
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
      this.cross = new Float64Array(k * k);
    }
    this.k = k;
    for (let c = 0; c < k; c++) this.columns[c] = columns[c]!;
    this.first = -1;
    this.last = -1;
  }

  private scratch(size: number): void {
    if (this.block.length < size) {
      this.block = new Float64Array(size);
      this.signed = new Float64Array(size);
    }
  }

  /**
   * Returns of rows from..to (inclusive) of every column into block[c * rows + offset + r],
   * minus `shift` when given; false when one is not finite.
   */
  private gather(prices: Float64Array, nRows: number, from: number, to: number, rows: number, offset: number, shifted: boolean): boolean {
    const { k, columns, block, shift } = this;
    for (let c = 0; c < k; c++) {
      const base = columns[c]! * nRows;
      const at = c * rows + offset - from;
      const sc = shifted ? shift[c]! : 0;
      for (let s = from; s <= to; s++) {
        const r = prices[base + s]! / prices[base + s - 1]! - 1;
        if (!(r - r === 0)) return false;
        block[at + s] = r - sc;
      }
    }
    return true;
  }

  /** Two-pass recomputation over the whole window: shift = mean, sums from the centered block. */
  private anchor(prices: Float64Array, nRows: number, first: number, last: number): boolean {
    const { k, shift, sum, cross } = this;
    const t = last - first + 1;
    this.scratch(k * t);
    if (!this.gather(prices, nRows, first, last, t, 0, false)) return false;
    const x = this.block;
    for (let c = 0; c < k; c++) {
      const b = c * t;
      let s = 0;
      for (let r = 0; r < t; r++) s += x[b + r]!;
      const mean = s / t;
      shift[c] = mean;
      let d = 0;
      for (let r = 0; r < t; r++) {
        const y = x[b + r]! - mean;
        x[b + r] = y;
        d += y;
      }
      sum[c] = d;
    }
    for (let i = 0; i < k; i++) {
      for (let j = i; j < k; j++) cross[i * k + j] = dotProduct(x, i * t, j * t, t);
    }
    this.first = first;
    this.last = last;
    this.sinceAnchor = 0;
    this.anchors++;
    return true;
  }

  /**
   * Adds rows this.last+1..last and removes rows this.first..first−1 in one pass:
   * S += Σ_entering y yᵀ − Σ_leaving y yᵀ as dot products of the stacked rows with the same rows
   * signed (+ entering, − leaving).
   */
  private slide(prices: Float64Array, nRows: number, first: number, last: number): boolean {
    const { k, sum, cross } = this;
    const entering = last - this.last;
    const leaving = first - this.first;
    const m = entering + leaving;
    if (m === 0) return true;
    this.scratch(k * m);
    if (entering > 0 && !this.gather(prices, nRows, this.last + 1, last, m, 0, true)) return false;
    if (leaving > 0) this.gather(prices, nRows, this.first, first - 1, m, entering, true);
    const { block: p, signed: q } = this;
    for (let c = 0; c < k; c++) {
      const b = c * m;
      let d = 0;
      for (let r = 0; r < entering; r++) {
        const y = p[b + r]!;
        q[b + r] = y;
        d += y;
      }
      for (let r = entering; r < m; r++) {
        const y = p[b + r]!;
        q[b + r] = -y;
        d -= y;
      }
      sum[c] = sum[c]! + d;
    }
    for (let i = 0; i < k; i++) {
      const a = i * m;
      for (let j = i; j < k; j++) cross[i * k + j] = cross[i * k + j]! + crossDot(q, p, a, j * m, m);
    }
    this.first = first;
    this.last = last;
    this.sinceAnchor += entering;
    this.slides++;
    return true;
  }
}

/** Σ_{r<n} u[a + r] · v[b + r], four accumulators. */
function crossDot(u: Float64Array, v: Float64Array, a: number, b: number, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const n4 = n - (n % 4);
  let r = 0;
  for (; r < n4; r += 4) {
    s0 += u[a + r]! * v[b + r]!;
    s1 += u[a + r + 1]! * v[b + r + 1]!;
    s2 += u[a + r + 2]! * v[b + r + 2]!;
    s3 += u[a + r + 3]! * v[b + r + 3]!;
  }
  for (; r < n; r++) s0 += u[a + r]! * v[b + r]!;
  return s0 + s1 + (s2 + s3);
}
