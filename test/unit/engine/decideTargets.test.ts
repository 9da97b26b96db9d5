/**
 * Decisions of a strategy at one close, computed by hand: constraints at the three levels,
 * the trend-filter overlay at sleeve and asset level (with windows long enough for its period
 * even when the methods read no history), the order of the steps, causality, and the record of
 * warnings and broken trends.
 */
import { describe, expect, it } from 'vitest';
import { makeDecider, summarizeDecisionWarnings, type DecisionRecord } from '../../../src/engine/decideTargets.js';
import { strategyLayout } from '../../../src/engine/strategyLayout.js';
import { strategySchema } from '../../../src/strategy/schema.js';

/** A decider over hand-written price columns (row r of ticker t: prices[t][r]). */
function decider(raw: Record<string, unknown>, prices: Record<string, number[]>) {
  const spec = strategySchema.parse({ version: 1, name: 't', ...raw });
  const layout = strategyLayout(spec);
  const nRows = prices[layout.assets[0]!]!.length;
  const columns = new Float64Array(layout.assets.length * nRows);
  layout.assets.forEach((t, a) => columns.set(prices[t]!, a * nRows));
  const log: DecisionRecord[] = [];
  const decide = makeDecider({ layout, across: spec.allocation.across, prices: columns, nRows }, log);
  return {
    log,
    at(row: number): Record<string, number> {
      const out = new Float64Array(layout.assets.length);
      decide(row, out);
      return Object.fromEntries(layout.assets.map((t, i) => [t, out[i]!]));
    },
  };
}

function expectWeights(got: Record<string, number>, want: Record<string, number>): void {
  expect(Object.keys(got)).toEqual(Object.keys(want));
  for (const [t, w] of Object.entries(want)) expect(got[t], t).toBeCloseTo(w, 14);
}

const flat = (n: number, p = 100) => Array.from({ length: n }, () => p);
/** Rises 10, 11, ..., 15 then drops to 9 on row 6: below its 5-row SMA (12+13+14+15+9)/5 = 12.6 there. */
const breaks = [10, 11, 12, 13, 14, 15, 9];
/** Rises every row: above its SMA. */
const rises = [10, 11, 12, 13, 14, 15, 16];

