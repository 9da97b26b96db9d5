/** Number formatting for people (renderers only). null shows as an en dash. */
export function pct(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return Number.isFinite(x * 100) ? `${fixed(x * 100, digits)}%` : hugePercent(x, digits);
}

/** A finite fraction whose percentage overflows a double (|x| > 1.8e306): 1e308 → "1.00e+310%". */
export function hugePercent(x: number, digits: number): string {
  const [mantissa, exponent] = x.toExponential(digits).split('e');
  return `${mantissa}e+${Number(exponent) + 2}%`;
}

export function num(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : fixed(x, digits);
}

/** toFixed without a minus sign on values that round to zero (−6.7e-16 shows as 0.00). */
function fixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/**
 * Aligns rows of cells into columns: by default the first column left-aligned and the others
 * right-aligned (numbers); `leftAligned: true` aligns every column left (text).
 */
export function textTable(rows: readonly (readonly string[])[], options: { gap?: number; leftAligned?: boolean } = {}): string {
  const gap = options.gap ?? 2;
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(c))));
  return rows
    .map((row) =>
      row
        .map((c, i) => {
          const pad = ' '.repeat((widths[i] ?? 0) - visibleLength(c));
          return i === 0 || options.leftAligned ? c + pad : pad + c;
        })
        .join(' '.repeat(gap))
        .trimEnd(),
    )
    .join('\n');
}

function visibleLength(s: string): number {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;]*m/g, '').length;
}
