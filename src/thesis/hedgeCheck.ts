/**
 * Does a hedge sleeve hedge the growth sleeves? From two daily return series on the same rows
 * (g: the growth sleeves together, h: the hedge sleeve; NaN on a day the group holds nothing):
 *
 * - correlation: Pearson's ρ(g, h) over the days both are defined (C);
 * - tailCorrelation: ρ(g, h) over the k = ⌈0.05·|C|⌉ days of C with the lowest g (ties: earlier
 *   day first), the growth sleeves' worst 5% of days; null with fewer than 3 such days;
 * - downCapture: mean(h) / mean(g) over the days of C with g < 0 (Bacon 2008, "down capture
 *   ratio", arithmetic form): 1 means the hedge fell as much as growth on its down days, 0 not
 *   at all, below 0 it rose;
 * - episodes: every drawdown of the growth index deeper than `depth` (10%), from its peak close
 *   to its trough close, and every stress window the run covers; for each the compounded growth
 *   and hedge returns over the same rows (a day a group holds nothing counts as 0) and a
 *   verdict: `held` when the hedge return is ≥ 0, else `failed` (null for a stress window in
 *   which growth did not fall: nothing to hedge).
 * Pure; NaN figures are returned as null.
 */
import { formatIsoDate, parseIsoDate } from '../core/dates.js';

export interface HedgeEpisode {
  readonly kind: 'drawdown' | 'stress';
  /** The stress window's name (stress episodes only). */
  readonly name?: string;
  /** Drawdown: the peak close the returns are measured from; stress: the window's first row (returns from the close before it). */
  readonly from: string;
  /** Drawdown: the trough close; stress: the window's last row. */
  readonly to: string;
  readonly growthReturn: number;
  readonly hedgeReturn: number;
  readonly verdict: 'held' | 'failed' | null;
}

export interface HedgeFigures {
  readonly days: number;
  readonly tailDays: number;
  readonly correlation: number | null;
  readonly tailCorrelation: number | null;
  readonly downCapture: number | null;
  readonly episodes: HedgeEpisode[];
}

export interface HedgeCheckInput {
  /** Dates of the period rows (row 0 is the start close, no return). */
  readonly dates: Int32Array;
  readonly growth: Float64Array;
  readonly hedge: Float64Array;
  readonly stressWindows: readonly { readonly name: string; readonly from: string; readonly to: string }[];
  /** Drawdowns of the growth index deeper than this become episodes (default 0.10). */
  readonly depth?: number;
  readonly tail?: number;
  /** growthOrder(growth), when the caller checks several hedges against one growth series. */
  readonly growthOrder?: Int32Array;
}

export function hedgeCheck(input: HedgeCheckInput): HedgeFigures {
  const { dates, growth: g, hedge: h } = input;
  const n = dates.length;
  const order = input.growthOrder ?? growthOrder(g);
  // Common days C (ascending), counted and summed in one pass; no per-day temporaries.
  const common = new Int32Array(n);
  let days = 0;
  let downDays = 0;
  let downG = 0;
  let downH = 0;
  for (let t = 1; t < n; t++) {
    const gt = g[t]!;
    const ht = h[t]!;
    if (Number.isNaN(gt) || Number.isNaN(ht)) continue;
    common[days++] = t;
    if (gt < 0) {
      downDays++;
      downG += gt;
      downH += ht;
    }
  }
  // The worst k days of growth among C: the first k rows of the shared order that are in C.
  const k = Math.ceil((input.tail ?? 0.05) * days);
  const tailRows = new Int32Array(k);
  let tailDays = 0;
  for (let i = 0; i < order.length && tailDays < k; i++) {
    const t = order[i]!;
    if (!Number.isNaN(h[t]!)) tailRows[tailDays++] = t;
  }
  const downCapture = downDays > 0 ? downH / downDays / (downG / downDays) : Number.NaN;
  return {
    days,
    tailDays,
    correlation: finite(pearsonAt(g, h, common, days)),
    tailCorrelation: finite(pearsonAt(g, h, tailRows, tailDays)),
    downCapture: finite(downCapture),
    episodes: [...drawdownEpisodesOf(dates, g, h, input.depth ?? 0.1), ...stressEpisodesOf(dates, g, h, input.stressWindows)],
  };
}

