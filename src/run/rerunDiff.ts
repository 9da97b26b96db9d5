/**
 * Exact differences between two JSON values (as parsed from report files): every leaf whose
 * value differs (numbers compared with ===, so bit for bit after the JSON round trip), every
 * key present on one side only, every array whose length differs. Paths look like
 * `metrics.cagr` and `drawdowns[0].depth`. Keys listed in `ignore` (top-level) are skipped.
 */
export interface JsonDifference {
  path: string;
  before: unknown;
  after: unknown;
}

export function diffJson(before: unknown, after: unknown, ignore: readonly string[] = []): { differences: JsonDifference[]; compared: number } {
  const differences: JsonDifference[] = [];
  let compared = 0;
  const walk = (a: unknown, b: unknown, path: string, depth: number): void => {
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) differences.push({ path: `${path}.length`, before: a.length, after: b.length });
      const n = Math.min(a.length, b.length);
      for (let i = 0; i < n; i++) walk(a[i], b[i], `${path}[${i}]`, depth + 1);
      return;
    }
    if (isObject(a) && isObject(b)) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const k of keys) {
        if (depth === 0 && ignore.includes(k)) continue;
        const p = path ? `${path}.${k}` : k;
        if (!(k in a)) differences.push({ path: p, before: undefined, after: b[k] });
        else if (!(k in b)) differences.push({ path: p, before: a[k], after: undefined });
        else walk(a[k], b[k], p, depth + 1);
      }
      return;
    }
    compared++;
    if (!Object.is(a, b)) differences.push({ path, before: a, after: b });
  };
  walk(before, after, '', 0);
  return { differences, compared };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}
