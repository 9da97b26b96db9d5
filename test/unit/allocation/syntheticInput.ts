import type { AllocationInput } from '../../../src/allocation/types.js';

/** Seeded uniform [0, 1) generator (mulberry32), so generated inputs are reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box-Muller from a seeded uniform generator. */
export function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-300);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/**
 * Daily returns for n candidates over `length` rows from a one-factor model
 * r_i = drift_i + β_i f + σ_i ε_i (β in [0.3, 1.3], σ in [0.005, 0.03]), column-major.
 */
export function syntheticInput(seed: number, n: number, length: number): AllocationInput {
  const rand = mulberry32(seed);
  const beta = Array.from({ length: n }, () => 0.3 + rand());
  const sigma = Array.from({ length: n }, () => 0.005 + 0.025 * rand());
  const drift = Array.from({ length: n }, () => (rand() - 0.4) * 0.002);
  const returns = new Float64Array(n * length);
  for (let s = 0; s < length; s++) {
    const f = 0.01 * normal(rand);
    for (let i = 0; i < n; i++) returns[i * length + s] = drift[i]! + beta[i]! * f + sigma[i]! * normal(rand);
  }
  return {
    n,
    names: Array.from({ length: n }, (_, i) => `C${i}`),
    returns,
    length,
    eligible: new Uint8Array(n).fill(1),
  };
}

/** Naive sample covariance (divisor m − 1) of columns over all rows, row-major. */
export function naiveCovariance(input: AllocationInput, from = 0): number[][] {
  const m = input.length - from;
  const col = (i: number) => Array.from({ length: m }, (_, s) => input.returns[i * input.length + from + s]!);
  const cols = Array.from({ length: input.n }, (_, i) => col(i));
  const means = cols.map((c) => c.reduce((a, b) => a + b, 0) / m);
  return cols.map((a, i) => cols.map((b, j) => a.reduce((acc, v, s) => acc + (v - means[i]!) * (b[s]! - means[j]!), 0) / (m - 1)));
}

/** Solves A x = b by Gaussian elimination with partial pivoting (a naive reference). */
export function gaussSolve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k] = m[r]![k]! - f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

/** Row-major Float64Array of a nested array matrix. */
export function flat(a: number[][]): Float64Array {
  return Float64Array.from(a.flat());
}

/** The input with one more candidate X: all-NaN returns and ineligible. */
export function withDeadCandidate(input: AllocationInput): AllocationInput {
  const returns = new Float64Array((input.n + 1) * input.length).fill(Number.NaN);
  returns.set(input.returns);
  const eligible = new Uint8Array(input.n + 1);
  eligible.set(input.eligible);
  return { n: input.n + 1, names: [...input.names, 'X'], returns, length: input.length, eligible };
}