describe('constraints at each level', () => {
  it('sleeve constraints: maxWeight water-filling within the sleeve, then × the sleeve weight', () => {
    const d = decider(
      {
        sleeves: {
          a: { assets: ['A', 'B', 'C'], within: { method: 'fixed', weights: { A: 0.5, B: 0.3, C: 0.2 } }, constraints: { maxWeight: 0.4 } },
          b: { assets: ['D'] },
        },
        allocation: { across: { method: 'fixed', weights: { a: 0.5, b: 0.5 } } },
      },
      { A: flat(3), B: flat(3), C: flat(3), D: flat(3) },
    );
    // Within a: A capped at 0.4; its excess 0.1 goes to B and C pro rata 0.3 : 0.2 →
    // B = 0.3 + 0.1·0.6 = 0.36, C = 0.2 + 0.1·0.4 = 0.24. Times the sleeve weight 0.5.
    expectWeights(d.at(2), { A: 0.2, B: 0.18, C: 0.12, D: 0.5 });
    expect(d.log).toEqual([]);
  });

  it('sleeve constraints: maxHoldings keeps the largest and scales them up; cashFloor leaves cash in the sleeve', () => {
    const d = decider(
      {
        sleeves: {
          a: { assets: ['A', 'B', 'C'], within: { method: 'fixed', weights: { A: 0.5, B: 0.3, C: 0.2 } }, constraints: { maxHoldings: 2 } },
          b: { assets: ['D', 'E'], constraints: { cashFloor: 0.2 } },
        },
        allocation: { across: { method: 'fixed', weights: { a: 0.5, b: 0.5 } } },
      },
      { A: flat(3), B: flat(3), C: flat(3), D: flat(3), E: flat(3) },
    );
    // a: keep A, B; scaled to the old total 1: A = 0.5/0.8 = 0.625, B = 0.3/0.8 = 0.375; × 0.5.
    // b: equal 0.5 each, Σ = 1 > 1 − 0.2 → scaled to 0.4 each; × 0.5 = 0.2 each (0.1 cash).
    expectWeights(d.at(2), { A: 0.3125, B: 0.1875, C: 0, D: 0.2, E: 0.2 });
  });

  it('acrossConstraints cap sleeve weights and spread the excess pro rata', () => {
    const d = decider(
      {
        sleeves: { a: { assets: ['A'] }, b: { assets: ['B'] }, c: { assets: ['C'] } },
        allocation: { across: { method: 'fixed', weights: { a: 0.6, b: 0.3, c: 0.1 } }, acrossConstraints: { maxWeight: 0.5 } },
      },
      { A: flat(3), B: flat(3), C: flat(3) },
    );
    // a capped at 0.5; excess 0.1 to b and c in proportion 0.3 : 0.1 → b = 0.375, c = 0.125.
    expectWeights(d.at(2), { A: 0.5, B: 0.375, C: 0.125 });
  });

  it('acrossConstraints that cannot be met leave cash, with a warning in the decision record', () => {
    const d = decider(
      { sleeves: { a: { assets: ['A'] }, b: { assets: ['B'] } }, allocation: { acrossConstraints: { maxWeight: 0.4 } } },
      { A: flat(3), B: flat(3) },
    );
    // equal 0.5 / 0.5, both capped at 0.4: 0.2 left in cash.
    expectWeights(d.at(2), { A: 0.4, B: 0.4 });
    expect(d.log).toEqual([{ row: 2, fallbacks: [], warnings: ['across sleeves: caps leave 0.2000 in cash: every held candidate is at its cap'], brokenTrends: [] }]);
  });

  it('assetConstraints cap an asset held through two sleeves on its total weight', () => {
    const d = decider(
      {
        sleeves: { a: { assets: { A: 0.5, B: 1 } }, b: { assets: { A: 0.5, C: 1 } } },
        allocation: { assetConstraints: { maxWeight: 0.4 } },
      },
      { A: flat(3), B: flat(3), C: flat(3) },
    );
    // Sleeves 0.5 each, members 0.5 each: A = 0.25 + 0.25 = 0.5 → capped at 0.4; the excess 0.1
    // goes to B and C (0.25 each, equal shares) → 0.3 each.
    expectWeights(d.at(2), { A: 0.4, B: 0.3, C: 0.3 });
  });

  it('assetConstraints by ticker leave the others uncapped', () => {
    const d = decider(
      { sleeves: { a: { assets: ['A', 'B'], within: { method: 'fixed', weights: { A: 0.8, B: 0.2 } } } }, allocation: { assetConstraints: { maxWeight: { A: 0.6 } } } },
      { A: flat(3), B: flat(3) },
    );
    expectWeights(d.at(2), { A: 0.6, B: 0.4 });
  });
});

