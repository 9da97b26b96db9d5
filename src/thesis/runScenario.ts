/**
 * `sleeves scenario`: the holdings at the close of the as-of date and a shock to some assets,
 * propagated to every asset of the strategy two ways (src/thesis/conditionalShock.ts,
 * src/thesis/historicalAnalogues.ts), then summed by sleeve and for the portfolio:
 *   sleeve contribution = Σ_{i∈S} f_i w_i x_i, sleeve return = that / Σ_{i∈S} f_i w_i,
 *   portfolio = Σ_i w_i x_i (cash earns 0),
 * with w the end-of-day weights at the as-of row and x the asset's move. Everything comes from
 * the run the boundary prepared (its panel: the strategy's assets and benchmark, their whole price
 * history). Pure.
 */
import { formatIsoDate, parseUserDate } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import type { BacktestResult } from '../engine/runBacktest.js';
import type { PreparedRun } from '../run/prepareRun.js';
import { conditionalShock, sampleCovariance } from './conditionalShock.js';
import { historicalAnalogues, type Analogue } from './historicalAnalogues.js';

export interface ScenarioOptions {
  readonly shock: Readonly<Record<string, number>>;
  readonly name: string | null;
  readonly asOf?: string | undefined;
  readonly window: number;
  readonly horizon: number;
  readonly analogues: number;
}

export interface MethodResult {
  readonly assets: Record<string, number | null>;
  /** Each sleeve's contribution to the portfolio's move (they add up to `portfolio`). */
  readonly sleeves: Record<string, number | null>;
  /** Each sleeve's own move (its contribution over its weight; null for a sleeve with no weight). */
  readonly sleeveReturns: Record<string, number | null>;
  readonly portfolio: number | null;
}

export interface ScenarioReport {
  readonly strategy: string;
  readonly scenario: string | null;
  readonly asOf: string;
  readonly shock: Readonly<Record<string, number>>;
  readonly weights: Record<string, number>;
  /** Σ f_i w_i per sleeve at the as-of close. */
  readonly sleeveWeights: Record<string, number>;
  readonly cash: number;
  readonly methods: {
    readonly conditional: MethodResult & { readonly window: number; readonly observations: number };
    readonly historical: MethodResult & { readonly horizon: number; readonly analogues: readonly Analogue[] };
  };
  readonly warnings: readonly string[];
}

export function runScenario(run: PreparedRun, result: BacktestResult, options: ScenarioOptions): ScenarioReport {
  const panel = run.inputs.panel;
  const N = panel.dates.length;
  const tickers = result.layout.assets;
  const columns = tickers.map((t) => panel.assets.indexOf(t));
  const shockedTickers = Object.keys(options.shock);
  const unknown = shockedTickers.filter((t) => !tickers.includes(t));
  if (unknown.length > 0) throw new UserError(`--shock: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not an asset of ${result.spec.name} (${tickers.join(', ')})`);
  const shocked = shockedTickers.map((t) => tickers.indexOf(t));
  const shocks = shockedTickers.map((t) => options.shock[t]!);
  // The as-of row: the last period row on or before the date (default: the period's last row).
  const n = result.dates.length;
  let row = n - 1;
  if (options.asOf !== undefined) {
    const day = parseUserDate(options.asOf, '--as-of');
    if (day < result.dates[0]!) throw new UserError(`--as-of ${options.asOf} is before the run's period (${formatIsoDate(result.dates[0]!)} → ${formatIsoDate(result.dates[n - 1]!)}): no holdings yet`);
    while (row > 0 && result.dates[row]! > day) row--;
  }
  const asOfRow = result.prices.offset + row;
  const w = tickers.map((_, a) => result.ledger.weights[a * n + row]!);
  const warnings: string[] = [];

  // Conditional: the last `window` daily returns up to the as-of close.
  const first = Math.max(1, asOfRow - options.window + 1);
  const T = asOfRow - first + 1;
  const m = tickers.length;
  const r = new Float64Array(T * m);
  for (let t = 0; t < T; t++) {
    for (let a = 0; a < m; a++) {
      const c = columns[a]!;
      const p0 = panel.values[c * N + first + t - 1]!;
      const p1 = panel.values[c * N + first + t]!;
      r[t * m + a] = p0 > 0 && p1 > 0 ? p1 / p0 - 1 : Number.NaN;
    }
  }
  const { cov, observations } = sampleCovariance(r, T, m);
  if (observations < options.window) warnings.push(`conditional: ${observations} of the ${options.window} days before ${formatIsoDate(panel.dates[asOfRow]!)} have a return for every asset; the covariance uses those`);
  const x = observations >= m + 1 ? conditionalShock(cov, m, shocked, shocks) : null;
  if (x === null) warnings.push(`conditional: the shocked assets' covariance over ${observations} days is singular (or too few days); no conditional figures`);
  const conditional = { ...summarise(result, w, x ? Array.from(x) : tickers.map(() => null)), window: options.window, observations };

  const required = tickers.map((_, a) => a).filter((a) => w[a] !== 0);
  const hist = historicalAnalogues({ dates: panel.dates, values: panel.values, nRows: N, tickers, columns, shocked, shocks, required, asOfRow, horizon: options.horizon, count: options.analogues });
  if (hist.analogues.length < options.analogues) warnings.push(`historical: ${hist.analogues.length} non-overlapping ${options.horizon}-day windows found (asked for ${options.analogues})`);
  const historical = { ...summarise(result, w, hist.impacts), horizon: options.horizon, analogues: hist.analogues };

  const weights = Object.fromEntries(tickers.map((t, a) => [t, w[a]!]));
  return {
    strategy: result.spec.name,
    scenario: options.name,
    asOf: formatIsoDate(panel.dates[asOfRow]!),
    shock: options.shock,
    weights,
    sleeveWeights: Object.fromEntries(result.layout.sleeves.map((s) => [s.name, s.members.reduce((sum, m) => sum + m.fraction * w[m.asset]!, 0)])),
    cash: 1 - w.reduce((s, v) => s + v, 0),
    methods: { conditional, historical },
    warnings,
  };
}

function summarise(result: BacktestResult, w: readonly number[], x: readonly (number | null)[]): MethodResult {
  const tickers = result.layout.assets;
  const assets = Object.fromEntries(tickers.map((t, a) => [t, x[a] ?? null]));
  const sleeves: Record<string, number | null> = {};
  const sleeveReturns: Record<string, number | null> = {};
  let portfolio: number | null = 0;
  for (const s of result.layout.sleeves) {
    let held = 0;
    let c: number | null = 0;
    for (const { asset, fraction } of s.members) {
      const wi = fraction * w[asset]!;
      held += wi;
      if (wi === 0) continue;
      const xi = x[asset];
      c = xi === null || xi === undefined || c === null ? null : c + wi * xi;
    }
    sleeves[s.name] = c;
    sleeveReturns[s.name] = c === null || held <= 0 ? null : c / held;
    portfolio = portfolio === null || c === null ? null : portfolio + c;
  }
  return { assets, sleeves, sleeveReturns, portfolio };
}
