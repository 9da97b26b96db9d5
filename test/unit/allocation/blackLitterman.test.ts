import { beforeAll, describe, expect, it } from 'vitest';
import { allocate, parseAllocationSpec } from '../../../src/allocation/registry.js';
import { blackLittermanPosterior } from '../../../src/numeric/blackLittermanPosterior.js';
import { loadLpSolver } from '../../../src/numeric/lpSolver.js';
import { flat, naiveCovariance, syntheticInput } from './syntheticInput.js';

beforeAll(async () => {
  await loadLpSolver();
});

describe('blackLitterman allocator', () => {
  it('is the long-only mean-variance optimum of the posterior: no point of a weight grid does better (3 assets, a cap)', () => {
    const input = syntheticInput(341, 3, 252);
    const spec = parseAllocationSpec({
      method: 'blackLitterman',
      views: [
        { long: 'C0', short: 'C1', excess: 0.05, confidence: 0.7 },
        { long: 'C2', return: 0.02, confidence: 0.4 },
      ],
      maxWeight: 0.6,
    });
    const r = allocate(spec, input);
    expect(r.fallbacks).toEqual([]);
    // The posterior from the naive sample covariance; views per day (annual / 252).
    const post = blackLittermanPosterior({
      cov: flat(naiveCovariance(input)),
      k: 3,
      prior: Float64Array.from([1 / 3, 1 / 3, 1 / 3]),
      p: Float64Array.from([1, -1, 0, 0, 0, 1]),
      q: Float64Array.of(0.05 / 252, 0.02 / 252),
      confidence: Float64Array.of(0.7, 0.4),
      tau: 0.05,
      riskAversion: 2.5,
    });
    expect(post.ok).toBe(true);
    if (!post.ok) return;
    const utility = (w: number[]) => {
      let u = 0;
      for (let i = 0; i < 3; i++) {
        u += post.mean[i]! * w[i]!;
        for (let j = 0; j < 3; j++) u -= 1.25 * w[i]! * w[j]! * post.cov[i * 3 + j]!;
      }
      return u;
    };
    const best = utility([...r.weights]);
    let gridBest = -Infinity;
    for (let a = 0; a <= 200; a++) {
      for (let b = 0; b <= 200 - a; b++) {
        const w = [a / 200, b / 200, (200 - a - b) / 200];
        if (w.some((x) => x > 0.6 + 1e-12)) continue;
        const u = utility(w);
        expect(u).toBeLessThanOrEqual(best + 1e-12);
        gridBest = Math.max(gridBest, u);
      }
    }
    expect(best - gridBest).toBeLessThan(1e-6);
    r.weights.forEach((w) => expect(w).toBeLessThanOrEqual(0.6));
    expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });

  it('a more confident bullish view on C2 raises its weight; a view on a candidate without data is dropped with a warning', () => {
    const input = syntheticInput(342, 4, 252);
    const w = (c: number) => allocate(parseAllocationSpec({ method: 'blackLitterman', views: [{ long: 'C2', return: 0.5, confidence: c }] }), input).weights[2]!;
    expect(w(0.2)).toBeLessThan(w(0.5));
    expect(w(0.5)).toBeLessThan(w(0.9));
    const dead = { ...input, eligible: Uint8Array.from([1, 1, 1, 0]) };
    const r = allocate(parseAllocationSpec({ method: 'blackLitterman', views: [{ long: 'C3', return: 0.5 }, { long: 'C9', return: 0.1 }] }), dead);
    expect(r.warnings).toEqual(['blackLitterman: view 1 dropped: C3 has no data']);
    expect(r.weights[3]).toBe(0);
  });

  it('rejects a view that mixes the absolute and relative forms', () => {
    expect(() => parseAllocationSpec({ method: 'blackLitterman', views: [{ long: 'A', short: 'B', return: 0.02 }] })).toThrow();
    expect(() => parseAllocationSpec({ method: 'blackLitterman', views: [{ long: 'A', excess: 0.02 }] })).toThrow();
    expect(() => parseAllocationSpec({ method: 'blackLitterman', views: [] })).toThrow();
  });
});