describe('trend-filter overlay', () => {
  const sleeves = { risky: { assets: ['R'] }, gold: { assets: ['G'] }, def: { assets: ['D'] } };
  const across = { method: 'fixed', weights: { risky: 0.6, gold: 0.2, def: 0.2 } };
  const prices = { R: breaks, G: flat(7), D: flat(7) };

  it('sleeve level: a sleeve below its SMA hands its weight equally to the safe sleeves, with a window as long as the period', () => {
    // `fixed` reads no history; the overlay still needs 5 rows of the sleeve index.
    const d = decider({ sleeves, allocation: { across, trendFilter: { level: 'sleeve', period: 5, safe: ['gold', 'def'] } } }, prices);
    // Row 6: R = 9 < SMA 12.6 → risky's 0.6 split: gold = def = 0.2 + 0.3 = 0.5.
    expectWeights(d.at(6), { R: 0, G: 0.5, D: 0.5 });
    // Row 5: R = 15 > SMA (11+12+13+14+15)/5 = 13 → unchanged.
    expectWeights(d.at(5), { R: 0.6, G: 0.2, D: 0.2 });
    // Row 3: only 3 returns exist (rows 1..3), 4 are needed → trend undefined → unchanged.
    expectWeights(d.at(3), { R: 0.6, G: 0.2, D: 0.2 });
    expect(d.log).toEqual([{ row: 6, fallbacks: [], warnings: [], brokenTrends: ['risky'] }]);
  });

  it('sleeve level, to: cash', () => {
    const d = decider({ sleeves, allocation: { across, trendFilter: { period: 5, to: 'cash' } } }, prices);
    expectWeights(d.at(6), { R: 0, G: 0.2, D: 0.2 });
  });

  it('sleeve level on the sleeve index: one falling member in a rising sleeve does not trip it', () => {
    // Index of risky with R and S at 1/2 each: returns are the mean of the members' returns.
    // Row 6 returns: R 9/15 − 1 = −0.4, S 16/15 − 1 = 0.0667 → mean −0.1667 (breaks: the
    // sleeve's index drops below its SMA). With a gentler fall R = 14.5 on row 6: R −0.0333,
    // S +0.0667 → mean +0.0167: the index rises, so the sleeve keeps its weight.
    const gentle = [10, 11, 12, 13, 14, 15, 14.5];
    const two = { risky: { assets: ['R', 'S'] }, gold: { assets: ['G'] }, def: { assets: ['D'] } };
    const trend = { period: 5, safe: ['gold', 'def'] };
    expectWeights(decider({ sleeves: two, allocation: { across, trendFilter: trend } }, { R: breaks, S: rises, G: flat(7), D: flat(7) }).at(6), { R: 0, S: 0, G: 0.5, D: 0.5 });
    expectWeights(decider({ sleeves: two, allocation: { across, trendFilter: trend } }, { R: gentle, S: rises, G: flat(7), D: flat(7) }).at(6), { R: 0.3, S: 0.3, G: 0.2, D: 0.2 });
  });

  it('asset level: per asset on its own prices, safe tickers receive the weight', () => {
    const d = decider(
      {
        sleeves: { ai: { assets: ['R', 'S'] }, gold: { assets: ['G'] } },
        allocation: { across: { method: 'fixed', weights: { ai: 0.5, gold: 0.5 } }, trendFilter: { level: 'asset', period: 5, safe: ['G'] } },
      },
      { R: breaks, S: rises, G: flat(7) },
    );
    // R (0.25) is below its SMA on row 6 and goes to G: G = 0.5 + 0.25; S keeps 0.25.
    expectWeights(d.at(6), { R: 0, S: 0.25, G: 0.75 });
    expect(d.log[0]!.brokenTrends).toEqual(['R']);
  });

  it('acrossConstraints apply after the sleeve trend filter (caps hold on the moved weight)', () => {
    const d = decider({ sleeves, allocation: { across, trendFilter: { period: 5, safe: ['gold', 'def'] }, acrossConstraints: { maxWeight: 0.4 } } }, prices);
    // After the filter gold = def = 0.5; capped at 0.4 each; risky holds 0, so 0.2 goes to cash.
    expectWeights(d.at(6), { R: 0, G: 0.4, D: 0.4 });
    expect(d.log[0]!.warnings).toEqual(['across sleeves: caps leave 0.2000 in cash: every held candidate is at its cap']);
  });

  it('is causal: rows after the decision row change nothing', () => {
    const spec = { sleeves, allocation: { across: { method: 'inverseVol', lookback: 5, minObservations: 2 }, trendFilter: { period: 5, safe: ['gold', 'def'] } } };
    const base = { R: [...breaks, 30, 40], G: [100, 101, 99, 102, 100, 103, 101, 1, 1], D: [50, 50.5, 50.2, 50.9, 50.1, 50.3, 50.6, 500, 5] };
    const other = { R: [...breaks, 1, 2], G: [...base.G.slice(0, 7), 200, 300], D: [...base.D.slice(0, 7), 1, 1] };
    expect(decider(spec, base).at(6)).toEqual(decider(spec, other).at(6));
  });
});

