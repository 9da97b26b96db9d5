/**
 * The one way a figure's value is written for people, in every command (run, compare,
 * `sleeves metrics`, sweep, the HTML tables): percentages with the catalogue's digits, numbers
 * with theirs, counts whole; a missing value (null, undefined, not finite) is an en dash.
 * Signs are the report's: a drawdown is a positive fraction, VaR a (usually negative) return.
 */
import { num, pct } from '../format.js';
import type { Figure, FigureFormat } from './figureTypes.js';

export const MISSING = '–';

/** A catalogue format, or a short name for rows outside the catalogue ('pct' and 'num' 2 digits, 'int' whole). */
export type MetricFormat = FigureFormat | 'pct' | 'num' | 'int';

const SHORT: Record<'pct' | 'num' | 'int', FigureFormat> = {
  pct: { unit: 'percent', digits: 2 },
  num: { unit: 'number', digits: 2 },
  int: { unit: 'count', digits: 0 },
};

export function formatValue(x: number | null | undefined, format: MetricFormat): string {
  const f = typeof format === 'string' ? SHORT[format] : format;
  if (x === null || x === undefined || !Number.isFinite(x)) return MISSING;
  if (f.unit === 'percent') return pct(x, f.digits);
  if (f.unit === 'count') return String(Math.round(x));
  return num(x, f.digits);
}

export function formatFigure(figure: Figure, x: number | null | undefined): string {
  return formatValue(x, figure.format);
}
