/**
 * The efficient mixes of a frontier for one risk measure: a mix is efficient when no other mix
 * has a CAGR at least as high and a risk at least as low with one of the two strictly better
 * (Pareto dominance; Markowitz 1952 for the mean–variance case). Mixes with a null figure are
 * never efficient. O(n log n): sorted by risk, a mix is efficient when its CAGR beats every
 * CAGR of a mix with strictly lower risk and it is the best of its own risk level.
 */
export function efficientSet(points: readonly { cagr: number | null; risk: number | null }[]): boolean[] {
  const idx = points.map((_, i) => i).filter((i) => points[i]!.cagr !== null && points[i]!.risk !== null);
  idx.sort((a, b) => points[a]!.risk! - points[b]!.risk! || points[b]!.cagr! - points[a]!.cagr!);
  const out = points.map(() => false);
  let best = -Infinity;
  for (let j = 0; j < idx.length; ) {
    // One risk level at a time: its best CAGR (first after the sort) is efficient if it beats every lower-risk CAGR.
    let end = j;
    while (end < idx.length && points[idx[end]!]!.risk === points[idx[j]!]!.risk) end++;
    const top = points[idx[j]!]!.cagr!;
    if (top > best) for (let t = j; t < end && points[idx[t]!]!.cagr === top; t++) out[idx[t]!] = true;
    best = Math.max(best, top);
    j = end;
  }
  return out;
}
