/**
 * The AllocationInput a decision hands an allocator, as one class: every input has the same
 * shape (so the allocators' property reads stay monomorphic) and its return window is built on
 * the first read of `returns` (a prepared panel's moments usually make it unnecessary). A
 * getter in an object literal, as before, took V8's slow literal path at every decision.
 *
 * User modules get a plain snapshot instead (`plainInput`): arbitrary code may spread, clone or
 * serialise its input, and a class's prototype getter would be lost there.
 */
import { simpleReturnsInto } from '../core/simpleReturns.js';
import type { AllocationInput, WindowMoments } from './types.js';

/** Where a lazily built window comes from: these price columns, rows first..first+length−1. */
export interface WindowSource {
  readonly prices: Float64Array;
  readonly nRows: number;
  readonly assetIdx: readonly number[];
  readonly first: number;
}

export class WindowAllocationInput implements AllocationInput {
  private window: Float64Array | undefined;

  constructor(
    readonly n: number,
    readonly names: readonly string[],
    readonly length: number,
    readonly eligible: Uint8Array,
    readonly moments: WindowMoments | undefined,
    readonly out: Float64Array | undefined,
    /** Where the window comes from (null for a window given as is); the estimators slide their covariance along it. */
    readonly source: WindowSource | null,
    window?: Float64Array,
  ) {
    this.window = window;
  }

  get returns(): Float64Array {
    if (this.window === undefined) this.window = returnWindow(this.source!, this.n, this.length);
    return this.window;
  }
}

/** The assets' simple returns on the source's rows, column-major (n × length). */
function returnWindow(src: WindowSource, n: number, length: number): Float64Array {
  const w = new Float64Array(n * length);
  for (let i = 0; i < n; i++) simpleReturnsInto(src.prices, src.assetIdx[i]! * src.nRows, src.first, length, w, i * length);
  return w;
}

/** A plain-object copy of an input (returns built, eligible copied), with `moments` and `out` only when present. */
export function plainInput(input: AllocationInput): AllocationInput {
  // eligible is copied: the decider reuses its buffer at the next decision.
  const plain: { -readonly [K in keyof AllocationInput]: AllocationInput[K] } = { n: input.n, names: input.names, length: input.length, eligible: Uint8Array.from(input.eligible), returns: input.returns };
  if (input.moments !== undefined) plain.moments = input.moments;
  if (input.out !== undefined) plain.out = input.out;
  return plain;
}