/**
 * The rows t ≥ 1 on which growth is defined, by growth ascending (ties: earlier row first).
 * The same for every hedge checked against one growth series, so callers sort it once.
 */
export function growthOrder(g: Float64Array): Int32Array {
  let m = 0;
  for (let t = 1; t < g.length; t++) if (!Number.isNaN(g[t]!)) m++;
  const sorted = new Float64Array(m);
  m = 0;
  for (let t = 1; t < g.length; t++) if (!Number.isNaN(g[t]!)) sorted[m++] = g[t]!;
  // A numeric sort of the values (no comparator calls), then each row, in ascending row order,
  // takes the next free slot of its value's run: equal values (−0 and 0 too) keep row order.
  sorted.sort();
  const rows = new Int32Array(m);
  const taken = new Int32Array(m);
  for (let t = 1; t < g.length; t++) {
    const v = g[t]!;
    if (Number.isNaN(v)) continue;
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    rows[lo + taken[lo]!++] = t;
  }
  return rows;
}

/** pearson (src/metrics/pearson.ts) of x and y on rows[0..m), the same sums in the same order. */
function pearsonAt(x: Float64Array, y: Float64Array, rows: Int32Array, m: number): number {
  if (m < 3) return Number.NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < m; i++) {
    mx += x[rows[i]!]!;
    my += y[rows[i]!]!;
  }
  mx /= m;
  my /= m;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < m; i++) {
    const dx = x[rows[i]!]! - mx;
    const dy = y[rows[i]!]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return Number.NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Compounded return over rows a+1..b, a NaN day counting as 0. */
function compound(x: Float64Array, a: number, b: number): number {
  let v = 1;
  for (let t = a + 1; t <= b; t++) if (!Number.isNaN(x[t]!)) v *= 1 + x[t]!;
  return v - 1;
}

function episode(kind: HedgeEpisode['kind'], dates: Int32Array, g: Float64Array, h: Float64Array, a: number, b: number, fromRow: number, name?: string): HedgeEpisode {
  const growthReturn = compound(g, a, b);
  const hedgeReturn = compound(h, a, b);
  const verdict = kind === 'stress' && growthReturn >= 0 ? null : hedgeReturn >= 0 ? 'held' : 'failed';
  return { kind, ...(name !== undefined ? { name } : {}), from: formatIsoDate(dates[fromRow]!), to: formatIsoDate(dates[b]!), growthReturn, hedgeReturn, verdict };
}

/** Peak → trough of every drawdown of ∏(1 + g) deeper than `depth` (row 0 is the first peak). */
function drawdownEpisodesOf(dates: Int32Array, g: Float64Array, h: Float64Array, depth: number): HedgeEpisode[] {
  const out: HedgeEpisode[] = [];
  let v = 1;
  let peak = 0;
  let peakValue = 1;
  let trough = 0;
  let troughValue = 1;
  const close = () => {
    if (trough > peak && 1 - troughValue / peakValue > depth) out.push(episode('drawdown', dates, g, h, peak, trough, peak));
  };
  for (let t = 1; t < dates.length; t++) {
    if (!Number.isNaN(g[t]!)) v *= 1 + g[t]!;
    if (v >= peakValue) {
      close();
      peak = t;
      peakValue = v;
      trough = t;
      troughValue = v;
    } else if (v < troughValue) {
      trough = t;
      troughValue = v;
    }
  }
  close();
  return out;
}

function stressEpisodesOf(dates: Int32Array, g: Float64Array, h: Float64Array, windows: HedgeCheckInput['stressWindows']): HedgeEpisode[] {
  const out: HedgeEpisode[] = [];
  for (const w of windows) {
    // Dates ascend: the window's rows are firstAtOrAfter(from) .. firstAfter(to) − 1 (row 0 excluded).
    const s = Math.max(1, firstAfter(dates, parseIsoDate(w.from) - 1));
    const e = firstAfter(dates, parseIsoDate(w.to)) - 1;
    if (e >= s) out.push(episode('stress', dates, g, h, s - 1, e, s, w.name));
  }
  return out;
}

/** The first row whose date is after `day` (dates.length when none). */
function firstAfter(dates: Int32Array, day: number): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
