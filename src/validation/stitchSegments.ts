/**
 * The out-of-sample series of a walk-forward test: the test segments laid end to end. Each
 * segment starts with the initial capital at the close of its first date (row 0, no return) and
 * holds one return per later date; segment k + 1 starts on the last date of segment k (see
 * walkForwardFolds), so the stitched series has one return per date after the first, and its
 * growth is the product of the segments' growths: 1 + R = Π_k (1 + R_k).
 */
export interface Segment {
  /** ISO dates of the segment's rows; row 0 is the start (no return). */
  readonly dates: readonly string[];
  /** Returns of rows 1.. (length dates.length − 1). */
  readonly returns: ArrayLike<number>;
}

export interface StitchedSeries {
  /** ISO dates; row 0 is the first segment's start. */
  readonly dates: string[];
  /** Returns of rows 1.. (length dates.length − 1). */
  readonly returns: Float64Array;
  /** The 1-based fold of each return. */
  readonly fold: Int32Array;
  /** Equity from 1 at row 0. */
  readonly equity: Float64Array;
}

export function stitchSegments(segments: readonly Segment[]): StitchedSeries {
  if (segments.length === 0) throw new Error('stitchSegments: no segment');
  const total = segments.reduce((n, s) => n + s.returns.length, 0);
  const dates = [segments[0]!.dates[0]!];
  const returns = new Float64Array(total);
  const fold = new Int32Array(total);
  const equity = new Float64Array(total + 1);
  equity[0] = 1;
  let t = 0;
  segments.forEach((s, k) => {
    if (s.returns.length !== s.dates.length - 1) throw new Error(`stitchSegments: segment ${k + 1} has ${s.dates.length} dates and ${s.returns.length} returns`);
    if (s.dates[0] !== dates[dates.length - 1]) throw new Error(`stitchSegments: segment ${k + 1} starts on ${s.dates[0]}, not on ${dates[dates.length - 1]} where the previous one ends`);
    for (let i = 0; i < s.returns.length; i++) {
      returns[t] = s.returns[i]!;
      fold[t] = k + 1;
      equity[t + 1] = equity[t]! * (1 + s.returns[i]!);
      dates.push(s.dates[i + 1]!);
      t++;
    }
  });
  return { dates, returns, fold, equity };
}
