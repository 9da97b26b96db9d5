/**
 * The figure catalogue: every figure a report, a comparison, `sleeves metrics` and a sweep show,
 * defined once: label, format, better direction, the docs/conventions.md formula it follows and
 * the function that computes it. report.metrics, benchmark.metrics and benchmark.relative hold
 * exactly the METRIC_SPECS and RELATIVE_SPECS keys (typed against computeMetrics and
 * computeRelativeMetrics, so a key missing here does not compile), in that order.
 *
 * Adding a metric: its `put` in computeMetrics (or computeRelativeMetrics) with its key in the
 * key list there, and its entry here. The renderers pick it up from here.
 */
import type { MetricKey } from '../../metrics/computeMetrics.js';
import type { RelativeMetricKey } from '../../metrics/computeRelativeMetrics.js';
import type { Figure, FigureFormat, FigureScope, FigureSpec, FigureView } from './figureTypes.js';

const PERCENT: FigureFormat = { unit: 'percent', digits: 2 };
const NUMBER: FigureFormat = { unit: 'number', digits: 2 };
const COUNT: FigureFormat = { unit: 'count', digits: 0 };
/** HHI lies in [1/n, 1]: two digits would show most portfolios as 0.10–0.30. */
const FINE: FigureFormat = { unit: 'number', digits: 3 };

const STD = 'docs/conventions.md, profile standard';
const BOTH = `${STD} (same under performanceanalytics)`;
const PA = (what: string) => `${STD}; performanceanalytics: ${what}`;
const CONC = 'docs/conventions.md, "Concentration exposure"';

