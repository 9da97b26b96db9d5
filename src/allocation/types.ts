/**
 * The contract every allocator follows, at both levels (assets within a sleeve, sleeves across
 * the portfolio). An allocator sees only data up to and including the decision day t: the
 * window's last row is t, and rows after t are absent (not hidden).
 */
export interface AllocationInput {
  /** Number of candidates (assets of a sleeve, or sleeves). */
  readonly n: number;
  /** Candidate names, for messages and fixed weights. */
  readonly names: readonly string[];
  /**
   * Trailing simple returns, column-major: `returns[i * length + s]` is candidate i on window
   * row s; row `length − 1` is the decision day t. NaN where the candidate had no price.
   */
  readonly returns: Float64Array;
  /** Rows in the window (may be shorter than a lookback early in the data). */
  readonly length: number;
  /** 1 where the candidate has a price at t and may be held; 0 forces weight 0. */
  readonly eligible: Uint8Array;
  /**
   * Optional moments of each candidate's finite returns over the whole window (all `length`
   * rows), from a prepared panel's prefix sums: count of finite returns, Σr and Σr².
   * An allocator may use them instead of reading `returns` (which may then never be built).
   */
  readonly moments?: WindowMoments;
  /**
   * Optional buffer (length n) an allocator may write its weights into and return instead of
   * allocating: the caller owns it and reads the weights before its next decision. An allocator
   * that uses it must overwrite every entry.
   */
  readonly out?: Float64Array;
}

export interface WindowMoments {
  readonly count: Int32Array;
  readonly sum: Float64Array;
  readonly sumSq: Float64Array;
}

/** A fallback taken by an allocator (its optimiser failed), recorded in the report. */
export interface AllocationFallback {
  readonly from: string;
  readonly to: string;
  readonly reason: string;
}

/**
 * Weights over the candidates: finite, ≥ 0, Σ ≤ 1 (the remainder is cash at that level).
 */
export interface AllocationResult {
  readonly weights: Float64Array;
  readonly fallbacks: readonly AllocationFallback[];
  /**
   * Set by an allocator that could not produce its own weights (singular covariance, too little
   * data, non-convergence, infeasible caps); its weights are then all 0. The registry's
   * `allocate` never returns a failure: it walks the spec's fallback chain instead.
   */
  readonly failure?: string;
  /** Notes for the report (e.g. caps that forced weight into cash). */
  readonly warnings?: readonly string[];
}
