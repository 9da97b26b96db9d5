/** Runs a workload after a warm-up and returns its timing summary (milliseconds). */
export interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

export function measure(fn: () => unknown, runs: number, warmup = 3): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

export async function measureAsync(fn: () => Promise<unknown>, runs: number, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

export function summarize(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianMs = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { medianMs, minMs: sorted[0]!, maxMs: sorted[sorted.length - 1]!, runs: sorted.length };
}

/**
 * Our workload and another one timed in turns (ours, theirs, ours, …) after `warmup` rounds, so
 * that a machine's changing load falls on both alike. `theirs` returns its own measured ms.
 */
export async function measureInterleaved(ours: () => unknown, theirs: () => Promise<number>, runs: number, warmup = 3): Promise<{ ours: Timing; theirs: Timing }> {
  for (let i = 0; i < warmup; i++) {
    ours();
    await theirs();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    ours();
    a.push(performance.now() - t0);
    b.push(await theirs());
  }
  return { ours: summarize(a), theirs: summarize(b) };
}