/** report.metrics (and benchmark.metrics), in display order: the order of METRIC_KEYS. */
export const METRIC_SPECS: { readonly [K in MetricKey]: FigureSpec } = {
  periods: { label: 'periods', format: COUNT, better: null, convention: `${BOTH}: n`, compute: 'metrics/computeMetrics.ts (returns.length)', views: ['sweep'] },
  totalReturn: {
    label: 'total return', format: PERCENT, better: 'higher', convention: `${BOTH}: ∏(1 + r_t) − 1`,
    compute: 'metrics/returnMetrics.ts totalReturn', views: ['summary', 'compare', 'sweep'],
  },
  cagr: {
    label: 'CAGR', format: PERCENT, better: 'higher', convention: `${BOTH}: (1 + totalReturn)^(P/n) − 1`,
    compute: 'metrics/returnMetrics.ts cagr', views: ['summary', 'compare', 'sweep'],
  },
  annualizedVolatility: {
    label: 'volatility (annualised)', short: 'vol', format: PERCENT, better: 'lower', convention: `${BOTH}: sd(r, n−1)·√P`,
    compute: 'metrics/riskMetrics.ts annualizedVolatility', views: ['summary', 'compare', 'sweep'],
  },
  sharpe: {
    label: 'Sharpe', format: NUMBER, better: 'higher', convention: PA('cagr(x) / (sd(x)·√P); standard: mean(x)/sd(x)·√P, x = r − rf'),
    compute: 'metrics/ratioMetrics.ts sharpeRatio', views: ['summary', 'compare', 'sweep'],
  },
  downsideDeviation: {
    label: 'downside deviation', format: PERCENT, better: 'lower', convention: PA('per period; standard: annualised, divisor all n'),
    compute: 'metrics/riskMetrics.ts downsideDeviationAnnualized / downsideDeviationPerPeriod',
  },
  sortino: {
    label: 'Sortino', format: NUMBER, better: 'higher', convention: PA('per period; standard: mean(r − MAR)·P / downsideDeviation'),
    compute: 'metrics/ratioMetrics.ts sortinoRatio', views: ['summary', 'compare', 'sweep'],
  },
  maxDrawdown: {
    label: 'max drawdown', short: 'max dd', format: PERCENT, better: 'lower', convention: `${BOTH}: max_t (1 − V_t/peak_t), a positive fraction`,
    compute: 'metrics/underwater.ts maxDrawdown', views: ['summary', 'compare', 'sweep'],
  },
  calmar: {
    label: 'Calmar', format: NUMBER, better: 'higher', convention: `${BOTH}: cagr / maxDrawdown`,
    compute: 'metrics/ratioMetrics.ts calmarRatio', views: ['summary', 'compare', 'sweep'],
  },
  longestDrawdownPeriods: {
    label: 'longest drawdown (periods)', format: COUNT, better: 'lower', convention: PA('plus one (findDrawdowns()$length)'),
    compute: 'metrics/underwater.ts longestDrawdownPeriods', views: ['compare'],
  },
  var95: {
    label: 'VaR 95% (1 period)', format: PERCENT, better: 'higher', convention: `${BOTH}: 5th percentile of r (type 7), a return, usually negative`,
    compute: 'metrics/riskMetrics.ts historicalVaR', views: ['summary', 'compare'],
  },
  cvar95: {
    label: 'CVaR 95% (1 period)', format: PERCENT, better: 'higher', convention: PA('mean of r < VaR (strict); standard: r ≤ VaR'),
    compute: 'metrics/riskMetrics.ts historicalCVaR', views: ['compare'],
  },
  var99: { label: 'VaR 99% (1 period)', format: PERCENT, better: 'higher', convention: `${BOTH}: 1st percentile of r (type 7)`, compute: 'metrics/riskMetrics.ts historicalVaR' },
  cvar99: { label: 'CVaR 99% (1 period)', format: PERCENT, better: 'higher', convention: PA('mean of r < VaR (strict); standard: r ≤ VaR'), compute: 'metrics/riskMetrics.ts historicalCVaR' },
  skewness: { label: 'skewness', format: NUMBER, better: null, convention: `${BOTH}: population m3 / m2^1.5`, compute: 'metrics/moments.ts skewness', views: ['sweep'] },
  excessKurtosis: { label: 'excess kurtosis', format: NUMBER, better: null, convention: `${BOTH}: population m4 / m2² − 3`, compute: 'metrics/moments.ts excessKurtosis', views: ['sweep'] },
  meanReturn: { label: 'mean return (1 period)', format: PERCENT, better: 'higher', convention: `${BOTH}: Σr / n`, compute: 'metrics/moments.ts mean' },
  bestPeriod: { label: 'best period', format: PERCENT, better: null, convention: `${BOTH}: max_t r_t`, compute: 'metrics/returnMetrics.ts bestPeriod' },
  worstPeriod: { label: 'worst period', format: PERCENT, better: null, convention: `${BOTH}: min_t r_t`, compute: 'metrics/returnMetrics.ts worstPeriod' },
  positivePeriodsShare: { label: 'positive periods', format: PERCENT, better: 'higher', convention: `${BOTH}: share of r_t > 0`, compute: 'metrics/returnMetrics.ts positivePeriodsShare' },
};

/** benchmark.relative, in display order: the order of RELATIVE_METRIC_KEYS. */
export const RELATIVE_SPECS: { readonly [K in RelativeMetricKey]: FigureSpec } = {
  beta: { label: 'beta', format: NUMBER, better: null, convention: `${BOTH}: cov(r, b) / var(b)`, compute: 'metrics/relativeMetrics.ts beta', views: ['summary', 'compare'] },
  alpha: {
    label: 'alpha', format: PERCENT, better: 'higher', convention: PA('per-period OLS intercept; standard: (1 + mean(x − beta·y))^P − 1'),
    compute: 'metrics/relativeMetrics.ts alpha', views: ['summary', 'compare'],
  },
  correlation: { label: 'correlation', format: NUMBER, better: null, convention: `${BOTH}: cov(r, b) / (sd(r)·sd(b))`, compute: 'metrics/relativeMetrics.ts correlation' },
  trackingError: {
    label: 'tracking error', format: PERCENT, better: null, convention: `${BOTH}: sd(r − b, n−1)·√P`,
    compute: 'metrics/relativeMetrics.ts trackingError', views: ['summary', 'compare'],
  },
  informationRatio: {
    label: 'information ratio', format: NUMBER, better: 'higher', convention: PA('(cagr(r) − cagr(b)) / trackingError; standard: mean(r − b)/sd(r − b)·√P'),
    compute: 'metrics/relativeMetrics.ts informationRatio', views: ['summary', 'compare'],
  },
  upCapture: { label: 'up capture', format: NUMBER, better: 'higher', convention: `${BOTH}: cagr of r over b > 0 / cagr of b there`, compute: 'metrics/relativeMetrics.ts capture' },
  downCapture: { label: 'down capture', format: NUMBER, better: 'lower', convention: `${BOTH}: cagr of r over b < 0 / cagr of b there`, compute: 'metrics/relativeMetrics.ts capture' },
};

