/**
 * What the figure catalogue says about one report figure: where it lives in report.json, how
 * people see it, which direction is better, which formula of docs/conventions.md defines it and
 * which function computes it. Renderers read these; none keeps a label or a format of its own.
 */

/** How a value is shown: a fraction as a percentage, a plain number, or a whole count. */
export interface FigureFormat {
  readonly unit: 'percent' | 'number' | 'count';
  /** Digits after the decimal point (0 for counts). */
  readonly digits: number;
}

/** Which direction is better (higher for returns and risk-adjusted ratios, lower for losses and costs); null when neither is. */
export type Better = 'higher' | 'lower' | null;

/** The part of report.json a figure lives in (`sweep`: a statistic only variants.csv has). */
export type FigureScope = 'metrics' | 'relative' | 'costs' | 'concentration' | 'sweep';

/**
 * Where a figure is shown beyond its full table (report.json, the HTML tables and
 * `sleeves metrics` show every figure of their scope): `summary` the terminal summary of
 * `sleeves run`, `compare` a row of `sleeves compare`, `sweep` a column of variants.csv.
 */
export type FigureView = 'summary' | 'compare' | 'sweep';

/** One figure as written in the catalogue (its key and scope come from where it is listed). */
export interface FigureSpec {
  readonly label: string;
  /** A shorter column header for narrow tables (the sweep's top variants); the label otherwise. */
  readonly short?: string;
  readonly format: FigureFormat;
  readonly better: Better;
  /** The formula and the profile that define it (docs/conventions.md). */
  readonly convention: string;
  /** The function that computes it (path under src/ and the export). */
  readonly compute: string;
  readonly views?: readonly FigureView[];
  /** Its column name in variants.csv when that differs from its name (a sweep figure). */
  readonly column?: string;
}

/** A catalogue figure: its spec with the report path it reads. */
export interface Figure extends FigureSpec {
  /** The path in report.json, e.g. `metrics.cagr`, `benchmark.relative.beta`, `concentration.hhi.mean`. */
  readonly key: string;
  /** Its name in its own table (report.metrics key, sweep column...), e.g. `cagr`. */
  readonly name: string;
  readonly scope: FigureScope;
  readonly views: readonly FigureView[];
}
