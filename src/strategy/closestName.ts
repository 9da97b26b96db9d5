/** Levenshtein distance between two short strings (case-insensitive). */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const row = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (s[i - 1] === t[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[t.length] as number;
}

/**
 * The closest candidate to `name` if it is plausibly a typo of it, else undefined: the smallest
 * edit distance when it is at most max(2, ⌊|name| / 3⌋); otherwise a candidate of at least 4
 * letters that `name` starts with or that starts with `name` (inverseVolatility → inverseVol).
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const byDistance = closestByDistance(name, candidates);
  if (byDistance !== undefined) return byDistance;
  const lower = name.toLowerCase();
  return candidates.find((c) => {
    const l = c.toLowerCase();
    return Math.min(l.length, lower.length) >= 4 && (lower.startsWith(l) || l.startsWith(lower));
  });
}

function closestByDistance(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