/** report.costs figures (bps and slippageBps are settings, not figures). */
export const COST_SPECS: Readonly<Record<'annualizedTurnover' | 'total' | 'cagrDrag', FigureSpec>> = {
  annualizedTurnover: {
    label: 'turnover per year', short: 'turnover/yr', column: 'turnoverPerYear', format: PERCENT, better: 'lower',
    convention: 'docs/architecture.md, "Timing and accounting": turnover Σ|T − h| / 2V per trade; Σ over the non-initial rebalances / years, years = periods / P',
    compute: 'report/buildReport.ts; sweep/variantMetrics.ts', views: ['summary', 'compare', 'sweep'],
  },
  total: {
    label: 'costs (of initial equity)', format: PERCENT, better: 'lower',
    convention: 'docs/architecture.md, "Timing and accounting": Σ trade costs ((bps + slippageBps)/10⁴ of traded value) as a fraction of the initial equity 1',
    compute: 'report/buildReport.ts', views: ['summary', 'compare'],
  },
  cagrDrag: {
    label: 'cost drag on CAGR', format: PERCENT, better: 'lower', convention: 'CAGR of the gross returns − CAGR of the net returns',
    compute: 'report/buildReport.ts', views: ['summary', 'compare'],
  },
};

type Stat = 'mean' | 'min' | 'max' | 'last';

/** A concentration summary ({mean, min, max, last}) and where each of its stats is shown. */
interface SummarySpec extends Omit<FigureSpec, 'views'> {
  readonly stats: Partial<Record<Stat, readonly FigureView[]>>;
}

const every = (views: Partial<Record<Stat, readonly FigureView[]>> = {}) => ({ mean: [], min: [], max: [], last: [], ...views });

/** report.concentration summaries (docs/conventions.md, "Concentration exposure"); each stat is a figure. */
export const CONCENTRATION_SPECS: Readonly<Record<string, SummarySpec>> = {
  hhi: { label: 'HHI', format: FINE, better: null, convention: `${CONC}: Σ ŵ²`, compute: 'metrics/concentrationSeries.ts', stats: every({ mean: ['compare'] }) },
  effectiveHoldings: {
    label: 'effective holdings', format: NUMBER, better: null, convention: `${CONC}: 1 / HHI`, compute: 'metrics/concentrationSeries.ts',
    stats: every({ mean: ['summary', 'compare'], min: ['summary'] }),
  },
  maxWeight: {
    label: 'largest weight', format: PERCENT, better: null, convention: `${CONC}: max_i ŵ_i`, compute: 'metrics/concentrationSeries.ts',
    stats: every({ mean: ['summary'], max: ['summary', 'compare'] }),
  },
  topKShare: { label: 'top-K share', format: PERCENT, better: null, convention: `${CONC}: Σ of the K largest ŵ`, compute: 'metrics/concentrationSeries.ts', stats: every() },
  sleeveHhi: { label: 'sleeve HHI', format: FINE, better: null, convention: `${CONC}: HHI of the sleeve mix`, compute: 'metrics/concentrationSeries.ts', stats: every() },
  cashWeight: { label: 'cash', format: PERCENT, better: null, convention: `${CONC}: 1 − Σ w (raw)`, compute: 'metrics/concentrationSeries.ts', stats: every() },
  effectiveBets: {
    label: 'effective bets', format: NUMBER, better: null, convention: `${CONC}: exp(−Σ p ln p) over principal portfolios (Meucci 2009)`,
    compute: 'metrics/rebalanceRisk.ts', stats: { mean: ['summary', 'compare'], min: [], last: [] },
  },
};

