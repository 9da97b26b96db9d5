import { describe, expect, it } from 'vitest';
import { hercWeights, hrpWeights, largestGapClusters } from '../../../src/numeric/hierarchicalWeights.js';
import { correlationDistance, leafOrder, linkageTree } from '../../../src/numeric/linkageTree.js';

/**
 * A hand-built 4-asset covariance, A B C D = 0 1 2 3:
 *   σ = 0.10, 0.20, 0.15, 0.25
 *   ρ_AC = 0.8, ρ_AB = 0.5, ρ_BC = 0.2, ρ_AD = 0, ρ_BD = 0.3, ρ_CD = −0.2
 * Covariances σ_iσ_jρ_ij: AB .01, AC .012, AD 0, BC .006, BD .015, CD −.0075;
 * variances A .01, B .04, C .0225, D .0625.
 * Distances √((1−ρ)/2): AC √.1, AB √.25 = .5, BC √.4, AD √.5, BD √.35, CD √.6.
 */
const V = { A: 0.01, B: 0.04, C: 0.0225, D: 0.0625 };
const COV = Float64Array.from([
  [0.01, 0.01, 0.012, 0],
  [0.01, 0.04, 0.006, 0.015],
  [0.012, 0.006, 0.0225, -0.0075],
  [0, 0.015, -0.0075, 0.0625],
].flat());

const heights = (linkage: 'single' | 'complete' | 'average' | 'ward') => linkageTree(correlationDistance(COV, 4), 4, linkage);

describe('linkage tree on the hand-built covariance', () => {
  it('correlation distances', () => {
    const d = correlationDistance(COV, 4);
    expect(d[0 * 4 + 2]).toBeCloseTo(Math.sqrt(0.1), 14);
    expect(d[0 * 4 + 1]).toBeCloseTo(0.5, 14);
    expect(d[2 * 4 + 3]).toBeCloseTo(Math.sqrt(0.6), 14);
    expect(d[1 * 4 + 1]).toBe(0);
  });

  it('single: (A,C) at √.1; B joins at min(.5, √.4) = .5; D joins at min(√.5, √.35, √.6) = √.35; order D B A C', () => {
    const m = heights('single');
    expect(m.map((x) => [x.left, x.right])).toEqual([[0, 2], [1, 4], [3, 5]]);
    expect(m.map((x) => x.height)).toEqual([Math.sqrt(0.1), 0.5, Math.sqrt(0.35)].map((h) => expect.closeTo(h, 14)));
    // Smaller cluster id first: 5 = (B, {A,C}), root = (D, 5) → D, B, A, C.
    expect(leafOrder(m, 4)).toEqual([3, 1, 0, 2]);
  });

  it('complete: (A,C); then (B,D) at √.35 < max(.5, √.4); root at max(√.4, √.5, √.6) = √.6; order A C B D', () => {
    const m = heights('complete');
    expect(m.map((x) => [x.left, x.right])).toEqual([[0, 2], [1, 3], [4, 5]]);
    expect(m.map((x) => x.height)).toEqual([Math.sqrt(0.1), Math.sqrt(0.35), Math.sqrt(0.6)].map((h) => expect.closeTo(h, 14)));
    expect(leafOrder(m, 4)).toEqual([0, 2, 1, 3]);
  });

  it('average: d({A,C},B) = (.5 + √.4)/2 < √.35, then d({B,A,C},D) = (√.35 + √.5 + √.6)/3', () => {
    const m = heights('average');
    expect(m.map((x) => [x.left, x.right])).toEqual([[0, 2], [1, 4], [3, 5]]);
    // d({A,C},D) = (√.5 + √.6)/2; merging B into {A,C}: (1·√.35 + 2·(√.5 + √.6)/2) / 3.
    const expected = [Math.sqrt(0.1), (0.5 + Math.sqrt(0.4)) / 2, (Math.sqrt(0.35) + Math.sqrt(0.5) + Math.sqrt(0.6)) / 3];
    expect(m.map((x) => x.height)).toEqual(expected.map((h) => expect.closeTo(h, 14)));
  });

  it('ward: d({A,C},B) = √((2·.25 + 2·.4 − .1)/3) = √.4 > √.35, so (B,D) next; root √((3·.4 + 3·.7 − 2·.35)/4) = √.65', () => {
    // d({A,C},D) = √((2·.5 + 2·.6 − .1)/3) = √.7.
    const m = heights('ward');
    expect(m.map((x) => [x.left, x.right])).toEqual([[0, 2], [1, 3], [4, 5]]);
    expect(m.map((x) => x.height)).toEqual([Math.sqrt(0.1), Math.sqrt(0.35), Math.sqrt(0.65)].map((h) => expect.closeTo(h, 14)));
  });

  it('ties merge the pair with the smallest ids first (deterministic)', () => {
    // Three equidistant points: (0,1) first, then (2, 3).
    const d = Float64Array.from([0, 1, 1, 1, 0, 1, 1, 1, 0]);
    expect(linkageTree(d, 3, 'single').map((x) => [x.left, x.right])).toEqual([[0, 1], [2, 3]]);
  });
});

