/**
 * Historical analogues of a shock: among the H-row windows (t − H, t] up to the as-of row, the k
 * in which the shocked assets' compounded returns R_{s,t} = P_{s,t} / P_{s,t−H} − 1 were closest
 * to the shock, by Euclidean distance √Σ_s (R_{s,t} − shock_s)², no two windows overlapping
 * (greedy, nearest first; a crash is one analogue, not twenty). Only windows in which every
 * `required` asset (the held ones) has prices at both ends qualify, so the portfolio figure is
 * always defined. Each other asset's impact is the mean of its own R over the analogues in which
 * it had prices (null in none); shocked assets get their shock. A scenario-analysis analogue method in the sense of historical stress testing
 * (e.g. Berkowitz 2000, "A Coherent Framework for Stress-Testing", *Journal of Risk* 2(2)). Pure.
 */
import { formatIsoDate } from '../core/dates.js';

export interface Analogue {
  readonly from: string;
  readonly to: string;
  readonly distance: number;
  /** The shocked assets' moves over the window. */
  readonly moves: Record<string, number>;
}

export interface AnalogueInput {
  readonly dates: Int32Array;
  /** Column-major prices (asset a at row t: values[a * nRows + t]; NaN or ≤ 0: no price). */
  readonly values: Float64Array;
  readonly nRows: number;
  readonly tickers: readonly string[];
  /** Columns of `values` for each of `tickers`. */
  readonly columns: readonly number[];
  readonly shocked: readonly number[];
  readonly shocks: readonly number[];
  /** Indexes of `tickers` that must have prices over a window for it to qualify. */
  readonly required?: readonly number[];
  readonly asOfRow: number;
  readonly horizon: number;
  readonly count: number;
}

export function historicalAnalogues(input: AnalogueInput): { impacts: (number | null)[]; analogues: Analogue[] } {
  const { values, nRows, columns, horizon: H } = input;
  const move = (i: number, t: number): number => {
    const c = columns[i]!;
    const then = values[c * nRows + t - H]!;
    const now = values[c * nRows + t]!;
    return then > 0 && now > 0 ? now / then - 1 : Number.NaN;
  };
  const candidates: { t: number; d: number }[] = [];
  for (let t = H; t <= input.asOfRow; t++) {
    let d2 = 0;
    for (let j = 0; j < input.shocked.length && Number.isFinite(d2); j++) d2 += (move(input.shocked[j]!, t) - input.shocks[j]!) ** 2;
    if (!Number.isFinite(d2) || (input.required ?? []).some((i) => Number.isNaN(move(i, t)))) continue;
    candidates.push({ t, d: Math.sqrt(d2) });
  }
  candidates.sort((a, b) => a.d - b.d || a.t - b.t);
  const chosen: { t: number; d: number }[] = [];
  for (const c of candidates) {
    if (chosen.length >= input.count) break;
    if (chosen.every((x) => Math.abs(x.t - c.t) >= H)) chosen.push(c);
  }
  const impacts = input.tickers.map((_, i) => {
    const j = input.shocked.indexOf(i);
    if (j >= 0) return input.shocks[j]!;
    const moves = chosen.map((c) => move(i, c.t)).filter((x) => Number.isFinite(x));
    return moves.length > 0 ? moves.reduce((a, b) => a + b, 0) / moves.length : null;
  });
  const analogues = chosen.map((c) => ({
    from: formatIsoDate(input.dates[c.t - H]!),
    to: formatIsoDate(input.dates[c.t]!),
    distance: c.d,
    moves: Object.fromEntries(input.shocked.map((i) => [input.tickers[i]!, move(i, c.t)])),
  }));
  return { impacts, analogues };
}
