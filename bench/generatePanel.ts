/**
 * Seeded synthetic price panels for the benchmarks: weekday calendar, one market factor plus
 * idiosyncratic noise, column-major Float64Array. Deterministic for a given seed.
 *
 * The values are allocated as the data loader allocates a loaded panel's (wasm/panelValues.ts:
 * in a WebAssembly memory of their own, where the engine's kernels read them in place), before
 * any timing; numpy's baseline likewise receives its prices at load, outside its timing, in its
 * own preferred layout (a contiguous row-major dates × assets array, numpy_baseline.py).
 */
import type { PricePanel } from '../src/core/panel.js';
import { panelValues } from '../src/wasm/panelValues.js';

export function generatePanel(nAssets: number, nDays: number, seed = 1): PricePanel {
  let state = seed >>> 0 || 1;
  const uniform = (): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => Math.sqrt(-2 * Math.log(uniform() + 1e-300)) * Math.cos(2 * Math.PI * uniform());
  const market = Float64Array.from({ length: nDays }, () => 0.0003 + 0.01 * normal());
  const values = panelValues(nAssets * nDays);
  for (let a = 0; a < nAssets; a++) {
    const beta = 0.5 + uniform();
    const vol = 0.008 + 0.02 * uniform();
    let p = 20 + 100 * uniform();
    for (let t = 0; t < nDays; t++) {
      p *= 1 + beta * market[t]! + vol * normal();
      values[a * nDays + t] = p;
    }
  }
  const dates = new Int32Array(nDays);
  // Weekdays from 2000-01-03 (day 10959, a Monday).
  for (let t = 0, d = 10959; t < nDays; d++) if ((d + 4) % 7 !== 0 && (d + 4) % 7 !== 6) dates[t++] = d;
  return { dates, assets: Array.from({ length: nAssets }, (_, i) => `A${String(i).padStart(3, '0')}`), values };
}