describe('decision warnings across decisions', () => {
  it('deduplicates by text with numbers blanked, counting decisions and naming the first and last dates', () => {
    const log: DecisionRecord[] = [
      { row: 3, fallbacks: [], warnings: ['across sleeves: caps leave 0.2000 in cash'], brokenTrends: [] },
      { row: 5, fallbacks: [], warnings: ['across sleeves: caps leave 0.1500 in cash', 'sleeve a: other'], brokenTrends: [] },
      { row: 9, fallbacks: [], warnings: ['across sleeves: caps leave 0.3000 in cash'], brokenTrends: [] },
    ];
    expect(summarizeDecisionWarnings(log, (r) => `day${r}`)).toEqual([
      'across sleeves: caps leave 0.2000 in cash (at 3 decisions, day3 to day9; figures of the first)',
      'sleeve a: other (decision of day5)',
    ]);
  });
});

describe('a sleeve whose within method holds only cash', () => {
  // Sleeve m: momentumTopK k = 2 over 3 rows with absoluteThreshold 0; sleeve d: one flat asset.
  const strategy = (across: Record<string, unknown>) => ({
    sleeves: {
      m: { assets: ['A', 'B', 'C'], within: { method: 'momentumTopK', k: 2, lookback: 3, absoluteThreshold: 0 } },
      d: { assets: ['D'] },
    },
    allocation: { across },
  });
  // Rows 0..3. All three fall: A 100 → 97 (−3%), B 100 → 94 (−6%), C 100 → 70 (−30%).
  const allFall = { A: [100, 99, 98, 97], B: [100, 98, 96, 94], C: [100, 90, 80, 70], D: flat(4) };
  // A rises 100 → 103 (+3%); B and C fall as above.
  const oneRises = { ...allFall, A: [100, 101, 102, 103] };

  it('fixed across: every winner below the threshold leaves the whole sleeve weight in cash', () => {
    // Winners A (−3%) and B (−6%) are both below 0 → m's within weights are all 0. m keeps its
    // fixed 0.6 (its members have prices), all of it cash; d keeps 0.4 (it does not receive m's).
    const d = decider(strategy({ method: 'fixed', weights: { m: 0.6, d: 0.4 } }), allFall);
    expectWeights(d.at(3), { A: 0, B: 0, C: 0, D: 0.4 });
  });

  it('fixed across: one winner below the threshold leaves its share in cash (the same rule)', () => {
    // Winners A (+3%) 1/2 and B (−6%) → 0: m = {A: 0.5}, × 0.6 → A 0.3, 0.3 of m in cash; D 0.4.
    const d = decider(strategy({ method: 'fixed', weights: { m: 0.6, d: 0.4 } }), oneRises);
    expectWeights(d.at(3), { A: 0.3, B: 0, C: 0, D: 0.4 });
  });

  it('equal across: the all-cash sleeve still counts as one of the two sleeves', () => {
    // Equal over the 2 eligible sleeves: 1/2 each; m's half is cash → D 0.5 (not 1).
    const d = decider(strategy({ method: 'equal' }), allFall);
    expectWeights(d.at(3), { A: 0, B: 0, C: 0, D: 0.5 });
  });

  it('inverseVol across: the all-cash sleeve is weighted on its equal-weight member index, and that weight is cash', () => {
    // D moves 100, 101, 100, 101. m's index (within weights all 0 → members equally) on rows 1..3
    // is the mean of the members' returns; d's index is D's returns. w ∝ 1 / sd (n − 1) over those 3 rows.
    const prices = { ...allFall, D: [100, 101, 100, 101] };
    const ret = (p: number[]) => [1, 2, 3].map((k) => p[k]! / p[k - 1]! - 1);
    const [a, b, c] = [ret(prices.A), ret(prices.B), ret(prices.C)];
    const mIndex = [0, 1, 2].map((k) => (a[k]! + b[k]! + c[k]!) / 3);
    const sd = (x: number[]) => {
      const mean = x.reduce((s, v) => s + v, 0) / x.length;
      return Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1));
    };
    const inv = [1 / sd(mIndex), 1 / sd(ret(prices.D))];
    const wD = inv[1]! / (inv[0]! + inv[1]!);
    const d = decider(strategy({ method: 'inverseVol', lookback: 3, minObservations: 2 }), prices);
    // m's share inv[0] / Σ stays in cash; D gets only its own share.
    expectWeights(d.at(3), { A: 0, B: 0, C: 0, D: wD });
    expect(wD).toBeLessThan(0.9);
  });
});
