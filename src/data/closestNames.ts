/**
 * The names nearest to `wanted`, for "did you mean" lists: a case-insensitive exact match
 * first, then names containing it (or contained in it, when both have ≥ 3 characters), then by Levenshtein distance
 * (at most max(2, length/2) edits), up to `limit`.
 */
export function closestNames(wanted: string, names: readonly string[], limit = 5): string[] {
  const w = wanted.toLowerCase();
  const scored: { name: string; score: number }[] = [];
  for (const name of names) {
    const n = name.toLowerCase();
    let score: number;
    if (n === w) score = -2;
    else if (Math.min(n.length, w.length) >= 3 && (n.includes(w) || w.includes(n))) score = -1;
    else score = levenshtein(w, n);
    if (score <= Math.max(2, Math.floor(w.length / 2))) scored.push({ name, score });
  }
  scored.sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.name);
}

/** Edit distance (insertions, deletions, substitutions each cost 1). */
export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = cur;
  }
  return prev[b.length] as number;
}
