/**
 * Every mix of k sleeve weights on a simplex grid: w_i = n_i · step with n_i whole numbers,
 * Σ n_i = 1/step (fully invested), and min ≤ w_i ≤ max for every sleeve. Enumerated in
 * lexicographic order of (n_1, …, n_k), so the list is the same on every run. With 1/step = m
 * there are C(m + k − 1, k − 1) mixes before the bounds (4 sleeves at 0.05: 1,771).
 */
import { UserError } from '../core/errors.js';

export function simplexGrid(k: number, step: number, bounds: { min: number; max: number } = { min: 0, max: 1 }): number[][] {
  const m = Math.round(1 / step);
  if (!(step > 0) || Math.abs(m * step - 1) > 1e-9) throw new UserError(`--step ${step}: expected 1 divided by a whole number (0.5, 0.25, 0.1, 0.05…)`);
  if (!(bounds.min >= 0 && bounds.max <= 1 && bounds.min <= bounds.max)) throw new UserError(`--min ${bounds.min} --max ${bounds.max}: expected 0 ≤ min ≤ max ≤ 1`);
  const lo = Math.max(0, Math.ceil(bounds.min * m - 1e-9));
  const hi = Math.floor(bounds.max * m + 1e-9);
  const out: number[][] = [];
  const counts = new Array<number>(k).fill(0);
  const walk = (i: number, left: number): void => {
    if (i === k - 1) {
      if (left < lo || left > hi) return;
      counts[i] = left;
      out.push(counts.map((n) => n / m));
      return;
    }
    for (let n = lo; n <= Math.min(hi, left); n++) {
      counts[i] = n;
      walk(i + 1, left - n);
    }
  };
  if (k > 0) walk(0, m);
  return out;
}
