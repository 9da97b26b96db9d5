/**
 * Agglomerative hierarchical clustering on a distance matrix, with the leaf order
 * ("quasi-diagonalisation" or seriation) that hierarchical allocators bisect.
 *
 * Candidates are leaves 0..n−1; merge m (0-based) creates cluster n + m from two clusters
 * `left` < `right` (the smaller id first, as scipy.cluster.hierarchy.linkage writes its rows),
 * at `height`. At each step the pair of current clusters at the smallest distance merges; ties
 * go to the pair with the smallest (min id, max id), so the tree is deterministic. Distances
 * from the new cluster u = s ∪ t to every other cluster v follow Lance & Williams (1967):
 *
 *   single    d(u, v) = min(d(s, v), d(t, v))
 *   complete  d(u, v) = max(d(s, v), d(t, v))
 *   average   d(u, v) = (|s| d(s, v) + |t| d(t, v)) / (|s| + |t|)           (UPGMA)
 *   ward      d(u, v) = √(((|v|+|s|) d(s,v)² + (|v|+|t|) d(t,v)² − |v| d(s,t)²) / (|s|+|t|+|v|))
 *
 * (ward as in scipy's `method='ward'`, i.e. Ward (1963) on Euclidean-embeddable distances).
 * O(n³), meant for the handful of candidates an allocator sees.
 */

export type Linkage = 'single' | 'complete' | 'average' | 'ward';
export const LINKAGES = ['single', 'complete', 'average', 'ward'] as const;

export interface Merge {
  readonly left: number;
  readonly right: number;
  readonly height: number;
  /** Leaves under the new cluster. */
  readonly size: number;
}

/** The n − 1 merges of the dendrogram of a row-major n×n symmetric distance matrix. */
export function linkageTree(distance: Float64Array, n: number, linkage: Linkage): Merge[] {
  const d = Float64Array.from(distance);
  const id = Array.from({ length: n }, (_, i) => i); // cluster id held in matrix slot i
  const size = new Array<number>(n).fill(1);
  const alive = new Array<boolean>(n).fill(true);
  const merges: Merge[] = [];
  for (let m = 0; m < n - 1; m++) {
    let best = Infinity;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < n; j++) {
        if (!alive[j]) continue;
        const v = d[i * n + j] as number;
        if (v < best || (v === best && tieBefore(id, i, j, bi, bj))) {
          best = v;
          bi = i;
          bj = j;
        }
      }
    }
    const [a, b] = [id[bi] as number, id[bj] as number];
    const ns = size[bi] as number;
    const nt = size[bj] as number;
    for (let v = 0; v < n; v++) {
      if (!alive[v] || v === bi || v === bj) continue;
      const updated = lanceWilliams(linkage, d[bi * n + v] as number, d[bj * n + v] as number, best, ns, nt, size[v] as number);
      d[bi * n + v] = updated;
      d[v * n + bi] = updated;
    }
    alive[bj] = false;
    size[bi] = ns + nt;
    id[bi] = n + m;
    merges.push({ left: Math.min(a, b), right: Math.max(a, b), height: best, size: ns + nt });
  }
  return merges;
}

function tieBefore(id: number[], i: number, j: number, bi: number, bj: number): boolean {
  if (bi < 0) return true;
  const lo = Math.min(id[i] as number, id[j] as number);
  const hi = Math.max(id[i] as number, id[j] as number);
  const blo = Math.min(id[bi] as number, id[bj] as number);
  const bhi = Math.max(id[bi] as number, id[bj] as number);
  return lo < blo || (lo === blo && hi < bhi);
}

function lanceWilliams(linkage: Linkage, dsv: number, dtv: number, dst: number, ns: number, nt: number, nv: number): number {
  switch (linkage) {
    case 'single':
      return Math.min(dsv, dtv);
    case 'complete':
      return Math.max(dsv, dtv);
    case 'average':
      return (ns * dsv + nt * dtv) / (ns + nt);
    case 'ward': {
      const t = nv + ns + nt;
      return Math.sqrt(Math.max(0, ((nv + ns) * dsv * dsv + (nv + nt) * dtv * dtv - nv * dst * dst) / t));
    }
  }
}

/** Leaves of cluster `c` in dendrogram order (left subtree first), as in López de Prado's getQuasiDiag. */
export function leavesOf(merges: readonly Merge[], n: number, c: number): number[] {
  const out: number[] = [];
  const stack = [c];
  while (stack.length > 0) {
    const x = stack.pop() as number;
    if (x < n) out.push(x);
    else {
      const m = merges[x - n] as Merge;
      stack.push(m.right, m.left);
    }
  }
  return out;
}

/** The seriation: all leaves in dendrogram order (the root is cluster 2n − 2). */
export function leafOrder(merges: readonly Merge[], n: number): number[] {
  return n === 1 ? [0] : leavesOf(merges, n, 2 * n - 2);
}

/**
 * Correlation distance d_ij = √((1 − ρ_ij) / 2) (López de Prado 2016), a metric in [0, 1],
 * from a row-major covariance; ρ is clamped to [−1, 1] against rounding.
 */
export function correlationDistance(cov: Float64Array, n: number): Float64Array {
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const rho = (cov[i * n + j] as number) / Math.sqrt((cov[i * n + i] as number) * (cov[j * n + j] as number));
      d[i * n + j] = Math.sqrt((1 - Math.max(-1, Math.min(1, rho))) / 2);
    }
  }
  return d;
}