/** Scalar concentration figures. */
const CONCENTRATION_SCALARS: Readonly<Record<string, FigureSpec>> = {
  topContributorsShare: {
    label: "top-K contributors' share", format: PERCENT, better: null, convention: `${CONC}: Σ of the K largest positive c_i / Σ positive c_i`,
    compute: 'metrics/returnContribution.ts topContributorsShare', views: ['summary', 'compare'],
  },
  'driftCreep.value': { label: 'drift creep (HHI)', format: FINE, better: null, convention: `${CONC}: max rise of HHI after a rebalance`, compute: 'metrics/driftCreep.ts' },
};

/** Statistics only variants.csv has (inputs of the deflated Sharpe ratio). */
const SWEEP_SPECS: Readonly<Record<string, FigureSpec>> = {
  periodSharpe: {
    label: 'Sharpe per period', format: FINE, better: 'higher',
    convention: 'mean(r − rf) / sd(r − rf, n−1) per period, not annualised (Bailey & López de Prado 2014, the deflated Sharpe ratio)',
    compute: 'sweep/variantMetrics.ts', views: ['sweep'],
  },
};

function figure(scope: FigureScope, key: string, name: string, spec: FigureSpec): Figure {
  return { ...spec, key, name, scope, views: spec.views ?? [] };
}

function build(): Figure[] {
  const out: Figure[] = [];
  for (const [name, spec] of Object.entries(METRIC_SPECS)) out.push(figure('metrics', `metrics.${name}`, name, spec));
  for (const [name, spec] of Object.entries(RELATIVE_SPECS)) out.push(figure('relative', `benchmark.relative.${name}`, name, spec));
  for (const [name, spec] of Object.entries(CONCENTRATION_SPECS)) {
    const { stats, ...rest } = spec;
    for (const [stat, views] of Object.entries(stats)) {
      out.push(figure('concentration', `concentration.${name}.${stat}`, `${name}.${stat}`, { ...rest, label: `${spec.label} (${stat})`, views }));
    }
  }
  for (const [name, spec] of Object.entries(CONCENTRATION_SCALARS)) out.push(figure('concentration', `concentration.${name}`, name, spec));
  for (const [name, spec] of Object.entries(COST_SPECS)) out.push(figure('costs', `costs.${name}`, name, spec));
  for (const [name, spec] of Object.entries(SWEEP_SPECS)) out.push(figure('sweep', `sweep.${name}`, name, spec));
  return out;
}

/** Every figure, in display order: metrics, relative, concentration, costs, sweep-only. */
export const FIGURES: readonly Figure[] = build();

const BY_KEY = new Map(FIGURES.map((f) => [f.key, f]));

/** The figure at a report path (`metrics.cagr`); undefined when the catalogue has none. */
export function figureAt(key: string): Figure | undefined {
  return BY_KEY.get(key);
}

/** The figures of one scope, in catalogue order. */
export function figuresOf(scope: FigureScope): Figure[] {
  return FIGURES.filter((f) => f.scope === scope);
}

/** The figures shown in one view, in catalogue order. */
export function figuresIn(view: FigureView): Figure[] {
  return FIGURES.filter((f) => f.views.includes(view));
}

/** The figure of a variants.csv column (its `column`, or its name). */
export function sweepFigure(column: string): Figure | undefined {
  return FIGURES.find((f) => f.views.includes('sweep') && (f.column ?? f.name) === column);
}

/** The figure of a report.metrics or benchmark.relative key (`sleeves metrics` rows, the HTML metric tables). */
export function metricFigure(name: string): Figure | undefined {
  return BY_KEY.get(`metrics.${name}`) ?? BY_KEY.get(`benchmark.relative.${name}`);
}
