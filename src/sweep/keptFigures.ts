/**
 * The sweep's kept figures (variantMetrics.ts: SWEEP_METRICS then SWEEP_STATS) of one variant's
 * daily returns in two passes over them, instead of one computeMetrics call per variant with its
 * copies (r − rf, r − MAR) and a pass per metric. Each figure is the same arithmetic, in the same
 * order, as the general code computes it, so the values are the same bit for bit:
 *  - totalReturn = ∏(1 + r) − 1; cagr = (1 + totalReturn)^(P/n) − 1, −1 when wiped out
 *    (returnMetrics.ts; PerformanceAnalytics Return.annualized);
 *  - annualizedVolatility = sd(r, n−1)·√P; sharpe (standard) = mean(x)/sd(x)·√P with x = r − rf,
 *    (performanceanalytics) cagr(x)/(sd(x)·√P) (ratioMetrics.ts; empyrical sharpe_ratio,
 *    SharpeRatio.annualized);
 *  - sortino against MAR with the downside deviation over all n periods (PerformanceAnalytics
 *    DownsideDeviation method "full"; empyrical sortino_ratio);
 *  - maxDrawdown from V_0 = 1, calmar = cagr / maxDrawdown (underwater.ts; CalmarRatio);
 *  - skewness m3/m2^1.5 and excess kurtosis m4/m2² − 3 (population moments, moments.ts);
 *  - periodSharpe = mean(x)/sd(x, n−1), turnoverPerYear = Σ turnover / (n/P) (variantMetrics.ts).
 * Returns null (the caller then takes the general path) when a return is not finite or overflows
 * second moments (|r| > 1e150): computeMetrics' warnings and errors belong to those cases.
 */
import type { ConventionName } from '../metrics/convention.js';

export interface FigureContext {
  readonly periodsPerYear: number;
  readonly convention: ConventionName;
  /** Per-period risk-free rate and MAR (perPeriodRate of the annual rates). */
  readonly rf: number;
  readonly mar: number;
}

/** SWEEP_METRICS then SWEEP_STATS of returns r (row 1 on), null where undefined; null overall when the general path must decide. */
export function keptFigures(r: Float64Array, ctx: FigureContext, turnoverSum: number): (number | null)[] | null {
  const n = r.length;
  const P = ctx.periodsPerYear;
  const { rf, mar } = ctx;
  const pa = ctx.convention === 'performanceanalytics';
  // Pass 1: sums, compounding, drawdown, constancy, the downside sum.
  let sumR = 0;
  let sumX = 0;
  let sumD = 0;
  let downSq = 0;
  let v = 1;
  let peak = 1;
  let worstDd = 0;
  let vx = 1;
  let largest = 0;
  const r0 = r[0]!;
  const x0 = r0 - rf;
  let constR = true;
  let constX = true;
  for (let i = 0; i < n; i++) {
    const ri = r[i]!;
    if (!Number.isFinite(ri)) return null;
    const a = Math.abs(ri);
    if (a > largest) largest = a;
    sumR += ri;
    const xi = ri - rf;
    sumX += xi;
    vx *= 1 + xi;
    const d = ri - mar;
    sumD += d;
    if (d < 0) downSq += d * d;
    v *= 1 + ri;
    if (v > peak) peak = v;
    const u = 1 - v / peak;
    if (u > worstDd) worstDd = u;
    if (ri !== r0) constR = false;
    if (xi !== x0) constX = false;
  }
  if (largest > 1e150) return null;
  const meanR = sumR / n;
  const meanX = sumX / n;
  // Pass 2: centred sums of r (volatility, skewness, kurtosis) and of x (Sharpe).
  let ss = 0;
  let m3 = 0;
  let m4 = 0;
  let ssX = 0;
  for (let i = 0; i < n; i++) {
    const d = r[i]! - meanR;
    const d2 = d * d;
    ss += d2;
    m3 += d * d * d;
    m4 += d2 * d2;
    const dx = r[i]! - rf - meanX;
    ssX += dx * dx;
  }
  const sdR = n < 2 ? Number.NaN : constR ? 0 : Math.sqrt(ss / (n - 1));
  const sdX = n < 2 ? Number.NaN : constX ? 0 : Math.sqrt(ssX / (n - 1));
  const rootP = Math.sqrt(P);
  const totalReturn = n === 0 ? Number.NaN : v - 1;
  const cagr = cagrOf(v - 1, n, P);
  const vol = sdR * rootP;
  let sharpe = Number.NaN;
  if (n >= 2 && !constX) sharpe = pa ? cagrOf(vx - 1, n, P) / (sdX * rootP) : (meanX / sdX) * rootP;
  const excessMar = sumD / n;
  const ddPeriod = n === 0 ? Number.NaN : Math.sqrt(downSq / n);
  const sortino = pa ? (ddPeriod > 0 ? excessMar / ddPeriod : Number.NaN) : ddPeriod * rootP > 0 ? (excessMar * P) / (ddPeriod * rootP) : Number.NaN;
  const maxDrawdown = n === 0 ? Number.NaN : worstDd;
  const calmar = worstDd > 0 ? cagr / worstDd : Number.NaN;
  const c2 = ss / n;
  const skewness = n === 0 || constR ? Number.NaN : m3 / n / c2 ** 1.5;
  const kurtosis = n === 0 || constR ? Number.NaN : m4 / n / c2 ** 2 - 3;
  const years = n / P;
  const values = [cagr, vol, sharpe, sortino, maxDrawdown, calmar, totalReturn, years > 0 ? turnoverSum / years : Number.NaN, n, skewness, kurtosis, meanX / sdX];
  return values.map((x) => (Number.isFinite(x) ? x : null));
}

/** (1 + totalReturn)^(P/n) − 1, −1 when the capital is wiped out (returnMetrics.cagr). */
function cagrOf(totalReturn: number, n: number, P: number): number {
  if (n === 0) return Number.NaN;
  const growth = 1 + totalReturn;
  if (growth <= 0) return -1;
  return Math.pow(growth, P / n) - 1;
}