/** Variance of the inverse-variance portfolio of {A, C}: w = (100, 400/9)/(1300/9) = (9/13, 4/13). */
const V_AC = (81 * 0.01 + 16 * 0.0225 + 2 * 9 * 4 * 0.012) / 169; // = 2.034/169
/** Of {D, B}: w = (16, 25)/41 → (16²·.0625 + 25²·.04 + 2·16·25·.015)/41² = (16 + 25 + 12)/1681. */
const V_DB = 53 / 1681;

describe('HRP (López de Prado 2016) by hand', () => {
  it('single linkage: halves [D,B] | [A,C], α = 1 − V_DB/(V_DB + V_AC); inside each pair inverse variance', () => {
    const alpha = 1 - V_DB / (V_DB + V_AC);
    // [D,B] → D gets 1 − .0625/(.0625 + .04) = 16/41 of it; [A,C] → A gets 1 − .01/.0325 = 9/13.
    const expected = [(1 - alpha) * (9 / 13), alpha * (25 / 41), (1 - alpha) * (4 / 13), alpha * (16 / 41)];
    const r = hrpWeights(COV, 4, 'single');
    expect(r.order).toEqual([3, 1, 0, 2]);
    r.weights.forEach((w, i) => expect(w).toBeCloseTo(expected[i]!, 14));
    expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });

  it('complete linkage reorders to A C | B D: α_AC = 1 − V_AC/(V_AC + V_BD)', () => {
    const alpha = 1 - V_AC / (V_AC + V_DB); // {B, D} is the same pair as {D, B}
    const expected = [alpha * (9 / 13), (1 - alpha) * (25 / 41), alpha * (4 / 13), (1 - alpha) * (16 / 41)];
    const r = hrpWeights(COV, 4, 'complete');
    r.weights.forEach((w, i) => expect(w).toBeCloseTo(expected[i]!, 14));
  });
});

describe('HERC (Raffinot 2018) by hand', () => {
  it('single linkage, 4 clusters: split down the tree D | {B,A,C}, then B | {A,C}, then A | C by summed variances', () => {
    // Root (D, {B,A,C}): D gets R_right/(R_left + R_right) = (.04 + .01 + .0225)/(.0625 + .0725).
    const aD = 0.0725 / 0.135;
    const aB = 0.0325 / 0.0725; // node (B, {A,C}): R_{A,C} = .01 + .0225
    const aA = 0.0225 / 0.0325;
    const expected = [(1 - aD) * (1 - aB) * aA, (1 - aD) * aB, (1 - aD) * (1 - aB) * (1 - aA), aD];
    const r = hercWeights(COV, 4, 'single', 4);
    r.weights.forEach((w, i) => expect(w).toBeCloseTo(expected[i]!, 14));
    expect(r.clusters).toEqual([[3], [1], [0], [2]]);
  });

  it('single linkage, 2 clusters: D | {B,A,C} with the inverse-variance variance of {B,A,C}, inverse variance inside', () => {
    // IVP of B, A, C: (25, 100, 400/9)/(1525/9) = (9, 36, 16)/61;
    // variance (9²·.04 + 36²·.01 + 16²·.0225 + 2·9·36·.01 + 2·9·16·.006 + 2·36·16·.012)/61² = 43.992/3721.
    const vBAC = 43.992 / 3721;
    const aD = vBAC / (0.0625 + vBAC);
    const expected = [(1 - aD) * (36 / 61), (1 - aD) * (9 / 61), (1 - aD) * (16 / 61), aD];
    const r = hercWeights(COV, 4, 'single', 2);
    r.weights.forEach((w, i) => expect(w).toBeCloseTo(expected[i]!, 14));
    expect(r.clusters).toEqual([[3], [1, 0, 2]]);
  });

  it('default cut at the largest height gap: .5 − √.1 > √.35 − .5, so 4 − 1 = 3 clusters {D}, {B}, {A,C}', () => {
    const merges = linkageTree(correlationDistance(COV, 4), 4, 'single');
    expect(largestGapClusters(merges, 4)).toBe(3);
    const aD = (V.B + V_AC) / (V.D + V.B + V_AC);
    const aB = V_AC / (V.B + V_AC);
    const expected = [(1 - aD) * (1 - aB) * (9 / 13), (1 - aD) * aB, (1 - aD) * (1 - aB) * (4 / 13), aD];
    const r = hercWeights(COV, 4, 'single');
    expect(r.clusters).toEqual([[3], [1], [0, 2]]);
    r.weights.forEach((w, i) => expect(w).toBeCloseTo(expected[i]!, 14));
  });

  it('one cluster is the inverse-variance portfolio; HRP and HERC agree on two candidates', () => {
    const ivp = [100, 25, 400 / 9, 16];
    const s = ivp.reduce((a, b) => a + b, 0);
    hercWeights(COV, 4, 'ward', 1).weights.forEach((w, i) => expect(w).toBeCloseTo(ivp[i]! / s, 14));
    const two = Float64Array.from([0.01, 0.003, 0.003, 0.04]);
    const a = hrpWeights(two, 2, 'single').weights;
    const b = hercWeights(two, 2, 'single').weights;
    // 1/.01 : 1/.04 = 4 : 1.
    expect([...a]).toEqual([expect.closeTo(0.8, 14), expect.closeTo(0.2, 14)]);
    expect([...b]).toEqual([expect.closeTo(0.8, 14), expect.closeTo(0.2, 14)]);
  });
});
