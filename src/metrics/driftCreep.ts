/**
 * Drift creep: how far concentration rises between rebalances as winners grow.
 * driftCreep = max over rows t ≥ the first rebalance of hhi_t − hhi_{ρ(t)}, where ρ(t) is the
 * last rebalance row ≤ t (0 on rebalance rows themselves, so the value is ≥ 0). Rows where
 * either hhi is NaN (fully in cash) are skipped. Returns the row of the maximum and its
 * rebalance row; value NaN (rows −1) when there is no rebalance or no usable row.
 */
export function driftCreep(hhi: Float64Array, rebalanceIndices: Int32Array): { value: number; row: number; rebalanceRow: number } {
  const sorted = Int32Array.from(rebalanceIndices).sort();
  let best = { value: Number.NaN, row: -1, rebalanceRow: -1 };
  let next = 0;
  let ref = -1;
  for (let t = 0; t < hhi.length; t++) {
    while (next < sorted.length && (sorted[next] as number) <= t) ref = sorted[next++] as number;
    if (ref < 0) continue;
    const creep = (hhi[t] as number) - (hhi[ref] as number);
    if (Number.isNaN(creep)) continue;
    if (!(creep <= best.value)) best = { value: creep, row: t, rebalanceRow: ref };
  }
  return best;
}
