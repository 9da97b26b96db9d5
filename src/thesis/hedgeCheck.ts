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
import { pearson } from '../metrics/pearson.js';

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
}

export function hedgeCheck(input: HedgeCheckInput): HedgeFigures {
  const { dates, growth: g, hedge: h } = input;
  const n = dates.length;
  const common: number[] = [];
  for (let t = 1; t < n; t++) if (!Number.isNaN(g[t]!) && !Number.isNaN(h[t]!)) common.push(t);
  const gs = common.map((t) => g[t]!);
  const hs = common.map((t) => h[t]!);
  const tailRows = [...common].sort((a, b) => g[a]! - g[b]! || a - b).slice(0, Math.ceil((input.tail ?? 0.05) * common.length));
  const down = common.filter((t) => g[t]! < 0);
  const meanOf = (x: Float64Array, rows: number[]) => rows.reduce((s, t) => s + x[t]!, 0) / rows.length;
  const downCapture = down.length > 0 ? meanOf(h, down) / meanOf(g, down) : Number.NaN;
  return {
    days: common.length,
    tailDays: tailRows.length,
    correlation: finite(pearson(gs, hs)),
    tailCorrelation: finite(pearson(tailRows.map((t) => g[t]!), tailRows.map((t) => h[t]!))),
    downCapture: finite(downCapture),
    episodes: [...drawdownEpisodesOf(dates, g, h, input.depth ?? 0.1), ...stressEpisodesOf(dates, g, h, input.stressWindows)],
  };
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
    const from = parseIsoDate(w.from);
    const to = parseIsoDate(w.to);
    let s = -1;
    let e = -1;
    for (let t = 1; t < dates.length; t++) {
      if (dates[t]! < from || dates[t]! > to) continue;
      if (s < 0) s = t;
      e = t;
    }
    if (s > 0) out.push(episode('stress', dates, g, h, s - 1, e, s, w.name));
  }
  return out;
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
