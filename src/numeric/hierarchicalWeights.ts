import { correlationDistance, leafOrder, leavesOf, linkageTree, type Linkage, type Merge } from './linkageTree.js';

/**
 * The two hierarchical allocations on a row-major k×k covariance (every variance > 0; the
 * callers check). Both cluster the correlation distance √((1 − ρ)/2) with the given linkage
 * (numeric/linkageTree.ts) and never invert Σ.
 */

/** Outcome of the hierarchical allocations: weights (Σ = 1), the seriation and the clusters used. */
export interface HierarchicalResult {
  readonly weights: Float64Array;
  readonly order: readonly number[];
  readonly merges: readonly Merge[];
  /** HERC only: the clusters at the cut, each in dendrogram order. */
  readonly clusters?: readonly (readonly number[])[];
}

/**
 * Hierarchical Risk Parity (López de Prado 2016, "Building diversified portfolios that
 * outperform out of sample", J. Portfolio Management 42(4)): tree clustering, quasi-
 * diagonalisation (the leaves in dendrogram order), then recursive bisection: every list of
 * the seriated leaves is cut in two halves L = first ⌊m/2⌋, R = the rest; with V_L, V_R the
 * variances of the inverse-variance portfolios of each half, α = 1 − V_L / (V_L + V_R); the
 * weights of L are multiplied by α and those of R by 1 − α, until every list is one leaf.
 */
export function hrpWeights(cov: Float64Array, k: number, linkage: Linkage): HierarchicalResult {
  const merges = linkageTree(correlationDistance(cov, k), k, linkage);
  const order = leafOrder(merges, k);
  const weights = new Float64Array(k).fill(1);
  const pending: number[][] = [order];
  while (pending.length > 0) {
    const items = pending.pop() as number[];
    if (items.length < 2) continue;
    const half = Math.floor(items.length / 2);
    const left = items.slice(0, half);
    const right = items.slice(half);
    const vl = inverseVarianceClusterVariance(cov, k, left);
    const vr = inverseVarianceClusterVariance(cov, k, right);
    const alpha = 1 - vl / (vl + vr);
    for (const i of left) weights[i] = (weights[i] as number) * alpha;
    for (const i of right) weights[i] = (weights[i] as number) * (1 - alpha);
    pending.push(right, left);
  }
  return { weights, order, merges };
}

/**
 * Hierarchical Equal Risk Contribution (Raffinot 2018, "The hierarchical equal risk
 * contribution portfolio", SSRN 3237540), with variance as the risk measure: the tree is cut
 * into `clusters` clusters (default: at the largest gap between successive merge heights);
 * going down the dendrogram above the cut, each node's weight is split between its two
 * children in inverse proportion to their risk, α_left = R_right / (R_left + R_right), where a
 * child's risk is the sum over its clusters of the variance of each cluster's inverse-variance
 * portfolio; inside each cluster the weight is spread by inverse variance (naive risk parity).
 */
export function hercWeights(cov: Float64Array, k: number, linkage: Linkage, clusters?: number): HierarchicalResult {
  const merges = linkageTree(correlationDistance(cov, k), k, linkage);
  const order = leafOrder(merges, k);
  const count = Math.max(1, Math.min(k, clusters ?? largestGapClusters(merges, k)));
  // Clusters at the cut: the tree after the first k − count merges; merge m is above the cut when m ≥ k − count.
  const isCluster = (c: number) => c < k || c - k < k - count;
  const risk = new Map<number, number>();
  const riskOf = (c: number): number => {
    let r = risk.get(c);
    if (r === undefined) {
      if (isCluster(c)) r = inverseVarianceClusterVariance(cov, k, leavesOf(merges, k, c));
      else {
        const m = merges[c - k] as Merge;
        r = riskOf(m.left) + riskOf(m.right);
      }
      risk.set(c, r);
    }
    return r;
  };
  const weights = new Float64Array(k);
  const found: number[][] = [];
  const pending: { c: number; w: number }[] = [{ c: 2 * k - 2, w: 1 }];
  if (k === 1) pending[0] = { c: 0, w: 1 };
  while (pending.length > 0) {
    const { c, w } = pending.pop() as { c: number; w: number };
    if (isCluster(c)) {
      const members = leavesOf(merges, k, c);
      found.push(members);
      const ivp = inverseVarianceWeights(cov, k, members);
      members.forEach((i, a) => (weights[i] = w * (ivp[a] as number)));
      continue;
    }
    const m = merges[c - k] as Merge;
    const rl = riskOf(m.left);
    const rr = riskOf(m.right);
    const alpha = rr / (rl + rr);
    pending.push({ c: m.right, w: w * (1 - alpha) }, { c: m.left, w: w * alpha });
  }
  return { weights, order, merges, clusters: found };
}

/**
 * Default number of HERC clusters: cut where the dendrogram has its largest jump between
 * successive merge heights h_{m−1} → h_m (m = 1..k−2), leaving k − m clusters; the first
 * largest jump wins ties. Fewer than three candidates: each is its own cluster.
 */
export function largestGapClusters(merges: readonly Merge[], k: number): number {
  if (k < 3) return k;
  let bestGap = -Infinity;
  let bestM = 1;
  for (let m = 1; m <= k - 2; m++) {
    const gap = (merges[m] as Merge).height - (merges[m - 1] as Merge).height;
    if (gap > bestGap) {
      bestGap = gap;
      bestM = m;
    }
  }
  return k - bestM;
}

/** Inverse-variance weights w_i = (1/Σ_ii) / Σ_j (1/Σ_jj) over the given members. */
export function inverseVarianceWeights(cov: Float64Array, k: number, members: readonly number[]): Float64Array {
  const w = Float64Array.from(members, (i) => 1 / (cov[i * k + i] as number));
  const s = w.reduce((a, b) => a + b, 0);
  return w.map((v) => v / s);
}

/** wᵀΣw of the inverse-variance portfolio of the given members (López de Prado's getClusterVar). */
export function inverseVarianceClusterVariance(cov: Float64Array, k: number, members: readonly number[]): number {
  const w = inverseVarianceWeights(cov, k, members);
  let v = 0;
  members.forEach((i, a) => members.forEach((j, b) => (v += (w[a] as number) * (w[b] as number) * (cov[i * k + j] as number))));
  return v;
}
