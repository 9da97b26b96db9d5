/**
 * Risk figures at rebalances with the covariance slid from one rebalance to the next (prices
 * given) against a naive per-rebalance computation: textbook covariance of the complete rows,
 * RC_i = w_i (Σw)_i / wᵀΣw by plain loops, effective bets from that covariance.
 */
import { describe, expect, it } from 'vitest';
import { effectiveBets } from '../../../src/metrics/effectiveBets.js';
import { rebalanceRisk } from '../../../src/metrics/rebalanceRisk.js';
import { SlidingCovariance } from '../../../src/estimators/slidingCovariance.js';
import { mulberry32, normal } from '../allocation/syntheticInput.js';

describe('rebalanceRisk with a sliding covariance', () => {
  it('equals a naive computation at every rebalance (held set changing, a gap, a late listing) to 1e-10', () => {
    const nAssets = 8;
    const history = 80;
    const nDates = 700;
    const stride = history + nDates;
    const rand = mulberry32(21);
    const values = new Float64Array(nAssets * stride);
    for (let a = 0; a < nAssets; a++) {
      let p = 20 + 50 * rand();
      for (let s = 0; s < stride; s++) {
        p *= 1 + 0.01 * normal(rand) + 0.0003;
        values[a * stride + s] = p;
      }
    }
    for (let s = 0; s < history + 150; s++) values[7 * stride + s] = Number.NaN; // asset 7 lists late
    values[2 * stride + history + 400] = Number.NaN; // one missing price (returns on rows 400, 401 missing)
    const rebalanceIndices = Int32Array.from({ length: 30 }, (_, r) => 10 + 21 * r);
    const weights = new Float64Array(nAssets * nDates);
    for (const t of rebalanceIndices) {
      for (let a = 0; a < nAssets; a++) {
        // Asset 7 held once listed; asset 5 dropped for a stretch (the held set changes).
        const held = (a !== 7 || t > 160) && (a !== 5 || t < 300 || t > 420);
        weights[a * nDates + t] = held ? 0.05 + rand() : 0;
      }
    }
    const window = 60;
    const slides = SlidingCovariance.slidesDone;
    const got = rebalanceRisk(weights, new Float64Array(nAssets * nDates), nAssets, nDates, rebalanceIndices, window, { values, stride, offset: history });

    const sums = new Float64Array(nAssets);
    let used = 0;
    rebalanceIndices.forEach((t, r) => {
      const held = [...Array(nAssets).keys()].filter((a) => weights[a * nDates + t]! > 0);
      const lo = t - window + 1;
      const rows: number[][] = [];
      for (let s = history + lo; s <= history + t; s++) {
        const row = held.map((a) => values[a * stride + s]! / values[a * stride + s - 1]! - 1);
        if (row.every((v) => Number.isFinite(v))) rows.push(row);
      }
      const k = held.length;
      const mean = held.map((_, i) => rows.reduce((x, row) => x + row[i]!, 0) / rows.length);
      const cov = new Float64Array(k * k);
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) cov[i * k + j] = rows.reduce((x, row) => x + (row[i]! - mean[i]!) * (row[j]! - mean[j]!), 0) / (rows.length - 1);
      const w = Float64Array.from(held, (a) => weights[a * nDates + t]!);
      const sw = held.map((_, i) => held.reduce((x, __, j) => x + cov[i * k + j]! * w[j]!, 0));
      const total = held.reduce((x, _, i) => x + w[i]! * sw[i]!, 0);
      held.forEach((a, i) => (sums[a] = sums[a]! + (w[i]! * sw[i]!) / total));
      expect(Math.abs(got.effectiveBets[r]! - effectiveBets(cov, w)), `bets at ${t}`).toBeLessThan(1e-10);
      used++;
    });
    expect(got.used).toBe(used);
    expect(SlidingCovariance.slidesDone - slides).toBeGreaterThan(10); // most rebalances slid
    for (let a = 0; a < nAssets; a++) expect(Math.abs(got.meanRiskContribution[a]! - sums[a]! / used)).toBeLessThan(1e-12);
  });
});
