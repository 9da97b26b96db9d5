/**
 * Parameter grids: `--grid PATH=V1,V2,...` flags → a list of parameters, and the cartesian
 * product of their values in a fixed order. Variant i is read as a mixed-radix number whose
 * LAST parameter varies fastest (the order of nested loops over the flags as given):
 * with grids a=[1,2] and b=[x,y,z], variants 0..5 are (1,x) (1,y) (1,z) (2,x) (2,y) (2,z).
 */
import { UserError } from '../core/errors.js';
import { isReservedKey, reservedKeyMessage } from '../core/reservedKeys.js';

/** A value on a grid: a number when the text is numeric, else the text. */
export type GridValue = number | string;

export interface GridParam {
  /** Dotted path into the resolved strategy spec, e.g. `allocation.across.lookback`. */
  readonly path: string;
  readonly values: readonly GridValue[];
}

const SEGMENT = /^[A-Za-z0-9_-]+$/;

/** Parses one `PATH=V1,V2,...` flag value. Errors name the flag text and what was expected. */
export function parseGridArg(text: string, flag = '--grid'): GridParam {
  const eq = text.indexOf('=');
  if (eq < 0) throw new UserError(`${flag} ${text}: expected PATH=V1,V2,... (e.g. costs.bps=0,5,10)`);
  const path = text.slice(0, eq).trim();
  const list = text.slice(eq + 1);
  if (path === '') throw new UserError(`${flag} ${text}: the PATH before "=" is empty, expected e.g. costs.bps`);
  const bad = path.split('.').find((s) => !SEGMENT.test(s));
  if (bad !== undefined) throw new UserError(`${flag} ${text}: "${bad}" is not a valid path segment in ${path}; expected names joined by dots, e.g. sleeves.ai_leaders.within.k`);
  const reserved = path.split('.').find(isReservedKey);
  if (reserved !== undefined) throw new UserError(reservedKeyMessage(`${flag} ${path}`, reserved));
  const parts = list.split(',').map((v) => v.trim());
  if (list.trim() === '' || parts.some((v) => v === '')) throw new UserError(`${flag} ${text}: expected a comma-separated list of values after "=", with no empty value`);
  const values = parts.map(parseGridValue);
  const seen = new Set<string>();
  for (const v of values) {
    const key = `${typeof v}:${String(v)}`;
    if (seen.has(key)) throw new UserError(`${flag} ${text}: the value ${String(v)} is listed twice`);
    seen.add(key);
  }
  return { path, values };
}

/** "5" → 5, "1e-3" → 0.001, "monthly" → "monthly" (Number() on a trimmed, non-empty text). */
export function parseGridValue(text: string): GridValue {
  const x = Number(text);
  return Number.isFinite(x) && /^[+-]?(\d|\.\d)/.test(text) ? x : text;
}

/** Parses every `--grid` flag; a path given twice is an error. */
export function parseGrid(texts: readonly string[]): GridParam[] {
  if (texts.length === 0) throw new UserError('sweep needs at least one --grid PATH=V1,V2,... (e.g. --grid costs.bps=0,5,10)');
  const grid = texts.map((t) => parseGridArg(t));
  grid.forEach((p, i) => {
    const other = grid.findIndex((q, j) => j < i && (q.path === p.path || q.path.startsWith(`${p.path}.`) || p.path.startsWith(`${q.path}.`)));
    if (other >= 0) throw new UserError(`--grid ${p.path}: overlaps --grid ${grid[other]!.path}; give each path once`);
  });
  return grid;
}

/** Number of variants: the product of the value counts. */
export function gridSize(grid: readonly GridParam[]): number {
  return grid.reduce((n, p) => n * p.values.length, 1);
}

/** The value of each parameter in variant `index` (0 ≤ index < gridSize). */
export function variantValues(grid: readonly GridParam[], index: number): GridValue[] {
  const out = new Array<GridValue>(grid.length);
  let rest = index;
  for (let k = grid.length - 1; k >= 0; k--) {
    const values = grid[k]!.values;
    out[k] = values[rest % values.length]!;
    rest = Math.floor(rest / values.length);
  }
  return out;
}
